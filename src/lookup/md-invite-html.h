/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when @text looks like an HTML document or fragment. */
gboolean md_invite_html_detect  (const char *text,
                                 gsize       length);

/* Reads an HTML e-mail body with libxml2's HTML parser into plain text: one
 * line per block and <br>, entities decoded, scripts and styles dropped,
 * http(s) and sip link targets kept after their text. Sets @title to the
 * document's <title> when it has one. Never fails: broken HTML is read as
 * well as it can be. */
char    *md_invite_html_to_text (const char  *html,
                                 gsize        length,
                                 char       **title,
                                 GError     **error);

G_END_DECLS
