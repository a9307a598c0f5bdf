/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* libre side only: RFC 5626's CRLF keep-alive on one SIP flow. A NAT
 * router forgets a mapping nothing has used for a while, on UDP often
 * within a minute or two; requests to us along that flow (a call coming
 * in, the far end's BYE, a session refresh) would then no longer arrive.
 * A blank line every 25 s keeps the mapping; registrars and proxies skip
 * it. Stopped by mem_deref(). */

#include <re.h>

enum { MD_KEEPALIVE_MS = 25 * 1000 };

struct md_keepalive;

int md_keepalive_alloc(struct md_keepalive **kap, struct sip *sip);
/* Keeps the flow to @dst over @tp alive from now on; a flow given before
 * is replaced, and the next blank line still comes when it was due. */
void md_keepalive_flow(struct md_keepalive *ka, enum sip_transp tp,
		       const struct sa *dst);
void md_keepalive_stop(struct md_keepalive *ka);
