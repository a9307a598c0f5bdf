/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  MD_RING_TONE_NONE,
  MD_RING_TONE_BACK,       /* our call rings at the far end (ringback) */
  MD_RING_TONE_INCOMING,   /* a call comes in: our phone rings */
} MdRingToneKind;

#define MD_TYPE_RING_TONE (md_ring_tone_get_type ())
G_DECLARE_FINAL_TYPE (MdRingTone, md_ring_tone, MD, RING_TONE, GObject)

/* Plays @kind's cadence on the system's sound device @device_id (NULL: the
 * default output) until the object is disposed. NULL, with @error, when no
 * sound device opens. The cadence runs on the thread-default main context. */
MdRingTone *md_ring_tone_new (MdRingToneKind   kind,
                              const char      *device_id,
                              GError         **error);

G_END_DECLS
