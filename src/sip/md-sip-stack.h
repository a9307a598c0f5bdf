/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* libre side only: the SIP stack of one agent (transports, session socket).
 * Everything here runs on the agent's libre thread. */

#include <re.h>

#include "md-sip-tls.h"

struct md_stack;

/* The requests we answer, as every reply that lists them says it. */
#define MD_STACK_ALLOW "Allow: INVITE, ACK, BYE, CANCEL, OPTIONS, INFO\r\n"

/* An INVITE that opens a new dialog arrived. */
typedef void (md_stack_conn_h)(const struct sip_msg *msg, void *arg);
/* The stack finished closing (all transactions done). */
typedef void (md_stack_exit_h)(void *arg);

/* Binds UDP and TCP on @laddr (port 0: any free one). TLS comes later,
 * with md_stack_use_tls(), only for the accounts and calls that need it. */
int md_stack_alloc(struct md_stack **stackp, const struct sa *laddr,
		   md_stack_conn_h *connh, md_stack_exit_h *exith, void *arg);

/* Moves SIP to another local address (the network changed): new sockets
 * on @laddr, on the port it had when that one is free there; connections
 * and the old sockets go. Only while no call is being set up (its
 * transactions are on the old sockets); established dialogs then tell
 * their far ends by re-INVITE (md_sess_move()). */
int md_stack_rebind(struct md_stack *stack, const struct sa *laddr);

/* Closes gracefully: pending transactions finish, then the exit handler runs. */
void md_stack_close(struct md_stack *stack);

/* Adds the TLS transport if there is none yet, trusting the system's CAs
 * and @ca_file (may be NULL), and accepting certificates that name @host. */
int md_stack_use_tls(struct md_stack *stack, const char *ca_file,
		     const char *host);
/* The TLS context, or NULL before md_stack_use_tls(). */
struct md_tls *md_stack_tls(const struct md_stack *stack);

struct sip *md_stack_sip(const struct md_stack *stack);
struct sipsess_sock *md_stack_sock(const struct md_stack *stack);
const struct sa *md_stack_laddr(const struct md_stack *stack);

/* "udp" / "tcp" / "tls" to libre's enum; -1 when unknown. */
int md_stack_transp_parse(const char *name, enum sip_transp *tpp);
