/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-media"

#include "config.h"

#include "md-media-devices.h"
#include "md-media-codec-private.h"

#include <gst/gst.h>

void
md_media_device_free (MdMediaDevice *device)
{
  if (device == NULL)
    return;
  g_free (device->name);
  g_free (device->id);
  g_free (device);
}

/* The sound server's name for the device, which pulsesrc/pulsesink take as
 * "device": the element the device makes carries it. */
static char *
device_id (GstDevice *device)
{
  g_autoptr(GstElement) element = gst_device_create_element (device, NULL);
  char *id = NULL;

  if (element != NULL &&
      g_object_class_find_property (G_OBJECT_GET_CLASS (element), "device") != NULL)
    g_object_get (element, "device", &id, NULL);
  if (element != NULL)
    gst_object_ref_sink (element);
  return id != NULL ? id : gst_device_get_display_name (device);
}

static gboolean
device_is_default (GstDevice *device)
{
  g_autoptr(GstStructure) props = gst_device_get_properties (device);
  gboolean is_default = FALSE;

  if (props != NULL)
    gst_structure_get_boolean (props, "is-default", &is_default);
  return is_default;
}

static void
add_devices (GPtrArray         *out,
             GList             *devices,
             MdMediaDeviceKind  kind,
             const char        *device_class)
{
  for (GList *l = devices; l != NULL; l = l->next)
    {
      GstDevice *device = l->data;
      MdMediaDevice *entry;

      if (!gst_device_has_classes (device, device_class))
        continue;
      entry = g_new0 (MdMediaDevice, 1);
      entry->kind = kind;
      entry->name = gst_device_get_display_name (device);
      entry->id = device_id (device);
      entry->is_default = device_is_default (device);
      g_ptr_array_add (out, entry);
    }
}

GPtrArray *
md_media_devices_list (void)
{
  g_autoptr(GstDeviceMonitor) monitor = NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) md_media_device_free);
  GList *devices;

  md_media_ensure_gst ();
  monitor = gst_device_monitor_new ();
  gst_device_monitor_add_filter (monitor, "Audio/Source", NULL);
  gst_device_monitor_add_filter (monitor, "Audio/Sink", NULL);
  /* Starting probes the providers once; no bus watch is needed for a list. */
  if (!gst_device_monitor_start (monitor))
    return out;
  devices = gst_device_monitor_get_devices (monitor);
  gst_device_monitor_stop (monitor);

  add_devices (out, devices, MD_MEDIA_DEVICE_INPUT, "Audio/Source");
  add_devices (out, devices, MD_MEDIA_DEVICE_OUTPUT, "Audio/Sink");
  g_list_free_full (devices, gst_object_unref);
  return out;
}
