/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "md-call-history.h"

G_BEGIN_DECLS

#define MD_TYPE_HISTORY_VIEW (md_history_view_get_type ())
G_DECLARE_FINAL_TYPE (MdHistoryView, md_history_view, MD, HISTORY_VIEW, GtkBox)

/* Lists the calls of @history, newest first, and follows its changes. Each
 * row's "Call Again" button activates "win.redial" with the call's id. */
void md_history_view_set_history (MdHistoryView *self,
                                  MdCallHistory *history);

/* The words for a call's outcome ("Busy", "Interrupted"). */
const char *md_history_view_outcome_label (const char *outcome);

G_END_DECLS
