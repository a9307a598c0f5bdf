/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "md-call-controller.h"

G_BEGIN_DECLS

#define MD_TYPE_PREFERENCES_WINDOW (md_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (MdPreferencesWindow, md_preferences_window, MD, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* Preferences over @settings: dialing, audio, SIP accounts (passwords to
 * the keyring; with @calls, may be NULL, each shows how its registration
 * went) and meeting provider tokens (keyring). */
GtkWidget *md_preferences_window_new               (GtkWindow           *parent,
                                                    GSettings           *settings,
                                                    MdCallController    *calls);

/* Opens the form for the stored account called @name, or for a new one
 * when @name is NULL. */
void       md_preferences_window_show_account_form (MdPreferencesWindow *self,
                                                    const char          *name);

G_END_DECLS
