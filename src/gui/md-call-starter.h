/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* How a call the user asked for gets going, from any window of the app:
 * through the default SIP account, or — without one — an explanation that
 * offers to add one or to hand the call to the phone app. */
void md_call_starter_call         (GtkWindow  *parent,
                                   const char *dial_uri,
                                   const char *title,
                                   const char *provider);

/* Hands @dial_uri to the system's phone app and records it in the history. */
void md_call_starter_hand_off     (GtkWindow  *parent,
                                   const char *dial_uri,
                                   const char *title,
                                   const char *provider);

/* Calls history entry @history_id again, with its PIN from the keyring
 * (or the bare number when the keyring has none). */
void md_call_starter_redial       (GtkWindow  *parent,
                                   gint64      history_id);

/* A message with a Close button, for what went wrong. */
void md_call_starter_show_message (GtkWindow  *parent,
                                   const char *heading,
                                   const char *body);

G_END_DECLS
