/* SPDX-License-Identifier: GPL-3.0-or-later */
/* getaddrinfo() is POSIX, not C11. */
#define _POSIX_C_SOURCE 200809L

#include "md-sip-resolve.h"

#include <netdb.h>
#include <string.h>


static bool pl_ends_with(const struct pl *pl, const char *suffix)
{
	size_t n = strlen(suffix);
	struct pl tail;

	if (pl->l < n)
		return false;

	tail.p = pl->p + pl->l - n;
	tail.l = n;

	return !pl_strcasecmp(&tail, suffix);
}


bool md_resolve_by_system(const struct pl *host)
{
	struct sa sa;

	if (!pl_isset(host) || host->p[0] == '[' ||
	    !sa_set(&sa, host, 0))
		return false;

	return !pl_strcasecmp(host, "localhost") ||
	       pl_ends_with(host, ".localhost") ||
	       pl_ends_with(host, ".local") ||
	       !pl_strchr(host, '.');
}


int md_resolve_route(char **routep, const struct pl *host, uint16_t port,
		     enum sip_transp tp, int af, char *reason, size_t size)
{
	struct addrinfo hints = { .ai_family = af };
	struct addrinfo *res = NULL;
	char *name = NULL;
	struct sa sa;
	int rc, err;

	if (!routep || !host)
		return EINVAL;

	err = pl_strdup(&name, host);
	if (err)
		return err;

	hints.ai_socktype = tp == SIP_TRANSP_UDP ? SOCK_DGRAM : SOCK_STREAM;
	rc = getaddrinfo(name, NULL, &hints, &res);
	if (rc || !res) {
		re_snprintf(reason, size, "%s: %s", name,
			    gai_strerror(rc ? rc : EAI_NONAME));
		mem_deref(name);
		return EADDRNOTAVAIL;
	}
	mem_deref(name);

	err = sa_set_sa(&sa, res->ai_addr);
	freeaddrinfo(res);
	if (err)
		return err;

	sa_set_port(&sa, sip_transp_port(tp, port));

	return re_sdprintf(routep, "sip:%J%s", &sa,
			   tp == SIP_TRANSP_UDP ? "" : sip_transp_param(tp));
}


int md_resolve_uri_route(char **routep, const char *uri, int af)
{
	enum sip_transp tp = SIP_TRANSP_UDP;
	struct pl pl, transport;
	char reason[160];
	struct uri u;
	int err;

	if (!routep || !uri)
		return EINVAL;

	*routep = NULL;
	pl_set_str(&pl, uri);
	err = uri_decode(&u, &pl);
	if (err)
		return err;

	if (u.af != AF_UNSPEC || !md_resolve_by_system(&u.host))
		return 0;

	if (!pl_strcasecmp(&u.scheme, "sips"))
		tp = SIP_TRANSP_TLS;
	else if (!msg_param_decode(&u.params, "transport", &transport))
		tp = !pl_strcasecmp(&transport, "tls") ? SIP_TRANSP_TLS
		   : !pl_strcasecmp(&transport, "tcp") ? SIP_TRANSP_TCP
		   : SIP_TRANSP_UDP;

	return md_resolve_route(routep, &u.host, u.port, tp, af, reason,
				sizeof(reason));
}
