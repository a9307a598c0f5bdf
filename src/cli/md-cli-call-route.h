/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The `s` key of `call`: the meeting's audio to the user's phone and back,
 * with "route" events (CLI.md). */

#include "md-call-route.h"
#include "md-cli-call-common.h"

G_BEGIN_DECLS

typedef struct _MdCliCallRoute MdCliCallRoute;

/* @phone_number: --phone-number, or NULL for the my-phone-number setting;
 * @plan: what the meeting call dialled, shown for dialling in by phone. */
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
void            md_cli_call_route_free   (MdCliCallRoute *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MdCliCallRoute, md_cli_call_route_free)

G_END_DECLS
