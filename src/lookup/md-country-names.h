/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The countries a dial-in label names ("United Kingdom Toll-free",
 * "Deutschland", "US (New York)", "États-Unis"), as ISO 3166-1 alpha-2
 * codes in the order they appear, without repeats. Knows English, German,
 * French and Spanish names and the usual two-letter codes. Returns how
 * many were stored in @codes (at most @max_codes). */
guint md_country_names_in_label (const char  *label,
                                 const char **codes,
                                 guint        max_codes);

G_END_DECLS
