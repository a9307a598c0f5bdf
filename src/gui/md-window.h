/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MD_TYPE_WINDOW (md_window_get_type ())
G_DECLARE_FINAL_TYPE (MdWindow, md_window, MD, WINDOW, AdwApplicationWindow)

MdWindow *md_window_new          (AdwApplication *application);

/* Handles a tel:, sip:, sips: or callto: link from another program: shows
 * what it will dial and asks first (unless "confirm-links" is off); a link
 * the dial core rejects gets its message. */
void      md_window_open_link    (MdWindow       *self,
                                  const char     *uri);

/* Looks up an invitation, a meeting link or a number typed or pasted. */
void      md_window_lookup_text  (MdWindow       *self,
                                  const char     *text);

/* Looks up the invitation in @file (text, HTML, .eml or .ics). */
void      md_window_lookup_file  (MdWindow       *self,
                                  GFile          *file);

G_END_DECLS
