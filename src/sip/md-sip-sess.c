/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "md-sip-sess.h"
#include "md-sip-keepalive.h"
#include "md-sip-resolve.h"

#include <string.h>

/* A server answers an INVITE within moments, if only with 100 Trying; over
 * UDP the INVITE has gone four times by now. Without a word until then it
 * is most likely out of reach, though Timer B waits 32 s to say so: the
 * user is told meanwhile. */
enum { SILENT_AFTER_MS = 4000 };

/* How long a call refused with 403 waits for its account's sign-in. */
enum { REFUSED_WAIT_MS = 5000 };

struct md_sess {
	struct sipsess *sess;
	struct md_stack *stack;
	struct md_acct *acct;         /* an outgoing call's account, or NULL */
	char *uri;                    /* an outgoing call's Request-URI */
	char *from;                   /* without an account: ours, its next */
	char *route;                  /* hop given or looked up; else the
				       * account's */
	struct md_resolve *resolve;   /* the hop's name, being looked up */
	struct sdp_session *sdp;
	struct sdp_media *sdp_media;
	struct md_sdp_media media;
	struct mbuf *offer;           /* an incoming INVITE's SDP, if any */
	struct tmr tmr_no_answer;
	struct tmr tmr_silent;        /* no reply to the INVITE yet */
	struct tmr tmr_refused;       /* the sign-in a 403 waits for */
	struct md_keepalive *keepalive;   /* the dialog's flow, once set up */
	uint32_t no_answer_ms;
	enum md_sess_end end;
	bool answered;
	bool answer_sent;             /* our 2xx to an incoming INVITE */
	bool early;                   /* early media runs (183 with SDP) */
	char *early_tag;              /* the To-tag of that 183's dialog */
	bool silent;                  /* MD_SESS_SILENT went out */
	bool incoming;
	bool tls;
	bool ended;
	bool password_wait;           /* challenged before the password came */
	bool refused;                 /* 403 through the account, and its */
	char refused_text[192];       /* words: see md_sess_account_settled() */
	bool srtp;                    /* our offer is SRTP */
	char srtp_key[MD_SDP_SRTP_KEY_SIZE];
	md_sess_event_h *eh;
	void *arg;
};


static void destructor(void *arg)
{
	struct md_sess *sess = arg;

	tmr_cancel(&sess->tmr_no_answer);
	tmr_cancel(&sess->tmr_silent);
	tmr_cancel(&sess->tmr_refused);
	mem_deref(sess->keepalive);
	mem_deref(sess->resolve);
	mem_deref(sess->sess);
	mem_deref(sess->sdp);
	mem_deref(sess->offer);
	mem_deref(sess->stack);
	mem_deref(sess->acct);
	mem_deref(sess->uri);
	mem_deref(sess->from);
	mem_deref(sess->route);
	mem_deref(sess->early_tag);
}


static void emit(struct md_sess *sess, enum md_sess_event_kind kind,
		 const struct md_sdp_media *media)
{
	struct md_sess_event ev = { .kind = kind, .media = media };

	sess->eh(&ev, sess->arg);
}


/* Last thing a path does: the owner may free @sess in the handler. */
static void emit_ended(struct md_sess *sess, enum md_sess_end end,
		       uint16_t scode, const char *text)
{
	struct md_sess_event ev = {
		.kind = MD_SESS_ENDED,
		.end = end,
		.scode = scode,
		.text = text,
	};

	if (sess->ended)
		return;

	sess->ended = true;
	tmr_cancel(&sess->tmr_no_answer);
	tmr_cancel(&sess->tmr_silent);
	tmr_cancel(&sess->tmr_refused);
	sess->keepalive = mem_deref(sess->keepalive);
	sess->resolve = mem_deref(sess->resolve);
	sess->eh(&ev, sess->arg);
}


static enum md_sess_end end_from_status(uint16_t scode)
{
	switch (scode) {

	case 486:
	case 600:
		return MD_SESS_END_BUSY;

	case 603:
		return MD_SESS_END_DECLINED;

	case 408:
	case 480:
		return MD_SESS_END_NO_ANSWER;

	case 401:
	case 403:
	case 407:
		return MD_SESS_END_AUTH;

	case 488:
	case 606:
		return MD_SESS_END_NO_CODEC;

	/* No such number or address, or no way to it from this server. */
	case 404:
	case 410:
	case 484:
	case 502:
	case 503:
	case 504:
	case 604:
		return MD_SESS_END_UNREACHABLE;

	default:
		return MD_SESS_END_FAILED;
	}
}


/* Once audio runs (answered, or early media), the call keeps its codec:
 * the media core cannot change it (see offer_handler()). */
static const struct md_sdp_media *running_media(const struct md_sess *sess)
{
	return sess->answered || sess->early ? &sess->media : NULL;
}


static int negotiate(struct md_sess *sess, const struct sip_msg *msg,
		     bool offer)
{
	struct md_sdp_media media;
	int err;

	if (!msg_ctype_cmp(&msg->ctyp, "application", "sdp") ||
	    !mbuf_get_left(msg->mb)) {
		sess->end = MD_SESS_END_BAD_ANSWER;
		return EBADMSG;
	}

	err = md_sdp_negotiate_srtp(sess->sdp, sess->sdp_media, msg->mb, offer,
				    sess->srtp ? sess->srtp_key : NULL,
				    running_media(sess), &media);
	if (!err)
		sess->media = media;
	else if (err == ENOENT || err == ENOTSUP)
		sess->end = MD_SESS_END_NO_CODEC;
	else
		sess->end = MD_SESS_END_BAD_ANSWER;

	return err;
}


static int offer_handler(struct mbuf **descp, const struct sip_msg *msg,
			 void *arg)
{
	struct md_sess *sess = arg;
	int err;

	/* A re-INVITE without SDP (a session refresh, as some servers send
	 * it) asks for our offer; its answer comes in the ACK, to
	 * answer_handler(). */
	if (!mbuf_get_left(msg->mb))
		return sdp_encode(descp, sess->sdp, true);

	/* A re-INVITE: hold, resume or a new address. One that would change
	 * the codec is refused (488), as the audio cannot follow it; the call
	 * goes on as it was (RFC 3261, 14.2). */
	err = negotiate(sess, msg, true);
	if (err) {
		sess->end = MD_SESS_END_NONE;
		return err;
	}

	err = sdp_encode(descp, sess->sdp, false);
	if (err)
		return err;

	emit(sess, MD_SESS_MODIFIED, &sess->media);

	return 0;
}


static int answer_handler(const struct sip_msg *msg, void *arg)
{
	struct md_sess *sess = arg;
	int err;

	err = negotiate(sess, msg, false);

	/* The 2xx to our INVITE in the dialog of a 183 whose SDP we took:
	 * that was the answer, and SDP in later responses is to be ignored
	 * (RFC 3261, 13.2.1). Where the 2xx repeats it with a new address, as
	 * gateways do, the media follows; one without SDP, or without the
	 * early codec, leaves the early media as it runs. A 2xx from another
	 * dialog (a fork) brings its own answer. */
	if (err && sess->early && !sess->answered && sess->early_tag &&
	    !pl_strcmp(&msg->to.tag, sess->early_tag)) {
		sess->end = MD_SESS_END_NONE;
		return 0;
	}

	/* The answer to our own re-INVITE (hold, resume): the media follows
	 * it, or a held call would wait for audio the far end no longer
	 * sends. One we cannot use leaves the call as it was (libre goes on
	 * with it), so it is not what the call's end is told as. */
	if (!err && sess->answered)
		emit(sess, MD_SESS_MODIFIED, &sess->media);
	else if (err && sess->answered)
		sess->end = MD_SESS_END_NONE;

	return err;
}


static void silent_handler(void *arg)
{
	struct md_sess *sess = arg;

	sess->silent = true;
	emit(sess, MD_SESS_SILENT, NULL);
}


/* Any reply to our INVITE: the server is there. */
static void heard(struct md_sess *sess)
{
	tmr_cancel(&sess->tmr_silent);
	if (!sess->silent)
		return;

	sess->silent = false;
	emit(sess, MD_SESS_HEARD, NULL);
}


static void progress_handler(const struct sip_msg *msg, void *arg)
{
	struct md_sess *sess = arg;
	struct md_sdp_media media;

	heard(sess);

	/* Early media. SDP we cannot use here leaves the call ringing, as a
	 * plain 183 would: the 200 OK's answer decides. */
	if (msg->scode == 183 &&
	    msg_ctype_cmp(&msg->ctyp, "application", "sdp") &&
	    mbuf_get_left(msg->mb) &&
	    !md_sdp_negotiate_srtp(sess->sdp, sess->sdp_media, msg->mb, false,
				   sess->srtp ? sess->srtp_key : NULL,
				   running_media(sess), &media)) {
		sess->media = media;
		sess->early = true;
		sess->early_tag = mem_deref(sess->early_tag);
		(void)pl_strdup(&sess->early_tag, &msg->to.tag);
		emit(sess, MD_SESS_EARLY, &sess->media);
		return;
	}

	if (msg->scode == 180 || msg->scode == 183)
		emit(sess, MD_SESS_RINGING, NULL);
}


static void estab_handler(const struct sip_msg *msg, void *arg)
{
	struct md_sess *sess = arg;

	/* The far end's requests in the dialog (its BYE, a session refresh
	 * minutes later) come back along the flow its 200 OK, or the ACK to
	 * ours, came by. A registration keeps only the flow to its registrar
	 * alive, and an account that only calls out, or a call without an
	 * account, has none. */
	if (!sess->keepalive &&
	    !md_keepalive_alloc(&sess->keepalive, md_stack_sip(sess->stack)))
		md_keepalive_flow(sess->keepalive, msg->tp, &msg->src);

	tmr_cancel(&sess->tmr_no_answer);
	heard(sess);
	sess->answered = true;
	emit(sess, MD_SESS_ANSWERED, &sess->media);
}


static char dtmf_relay_digit(const struct sip_msg *msg)
{
	struct pl signal;

	if (!msg_ctype_cmp(&msg->ctyp, "application", "dtmf-relay"))
		return 0;

	if (re_regex((char *)mbuf_buf(msg->mb), mbuf_get_left(msg->mb),
		     "Signal=[ ]*[0-9*#]1", NULL, &signal))
		return 0;

	return signal.p[0];
}


static void info_handler(struct sip *sip, const struct sip_msg *msg,
			 void *arg)
{
	struct md_sess *sess = arg;
	struct md_sess_event ev = { .kind = MD_SESS_DTMF };

	ev.digit = dtmf_relay_digit(msg);
	if (!ev.digit) {
		(void)sip_reply(sip, msg, 415, "Unsupported Media Type");
		return;
	}

	(void)sip_reply(sip, msg, 200, "OK");
	sess->eh(&ev, sess->arg);
}


/* A sign-in that takes longer (a registrar slow to answer) leaves the
 * password in doubt: the user reads the server's reason. */
static void refused_wait_handler(void *arg)
{
	struct md_sess *sess = arg;

	emit_ended(sess, MD_SESS_END_FAILED, 403, sess->refused_text);
}


static void close_handler(int err, const struct sip_msg *msg, void *arg)
{
	struct md_sess *sess = arg;
	enum md_sess_end end = sess->end;
	char text[192] = "";

	/* Challenged before the account's password came (the first INVITE
	 * does not wait for it): the INVITE goes again once it is there,
	 * md_sess_password_ready(). */
	if (msg && !msg->req && (msg->scode == 401 || msg->scode == 407) &&
	    md_acct_password_pending(sess->acct)) {
		/* The far end has not rung yet: its time starts again
		 * with the INVITE (a keyring may ask to be unlocked). */
		sess->password_wait = true;
		tmr_cancel(&sess->tmr_no_answer);
		heard(sess);
		emit(sess, MD_SESS_PASSWORD_WAIT, NULL);
		return;
	}

	/* libre reports a BYE from the far end as ECONNRESET. */
	if (err == ECONNRESET && end == MD_SESS_END_NONE) {
		emit_ended(sess, MD_SESS_END_REMOTE, 0, "");
		return;
	}

	if (md_acct_auth_unsupported(err, msg, text, sizeof(text))) {
		emit_ended(sess, MD_SESS_END_FAILED, msg->scode, text);
		return;
	}

	/* libre follows a redirection itself (a new INVITE to the reply's
	 * Contact): one comes here only in a loop, or naming no address. */
	if (msg && !msg->req && msg->scode >= 300 && msg->scode < 400)
		re_snprintf(text, sizeof(text), "%u %r, %s", msg->scode,
			    &msg->reason,
			    sip_msg_hdr(msg, SIP_HDR_CONTACT)
			    ? "redirected in a loop" : "to no address");
	else if (msg && !msg->req)
		re_snprintf(text, sizeof(text), "%u %r", msg->scode,
			    &msg->reason);
	else if (err)
		re_snprintf(text, sizeof(text), "%m", err);

	if (end == MD_SESS_END_NONE && err && !msg && sess->tls &&
	    md_tls_failure(md_stack_tls(sess->stack))) {
		emit_ended(sess, MD_SESS_END_CERT, 0,
			   md_tls_failure(md_stack_tls(sess->stack)));
		return;
	}

	/* Without an account no password was sent: the far end asks for a
	 * sign-in (401, 407) or refuses the call (403, whose reason phrase
	 * says why). */
	if (end == MD_SESS_END_NONE && !sess->acct && msg && !msg->req &&
	    end_from_status(msg->scode) == MD_SESS_END_AUTH) {
		if (msg->scode != 403)
			re_snprintf(text, sizeof(text), "%u %r: it takes calls "
				    "only through a SIP account", msg->scode,
				    &msg->reason);
		end = MD_SESS_END_FAILED;
	}

	/* Through an account, a 403 may refuse the password or only this
	 * call (a barred number, no credit): the account's sign-in with the
	 * same password tells which, once it is over. */
	if (end == MD_SESS_END_NONE && sess->acct && msg && !msg->req &&
	    msg->scode == 403) {
		sess->refused = true;
		str_ncpy(sess->refused_text, text, sizeof(sess->refused_text));
		tmr_cancel(&sess->tmr_no_answer);
		heard(sess);
		tmr_start(&sess->tmr_refused, REFUSED_WAIT_MS,
			  refused_wait_handler, sess);
		md_sess_account_settled(sess);
		return;
	}

	if (end == MD_SESS_END_NONE) {
		if (msg && !msg->req && msg->scode >= 300)
			end = end_from_status(msg->scode);
		else if (err)
			end = MD_SESS_END_UNREACHABLE;
		else
			end = MD_SESS_END_REMOTE;
	}

	/* Our offer was encrypted: a far end without SRTP refuses it (488)
	 * or answers with plain RTP, which reads as no common codec. */
	if (end == MD_SESS_END_NO_CODEC && sess->srtp && !sess->answered) {
		end = MD_SESS_END_FAILED;
		str_ncpy(text, "the far end refused the call's audio; it may not "
			 "take encrypted audio (SRTP), which the Encrypted "
			 "Call Audio preference (srtp) turns off", sizeof(text));
	}

	emit_ended(sess, end, msg && !msg->req ? msg->scode : 0, text);
}


static void no_answer_handler(void *arg)
{
	struct md_sess *sess = arg;

	/* Freeing the pending INVITE sends CANCEL. */
	sess->sess = mem_deref(sess->sess);
	emit_ended(sess, MD_SESS_END_NO_ANSWER, 0, "");
}


static int sess_alloc(struct md_sess **sessp, struct md_stack *stack,
		      md_sess_event_h *eh, void *arg)
{
	struct md_sess *sess;

	sess = mem_zalloc(sizeof(*sess), destructor);
	if (!sess)
		return ENOMEM;

	sess->stack = mem_ref(stack);
	sess->eh = eh;
	sess->arg = arg;
	tmr_init(&sess->tmr_no_answer);
	tmr_init(&sess->tmr_silent);
	tmr_init(&sess->tmr_refused);

	*sessp = sess;

	return 0;
}


/* The INVITE; again, in a new dialog, after waiting for the password. */
static int invite(struct md_sess *sess)
{
	struct md_acct *acct = sess->acct;
	const char *routev[1] = {
		sess->route || !acct ? sess->route : md_acct_route(acct)
	};
	struct mbuf *desc = NULL;
	int err;

	err = sdp_encode(&desc, sess->sdp, true);
	if (err)
		return err;

	err = sipsess_connect(&sess->sess, md_stack_sock(sess->stack),
			      sess->uri,
			      acct ? md_acct_display_name(acct) : NULL,
			      acct ? md_acct_aor(acct) : sess->from,
			      acct ? md_acct_user(acct) : "meetdial",
			      routev[0] ? routev : NULL, routev[0] ? 1 : 0,
			      "application/sdp", desc,
			      acct ? md_acct_auth_handler : NULL,
			      acct ? md_acct_creds(acct) : NULL, acct != NULL,
			      offer_handler, answer_handler, progress_handler,
			      estab_handler, info_handler, NULL,
			      close_handler, sess, MD_STACK_ALLOW);
	mem_deref(desc);
	if (err)
		return err;

	if (sess->no_answer_ms)
		tmr_start(&sess->tmr_no_answer, sess->no_answer_ms,
			  no_answer_handler, sess);
	tmr_start(&sess->tmr_silent, SILENT_AFTER_MS, silent_handler, sess);

	return 0;
}


static void resolve_handler(int err, const char *route, const char *reason,
			    void *arg)
{
	struct md_sess *sess = arg;

	sess->resolve = mem_deref(sess->resolve);

	if (err) {
		emit_ended(sess, MD_SESS_END_UNREACHABLE, 0, reason);
		return;
	}

	err = str_dup(&sess->route, route);
	if (!err)
		err = invite(sess);
	if (err)
		emit_ended(sess, MD_SESS_END_UNREACHABLE, 0,
			   "cannot send the INVITE");
}


int md_sess_connect(struct md_sess **sessp, struct md_stack *stack,
		    struct md_acct *acct, const struct md_sess_params *prm,
		    md_sess_event_h *eh, void *arg)
{
	struct md_sess *sess = NULL;
	int af, err;

	if (!sessp || !stack || !prm || !prm->uri || !eh)
		return EINVAL;

	af = sa_af(md_stack_laddr(stack));
	err = sess_alloc(&sess, stack, eh, arg);
	if (err)
		return err;

	sess->tls = prm->tls;
	sess->srtp = prm->srtp;

	if (sess->srtp)
		err = md_sdp_alloc_srtp(&sess->sdp, &sess->sdp_media,
					md_stack_laddr(stack), prm->rtp_port,
					prm->codecs, prm->n_codecs,
					sess->srtp_key);
	else
		err = md_sdp_alloc(&sess->sdp, &sess->sdp_media,
				   md_stack_laddr(stack), prm->rtp_port,
				   prm->codecs, prm->n_codecs);
	if (err)
		goto out;

	err = str_dup(&sess->uri, prm->uri);
	sess->no_answer_ms = prm->no_answer_ms;
	if (acct) {
		struct pl host;
		uint16_t port;

		sess->acct = mem_ref(acct);
		if (md_acct_lookup(acct, &host, &port))
			err |= md_resolve_route(&sess->resolve, &host, port,
						md_acct_transport(acct), af,
						resolve_handler, sess);
	}
	else {
		/* No account: an anonymous caller at our own address. */
		err |= re_sdprintf(&sess->from, "sip:meetdial@%J",
				   md_stack_laddr(stack));
		err |= md_resolve_uri_route(&sess->resolve,
					    prm->route ? prm->route : prm->uri,
					    af, resolve_handler, sess);
		if (!err && !sess->resolve && prm->route)
			err = str_dup(&sess->route, prm->route);
	}
	if (err)
		goto out;

	/* Else the INVITE goes once the hop is found. */
	if (!sess->resolve)
		err = invite(sess);

 out:
	if (err)
		mem_deref(sess);
	else
		*sessp = sess;

	return err;
}


void md_sess_account_settled(struct md_sess *sess)
{
	enum md_acct_state state;

	if (!sess || sess->ended || !sess->refused)
		return;

	state = md_acct_state(sess->acct);
	if (state == MD_ACCT_REGISTERING)
		return;

	/* A sign-in that failed otherwise (no reply, a TLS certificate)
	 * tells nothing of the password: the server's reason then, as after
	 * REFUSED_WAIT_MS. An account that only calls out has nothing else
	 * to go by. */
	emit_ended(sess, state == MD_ACCT_WRONG_PASSWORD ||
		   state == MD_ACCT_UNREGISTERED ? MD_SESS_END_AUTH
		   : MD_SESS_END_FAILED, 403, sess->refused_text);
}


void md_sess_password_ready(struct md_sess *sess)
{
	if (!sess || !sess->password_wait || sess->ended ||
	    md_acct_password_pending(sess->acct))
		return;

	sess->password_wait = false;
	sess->sess = mem_deref(sess->sess);
	if (invite(sess))
		emit_ended(sess, MD_SESS_END_UNREACHABLE, 0,
			   "cannot send the INVITE");
}


int md_sess_incoming(struct md_sess **sessp, struct md_stack *stack,
		     const struct sip_msg *msg, char *from, size_t from_size,
		     md_sess_event_h *eh, void *arg)
{
	struct md_sess *sess = NULL;
	int err;

	if (!sessp || !stack || !msg || !eh)
		return EINVAL;

	/* An offer, or none: then ours goes in the 200 OK and the answer
	 * comes in the ACK, as gateways and click-to-call servers call. A
	 * body of another kind is refused. */
	if (mbuf_get_left(msg->mb) &&
	    !msg_ctype_cmp(&msg->ctyp, "application", "sdp")) {
		(void)sip_treply(NULL, md_stack_sip(stack), msg, 488,
				 "Not Acceptable Here");
		return EPROTO;
	}

	err = sess_alloc(&sess, stack, eh, arg);
	if (err)
		return err;

	sess->incoming = true;
	if (mbuf_get_left(msg->mb)) {
		sess->offer = mbuf_alloc(mbuf_get_left(msg->mb));
		if (!sess->offer) {
			err = ENOMEM;
			goto out;
		}
		err = mbuf_write_mem(sess->offer, mbuf_buf(msg->mb),
				     mbuf_get_left(msg->mb));
		if (err)
			goto out;
		sess->offer->pos = 0;
	}

	if (from)
		re_snprintf(from, from_size, "%r", &msg->from.auri);

	err = sipsess_accept(&sess->sess, md_stack_sock(stack), msg, 180,
			     "Ringing", "meetdial", "application/sdp", NULL,
			     NULL, NULL, false, offer_handler, answer_handler,
			     estab_handler, info_handler, NULL, close_handler,
			     sess, MD_STACK_ALLOW);

 out:
	if (err)
		mem_deref(sess);
	else
		*sessp = sess;

	return err;
}


int md_sess_answer(struct md_sess *sess, const struct md_sess_params *prm)
{
	struct mbuf *desc = NULL;
	int err;

	if (!sess || !prm || !sess->incoming)
		return EINVAL;

	/* Answered again (a double click, a key pressed twice) before the
	 * ACK made the call active: the 2xx is on its way already. */
	if (sess->answer_sent)
		return 0;

	err = md_sdp_alloc(&sess->sdp, &sess->sdp_media,
			   md_stack_laddr(sess->stack), prm->rtp_port,
			   prm->codecs, prm->n_codecs);
	if (err)
		return err;

	/* No offer came: ours, answered in the ACK (answer_handler()). */
	if (!sess->offer) {
		err = sdp_encode(&desc, sess->sdp, true);
		goto answer;
	}

	err = md_sdp_negotiate(sess->sdp, sess->sdp_media, sess->offer, true,
			       NULL, &sess->media);
	if (err) {
		/* Refusing the offer ends the call. */
		(void)sipsess_reject(sess->sess, 488, "Not Acceptable Here",
				     NULL);
		emit_ended(sess, err == ENOENT ? MD_SESS_END_NO_CODEC
			   : MD_SESS_END_BAD_ANSWER, 488, "");
		return 0;
	}

	err = sdp_encode(&desc, sess->sdp, false);

 answer:
	if (err)
		return err;

	err = sipsess_answer(sess->sess, 200, "OK", desc, MD_STACK_ALLOW);
	mem_deref(desc);
	sess->answer_sent = !err;

	return err;
}


void md_sess_hangup(struct md_sess *sess)
{
	if (!sess || sess->ended)
		return;

	if (sess->incoming && !sess->answered)
		(void)sipsess_reject(sess->sess, 603, "Decline", NULL);

	/* Freeing the session sends BYE when established, else CANCEL. */
	sess->sess = mem_deref(sess->sess);
	emit_ended(sess, MD_SESS_END_LOCAL, 0, "");
}


/* A re-INVITE with our SDP as it now stands (libre counts its version up);
 * one still under way goes first, this one after it. */
static int reoffer(struct md_sess *sess)
{
	struct mbuf *desc = NULL;
	int err;

	err = sdp_encode(&desc, sess->sdp, true);
	if (err)
		return err;

	err = sipsess_modify(sess->sess, desc);
	mem_deref(desc);

	return err;
}


int md_sess_hold(struct md_sess *sess, bool hold)
{
	if (!sess || !sess->answered)
		return EINVAL;

	md_sdp_set_hold(sess->sdp_media, hold);

	return reoffer(sess);
}


bool md_sess_established(const struct md_sess *sess)
{
	return sess && sess->answered && !sess->ended;
}


int md_sess_move(struct md_sess *sess, const struct sa *laddr)
{
	struct sa maddr;

	if (!md_sess_established(sess) || !laddr)
		return EINVAL;

	/* The RTP sockets are on every local address (md-media-sockets.h):
	 * only what the SDP says changes, the port stays. */
	maddr = *laddr;
	sa_set_port(&maddr, sa_port(sdp_media_laddr(sess->sdp_media)));
	sdp_session_set_laddr(sess->sdp, laddr);
	sdp_media_set_laddr(sess->sdp_media, &maddr);

	return reoffer(sess);
}


static void info_resp_handler(int err, const struct sip_msg *msg, void *arg)
{
	(void)err;
	(void)msg;
	(void)arg;
}


int md_sess_send_info_dtmf(struct md_sess *sess, char digit,
			   uint32_t duration_ms)
{
	struct mbuf *body;
	int err;

	if (!sess || !sess->answered)
		return EINVAL;

	body = mbuf_alloc(64);
	if (!body)
		return ENOMEM;

	err = mbuf_printf(body, "Signal=%c\r\nDuration=%u\r\n", digit,
			  duration_ms);
	if (!err) {
		body->pos = 0;
		err = sipsess_info(sess->sess, "application/dtmf-relay", body,
				   info_resp_handler, sess);
	}

	mem_deref(body);

	return err;
}
