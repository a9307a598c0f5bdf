/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-media"

#include "config.h"

#include "md-media-util.h"

#include <gst/app/gstappsrc.h>

GstElement *
md_media_add_element (GstElement *bin,
                      const char *factory,
                      const char *name)
{
  GstElement *element = gst_element_factory_make (factory, name);

  /* The codec and element list is checked up front: a missing one here is
   * a broken GStreamer installation, not a user error. */
  if (element == NULL)
    g_critical ("GStreamer element %s is missing", factory);
  else
    gst_bin_add (GST_BIN (bin), element);
  return element;
}

void
md_media_push_copy (GstElement *appsrc,
                    GstCaps    *new_caps,
                    GstBuffer  *buffer)
{
  GstBuffer *copy = gst_buffer_copy (buffer);

  if (new_caps != NULL)
    gst_app_src_set_caps (GST_APP_SRC (appsrc), new_caps);
  GST_BUFFER_PTS (copy) = GST_CLOCK_TIME_NONE;
  GST_BUFFER_DTS (copy) = GST_CLOCK_TIME_NONE;
  GST_BUFFER_OFFSET (copy) = GST_BUFFER_OFFSET_NONE;
  GST_BUFFER_OFFSET_END (copy) = GST_BUFFER_OFFSET_NONE;
  /* Fails only while the other side shuts down: nothing to do. */
  gst_app_src_push_buffer (GST_APP_SRC (appsrc), copy);
}

/* Only the streaming thread of one pad touches it. */
typedef struct {
  GstElement *appsrc;
  GstCaps    *caps;
} Tap;

static void
tap_free (gpointer data)
{
  Tap *tap = data;

  gst_object_unref (tap->appsrc);
  g_clear_pointer (&tap->caps, gst_caps_unref);
  g_free (tap);
}

static GstPadProbeReturn
on_tapped_buffer (GstPad          *pad,
                  GstPadProbeInfo *info,
                  gpointer         user_data)
{
  Tap *tap = user_data;
  g_autoptr(GstCaps) caps = gst_pad_get_current_caps (pad);
  gboolean new_caps;

  if (caps == NULL)
    return GST_PAD_PROBE_OK;
  new_caps = tap->caps == NULL || !gst_caps_is_equal (caps, tap->caps);
  if (new_caps)
    gst_caps_replace (&tap->caps, caps);
  md_media_push_copy (tap->appsrc, new_caps ? caps : NULL, GST_PAD_PROBE_INFO_BUFFER (info));
  return GST_PAD_PROBE_OK;
}

void
md_media_tap_to_appsrc (GstPad     *pad,
                        GstElement *appsrc)
{
  Tap *tap = g_new0 (Tap, 1);

  tap->appsrc = gst_object_ref (appsrc);
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, on_tapped_buffer, tap, tap_free);
}

GstElement *
md_media_add_caps_filter (GstElement *bin,
                          GstCaps    *caps)
{
  GstElement *filter = md_media_add_element (bin, "capsfilter", NULL);

  g_object_set (filter, "caps", caps, NULL);
  return filter;
}
