/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <gst/gst.h>

#include "md-dtmf-sender.h"
#include "md-media-bridge.h"
#include "md-media-codec-private.h"
#include "md-media-session.h"

G_BEGIN_DECLS

/* The GStreamer side of one media session: an rtpbin pipeline with its send
 * path (mic → volume → encoder → payloader → rtpdtmfmux → rtpbin → udpsink)
 * and receive path (udpsrc → rtpbin → depayloader → decoder → speaker).
 * Private to src/media; every function runs on the main context. */
typedef struct _MdMediaPipeline MdMediaPipeline;

/* Builds the pipeline, not yet playing, with @mic and @speaker added to it
 * (the caller keeps its own references). @recording_sink is the element inside @speaker whose EOS means
 * its WAV file is complete, or NULL. */
MdMediaPipeline *md_media_pipeline_new             (const MdMediaParams    *params,
                                                    const MdMediaCodecInfo *info,
                                                    GstElement             *mic,
                                                    gboolean                mic_is_live,
                                                    MdMediaDsp              dsp,
                                                    GstElement             *speaker,
                                                    GstElement             *recording_sink,
                                                    gboolean                muted,
                                                    GSocket                *rtp_socket,
                                                    GSocket                *rtcp_socket);
GstElement      *md_media_pipeline_get_element     (MdMediaPipeline        *self);
MdDtmfSender    *md_media_pipeline_get_dtmf_sender (MdMediaPipeline        *self);
void             md_media_pipeline_set_remote      (MdMediaPipeline        *self,
                                                    const MdMediaParams    *params);
void             md_media_pipeline_set_directions  (MdMediaPipeline        *self,
                                                    gboolean                send,
                                                    gboolean                receive);
void             md_media_pipeline_set_event_pt    (MdMediaPipeline        *self,
                                                    int                     payload_type);
void             md_media_pipeline_set_muted       (MdMediaPipeline        *self,
                                                    gboolean                muted);
/* The route switch of the send path; see md-media-bridge.h. */
MdMediaBridge   *md_media_pipeline_get_bridge      (MdMediaPipeline        *self);
void             md_media_pipeline_set_speaker_muted (MdMediaPipeline      *self,
                                                    gboolean                muted);
/* Moves the system sound devices ("auto") to the devices named @input_id
 * and @output_id (NULL: leaves that side); the call goes on. */
void             md_media_pipeline_move_devices    (MdMediaPipeline        *self,
                                                    const char             *input_id,
                                                    const char             *output_id);
/* Monotonic time (µs) of the last RTP packet in, or of the last reset. */
gint64           md_media_pipeline_get_last_packet (MdMediaPipeline        *self);
void             md_media_pipeline_reset_last_packet (MdMediaPipeline      *self);
/* Adapts the jitter buffer to the network (about once a second); returns
 * its latency in ms. */
guint            md_media_pipeline_adapt_jitter    (MdMediaPipeline        *self);
/* Ends a WAV recording so its header is final; waits for it, bounded. */
void             md_media_pipeline_finish_recording (MdMediaPipeline       *self);
/* Stops the pipeline (NULL state) and frees it; the sockets stay open. */
void             md_media_pipeline_free            (MdMediaPipeline        *self);

G_END_DECLS
