/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Cleans pasted invitation text before it is read: invalid UTF-8 replaced,
 * CR LF made LF, Unicode spaces made ' ', Unicode dashes made '-',
 * full-width digits and plus made ASCII, zero-width characters and soft
 * hyphens dropped, other control characters made ' '. */
char *md_invite_text_normalise (const char *text,
                                gssize      length);

G_END_DECLS
