/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* libre side only: names that only the system's resolver knows.
 *
 * libre finds a server through DNS alone (NAPTR, SRV, A/AAAA). "localhost",
 * mDNS names (".local", an office PBX), single labels (which need the
 * search domains) and names in the hosts file are looked up with
 * getaddrinfo() instead, and requests are routed to the address found. */

#include <re.h>

bool md_resolve_by_system(const struct pl *host);

/* A lookup under way; mem_deref() cancels it: its handler is not called. */
struct md_resolve;

/* In the thread that started the lookup. @route is "sip:ADDR:PORT
 * [;transport=…]"; on failure NULL, and @reason says why ("HOST: Name or
 * service not known"). The handler may free the md_resolve. */
typedef void (md_resolve_h)(int err, const char *route, const char *reason,
			    void *arg);

/* Looks @host (of family @af) up in a thread of its own: the resolver's
 * timeouts (mDNS, search domains, a DNS server that does not answer) run
 * to seconds, during which the SIP thread goes on with everything else.
 * Call it in the SIP thread; @h comes there. */
int md_resolve_route(struct md_resolve **resp, const struct pl *host,
		     uint16_t port, enum sip_transp tp, int af,
		     md_resolve_h *h, void *arg);

/* The next hop for a call without an account to @uri (a Request-URI or a
 * route): md_resolve_route() for its host when md_resolve_by_system()
 * takes it; else *@resp stays NULL, and @h is not called. */
int md_resolve_uri_route(struct md_resolve **resp, const char *uri, int af,
			 md_resolve_h *h, void *arg);
