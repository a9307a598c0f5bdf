/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gst/gst.h>

G_BEGIN_DECLS

#define MD_JITTER_START_MS 60
#define MD_JITTER_MIN_MS   40
#define MD_JITTER_MAX_MS   300

/* Makes rtpbin's jitter buffers adaptive: from the jitter and the late
 * packets they count, it raises their latency at once when the network
 * gets worse and lowers it slowly when it calms down. Private to src/media;
 * main context only. */
typedef struct _MdJitterAdapter MdJitterAdapter;

MdJitterAdapter *md_jitter_adapter_new    (GstElement      *rtpbin);
/* Looks at the statistics and sets a new latency if needed; returns the
 * latency (ms) now in effect. Call it about once a second. */
guint            md_jitter_adapter_update (MdJitterAdapter *self);
void             md_jitter_adapter_free   (MdJitterAdapter *self);

G_END_DECLS
