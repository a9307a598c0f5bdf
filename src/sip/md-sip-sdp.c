/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "md-sip-sdp.h"

#include <string.h>

int md_sdp_alloc(struct sdp_session **sdpp, struct sdp_media **mediap,
		 const struct sa *laddr, uint16_t rtp_port,
		 const struct md_sdp_codec *codecs, size_t n_codecs)
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

	err = sdp_media_add(&m, sdp, "audio", rtp_port, "RTP/AVP");
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


static bool is_telev(const struct sdp_format *fmt)
{
	return fmt->name && !str_casecmp(fmt->name, "telephone-event");
}


int md_sdp_negotiate(struct sdp_session *sdp, struct sdp_media *m,
		     struct mbuf *mb, bool offer, struct md_sdp_media *media)
{
	const struct sdp_format *codec = NULL;
	const struct sdp_format *local = NULL;
	const struct sdp_format *telev = NULL;
	const struct list *rfmtl;
	const struct sa *raddr;
	enum sdp_dir dir;
	struct le *le;
	struct sa rtcp;
	size_t pos;
	int err;

	if (!sdp || !m || !mb || !media)
		return EINVAL;

	memset(media, 0, sizeof(*media));
	media->telev_pt = -1;

	/* The caller may read the same body again (183, then 200). */
	pos = mb->pos;
	err = sdp_decode(sdp, mb, offer);
	mb->pos = pos;
	if (err)
		return EBADMSG;

	rfmtl = sdp_media_format_lst(m, false);
	if (!rfmtl || !rfmtl->head)
		return EBADMSG;

	raddr = sdp_media_raddr(m);
	if (!sa_isset(raddr, SA_ADDR))
		return EBADMSG;

	/* A port of 0 means the far end refused the stream. */
	if (!sa_port(raddr))
		return ENOENT;

	for (le = rfmtl->head; le; le = le->next) {
		const struct sdp_format *fmt = le->data;

		if (!fmt->sup)
			continue;

		if (is_telev(fmt)) {
			if (!telev)
				telev = fmt;
		}
		else if (!codec) {
			codec = fmt;
		}
	}

	if (!codec)
		return ENOENT;

	if (codec->pt < 0 || codec->pt > 127)
		return EBADMSG;

	/* libre matches static payload types by number alone, whatever name
	 * the far end wrote ("0 P:CMU/8000"): name the codec as we offered it. */
	local = codec->name ? sdp_media_format(m, true, NULL, -1, codec->name,
					       -1, -1) : NULL;
	if (!local && codec->pt < 96)
		local = sdp_media_lformat(m, codec->pt);
	if (!local || !local->name)
		return ENOENT;

	media->raddr = *raddr;
	sdp_media_raddr_rtcp(m, &rtcp);
	media->rtcp_port = sa_isset(&rtcp, SA_PORT) ? sa_port(&rtcp)
		: sa_port(raddr) + 1;

	str_ncpy(media->codec.encoding, local->name,
		 sizeof(media->codec.encoding));
	media->codec.pt = codec->pt;
	media->codec.srate = local->srate;
	media->codec.ch = local->ch ? local->ch : 1;
	media->telev_pt = telev ? telev->pt : -1;

	dir = sdp_media_dir(m);
	media->send = (dir & SDP_SENDONLY) != 0;
	media->recv = (dir & SDP_RECVONLY) != 0;

	return 0;
}


void md_sdp_set_hold(struct sdp_media *m, bool hold)
{
	sdp_media_set_ldir(m, hold ? SDP_SENDONLY : SDP_SENDRECV);
}
