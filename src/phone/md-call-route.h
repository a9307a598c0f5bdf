/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "md-call.h"
#include "md-phone.h"

G_BEGIN_DECLS

typedef enum {
  MD_AUDIO_ROUTE_COMPUTER,   /* the computer's mic and speaker */
  MD_AUDIO_ROUTE_PHONE,      /* "call me": a second call to the user's phone, bridged */
  MD_AUDIO_ROUTE_DIAL_IN,    /* the user dialled in from a phone; the computer leg is silent */
} MdAudioRoute;

#define MD_TYPE_CALL_ROUTE (md_call_route_get_type ())
G_DECLARE_FINAL_TYPE (MdCallRoute, md_call_route, MD, CALL_ROUTE, GObject)

/* Moves a meeting call's audio between the computer and a phone
 * (DESIGN.md, audio routes). Every switch is make-before-break: the new
 * route carries audio before the old one is silenced.
 *
 * Properties (notify): "route" (MdAudioRoute), "switching" (a phone leg is
 * being called).
 * Signals: "failed" (const char *message) — the phone leg could not be
 * reached, or it answered but no audio of it reached the meeting within
 * 5 s (then it is hung up); the meeting stays on computer audio;
 * "phone-ended" (const char
 * *message) — the phone hung up while it carried the meeting; the meeting
 * went back to computer audio, or ended when the phone-hangup-action
 * setting says so. */

/* @account places the phone leg; @settings (may be NULL) gives
 * phone-hangup-action and my-phone-number. */
MdCallRoute  *md_call_route_new            (MdPhone      *phone,
                                            MdCall       *meeting,
                                            MdSipAccount *account,
                                            GSettings    *settings);
MdAudioRoute  md_call_route_get_route      (MdCallRoute  *self);
gboolean      md_call_route_get_switching  (MdCallRoute  *self);
/* Calls @number (NULL: the my-phone-number setting); when the phone
 * answers and its audio flows, the meeting moves to it. FALSE when the
 * call cannot even start (no number, not in a call, already switching). */
gboolean      md_call_route_call_me        (MdCallRoute  *self,
                                            const char   *number,
                                            GError      **error);
/* The user confirms they dialled in from a phone: the computer leg goes
 * silent both ways. */
void          md_call_route_dial_in        (MdCallRoute  *self);
/* Back to the computer: local mic and speaker first, then the phone leg
 * (if any) is hung up. */
void          md_call_route_to_computer    (MdCallRoute  *self);

const char   *md_audio_route_to_string     (MdAudioRoute  route);

G_END_DECLS
