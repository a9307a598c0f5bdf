/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* libre side only: names that only the system's resolver knows.
 *
 * libre finds a server through DNS alone (NAPTR, SRV, A/AAAA). "localhost",
 * mDNS names (".local", an office PBX) and single labels (which need the
 * search domains) are looked up with getaddrinfo() instead, and requests
 * are routed to the address found. */

#include <re.h>

bool md_resolve_by_system(const struct pl *host);

/* "sip:ADDR:PORT[;transport=…]" in @routep for @host, of family @af.
 * Blocks the calling (SIP) thread for the lookup: these names come from
 * local sources (files, mDNS, the local network's DNS). On failure fills
 * @reason ("HOST: Name or service not known"). */
int md_resolve_route(char **routep, const struct pl *host, uint16_t port,
		     enum sip_transp tp, int af, char *reason, size_t size);

/* The next hop for a call without an account to @uri (a Request-URI or a
 * route): a route in @routep when its host is one md_resolve_by_system()
 * takes, else NULL in @routep. */
int md_resolve_uri_route(char **routep, const char *uri, int af);
