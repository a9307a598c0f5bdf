/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "md-sip-keepalive.h"

struct md_keepalive {
	struct sip *sip;
	struct tmr tmr;
	struct sa dst;
	enum sip_transp tp;
};


static void destructor(void *arg)
{
	struct md_keepalive *ka = arg;

	tmr_cancel(&ka->tmr);
	mem_deref(ka->sip);
}


static void timeout_handler(void *arg)
{
	struct md_keepalive *ka = arg;
	struct mbuf *mb = mbuf_alloc(4);

	tmr_start(&ka->tmr, MD_KEEPALIVE_MS, timeout_handler, ka);

	if (!mb)
		return;

	(void)mbuf_write_str(mb, "\r\n\r\n");
	mb->pos = 0;
	(void)sip_send(ka->sip, NULL, ka->tp, &ka->dst, mb);
	mem_deref(mb);
}


int md_keepalive_alloc(struct md_keepalive **kap, struct sip *sip)
{
	struct md_keepalive *ka;

	if (!kap || !sip)
		return EINVAL;

	ka = mem_zalloc(sizeof(*ka), destructor);
	if (!ka)
		return ENOMEM;

	ka->sip = mem_ref(sip);
	tmr_init(&ka->tmr);
	*kap = ka;

	return 0;
}


void md_keepalive_flow(struct md_keepalive *ka, enum sip_transp tp,
		       const struct sa *dst)
{
	if (!ka || !dst)
		return;

	ka->dst = *dst;
	ka->tp = tp;
	if (!tmr_isrunning(&ka->tmr))
		tmr_start(&ka->tmr, MD_KEEPALIVE_MS, timeout_handler, ka);
}


void md_keepalive_stop(struct md_keepalive *ka)
{
	if (ka)
		tmr_cancel(&ka->tmr);
}
