/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gst/gst.h>

G_BEGIN_DECLS

/* Pipeline building blocks shared inside src/media. */

/* Makes an element of @factory (named @name, or automatically when NULL)
 * and adds it to @bin; a missing element is a broken installation. */
GstElement *md_media_add_element     (GstElement *bin,
                                      const char *factory,
                                      const char *name);
/* A capsfilter for @caps, added to @bin. */
GstElement *md_media_add_caps_filter (GstElement *bin,
                                      GstCaps    *caps);

G_END_DECLS
