/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "md-media-codec-private.h"

/* Our order of preference: wideband first, then G.711. Element names are what
 * the pipeline builds from; a codec is offered only when all of them exist. */
const MdMediaCodecInfo md_media_codec_table[MD_MEDIA_N_CODECS] = {
  { { "opus", 96, 48000, 2 }, "OPUS", 48000, "opusenc", "rtpopuspay", "rtpopusdepay", "opusdec" },
  { { "G722",  9,  8000, 1 }, "G722", 16000, "avenc_g722", "rtpg722pay", "rtpg722depay", "avdec_g722" },
  { { "PCMU",  0,  8000, 1 }, "PCMU",  8000, "mulawenc", "rtppcmupay", "rtppcmudepay", "mulawdec" },
  { { "PCMA",  8,  8000, 1 }, "PCMA",  8000, "alawenc", "rtppcmapay", "rtppcmadepay", "alawdec" },
};
