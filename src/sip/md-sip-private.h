/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Between MdSipAgent and the objects it hands out; main context only. */

#include "md-sip-agent.h"

G_BEGIN_DECLS

MdSipAccount *_md_sip_account_new        (MdSipAgent        *agent,
                                          guint              id,
                                          const char        *name,
                                          const char        *domain,
                                          const char        *international_prefix);
guint         _md_sip_account_get_id     (MdSipAccount      *self);
void          _md_sip_account_set_state  (MdSipAccount      *self,
                                          MdSipAccountState  state,
                                          const char        *status);

MdSipCall    *_md_sip_call_new           (MdSipAgent        *agent,
                                          guint              id,
                                          gboolean           incoming,
                                          const char        *remote_uri);
guint         _md_sip_call_get_id        (MdSipCall         *self);
/* Copies @params (and its address string). */
void          _md_sip_call_set_media     (MdSipCall         *self,
                                          const MdMediaParams *params);
/* Emits a signal without arguments: "ringing", "early", "answered", "modified",
 * "silent", "heard". */
void          _md_sip_call_emit          (MdSipCall         *self,
                                          const char        *signal_name);
void          _md_sip_call_dtmf          (MdSipCall         *self,
                                          char               digit);
void          _md_sip_call_end           (MdSipCall         *self,
                                          MdSipEndReason     reason,
                                          const char        *detail);

/* Commands from MdSipCall to the SIP thread. */
void _md_sip_agent_answer    (MdSipAgent *self, guint call_id, guint local_rtp_port);
void _md_sip_agent_hangup    (MdSipAgent *self, guint call_id);
void _md_sip_agent_hold      (MdSipAgent *self, guint call_id, gboolean hold);
void _md_sip_agent_info_dtmf (MdSipAgent *self, guint call_id, char digit, guint duration_ms);

G_END_DECLS
