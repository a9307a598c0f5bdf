/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* libre side only: one call's signalling (INVITE dialog, SDP, INFO).
 * Runs on the libre thread. */

#include <re.h>

#include "md-sip-acct.h"
#include "md-sip-sdp.h"
#include "md-sip-stack.h"

struct md_sess;

enum md_sess_event_kind {
	MD_SESS_RINGING,
	MD_SESS_EARLY,       /* 183 with SDP: media flows before answer */
	MD_SESS_ANSWERED,
	MD_SESS_MODIFIED,    /* a re-INVITE, from either end, changed media */
	MD_SESS_DTMF,        /* a digit by SIP INFO from the far end */
	MD_SESS_PASSWORD_WAIT, /* challenged before the account's password */
	MD_SESS_SILENT,      /* no reply of any kind to our INVITE yet */
	MD_SESS_HEARD,       /* ... and now one came, after all */
	MD_SESS_ENDED,       /* last event; the owner may free the session */
};

enum md_sess_end {
	MD_SESS_END_NONE,
	MD_SESS_END_LOCAL,         /* we hung up */
	MD_SESS_END_REMOTE,        /* far end hung up */
	MD_SESS_END_BUSY,
	MD_SESS_END_DECLINED,
	MD_SESS_END_NO_ANSWER,
	MD_SESS_END_AUTH,          /* wrong password */
	MD_SESS_END_UNREACHABLE,
	MD_SESS_END_NO_CODEC,
	MD_SESS_END_BAD_ANSWER,
	MD_SESS_END_CERT,          /* the server's TLS certificate failed */
	MD_SESS_END_FAILED,        /* anything else: see scode/text */
};

struct md_sess_event {
	enum md_sess_event_kind kind;
	const struct md_sdp_media *media;  /* EARLY, ANSWERED, MODIFIED */
	enum md_sess_end end;              /* ENDED */
	uint16_t scode;                    /* the SIP status, when one */
	const char *text;                  /* status line or error */
	char digit;                        /* DTMF */
};

typedef void (md_sess_event_h)(const struct md_sess_event *ev, void *arg);

struct md_sess_params {
	const char *uri;              /* Request-URI (connect) */
	uint16_t rtp_port;            /* our media port */
	const struct md_sdp_codec *codecs;
	size_t n_codecs;
	uint32_t no_answer_ms;        /* 0: wait for the far end */
	bool tls;                     /* signalling goes over TLS */
	bool srtp;                    /* offer SDES-SRTP only */
	const char *route;            /* next hop without an account, or NULL */
};

/* An outgoing call; @acct may be NULL for a direct SIP URI call. */
int md_sess_connect(struct md_sess **sessp, struct md_stack *stack,
		    struct md_acct *acct, const struct md_sess_params *prm,
		    md_sess_event_h *eh, void *arg);

/* The account's password has come (md_acct_set_password()): a call
 * challenged while it was still to come sends its INVITE again. */
void md_sess_password_ready(struct md_sess *sess);

/* The account's sign-in has moved on: a call refused (403) while it was
 * under way ends, as a wrong password if the sign-in was refused too,
 * else with the server's reason. */
void md_sess_account_settled(struct md_sess *sess);

/* An incoming INVITE: replies 180 Ringing and waits for answer/hangup.
 * Fills @from (the caller's URI) up to @from_size bytes. An INVITE without
 * SDP is answered with our offer, and the ACK brings the answer. */
int md_sess_incoming(struct md_sess **sessp, struct md_stack *stack,
		     const struct sip_msg *msg, char *from, size_t from_size,
		     md_sess_event_h *eh, void *arg);
int md_sess_answer(struct md_sess *sess, const struct md_sess_params *prm);

/* BYE, CANCEL or decline (603), whichever fits; emits MD_SESS_ENDED. */
void md_sess_hangup(struct md_sess *sess);
int md_sess_hold(struct md_sess *sess, bool hold);
/* Answered and not ended: a re-INVITE may go. */
bool md_sess_established(const struct md_sess *sess);
/* The stack moved to @laddr (md_stack_rebind()): a re-INVITE gives the far
 * end the new address for media, and its Contact the new one for SIP. */
int md_sess_move(struct md_sess *sess, const struct sa *laddr);
int md_sess_send_info_dtmf(struct md_sess *sess, char digit,
			   uint32_t duration_ms);
