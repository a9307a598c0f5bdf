/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "md-account.h"
#include "md-call.h"
#include "md-dial-plan.h"
#include "md-sip-agent.h"

G_BEGIN_DECLS

#define MD_TYPE_PHONE (md_phone_get_type ())
G_DECLARE_FINAL_TYPE (MdPhone, md_phone, MD, PHONE, GObject)

/* What a call's audio uses; NULL fields mean "auto". */
typedef struct {
  const char *mic_spec;
  const char *speaker_spec;
} MdCallAudio;

/* @settings (may be NULL: built-in defaults) gives dtmf-mode and
 * no-answer-seconds. Signal "incoming-call" (MdCall *call). */
MdPhone      *md_phone_new            (GSettings    *settings);
/* Replaces the settings md_phone_new() was given; before any account or
 * call. A front end that reads its settings only after making the phone
 * (which starts SIP's library) sets them here. */
void          md_phone_set_settings   (MdPhone      *self,
                                       GSettings    *settings);

/* Starts SIP on the local address that reaches @host (an account's server,
 * or the host of a SIP URI to call). Looking @host up can take as long as
 * the resolver's timeouts: a window uses md_phone_start_async(), which
 * looks it up in a worker thread. */
gboolean      md_phone_start          (MdPhone      *self,
                                       const char   *host,
                                       GError      **error);
void          md_phone_start_async    (MdPhone             *self,
                                       const char          *host,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean      md_phone_start_finish   (MdPhone       *self,
                                       GAsyncResult  *result,
                                       GError       **error);

/* For a phone that stays up (a window, `meetdial-cli listen`, a call):
 * when the network changes (another Wi-Fi, a cable, a VPN), SIP moves to
 * the local address that now reaches the host it started for, once no
 * call is being set up; calls that run go on from there, and the accounts
 * register again from there. */
void          md_phone_follow_network (MdPhone      *self);

/* Gets the next call's audio ready ahead of time, so that dialing does not
 * wait for it: starts the media framework in a thread and returns at once;
 * once it is up and SIP is started, a second call binds the RTP port. */
gboolean      md_phone_prepare_media  (MdPhone      *self,
                                       GError      **error);

/* Registers @account with @password (not kept after this call). */
MdSipAccount *md_phone_add_account    (MdPhone      *self,
                                       MdAccount    *account,
                                       const char   *password,
                                       GError      **error);
/* Adds @account before its password is known, so that a call through it
 * need not wait for the Secret Service: the account registers, and calls
 * that the server challenges go on, once md_phone_set_account_password()
 * gives the password. */
MdSipAccount *md_phone_add_account_password_later (MdPhone      *self,
                                                   MdAccount    *account,
                                                   GError      **error);
void          md_phone_set_account_password       (MdPhone      *self,
                                                   MdSipAccount *sip_account,
                                                   const char   *password);
/* Unregisters @sip_account and forgets it. */
void          md_phone_remove_account (MdPhone      *self,
                                       MdSipAccount *sip_account);

/* Dials @plan: a phone number through @sip_account, or a SIP URI through
 * it or directly (when @sip_account is NULL). The plan runs after answer. */
MdCall       *md_phone_dial           (MdPhone           *self,
                                       MdDialPlan        *plan,
                                       MdSipAccount      *sip_account,
                                       const MdCallAudio *audio,
                                       GError           **error);

/* Audio for incoming calls, used when one is answered. */
void          md_phone_set_incoming_audio (MdPhone           *self,
                                           const MdCallAudio *audio);

/* Hangs up, unregisters, and stops SIP. */
void          md_phone_shutdown_async  (MdPhone             *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean      md_phone_shutdown_finish (MdPhone             *self,
                                        GAsyncResult        *result,
                                        GError             **error);

G_END_DECLS
