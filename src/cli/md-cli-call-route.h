/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The `s` key of `call`: the meeting's audio to the user's phone and back,
 * with "route" events (CLI.md). */

#include "md-call-route.h"
#include "md-cli-call-common.h"

G_BEGIN_DECLS

typedef struct _MdCliCallRoute MdCliCallRoute;

/* @phone_number: --phone-number, or NULL for the my-phone-number setting. */
MdCliCallRoute *md_cli_call_route_new    (MdCliSession   *session,
                                          MdCall         *call,
                                          MdSipAccount   *account,
                                          const char     *phone_number);
/* Computer → phone ("call me"); phone or dial-in → computer. */
void            md_cli_call_route_switch (MdCliCallRoute *self);
void            md_cli_call_route_free   (MdCliCallRoute *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MdCliCallRoute, md_cli_call_route_free)

G_END_DECLS
