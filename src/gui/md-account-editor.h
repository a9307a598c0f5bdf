/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "md-account.h"

G_BEGIN_DECLS

#define MD_TYPE_ACCOUNT_EDITOR (md_account_editor_get_type ())
G_DECLARE_FINAL_TYPE (MdAccountEditor, md_account_editor, MD, ACCOUNT_EDITOR, GtkBox)

/* A preferences subpage that adds (@account NULL) or edits a SIP account:
 * fields checked by MdAccount, the password saved to the keyring, and a
 * button that registers once and shows the registrar's answer.
 * Signal "done" (gboolean saved) when saved or when the user goes back. */
GtkWidget *md_account_editor_new (GSettings *settings,
                                  MdAccount *account);

G_END_DECLS
