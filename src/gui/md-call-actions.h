/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "md-call-controller.h"

G_BEGIN_DECLS

#define MD_TYPE_CALL_ACTIONS (md_call_actions_get_type ())
G_DECLARE_FINAL_TYPE (MdCallActions, md_call_actions, MD, CALL_ACTIONS, GObject)

/* The current call as actions of @map (the application, so they are on
 * D-Bus for the desktop and for tests):
 *   "call-state"  state s: "" with no call, else its state ("dialing", …,
 *                 "active"), "ended: REASON" once it ended; read-only;
 *   "continue"    enabled while the dial plan waits for the user;
 *   "call-again"  enabled once an outgoing call ended in a way that calling
 *                 again may mend (the far end hung up, the network was
 *                 lost, …): dials it again, PIN and all, from the history;
 *   "audio-route" state s: "computer", "phone" or "dial-in"; asking for
 *                 another one starts the switch, the state follows when the
 *                 audio has really moved. Enabled during meeting calls.
 * @map must outlive the returned object's actions being used. */
MdCallActions *md_call_actions_new (GActionMap       *map,
                                    MdCallController *calls);

G_END_DECLS
