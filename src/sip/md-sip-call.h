/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "md-media-session.h"

G_BEGIN_DECLS

typedef enum {
  MD_SIP_END_NONE,
  MD_SIP_END_HUNG_UP,          /* we hung up */
  MD_SIP_END_REMOTE_HANGUP,    /* hung up by far end */
  MD_SIP_END_BUSY,
  MD_SIP_END_DECLINED,
  MD_SIP_END_NO_ANSWER,
  MD_SIP_END_WRONG_PASSWORD,
  MD_SIP_END_UNREACHABLE,
  MD_SIP_END_NO_COMMON_CODEC,
  MD_SIP_END_BAD_ANSWER,
  MD_SIP_END_CERTIFICATE,      /* the server's TLS certificate failed */
  MD_SIP_END_FAILED,
} MdSipEndReason;

#define MD_TYPE_SIP_CALL (md_sip_call_get_type ())
G_DECLARE_FINAL_TYPE (MdSipCall, md_sip_call, MD, SIP_CALL, GObject)

/* Signals, all on the main context:
 *   "ringing"  ()            180, or 183 without usable SDP
 *   "early"    ()            183 with SDP: media params are ready
 *   "answered" ()            200 + ACK: media params are ready
 *   "modified" ()            a re-INVITE (ours or the far end's) changed the media
 *   "silent"   ()            no reply at all to our INVITE after a few seconds
 *   "heard"    ()            ... and then one came
 *   "dtmf"     (gchar digit) a digit by SIP INFO from the far end
 *   "ended"    ()            last signal; see get_end_reason()
 */

gboolean             md_sip_call_is_incoming     (MdSipCall *self);
const char          *md_sip_call_get_remote_uri  (MdSipCall *self);
/* Valid after "early"/"answered"/"modified", until the call is freed. */
const MdMediaParams *md_sip_call_get_media_params (MdSipCall *self);
MdSipEndReason       md_sip_call_get_end_reason  (MdSipCall *self);
/* The SIP status line or transport error behind the end, or "". */
const char          *md_sip_call_get_end_detail  (MdSipCall *self);

/* Answers an incoming call with our media on @local_rtp_port. */
void md_sip_call_answer          (MdSipCall *self,
                                  guint      local_rtp_port);
/* BYE, CANCEL or decline, whichever fits. Idempotent. */
void md_sip_call_hangup          (MdSipCall *self);
void md_sip_call_hold            (MdSipCall *self,
                                  gboolean   hold);
/* One DTMF digit as SIP INFO (application/dtmf-relay). */
void md_sip_call_send_info_dtmf  (MdSipCall *self,
                                  char       digit,
                                  guint      duration_ms);

G_END_DECLS
