/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "md-sip-sdp.h"

#include <openssl/rand.h>
#include <string.h>

static int sdp_alloc(struct sdp_session **sdpp, struct sdp_media **mediap,
		     const struct sa *laddr, uint16_t rtp_port,
		     const struct md_sdp_codec *codecs, size_t n_codecs,
		     const char *proto)
{
	struct sdp_session *sdp = NULL;
	struct sdp_media *m = NULL;
	int dynamic_pt = 96;
	int err;

	if (!sdpp || !mediap || !laddr || !codecs)
		return EINVAL;

	err = sdp_session_alloc(&sdp, laddr);
	if (err)
		goto out;

	err = sdp_media_add(&m, sdp, "audio", rtp_port, proto);
	if (err)
		goto out;

	err = sdp_media_set_lattr(m, true, "ptime", "20");

	for (size_t i = 0; i < n_codecs && !err; i++) {
		const struct md_sdp_codec *c = &codecs[i];
		char id[8];

		if (c->pt >= 0)
			re_snprintf(id, sizeof(id), "%d", c->pt);
		else
			re_snprintf(id, sizeof(id), "%d", dynamic_pt++);

		err = sdp_format_add(NULL, m, false, id, c->encoding,
				     c->srate, c->ch ? c->ch : 1,
				     NULL, NULL, NULL, false, NULL);
	}
	if (err)
		goto out;

	err = sdp_format_add(NULL, m, false, "101", "telephone-event",
			     8000, 1, NULL, NULL, NULL, false, "0-15");

 out:
	if (err) {
		mem_deref(sdp);
	}
	else {
		*sdpp = sdp;
		*mediap = m;
	}

	return err;
}


int md_sdp_alloc(struct sdp_session **sdpp, struct sdp_media **mediap,
		 const struct sa *laddr, uint16_t rtp_port,
		 const struct md_sdp_codec *codecs, size_t n_codecs)
{
	return sdp_alloc(sdpp, mediap, laddr, rtp_port, codecs, n_codecs,
			 sdp_proto_rtpavp);
}


int md_sdp_alloc_srtp(struct sdp_session **sdpp, struct sdp_media **mediap,
		      const struct sa *laddr, uint16_t rtp_port,
		      const struct md_sdp_codec *codecs, size_t n_codecs,
		      char key[MD_SDP_SRTP_KEY_SIZE])
{
	uint8_t raw[30];   /* AES-128 key and 112-bit salt (RFC 4568) */
	size_t key_len = MD_SDP_SRTP_KEY_SIZE - 1;
	int err;

	if (!key)
		return EINVAL;

	/* OpenSSL's CSPRNG: a key guessed is a call overheard. */
	if (RAND_bytes(raw, sizeof(raw)) != 1)
		return EIO;

	err = base64_encode(raw, sizeof(raw), key, &key_len);
	memset(raw, 0, sizeof(raw));
	if (err)
		return err;
	key[key_len] = '\0';

	err = sdp_alloc(sdpp, mediap, laddr, rtp_port, codecs, n_codecs,
			sdp_proto_rtpsavp);
	if (err)
		return err;

	err = sdp_media_set_lattr(*mediap, true, "crypto",
				  "1 AES_CM_128_HMAC_SHA1_80 inline:%s", key);
	if (err) {
		*sdpp = mem_deref(*sdpp);
		*mediap = NULL;
	}

	return err;
}


/* Takes the key of the far end's AES_CM_128_HMAC_SHA1_80 crypto line:
 * "TAG SUITE inline:KEY[|LIFETIME][|MKI:LEN] [PARAMS]". */
static int remote_key(const struct sdp_media *m, char *key, size_t size)
{
	struct pl tag, suite, kpl;
	const char *crypto = sdp_media_rattr(m, "crypto");

	if (!crypto)
		return EBADMSG;

	if (re_regex(crypto, str_len(crypto), "[0-9]+ [^ ]+ inline:[^|; ]+",
		     &tag, &suite, &kpl))
		return EBADMSG;

	if (pl_strcasecmp(&suite, "AES_CM_128_HMAC_SHA1_80"))
		return EBADMSG;

	/* 30 bytes in base64 are 40 characters. */
	if (kpl.l != 40 || kpl.l >= size)
		return EBADMSG;

	return pl_strcpy(&kpl, key, size);
}


static bool is_telev(const struct sdp_format *fmt)
{
	return fmt->name && !str_casecmp(fmt->name, "telephone-event");
}


/* RTP carries a payload type in seven bits; libre reads any number. */
static bool is_rtp_pt(const struct sdp_format *fmt)
{
	return fmt->pt >= 0 && fmt->pt <= 127;
}


/* The format of ours that the far end's @fmt stands for. libre matches
 * static payload types by number alone, whatever name the far end wrote
 * ("0 P:CMU/8000"): the codec is named as we offered it. */
static const struct sdp_format *local_format(const struct sdp_media *m,
					     const struct sdp_format *fmt)
{
	const struct sdp_format *local;

	local = fmt->name ? sdp_media_format(m, true, NULL, -1, fmt->name,
					     -1, -1) : NULL;
	if (!local && fmt->pt < 96)
		local = sdp_media_lformat(m, fmt->pt);

	return local && local->name ? local : NULL;
}


static bool is_codec(const struct sdp_format *local,
		     const struct md_sdp_codec *codec)
{
	return local && !str_casecmp(local->name, codec->encoding) &&
		local->srate == codec->srate;
}


/* From now on our SDP names only what was settled on: an answer the one
 * codec we decode, a later offer (hold, a refresh) the call's codec, so
 * that the far end cannot move the call to another one on its own. */
static void settle(struct sdp_media *m, const struct sdp_format *codec,
		   bool telev)
{
	struct le *le;

	for (le = list_head(sdp_media_format_lst(m, true)); le;
	     le = le->next) {
		struct sdp_format *fmt = le->data;

		fmt->sup = fmt == codec || (telev && is_telev(fmt));
	}
}


/* A re-offer we refuse leaves the stream as it was. */
static void settle_again(struct sdp_media *m,
			 const struct md_sdp_media *current)
{
	settle(m, sdp_media_format(m, true, NULL, -1,
				   current->codec.encoding,
				   (int32_t)current->codec.srate, -1),
	       current->telev_pt >= 0);
}


int md_sdp_negotiate(struct sdp_session *sdp, struct sdp_media *m,
		     struct mbuf *mb, bool offer,
		     const struct md_sdp_media *current,
		     struct md_sdp_media *media)
{
	const struct sdp_format *codec = NULL;
	const struct sdp_format *local = NULL;
	const struct sdp_format *telev = NULL;
	const struct list *rfmtl;
	const struct sa *raddr;
	enum sdp_dir dir;
	struct le *le;
	struct sa rtcp;
	bool bad_pt = false;
	bool held;
	size_t pos;
	int err;

	if (!sdp || !m || !mb || !media || media == current)
		return EINVAL;

	memset(media, 0, sizeof(*media));
	media->telev_pt = -1;

	/* The caller may read the same body again (183, then 200). */
	pos = mb->pos;
	err = sdp_decode(sdp, mb, offer);
	mb->pos = pos;
	if (err) {
		err = EBADMSG;
		goto out;
	}

	rfmtl = sdp_media_format_lst(m, false);
	if (!rfmtl || !rfmtl->head) {
		err = EBADMSG;
		goto out;
	}

	/* "c=IN IP4 0.0.0.0" in a running call: hold the old way (RFC 2543,
	 * still sent by PBXs; RFC 3264 8.4): nothing is to be sent, and the
	 * call keeps the address it had. */
	raddr = sdp_media_raddr(m);
	held = current && !sa_isset(raddr, SA_ADDR) &&
		sa_af(raddr) != AF_UNSPEC && sa_port(raddr);
	if (!sa_isset(raddr, SA_ADDR) && !held) {
		err = EBADMSG;
		goto out;
	}

	/* A port of 0 means the far end refused the stream. */
	if (!sa_port(raddr)) {
		err = ENOENT;
		goto out;
	}

	/* The far end's first codec; in a call already running, the one it
	 * runs with, wherever the far end lists it. */
	for (le = rfmtl->head; le; le = le->next) {
		const struct sdp_format *fmt = le->data;
		const struct sdp_format *mine;

		if (!fmt->sup)
			continue;

		/* A number without a name that stands for our
		 * telephone-event (libre gives ours the far end's number)
		 * is no codec either. */
		mine = local_format(m, fmt);
		if (is_telev(fmt) || (mine && is_telev(mine))) {
			/* One that RTP cannot carry leaves the call
			 * without RFC 4733 tones, as if not offered. */
			if (!telev && is_telev(fmt) && is_rtp_pt(fmt))
				telev = fmt;
		}
		else if (codec || (current &&
				   !is_codec(mine, &current->codec))) {
			continue;
		}
		else if (is_rtp_pt(fmt)) {
			codec = fmt;
		}
		else {
			/* A later one may do. */
			bad_pt = true;
		}
	}

	if (!codec) {
		err = bad_pt ? EBADMSG : current ? ENOTSUP : ENOENT;
		goto out;
	}

	local = local_format(m, codec);
	if (!local) {
		err = ENOENT;
		goto out;
	}

	sdp_media_raddr_rtcp(m, &rtcp);
	if (held) {
		media->raddr = current->raddr;
		media->rtcp_port = current->rtcp_port;
	}
	else {
		media->raddr = *raddr;
		media->rtcp_port = sa_isset(&rtcp, SA_PORT) ? sa_port(&rtcp)
			: sa_port(raddr) + 1;
	}

	str_ncpy(media->codec.encoding, local->name,
		 sizeof(media->codec.encoding));
	media->codec.pt = codec->pt;
	media->codec.srate = local->srate;
	media->codec.ch = local->ch ? local->ch : 1;
	media->telev_pt = telev ? telev->pt : -1;

	dir = sdp_media_dir(m);
	media->send = !held && (dir & SDP_SENDONLY) != 0;
	media->recv = (dir & SDP_RECVONLY) != 0;

	settle(m, local, telev != NULL);

 out:
	if (err && current)
		settle_again(m, current);

	return err;
}


int md_sdp_negotiate_srtp(struct sdp_session *sdp, struct sdp_media *m,
			  struct mbuf *mb, bool offer, const char *local_key,
			  const struct md_sdp_media *current,
			  struct md_sdp_media *media)
{
	int err = md_sdp_negotiate(sdp, m, mb, offer, current, media);

	if (err || !local_key)
		return err;

	/* An SRTP offer answered without a usable key must not fall back to
	 * plain RTP: the user asked for encryption. */
	err = remote_key(m, media->srtp_remote_key,
			 sizeof(media->srtp_remote_key));
	if (err)
		return err;

	str_ncpy(media->srtp_local_key, local_key,
		 sizeof(media->srtp_local_key));
	return 0;
}


void md_sdp_set_hold(struct sdp_media *m, bool hold)
{
	sdp_media_set_ldir(m, hold ? SDP_SENDONLY : SDP_SENDRECV);
}
