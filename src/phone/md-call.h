/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "md-dial-plan.h"
#include "md-media-session.h"
#include "md-sip-call.h"

G_BEGIN_DECLS

typedef enum {
  MD_CALL_STATE_DIALING,
  MD_CALL_STATE_RINGING,
  MD_CALL_STATE_EARLY,     /* early media (183) */
  MD_CALL_STATE_ACTIVE,
  MD_CALL_STATE_HELD,
  MD_CALL_STATE_ENDED,
} MdCallState;

typedef enum {
  MD_CALL_DTMF_AUTO,       /* RFC 4733 when negotiated, else SIP INFO */
  MD_CALL_DTMF_RFC4733,
  MD_CALL_DTMF_SIP_INFO,
  MD_CALL_DTMF_INBAND,
} MdCallDtmfMode;

#define MD_TYPE_CALL (md_call_get_type ())
G_DECLARE_FINAL_TYPE (MdCall, md_call, MD, CALL, GObject)

/* Properties (notify): "state" (MdCallState), "waiting" (a wait step needs
 * md_call_continue()), "muted", "server-silent" (dialing, and the server
 * has not replied at all for a few seconds: likely out of reach, though
 * the call goes on trying until SIP gives up).
 * Signals: "dtmf-sent" (const char *masked_digits) — digits are always
 * shown as "•"; "dtmf-failed" (const char *message) — a touch tone could
 * not be sent, nor those queued after it, and why; "dtmf-received" (const char *masked_digits) — a digit the
 * far end sent by SIP INFO, also shown as "•"; "answered" (); "ended" (). */

MdCallState  md_call_get_state         (MdCall *self);
/* The end reason in the stable words of DESIGN.md ("busy", "no answer",
 * "hung up by far end", …); NULL until the call ends. */
const char  *md_call_get_end_reason    (MdCall *self);
/* A sentence for people about the end, translated. */
const char  *md_call_get_end_message   (MdCall *self);
gboolean     md_call_get_waiting       (MdCall *self);
gboolean     md_call_get_server_silent (MdCall *self);
gboolean     md_call_is_incoming       (MdCall *self);
const char  *md_call_get_remote_uri    (MdCall *self);
/* The negotiated audio codec ("PCMU/8000"), or NULL before answer. */
char        *md_call_dup_codec_name    (MdCall *self);
/* Whether the call was ever answered. */
gboolean     md_call_was_answered      (MdCall *self);
/* What reaches this call's far end from a phone: the plan an outgoing call
 * dialled; for an incoming call, the caller's number (a SIP address when
 * the caller is not a number). NULL for an anonymous caller. */
MdDialPlan  *md_call_dup_dial_plan     (MdCall *self);

/* Continues a wait step. */
void         md_call_continue          (MdCall     *self);
/* Queues digits [0-9*#] typed by the user, after the plan's; FALSE, and
 * nothing queued, unless the call is active (answered and not on hold). */
gboolean     md_call_send_dtmf         (MdCall     *self,
                                        const char *digits);
void         md_call_set_muted         (MdCall     *self,
                                        gboolean    muted);
gboolean     md_call_get_muted         (MdCall     *self);
void         md_call_set_held          (MdCall     *self,
                                        gboolean    held);
/* Answers an incoming call. */
gboolean     md_call_answer            (MdCall     *self,
                                        GError    **error);
/* Hangs up, cancels or declines. Idempotent. */
void         md_call_hangup            (MdCall     *self);
/* Ends a call whose account's password cannot be had (none is stored, the
 * keyring failed): end reason "no password", @message says why. */
void         md_call_end_for_password  (MdCall     *self,
                                        const char *message);

const char  *md_call_state_to_string   (MdCallState state);

G_END_DECLS
