/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gst/gst.h>

G_BEGIN_DECLS

/* The audio-route switch point of one pipeline, private to src/media.
 *
 * The send path runs through a funnel with two valved inputs: the local
 * microphone and a "bridge" input that carries audio decoded by another call
 * (the phone leg of "call me"). Switching routes only changes which input
 * goes on, so the encoder, the SSRC and the RTP sequence never stop; the
 * caller switches once the new input carries audio (make-before-break). A tap on the decoded audio
 * copies what the far end says to the connected peer's bridge input.
 * Everything runs on the main context but the tap, which only touches a
 * locked block of its own. */
typedef struct _MdMediaBridge MdMediaBridge;

/* Adds the funnel to @pipeline with @local (raw audio at @caps) as one of
 * its inputs; link onwards from md_media_bridge_get_output(). */
MdMediaBridge *md_media_bridge_new          (GstElement    *pipeline,
                                             GstElement    *local,
                                             GstCaps       *caps,
                                             guint          ptime_ms);
GstElement    *md_media_bridge_get_output   (MdMediaBridge *self);
/* Copies every buffer passing @decoded (the far end's audio) to the peer. */
void           md_media_bridge_tap          (MdMediaBridge *self,
                                             GstPad        *decoded);
/* Which input is sent: one of them, or neither (silence). */
void           md_media_bridge_set_levels   (MdMediaBridge *self,
                                             gboolean       local_on,
                                             gboolean       bridge_on);
/* Each one's far-end audio becomes the other's bridge input. The first
 * buffer that then reaches @self's bridge input posts an application
 * message "md-bridge-audio" on @self's bus. */
void           md_media_bridge_connect      (MdMediaBridge *self,
                                             MdMediaBridge *peer);
void           md_media_bridge_disconnect   (MdMediaBridge *self);
/* Disconnects; the elements go with the pipeline. */
void           md_media_bridge_free         (MdMediaBridge *self);

G_END_DECLS
