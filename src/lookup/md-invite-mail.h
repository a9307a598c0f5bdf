/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when @text starts with an e-mail header block (an .eml file). */
gboolean md_invite_mail_detect  (const char *text,
                                 gsize       length);

/* Picks the body of an e-mail that best holds an invitation (text/plain,
 * else text/html, else text/calendar, looking inside multipart parts),
 * undoes quoted-printable or base64 and converts it to UTF-8. Sets
 * @content_type to the chosen part's type (lower case, no parameters) and
 * @subject to the decoded Subject header (or NULL). */
char    *md_invite_mail_extract (const char  *mail,
                                 gsize        length,
                                 char       **content_type,
                                 char       **subject);

G_END_DECLS
