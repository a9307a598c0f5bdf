/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* libre side only: one SIP account and its registration (refresh, backoff
 * after failures, no retry after a wrong password). Runs on the libre thread. */

#include <re.h>

#include "md-sip-tls.h"

struct md_acct;

enum md_acct_state {
	MD_ACCT_UNREGISTERED,
	MD_ACCT_REGISTERING,
	MD_ACCT_REGISTERED,
	MD_ACCT_WRONG_PASSWORD,
	MD_ACCT_FAILED,
	MD_ACCT_CERT_FAILED,     /* the server's TLS certificate: no retry */
};

struct md_acct_cfg {
	const char *server;        /* host[:port] of registrar and proxy */
	const char *user;
	const char *auth_user;     /* digest user name; NULL or "": user */
	const char *outbound_proxy; /* host[:port] of the first hop; NULL or
				     * "": the server */
	const char *domain;        /* NULL: the server's host */
	const char *display_name;  /* may be NULL */
	const char *password;      /* copied, wiped when the account goes */
	bool password_later;       /* comes by md_acct_set_password() */
	enum sip_transp tp;
	int af;                    /* the stack's address family */
	struct md_tls *tls;        /* the stack's, for SIP_TRANSP_TLS */
	uint32_t expires;          /* seconds asked for in REGISTER */
	uint32_t retry_min_ms;     /* first back-off after a failure */
	bool no_register;          /* only calls out: never registers */
};

/* @reason: the registrar's answer in words ("403 Forbidden") or the
 * transport error; empty when there is none. */
typedef void (md_acct_state_h)(enum md_acct_state state, uint16_t scode,
			       const char *reason, void *arg);

int md_acct_alloc(struct md_acct **acctp, struct sip *sip,
		  const struct md_acct_cfg *cfg, md_acct_state_h *stateh,
		  void *arg);

/* The owner given to md_acct_alloc() lets go: its state handler is called
 * no more, while a call that goes through the account may keep it. */
void md_acct_forget_owner(struct md_acct *acct);

/* Starts (or restarts) registration; with the password still to come,
 * stays "registering" until it is there. An account that only calls out
 * stays unregistered. */
int md_acct_register(struct md_acct *acct);

/* Registers again after the stack moved to another local address
 * (md_stack_rebind()) of family @af, under a Contact user of its own. */
int md_acct_move(struct md_acct *acct, int af);

/* The password of an account added with password_later; registers. */
int md_acct_set_password(struct md_acct *acct, const char *password);
/* Until then, true: a call challenged meanwhile waits for it. */
bool md_acct_password_pending(const struct md_acct *acct);

enum md_acct_state md_acct_state(const struct md_acct *acct);

/* For sessions that go through this account. */
const char *md_acct_aor(const struct md_acct *acct);
const char *md_acct_display_name(const struct md_acct *acct);
const char *md_acct_user(const struct md_acct *acct);
const char *md_acct_domain(const struct md_acct *acct);
const char *md_acct_route(const struct md_acct *acct);
/* Whether the server is one the system looks up (md-sip-resolve.h): then
 * its name and port, for a call to look it up as md_acct_register() does. */
bool md_acct_lookup(const struct md_acct *acct, struct pl *host,
		    uint16_t *port);
enum sip_transp md_acct_transport(const struct md_acct *acct);
/* Give md_acct_auth_handler with md_acct_creds() as its argument (mem_ref'd). */
sip_auth_h md_acct_auth_handler;
/* Whether libre gave up on a challenge it cannot answer (its digest is MD5
 * only; a server that also offers SHA-256, RFC 8760, is refused whole):
 * then @text says so, with the server's status. */
bool md_acct_auth_unsupported(int err, const struct sip_msg *msg,
			      char *text, size_t size);
void *md_acct_creds(const struct md_acct *acct);
