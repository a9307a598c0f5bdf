/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when @text starts (after blank space) with BEGIN:VCALENDAR. */
gboolean md_invite_ics_detect  (const char *text,
                                gsize       length);

/* Reads a calendar file with libical (unfolding lines, undoing `\n` `\,`
 * escapes) into the text of its first event: LOCATION, URL and DESCRIPTION,
 * or X-ALT-DESC (HTML) when there is no DESCRIPTION. Sets @title to the
 * SUMMARY. NULL with an MD_LOOKUP_ERROR_BAD_INPUT error when there is no
 * event to read. */
char    *md_invite_ics_to_text (const char  *ics,
                                gsize        length,
                                char       **title,
                                GError     **error);

G_END_DECLS
