/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  MD_MEDIA_DEVICE_INPUT,    /* microphones (and a sound server's monitors) */
  MD_MEDIA_DEVICE_OUTPUT,   /* speakers, headsets */
} MdMediaDeviceKind;

/* One sound device the system offers. */
typedef struct {
  MdMediaDeviceKind  kind;
  char              *name;        /* for people: "Built-in Audio Analog Stereo" */
  char              *id;          /* the sound server's own name; what settings keep */
  gboolean           is_default;
} MdMediaDevice;

void     md_media_device_free   (MdMediaDevice *device);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MdMediaDevice, md_media_device_free)

/* The system's inputs then outputs (GstDeviceMonitor), as MdMediaDevice;
 * empty when no sound server runs. */
GPtrArray *md_media_devices_list (void);

G_END_DECLS
