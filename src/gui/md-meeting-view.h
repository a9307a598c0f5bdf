/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "md-lookup-result.h"

G_BEGIN_DECLS

#define MD_TYPE_MEETING_VIEW (md_meeting_view_get_type ())
G_DECLARE_FINAL_TYPE (MdMeetingView, md_meeting_view, MD, MEETING_VIEW, GtkBox)

/* Shows @result: provider, title, PIN and passcode (masked until revealed)
 * and its numbers grouped by country, the preferred one first. Each number
 * is a radio row bound to the window's "win.dial-in" action. */
void md_meeting_view_set_result (MdMeetingView  *self,
                                 MdLookupResult *result);

/* Adds the boolean actions "reveal-pin" and "reveal-passcode" (the rows'
 * show buttons; off for every new result) to @map, the window's. */
void md_meeting_view_add_actions (MdMeetingView *self,
                                  GActionMap    *map);

G_END_DECLS
