/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "md-phone.h"

G_BEGIN_DECLS

/* What a registration's state means for the user, in a sentence that says
 * what to do about it; NULL while it is still registering. @is_error tells
 * a problem from success. */
char *md_account_status_describe (MdSipAccount *sip_account,
                                  gboolean     *is_error);

G_END_DECLS
