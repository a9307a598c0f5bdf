/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "config.h"

#include <glib.h>
#include <glib/gi18n.h>
#include <locale.h>

/* Both programs' first call: the user's locale and Meetdial's translations.
 * An uninstalled build has its catalogues in the build tree, which the test
 * setup and `meson devenv` name in MEETDIAL_LOCALE_DIR. */
static inline void
md_i18n_init (void)
{
  const char *dir = g_getenv ("MEETDIAL_LOCALE_DIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, dir != NULL && *dir != '\0' ? dir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
