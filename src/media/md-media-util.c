/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-media"

#include "config.h"

#include "md-media-util.h"

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

GstElement *
md_media_add_caps_filter (GstElement *bin,
                          GstCaps    *caps)
{
  GstElement *filter = md_media_add_element (bin, "capsfilter", NULL);

  g_object_set (filter, "caps", caps, NULL);
  return filter;
}
