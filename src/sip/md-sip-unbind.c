/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "md-sip-unbind.h"

struct md_unbind {
	struct sip *sip;
	struct sip_dialog *dlg;
	struct sip_auth *auth;
	struct sip_request *req;
	struct sip_loopstate ls;
	char *contact;
};


static void destructor(void *arg)
{
	struct md_unbind *ub = arg;

	mem_deref(ub->req);
	mem_deref(ub->dlg);
	mem_deref(ub->auth);
	mem_deref(ub->contact);
	mem_deref(ub->sip);
}


/* The Contact is the old binding's, whichever address this goes out on. */
static int send_handler(enum sip_transp tp, const struct sa *src,
			const struct sa *dst, struct mbuf *mb, void *arg)
{
	struct md_unbind *ub = arg;
	(void)tp;
	(void)src;
	(void)dst;

	return mbuf_printf(mb, "Contact: <%s>;expires=0\r\n", ub->contact);
}


static int request(struct md_unbind *ub);


static void response_handler(int err, const struct sip_msg *msg, void *arg)
{
	struct md_unbind *ub = arg;

	if (err || !msg || msg->scode < 200)
		return;

	/* A registrar challenges each REGISTER; anything else ends it. */
	if ((msg->scode == 401 || msg->scode == 407) &&
	    !sip_request_loops(&ub->ls, msg->scode) &&
	    !sip_auth_authenticate(ub->auth, msg))
		(void)request(ub);
}


static int request(struct md_unbind *ub)
{
	return sip_drequestf(&ub->req, ub->sip, true, "REGISTER", ub->dlg, 0,
			     ub->auth, send_handler, response_handler, ub,
			     "Content-Length: 0\r\n\r\n");
}


int md_unbind_send(struct md_unbind **ubp, struct sip *sip,
		   const char *reg_uri, const char *aor, const char *route,
		   const char *contact, sip_auth_h *authh, void *aarg)
{
	const char *routev[1] = { route };
	struct md_unbind *ub;
	int err;

	if (!ubp || !sip || !reg_uri || !aor || !contact)
		return EINVAL;

	ub = mem_zalloc(sizeof(*ub), destructor);
	if (!ub)
		return ENOMEM;

	ub->sip = mem_ref(sip);
	sip_loopstate_reset(&ub->ls);
	err = str_dup(&ub->contact, contact);
	err |= sip_dialog_alloc(&ub->dlg, reg_uri, aor, NULL, aor,
				route ? routev : NULL, route ? 1 : 0);
	err |= sip_auth_alloc(&ub->auth, authh, aarg, true);
	if (!err)
		err = request(ub);

	if (err)
		mem_deref(ub);
	else
		*ubp = ub;

	return err;
}
