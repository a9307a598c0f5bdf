/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The `s` and `i` keys of `call` and of a call `listen` answered: the
 * meeting's audio to the user's phone and back, with "route" events
 * (CLI.md). */

#include "md-call-route.h"
#include "md-cli-call-common.h"

G_BEGIN_DECLS

typedef struct _MdCliCallRoute MdCliCallRoute;

/* @phone_number: --phone-number, or NULL for the my-phone-number setting;
 * @plan: what reaches the meeting from a phone, shown for dialling in
 * (md_call_dup_dial_plan()); NULL when nothing does. */
MdCliCallRoute *md_cli_call_route_new    (MdCliSession   *session,
                                          MdCall         *call,
                                          MdDialPlan     *plan,
                                          MdSipAccount   *account,
                                          const char     *phone_number);
/* Computer → phone ("call me"); phone or dial-in → computer. */
void            md_cli_call_route_switch (MdCliCallRoute *self);
/* The `i` key: first shows how to dial in from a phone (number, PIN,
 * passcode, QR code of the tel: link); again: the phone is in, the
 * computer goes silent. */
void            md_cli_call_route_dial_in (MdCliCallRoute *self);
/* Handles `s` and `i`; FALSE for any other key. */
gboolean        md_cli_call_route_key    (MdCliCallRoute *self,
                                          char            key);
void            md_cli_call_route_free   (MdCliCallRoute *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MdCliCallRoute, md_cli_call_route_free)

G_END_DECLS
