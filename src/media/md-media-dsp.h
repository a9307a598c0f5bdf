/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gst/gst.h>

#include "md-media-session.h"

G_BEGIN_DECLS

/* Browser-style processing of computer audio, private to src/media:
 * webrtcdsp on the mic (echo cancellation, noise suppression, gain
 * control) and the webrtcechoprobe it needs on the speaker path, which
 * tells the canceller what the room is hearing. */

/* Adds webrtcdsp after @upstream (raw audio at 8, 16, 32 or 48 kHz) and
 * returns it; @probe_name names the probe that md_media_dsp_add_probe()
 * adds to the same pipeline. */
GstElement *md_media_dsp_add       (GstElement *pipeline,
                                    GstElement *upstream,
                                    MdMediaDsp  dsp,
                                    const char *probe_name);
GstElement *md_media_dsp_add_probe (GstElement *pipeline,
                                    const char *probe_name);

G_END_DECLS
