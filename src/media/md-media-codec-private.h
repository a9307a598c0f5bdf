/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "md-media-codec.h"

G_BEGIN_DECLS

/* How the pipeline builds one codec: the GStreamer side of an MdMediaCodec. */
typedef struct {
  MdMediaCodec codec;
  const char  *rtp_encoding_name;  /* encoding-name in application/x-rtp caps */
  guint        audio_rate;         /* raw sample rate the encoder takes */
  const char  *encoder;
  const char  *payloader;
  const char  *depayloader;
  const char  *decoder;
} MdMediaCodecInfo;

#define MD_MEDIA_N_CODECS 4

/* Every codec we know, in our order of preference (md-media-codec-table.c). */
extern const MdMediaCodecInfo md_media_codec_table[MD_MEDIA_N_CODECS];

/* Starts GStreamer and sets @available[i] for each md_media_codec_table[i]
 * whose elements all exist. Fails only where the media core is a module
 * that can't be loaded (md-media-module.c). */
gboolean md_media_codec_probe (gboolean  *available,
                               GError   **error);

/* Initialises GStreamer once per process. */
void md_media_ensure_gst (void);

/* The build recipe for @encoding/@clock_rate, or NULL when not available here. */
const MdMediaCodecInfo *md_media_codec_info_lookup (const char *encoding,
                                                    guint       clock_rate);

G_END_DECLS
