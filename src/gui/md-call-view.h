/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "md-call-controller.h"

G_BEGIN_DECLS

#define MD_TYPE_CALL_VIEW (md_call_view_get_type ())
G_DECLARE_FINAL_TYPE (MdCallView, md_call_view, MD, CALL_VIEW, GtkBox)

/* Shows @controller's current call: state, time, what the dial plan is
 * doing, a dial pad (also the keyboard's digits), mute, hold, hang up, and
 * Answer/Decline while an incoming call rings. */
void md_call_view_set_controller (MdCallView       *self,
                                  MdCallController *controller);

G_END_DECLS
