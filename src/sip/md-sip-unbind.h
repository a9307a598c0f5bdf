/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* libre side only: removes a binding of ours that a registrar still has
 * at an address the stack has left (RFC 3261 10.2.2, a REGISTER naming
 * that Contact with expires 0). libre's own unREGISTER cannot do it after
 * a move: it builds its Contact from the address it goes out on. */

#include <re.h>

struct md_unbind;

/* Sends it to @reg_uri for @aor through @route (may be NULL), answering
 * challenges with @authh; @contact is the binding's URI ("sip:user@addr:
 * port;transport=tcp"). It lives until the registrar answers; mem_deref()
 * gives up on it. */
int md_unbind_send(struct md_unbind **ubp, struct sip *sip,
		   const char *reg_uri, const char *aor, const char *route,
		   const char *contact, sip_auth_h *authh, void *aarg);
