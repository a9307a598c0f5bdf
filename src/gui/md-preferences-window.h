/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MD_TYPE_PREFERENCES_WINDOW (md_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (MdPreferencesWindow, md_preferences_window, MD, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* Preferences over @settings: dialing, audio, SIP accounts (passwords to
 * the keyring) and meeting provider tokens (keyring). */
GtkWidget *md_preferences_window_new              (GtkWindow           *parent,
                                                   GSettings           *settings);

/* Opens the form for a new SIP account. */
void       md_preferences_window_show_add_account (MdPreferencesWindow *self);

G_END_DECLS
