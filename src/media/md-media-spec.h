/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gst/gst.h>

G_BEGIN_DECLS

/* The names of the system sound devices ("auto") in a pipeline, so that
 * their errors can be told apart from other failures. */
#define MD_MEDIA_SPEC_MIC_DEVICE     "mic-device"
#define MD_MEDIA_SPEC_SPEAKER_DEVICE "speaker-device"
/* The appsrc of an echo-loop:MS mic, which the pipeline feeds with what
 * the speaker plays. */
#define MD_MEDIA_SPEC_ECHO_LOOP_INPUT "echo-loop-input"

/* @device_id: for "auto", the sound server's name of the device to open
 * (md-media-devices.h), or NULL for the system default.
 *
 * Builds the microphone side of an audio SPEC (CLI.md: auto, tone:FREQ,
 * file:PATH.wav, null) as one element with a raw-audio "src" pad; the
 * caller owns the floating reference. @is_live_out tells whether it runs
 * at the pace of the clock (devices, generated tones) or as fast as it is
 * read (a file). */
GstElement *md_media_spec_make_source (const char  *spec,
                                       const char  *device_id,
                                       gboolean    *is_live_out,
                                       GError     **error);

/* Builds the speaker side of an audio SPEC as one element with a raw-audio
 * "sink" pad. @eos_sink_out gets the element whose EOS means the recording
 * is complete (a file's sink), or NULL for other specs. */
GstElement *md_media_spec_make_sink   (const char  *spec,
                                       const char  *device_id,
                                       GstElement **eos_sink_out,
                                       GError     **error);

/* Whether @spec is a room, real or modelled ("auto", "echo-loop:MS"), where
 * a mic picks up the speaker and noise: only then is the mic processed. */
gboolean    md_media_spec_is_room     (const char  *spec);

G_END_DECLS
