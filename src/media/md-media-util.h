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

/* Streaming thread: pushes a copy of @buffer into @appsrc, after setting
 * @new_caps on it when not NULL. The copy shares the memory; its timestamps
 * are cleared because they mean nothing on the other side's clock: @appsrc
 * (do-timestamp) stamps it on arrival. */
void        md_media_push_copy       (GstElement *appsrc,
                                      GstCaps    *new_caps,
                                      GstBuffer  *buffer);
/* Copies every buffer passing @pad into @appsrc from now on. */
void        md_media_tap_to_appsrc   (GstPad     *pad,
                                      GstElement *appsrc);

G_END_DECLS
