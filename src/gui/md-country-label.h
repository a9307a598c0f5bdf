/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The name of country @iso (ISO 3166-1 alpha-2) in the user's language, from
 * the iso-codes tables; the code itself when they do not know it, and
 * "Other Countries" for NULL. */
char *md_country_label_dup_name   (const char *iso);

/* The country of the user's locale ("DE" for de_DE.UTF-8), or NULL. */
char *md_country_label_for_locale (void);

G_END_DECLS
