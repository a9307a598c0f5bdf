/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "md-account.h"
#include "md-call.h"
#include "md-call-history.h"
#include "md-call-route.h"
#include "md-phone.h"

G_BEGIN_DECLS

#define MD_TYPE_CALL_CONTROLLER (md_call_controller_get_type ())
G_DECLARE_FINAL_TYPE (MdCallController, md_call_controller, MD, CALL_CONTROLLER, GObject)

typedef struct _MdApplication MdApplication;

/* The app's side of calls: starts MdPhone when first needed, registers the
 * default account with its password from the keyring, dials, records every
 * call in the history and tells the user (notifications) how calls go.
 * Properties (notify): "call" (the current MdCall or NULL), "route" (its
 * MdCallRoute), "title" (what
 * the call is for, for people), "error" (why the last call could not start),
 * "sip-account" (the registration of the account, once started). */
MdCallController *md_call_controller_new        (MdApplication    *app,
                                                 GSettings        *settings);

/* Registers the default account once the main loop is idle, so incoming
 * calls ring; does nothing without accounts. */
void              md_call_controller_start_idle (MdCallController *self);

void              md_call_controller_dial       (MdCallController *self,
                                                 const char       *dial_uri,
                                                 const char       *title,
                                                 const char       *provider);
void              md_call_controller_answer     (MdCallController *self);
void              md_call_controller_hang_up    (MdCallController *self);
/* Forgets an ended call, so the window goes back to joining. */
void              md_call_controller_dismiss    (MdCallController *self);
void              md_call_controller_shutdown   (MdCallController *self);

MdCall           *md_call_controller_get_call   (MdCallController *self);
/* Where the current outgoing call's audio goes (computer, a phone that was
 * called, or a phone that dialled in); NULL for incoming calls. */
MdCallRoute      *md_call_controller_get_route  (MdCallController *self);
/* The dial plan of the current outgoing call; NULL for incoming ones. */
MdDialPlan       *md_call_controller_get_plan   (MdCallController *self);
const char       *md_call_controller_get_title  (MdCallController *self);
MdCallHistory    *md_call_controller_get_history (MdCallController *self);
/* The history entry to call again from the ended call shown, when that may
 * well get through now (the far end hung up, the network was lost, the
 * line was busy, …); 0 otherwise. */
gint64            md_call_controller_get_call_again_id (MdCallController *self);

/* The account calls go out on: the default one, else the first; NULL when
 * there is none. */
MdAccount        *md_call_controller_dup_account (MdCallController *self);
/* Whether @dial_uri can be called from this computer without an account:
 * a SIP address, when no account is set up (with one, calls go through
 * it). */
gboolean          md_call_controller_goes_direct (MdCallController *self,
                                                  const char       *dial_uri);
/* The registration of the account calls go out on; NULL until it started. */
MdSipAccount     *md_call_controller_get_sip_account (MdCallController *self);
/* The accounts or passwords changed: registers the account calls go out on
 * anew, or for the first time. During a call that waits for the call to
 * end, and FALSE is returned. */
gboolean          md_call_controller_reload_account  (MdCallController *self);
/* An account change waits for the call to end. */
gboolean          md_call_controller_get_account_change_pending (MdCallController *self);

G_END_DECLS
