/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One audio codec as SDP names it; a plain struct so the SIP layer can copy it. */
typedef struct {
  const char *encoding;      /* SDP encoding name: "PCMU", "PCMA", "G722", "opus" */
  guint       payload_type;  /* 0, 8, 9, or the dynamic one from the SDP answer */
  guint       clock_rate;    /* SDP clock rate: 8000 for PCMU/PCMA/G722 (RFC 3551), 48000 for opus */
  guint       channels;      /* 1, or 2 for opus/48000/2 */
} MdMediaCodec;

/* The codecs the media core can do, in our order of preference (opus, G722, PCMU, PCMA);
   the SIP layer builds its SDP offer from this list plus telephone-event/8000 (PT 101).
   Only codecs whose GStreamer elements exist at run time are listed. */
const MdMediaCodec *md_media_codec_get_supported (guint *n_codecs);

/* What an outgoing call offers: the list above once GStreamer has started;
   before that, what it held at the last start (kept in the user's cache
   folder), so the INVITE need not wait for GStreamer's plugin registry. A
   codec since removed fails the call only if the far end picks it, as
   "not supported"; the list is corrected for the next start. With nothing
   remembered, waits for the list above. Any thread. */
const MdMediaCodec *md_media_codec_get_offered (guint *n_codecs);

/* FALSE, with the reason, when md_media_codec_get_supported() has no codec:
   the media core could not be loaded, or GStreamer has none of the codecs'
   elements. Waits for GStreamer's start like md_media_codec_get_supported(). */
gboolean md_media_codec_check_supported (GError **error);

/* Case-insensitive lookup by SDP encoding name and clock rate; NULL if unsupported. */
const MdMediaCodec *md_media_codec_find (const char *encoding, guint clock_rate);

G_END_DECLS
