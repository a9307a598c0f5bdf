/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-dial"

#include "config.h"

#include "md-module.h"

#include <gmodule.h>

/* Libraries that cost milliseconds and megabytes just to load, and that
 * many runs never use (libphonenumber; the lookup layer's HTML, calendar and
 * HTTP libraries), live in modules of Meetdial's own, opened on first use.
 * Uninstalled builds (tests, meson devenv) name the build tree's module
 * folders in MEETDIAL_MODULE_DIR, a search path, as GST_PLUGIN_PATH does for
 * GStreamer. */

static GModule *
open_module (const char  *name,
             GError     **error)
{
  const char *dirs = g_getenv ("MEETDIAL_MODULE_DIR");
  g_auto(GStrv) search = g_strsplit (dirs != NULL && *dirs != '\0' ? dirs : MD_MODULE_DIR,
                                     G_SEARCHPATH_SEPARATOR_S, -1);
  g_autofree char *first_error = NULL;

  for (guint i = 0; search[i] != NULL; i++)
    {
      g_autofree char *path = NULL;
      GModule *module;

      if (*search[i] == '\0')
        continue;
      path = g_module_build_path (search[i], name);
      if (!g_file_test (path, G_FILE_TEST_EXISTS) && search[i + 1] != NULL)
        continue;
      module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
      if (module != NULL)
        return module;
      if (first_error == NULL)
        first_error = g_strdup (g_module_error ());
    }

  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "%s",
               first_error != NULL ? first_error : name);
  return NULL;
}

/* Opens lib@name and fills @table with the addresses of @symbols; the
 * module then stays for the life of the process. */
gboolean
md_module_load (const char           *name,
                const MdModuleSymbol *symbols,
                gsize                 n_symbols,
                gpointer              table,
                GError              **error)
{
  GModule *module = open_module (name, error);

  if (module == NULL)
    return FALSE;

  for (gsize i = 0; i < n_symbols; i++)
    if (!g_module_symbol (module, symbols[i].name,
                          (gpointer *) G_STRUCT_MEMBER_P (table, symbols[i].offset)))
      {
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s lacks %s",
                     g_module_name (module), symbols[i].name);
        g_module_close (module);
        return FALSE;
      }

  g_module_make_resident (module);
  return TRUE;
}

gboolean
md_module_load_once (MdModuleOnce         *once,
                     const char           *name,
                     const MdModuleSymbol *symbols,
                     gsize                 n_symbols,
                     gpointer              table,
                     const char          **error_message)
{
  if (g_once_init_enter (&once->done))
    {
      g_autoptr(GError) error = NULL;

      if (!md_module_load (name, symbols, n_symbols, table, &error))
        once->error = g_strdup (error->message);
      g_once_init_leave (&once->done, 1);
    }

  if (error_message != NULL)
    *error_message = once->error;
  return once->error == NULL;
}
