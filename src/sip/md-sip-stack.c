/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "md-sip-stack.h"

#include <string.h>

struct md_stack {
	struct sip *sip;
	struct sipsess_sock *sock;
	struct sip_lsnr *lsnr;    /* requests nothing else takes */
	struct dnsc *dnsc;
	struct md_tls *tls;       /* NULL until a TLS account or call */
	struct sa laddr;
	md_stack_conn_h *connh;
	md_stack_exit_h *exith;
	void *arg;
	bool closing;   /* sip_close() took our reference to the stack */
	bool exited;    /* ... and libre gave it back at the end */
};


static void destructor(void *arg)
{
	struct md_stack *stack = arg;

	mem_deref(stack->sock);
	mem_deref(stack->lsnr);

	if (!stack->closing || stack->exited) {
		sip_close(stack->sip, true);
		mem_deref(stack->sip);
	}
	else {
		/* Closing did not finish (a request still unanswered): drop
		 * what is pending. Once the last of it lets go, libre hands
		 * our reference back (exit_handler), to be dropped here. */
		sip_close(stack->sip, true);
		if (stack->exited)
			mem_deref(stack->sip);
	}

	mem_deref(stack->dnsc);
	mem_deref(stack->tls);
}


static void conn_handler(const struct sip_msg *msg, void *arg)
{
	struct md_stack *stack = arg;

	stack->connh(msg, stack->arg);
}


/* Requests the session socket does not take (it is asked first). OPTIONS
 * is how registrars and border controllers check that we are still there,
 * in a call or not: it gets 200 with what we accept. The rest (a NOTIFY
 * about voicemail nobody subscribed to, MESSAGE, ...) is refused with what
 * we allow. Left to libre, each would get 501 and a line printed on the
 * user's terminal. libre never answers an ACK, and takes CANCEL itself. */
static bool request_handler(const struct sip_msg *msg, void *arg)
{
	struct md_stack *stack = arg;

	if (!pl_strcmp(&msg->met, "OPTIONS"))
		(void)sip_replyf(stack->sip, msg, 200, "OK",
				 MD_STACK_ALLOW
				 "Accept: application/sdp\r\n"
				 "Content-Length: 0\r\n\r\n");
	else if (!pl_strcmp(&msg->met, "INVITE"))   /* while we close */
		(void)sip_reply(stack->sip, msg, 480,
				"Temporarily Unavailable");
	else
		(void)sip_replyf(stack->sip, msg, 405, "Method Not Allowed",
				 MD_STACK_ALLOW
				 "Content-Length: 0\r\n\r\n");

	return true;
}


static void exit_handler(void *arg)
{
	struct md_stack *stack = arg;

	stack->exited = true;
	stack->exith(stack->arg);
}


/* The DNS servers resolv.conf names now. Names are resolved only when an
 * account's server is one: a host without resolv.conf still calls IP
 * addresses. */
static uint32_t system_dns_servers(struct sa *nsv, uint32_t n)
{
	return dns_srv_get(NULL, 0, nsv, &n) ? 0 : n;
}


static int dnsc_from_system(struct dnsc **dnscp)
{
	struct sa nsv[4];

	return dnsc_alloc(dnscp, NULL, nsv,
			  system_dns_servers(nsv, ARRAY_SIZE(nsv)));
}


static int add_tls_transport(struct md_stack *stack, struct md_tls *tls)
{
	struct sa tls_laddr = stack->laddr;

	/* Any free port: we only connect out over TLS. */
	sa_set_port(&tls_laddr, 0);

	return sip_transp_add(stack->sip, SIP_TRANSP_TLS, &tls_laddr,
			      md_tls_context(tls));
}


/* UDP on @laddr, TCP on the port UDP got (so Contact and Via agree, or any
 * when that one is taken for TCP), TLS once it is in use. */
static int add_transports(struct md_stack *stack, const struct sa *laddr)
{
	struct sa tcp_laddr;
	int err;

	err = sip_transp_add(stack->sip, SIP_TRANSP_UDP, laddr);
	if (err)
		return err;

	err = sip_transp_laddr(stack->sip, &stack->laddr, SIP_TRANSP_UDP,
			       NULL);
	if (err)
		return err;

	tcp_laddr = stack->laddr;
	err = sip_transp_add(stack->sip, SIP_TRANSP_TCP, &tcp_laddr);
	if (err) {
		sa_set_port(&tcp_laddr, 0);
		err = sip_transp_add(stack->sip, SIP_TRANSP_TCP, &tcp_laddr);
	}
	if (err || !stack->tls)
		return err;

	return add_tls_transport(stack, stack->tls);
}


int md_stack_alloc(struct md_stack **stackp, const struct sa *laddr,
		   md_stack_conn_h *connh, md_stack_exit_h *exith, void *arg)
{
	struct md_stack *stack;
	int err;

	if (!stackp || !laddr || !connh || !exith)
		return EINVAL;

	stack = mem_zalloc(sizeof(*stack), destructor);
	if (!stack)
		return ENOMEM;

	stack->connh = connh;
	stack->exith = exith;
	stack->arg = arg;

	err = dnsc_from_system(&stack->dnsc);
	if (err)
		goto out;

	err = sip_alloc(&stack->sip, stack->dnsc, 32, 32, 32,
			"Meetdial", exit_handler, stack);
	if (err)
		goto out;

	err = add_transports(stack, laddr);
	if (err)
		goto out;

	err = sipsess_listen(&stack->sock, stack->sip, 32, conn_handler,
			     stack);
	if (err)
		goto out;

	/* After the session socket's, so it is only asked what that one
	 * does not take. */
	err = sip_listen(&stack->lsnr, stack->sip, true, request_handler,
			 stack);

 out:
	if (err)
		mem_deref(stack);
	else
		*stackp = stack;

	return err;
}


int md_stack_rebind(struct md_stack *stack, const struct sa *laddr)
{
	struct sa nsv[4];
	uint32_t nsn;
	struct sa want;
	int err;

	if (!stack || !laddr || stack->closing)
		return EINVAL;

	/* Another network has DNS servers of its own (a laptop's router at
	 * home, the office's): those of the one left may not be reachable. */
	nsn = system_dns_servers(nsv, ARRAY_SIZE(nsv));
	if (nsn)
		(void)dnsc_srv_set(stack->dnsc, nsv, nsn);

	/* The transports go with their sockets and connections; a message
	 * still held (a server transaction's request) keeps its socket. */
	sip_transp_flush(stack->sip);

	want = *laddr;
	sa_set_port(&want, sa_port(&stack->laddr));
	err = add_transports(stack, &want);
	if (err) {
		sip_transp_flush(stack->sip);
		sa_set_port(&want, 0);
		err = add_transports(stack, &want);
	}

	return err;
}


void md_stack_close(struct md_stack *stack)
{
	if (!stack || stack->closing)
		return;

	/* The stack ends when the last transaction (BYE, unREGISTER) that
	 * holds it is done; then libre calls the exit handler. */
	stack->sock = mem_deref(stack->sock);
	stack->closing = true;
	sip_close(stack->sip, false);
}


int md_stack_use_tls(struct md_stack *stack, const char *ca_file,
		     const char *host)
{
	struct md_tls *tls = NULL;
	int err;

	if (!stack || !host)
		return EINVAL;

	/* Loading the system's CA store takes milliseconds: only when TLS
	 * is really used. */
	if (!stack->tls) {
		err = md_tls_alloc(&tls);
		if (err)
			return err;

		err = add_tls_transport(stack, tls);
		if (err) {
			mem_deref(tls);
			return err;
		}

		stack->tls = tls;
	}

	err = md_tls_add_host(stack->tls, host);
	if (!err && ca_file && *ca_file)
		err = md_tls_add_ca(stack->tls, ca_file);

	return err;
}


struct md_tls *md_stack_tls(const struct md_stack *stack)
{
	return stack ? stack->tls : NULL;
}


struct sip *md_stack_sip(const struct md_stack *stack)
{
	return stack ? stack->sip : NULL;
}


struct sipsess_sock *md_stack_sock(const struct md_stack *stack)
{
	return stack ? stack->sock : NULL;
}


const struct sa *md_stack_laddr(const struct md_stack *stack)
{
	return stack ? &stack->laddr : NULL;
}


int md_stack_transp_parse(const char *name, enum sip_transp *tpp)
{
	if (!name || !tpp)
		return EINVAL;

	if (!strcmp(name, "udp"))
		*tpp = SIP_TRANSP_UDP;
	else if (!strcmp(name, "tcp"))
		*tpp = SIP_TRANSP_TCP;
	else if (!strcmp(name, "tls"))
		*tpp = SIP_TRANSP_TLS;
	else
		return ENOTSUP;

	return 0;
}
