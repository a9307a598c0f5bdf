/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "md-dial-plan.h"

G_BEGIN_DECLS

#define MD_TYPE_CONFIRM_DIALOG (md_confirm_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MdConfirmDialog, md_confirm_dialog, MD, CONFIRM_DIALOG, AdwMessageDialog)

/* Asks before dialing a link that came from another program: shows the
 * number, the steps after answer (PIN masked until revealed) and the
 * account that will call (@account_name NULL: the phone app takes it).
 * Responds "call" or "cancel". */
GtkWidget *md_confirm_dialog_new (GtkWindow  *parent,
                                  MdDialPlan *plan,
                                  const char *account_name);

G_END_DECLS
