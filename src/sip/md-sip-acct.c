/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "md-sip-acct.h"
#include "md-sip-keepalive.h"
#include "md-sip-resolve.h"
#include "md-sip-unbind.h"

#include <string.h>

enum {
	RETRY_MAX_MS = 300 * 1000,
	DEFAULT_RETRY_MIN_MS = 1000,
};

/* Outlives the account while an unREGISTER still needs the password. */
struct md_creds {
	char *user;
	char *password;
};

struct md_acct {
	struct sipreg *reg;
	struct md_creds *creds;
	struct sip *sip;
	struct md_tls *tls;
	struct tmr tmr_retry;
	struct tmr tmr_drop;      /* drops a failed sipreg outside its handler */
	struct md_keepalive *keepalive;   /* to where the last 2xx came from */
	char *aor;
	char *reg_uri;
	char *route;
	char *lookup_host;        /* looked up by the system: lookup_of() */
	struct md_resolve *resolve;   /* that lookup, under way */
	struct md_unbind *unbind;     /* the binding at the address left */
	uint16_t lookup_port;
	int af;                   /* the stack's address family */
	char *user;
	char *contact_user;       /* the user, or after a move a new one */
	char *domain;
	char *display_name;
	enum sip_transp tp;
	uint32_t expires;
	uint32_t retry_min_ms;
	uint32_t retry_ms;
	enum md_acct_state state;
	bool password_pending;
	bool no_register;         /* only calls out */
	md_acct_state_h *stateh;
	void *arg;
};


static void wipe_password(struct md_creds *creds)
{
	/* volatile keeps the compiler from dropping the wipe */
	if (creds->password) {
		for (volatile char *p = creds->password; *p; p++)
			*p = 0;
	}

	creds->password = mem_deref(creds->password);
}


static void creds_destructor(void *arg)
{
	struct md_creds *creds = arg;

	wipe_password(creds);
	mem_deref(creds->user);
}


static void destructor(void *arg)
{
	struct md_acct *acct = arg;

	tmr_cancel(&acct->tmr_retry);
	tmr_cancel(&acct->tmr_drop);
	mem_deref(acct->keepalive);

	/* The sipreg destructor sends the unREGISTER and lives on until
	 * the registrar answers it. */
	mem_deref(acct->reg);
	mem_deref(acct->resolve);
	mem_deref(acct->unbind);
	mem_deref(acct->sip);
	mem_deref(acct->tls);
	mem_deref(acct->aor);
	mem_deref(acct->reg_uri);
	mem_deref(acct->route);
	mem_deref(acct->lookup_host);
	mem_deref(acct->user);
	mem_deref(acct->contact_user);
	mem_deref(acct->domain);
	mem_deref(acct->display_name);
	mem_deref(acct->creds);
}


static void set_state(struct md_acct *acct, enum md_acct_state state,
		      uint16_t scode, const char *reason)
{
	acct->state = state;
	if (acct->stateh)
		acct->stateh(state, scode, reason ? reason : "", acct->arg);
}


void md_acct_forget_owner(struct md_acct *acct)
{
	if (!acct)
		return;

	acct->stateh = NULL;
	acct->arg = NULL;
}


static void drop_reg_handler(void *arg)
{
	struct md_acct *acct = arg;

	acct->reg = mem_deref(acct->reg);
}


static void retry_handler(void *arg)
{
	struct md_acct *acct = arg;

	(void)md_acct_register(acct);
}


static void response_handler(int err, const struct sip_msg *msg, void *arg)
{
	struct md_acct *acct = arg;
	char reason[192] = "";

	if (!err && msg && msg->scode < 300) {
		/* Between REGISTERs, the registrar's requests to us come
		 * along this flow. */
		md_keepalive_flow(acct->keepalive, msg->tp, &msg->src);
		acct->retry_ms = acct->retry_min_ms;
		if (acct->state != MD_ACCT_REGISTERED)
			set_state(acct, MD_ACCT_REGISTERED, msg->scode, "");
		return;
	}

	if (msg)
		re_snprintf(reason, sizeof(reason), "%u %r",
			    msg->scode, &msg->reason);
	else
		re_snprintf(reason, sizeof(reason), "%m", err);

	/* libre's sipreg would retry on its own after 30 s or more, and also
	 * after a wrong password; we drop it and decide ourselves. */
	tmr_start(&acct->tmr_drop, 0, drop_reg_handler, acct);
	md_keepalive_stop(acct->keepalive);

	/* Asking again would get the same challenge: no retry. */
	if (md_acct_auth_unsupported(err, msg, reason, sizeof(reason))) {
		set_state(acct, MD_ACCT_FAILED, msg->scode, reason);
		return;
	}

	if (msg && (msg->scode == 401 || msg->scode == 403 ||
		    msg->scode == 407)) {
		set_state(acct, MD_ACCT_WRONG_PASSWORD, msg->scode, reason);
		return;
	}

	/* An untrusted certificate stays untrusted: no retry until the
	 * user changes something and registers again. */
	if (!msg && acct->tp == SIP_TRANSP_TLS && md_tls_failure(acct->tls)) {
		set_state(acct, MD_ACCT_CERT_FAILED, 0,
			  md_tls_failure(acct->tls));
		return;
	}

	tmr_start(&acct->tmr_retry, acct->retry_ms, retry_handler, acct);
	acct->retry_ms = min(acct->retry_ms * 2, (uint32_t)RETRY_MAX_MS);
	set_state(acct, MD_ACCT_FAILED, msg ? msg->scode : 0, reason);
}


int md_acct_auth_handler(char **username, char **password, const char *realm,
			 void *arg)
{
	struct md_creds *creds = arg;
	int err;
	(void)realm;

	if (!creds->password)
		return EAUTH;

	err = str_dup(username, creds->user);
	err |= str_dup(password, creds->password);

	return err;
}


static bool other_algorithm(const struct sip_hdr *hdr,
			    const struct sip_msg *msg, void *arg)
{
	struct pl *algorithm = arg;
	struct httpauth_digest_chall ch;
	(void)msg;

	if (httpauth_digest_challenge_decode(&ch, &hdr->val) ||
	    !pl_isset(&ch.algorithm) || !pl_strcasecmp(&ch.algorithm, "md5"))
		return false;

	*algorithm = ch.algorithm;
	return true;
}


bool md_acct_auth_unsupported(int err, const struct sip_msg *msg,
			      char *text, size_t size)
{
	struct pl algorithm = PL("SHA-256");

	if (err != ENOSYS || !msg || (msg->scode != 401 && msg->scode != 407))
		return false;

	(void)sip_msg_hdr_apply(msg, true, msg->scode == 401 ?
				SIP_HDR_WWW_AUTHENTICATE :
				SIP_HDR_PROXY_AUTHENTICATE,
				other_algorithm, &algorithm);
	re_snprintf(text, size, "%u %r: the server asks for a %r digest"
		    " login, which Meetdial cannot answer yet",
		    msg->scode, &msg->reason, &algorithm);
	return true;
}


/* "sip.example.com:5060" → host and port (unset when there is none).
 * Meant for names: of "[::1]:5060" the host comes out as "[". */
static int split_server(const char *server, struct pl *host, struct pl *port)
{
	*port = pl_null;

	return re_regex(server, strlen(server), "[^:]+[:]*[0-9]*", host, NULL,
			port);
}


static int host_of(char **hostp, const char *server)
{
	struct pl host, port;
	struct sa sa;

	/* "[::1]:5060", "127.0.0.1:5060", "sip.example.com:5060"; an IPv6
	 * host keeps its brackets, as a SIP URI needs them. */
	if (!sa_decode(&sa, server, strlen(server)))
		return re_sdprintf(hostp, sa_af(&sa) == AF_INET6 ? "[%j]" : "%j",
				   &sa);

	if (split_server(server, &host, &port))
		return EINVAL;

	return pl_strdup(hostp, &host);
}


/* A server that only the system's resolver knows (md-sip-resolve.h) is
 * looked up at every registration, so a changed address is followed. */
static int lookup_of(struct md_acct *acct, const char *server)
{
	struct pl host, port;

	/* md_resolve_by_system() takes no address ("[::1]", "127.0.0.1"). */
	if (split_server(server, &host, &port) || !md_resolve_by_system(&host))
		return 0;

	acct->lookup_port = pl_isset(&port) ? (uint16_t)pl_u32(&port) : 0;

	return pl_strdup(&acct->lookup_host, &host);
}


int md_acct_alloc(struct md_acct **acctp, struct sip *sip,
		  const struct md_acct_cfg *cfg, md_acct_state_h *stateh,
		  void *arg)
{
	struct md_acct *acct;
	const char *tparam, *first_hop;
	int err;

	if (!acctp || !sip || !cfg || !cfg->server || !cfg->user || !stateh)
		return EINVAL;

	acct = mem_zalloc(sizeof(*acct), destructor);
	if (!acct)
		return ENOMEM;

	acct->sip = mem_ref(sip);
	acct->tls = mem_ref(cfg->tls);
	acct->tp = cfg->tp;
	acct->expires = cfg->expires ? cfg->expires : 600;
	acct->retry_min_ms = cfg->retry_min_ms ? cfg->retry_min_ms
		: DEFAULT_RETRY_MIN_MS;
	acct->retry_ms = acct->retry_min_ms;
	acct->no_register = cfg->no_register;
	acct->stateh = stateh;
	acct->arg = arg;
	tmr_init(&acct->tmr_retry);
	tmr_init(&acct->tmr_drop);

	err = md_keepalive_alloc(&acct->keepalive, sip);
	if (err)
		goto out;

	if (cfg->domain && *cfg->domain)
		err = str_dup(&acct->domain, cfg->domain);
	else
		err = host_of(&acct->domain, cfg->server);
	if (err)
		goto out;

	tparam = cfg->tp == SIP_TRANSP_UDP ? "" : sip_transp_param(cfg->tp);

	err = str_dup(&acct->user, cfg->user);
	err |= re_sdprintf(&acct->aor, "sip:%s@%s", cfg->user, acct->domain);
	err |= re_sdprintf(&acct->reg_uri, "sip:%s%s", cfg->server, tparam);
	/* Every request goes to the first hop, the REGISTER's URI still
	 * naming the registrar; libre writes it as "Route: <ROUTE;lr>". */
	first_hop = cfg->outbound_proxy && *cfg->outbound_proxy
		? cfg->outbound_proxy : cfg->server;
	err |= re_sdprintf(&acct->route, "sip:%s%s", first_hop, tparam);
	acct->af = cfg->af;
	err |= lookup_of(acct, first_hop);
	if (cfg->display_name && *cfg->display_name)
		err |= str_dup(&acct->display_name, cfg->display_name);

	acct->creds = mem_zalloc(sizeof(*acct->creds), creds_destructor);
	if (!acct->creds) {
		err = ENOMEM;
		goto out;
	}
	/* Some providers give a sign-in name apart from the SIP user
	 * (PBX extensions with an "auth ID"): only the digest uses it. */
	err |= str_dup(&acct->creds->user,
		       cfg->auth_user && *cfg->auth_user ? cfg->auth_user
		       : cfg->user);
	if (cfg->password)
		err |= str_dup(&acct->creds->password, cfg->password);
	acct->password_pending = cfg->password_later && !cfg->password;

 out:
	if (err)
		mem_deref(acct);
	else
		*acctp = acct;

	return err;
}


static void register_failed(struct md_acct *acct, const char *reason)
{
	tmr_start(&acct->tmr_retry, acct->retry_ms, retry_handler, acct);
	acct->retry_ms = min(acct->retry_ms * 2, (uint32_t)RETRY_MAX_MS);
	set_state(acct, MD_ACCT_FAILED, 0, reason);
}


static void send_register(struct md_acct *acct)
{
	const char *routev[1] = { acct->route };
	char reason[160];
	int err;

	/* The route even so: a call may go before the password comes. */
	if (acct->password_pending)
		return;

	err = sipreg_register(&acct->reg, acct->sip, acct->reg_uri,
			      acct->aor, acct->display_name,
			      acct->aor, acct->expires,
			      acct->contact_user ? acct->contact_user
			      : acct->user,
			      routev, 1, 0, md_acct_auth_handler,
			      acct->creds, true, response_handler,
			      acct, NULL, NULL);
	if (err) {
		re_snprintf(reason, sizeof(reason), "%m", err);
		register_failed(acct, reason);
	}
}


static void resolve_handler(int err, const char *route, const char *reason,
			    void *arg)
{
	struct md_acct *acct = arg;

	acct->resolve = mem_deref(acct->resolve);

	if (err) {
		register_failed(acct, reason);
		return;
	}

	mem_deref(acct->route);
	acct->route = NULL;
	if (str_dup(&acct->route, route)) {
		register_failed(acct, "out of memory");
		return;
	}

	send_register(acct);
}


/* A server that only the system knows is looked up anew each time, so a
 * changed address is followed; the REGISTER goes when it is found. */
int md_acct_register(struct md_acct *acct)
{
	struct pl host;
	char reason[160];
	int err;

	if (!acct)
		return EINVAL;

	/* Its calls authenticate on their own. */
	if (acct->no_register)
		return 0;

	tmr_cancel(&acct->tmr_retry);
	tmr_cancel(&acct->tmr_drop);
	md_keepalive_stop(acct->keepalive);
	acct->reg = mem_deref(acct->reg);
	acct->resolve = mem_deref(acct->resolve);

	set_state(acct, MD_ACCT_REGISTERING, 0, "");

	if (!acct->lookup_host) {
		send_register(acct);
		return 0;
	}

	pl_set_str(&host, acct->lookup_host);
	err = md_resolve_route(&acct->resolve, &host, acct->lookup_port,
			       acct->tp, acct->af, resolve_handler, acct);
	if (err) {
		re_snprintf(reason, sizeof(reason), "%m", err);
		register_failed(acct, reason);
	}

	return err;
}


int md_acct_set_password(struct md_acct *acct, const char *password)
{
	int err;

	if (!acct || !password)
		return EINVAL;

	wipe_password(acct->creds);
	err = str_dup(&acct->creds->password, password);
	if (err)
		return err;

	acct->password_pending = false;

	return md_acct_register(acct);
}


/* libre builds an unREGISTER's Contact from the address it goes out on:
 * the old registration's, dropped here, would name the new address and,
 * from another Call-ID, remove the new binding (RFC 3261 10.3) if it came
 * second. A Contact user of its own keeps the two apart, and the binding
 * at the old address is removed by a REGISTER of our own that names it
 * (else the registrar would fork calls there until it expired). */
int md_acct_move(struct md_acct *acct, int af)
{
	char *contact_user = NULL;
	char *old_contact = NULL;
	int err;

	if (!acct)
		return EINVAL;

	if (sipreg_registered(acct->reg) &&
	    !re_sdprintf(&old_contact, "sip:%s@%J%s",
			 acct->contact_user ? acct->contact_user : acct->user,
			 sipreg_laddr(acct->reg), sip_transp_param(acct->tp))) {
		acct->unbind = mem_deref(acct->unbind);
		(void)md_unbind_send(&acct->unbind, acct->sip, acct->reg_uri,
				     acct->aor, acct->route, old_contact,
				     md_acct_auth_handler, acct->creds);
		mem_deref(old_contact);
	}

	err = re_sdprintf(&contact_user, "%s-%08x", acct->user, rand_u32());
	if (err)
		return err;

	mem_deref(acct->contact_user);
	acct->contact_user = contact_user;
	acct->af = af;

	return md_acct_register(acct);
}


bool md_acct_password_pending(const struct md_acct *acct)
{
	return acct && acct->password_pending;
}


enum md_acct_state md_acct_state(const struct md_acct *acct)
{
	return acct ? acct->state : MD_ACCT_UNREGISTERED;
}


const char *md_acct_aor(const struct md_acct *acct)
{
	return acct ? acct->aor : NULL;
}


const char *md_acct_display_name(const struct md_acct *acct)
{
	return acct ? acct->display_name : NULL;
}


const char *md_acct_user(const struct md_acct *acct)
{
	return acct ? acct->user : NULL;
}


const char *md_acct_domain(const struct md_acct *acct)
{
	return acct ? acct->domain : NULL;
}


void *md_acct_creds(const struct md_acct *acct)
{
	return acct ? acct->creds : NULL;
}


const char *md_acct_route(const struct md_acct *acct)
{
	return acct ? acct->route : NULL;
}


bool md_acct_lookup(const struct md_acct *acct, struct pl *host,
		    uint16_t *port)
{
	if (!acct || !acct->lookup_host || !host || !port)
		return false;

	pl_set_str(host, acct->lookup_host);
	*port = acct->lookup_port;

	return true;
}


enum sip_transp md_acct_transport(const struct md_acct *acct)
{
	return acct ? acct->tp : SIP_TRANSP_NONE;
}
