/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* libre side only: our audio offer and what the far end's SDP settled on. */

#include <re.h>

enum {
	MD_SDP_TELEV_PT = 101,
	MD_SDP_MAX_CODECS = 8,
	/* SDES key: base64 of a 16-byte AES key and a 14-byte salt */
	MD_SDP_SRTP_KEY_SIZE = 48,
};

struct md_sdp_codec {
	char encoding[16];
	int pt;               /* the static one, or -1 for a dynamic one */
	uint32_t srate;
	uint8_t ch;
};

/* What the negotiation settled on, ready for the media core. */
struct md_sdp_media {
	struct sa raddr;          /* address and RTP port */
	uint16_t rtcp_port;
	struct md_sdp_codec codec;  /* pt is the far end's */
	int telev_pt;             /* -1 when not negotiated */
	bool send;
	bool recv;
	/* SRTP (AES_CM_128_HMAC_SHA1_80): both keys, or both "" for RTP */
	char srtp_local_key[MD_SDP_SRTP_KEY_SIZE];
	char srtp_remote_key[MD_SDP_SRTP_KEY_SIZE];
};

/* One audio stream offering @codecs in order, then telephone-event. */
int md_sdp_alloc(struct sdp_session **sdpp, struct sdp_media **mediap,
		 const struct sa *laddr, uint16_t rtp_port,
		 const struct md_sdp_codec *codecs, size_t n_codecs);

/* Like md_sdp_alloc(), but the stream is SRTP (RTP/SAVP) with a=crypto
 * carrying a fresh key from a CSPRNG, returned in @key (never logged). */
int md_sdp_alloc_srtp(struct sdp_session **sdpp, struct sdp_media **mediap,
		      const struct sa *laddr, uint16_t rtp_port,
		      const struct md_sdp_codec *codecs, size_t n_codecs,
		      char key[MD_SDP_SRTP_KEY_SIZE]);

/* Reads the far end's SDP in @mb (an answer, or an offer when @offer) and
 * fills @media. Returns 0, ENOENT when no codec is common, or EBADMSG when
 * the SDP is unusable (no address, no port, no formats, garbage, or an
 * SRTP stream without a crypto line we can use). On an SRTP stream,
 * @local_key is ours (from md_sdp_alloc_srtp()); NULL otherwise.
 * In a call already running, @current is what it runs with (else NULL):
 * its codec is kept, and an SDP without it gives ENOTSUP. On any error the
 * stream stays as @current had it. Our later SDP offers or answers only
 * the codec settled on (and telephone-event). */
int md_sdp_negotiate(struct sdp_session *sdp, struct sdp_media *m,
		     struct mbuf *mb, bool offer,
		     const struct md_sdp_media *current,
		     struct md_sdp_media *media);
int md_sdp_negotiate_srtp(struct sdp_session *sdp, struct sdp_media *m,
			  struct mbuf *mb, bool offer, const char *local_key,
			  const struct md_sdp_media *current,
			  struct md_sdp_media *media);

/* Puts our stream on hold (sendonly) or back (sendrecv). */
void md_sdp_set_hold(struct sdp_media *m, bool hold);
