/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Why a server's certificate failed, in the user's language ("it has
 * expired"), from md_tls_failure()'s word for it. */
char *md_sip_certificate_dup_reason (const char *failure);
/* Whether @text, a message holding such a reason, is about a certificate
 * that the account's file of a (private) certificate authority could let
 * pass: not for one that has expired or names another host. */
gboolean md_sip_certificate_wants_authority (const char *text);

G_END_DECLS
