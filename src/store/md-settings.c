/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-store"

#include "config.h"

#include "md-settings.h"

#include <glib/gi18n.h>

GSettings *
md_settings_dup (GError **error)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* g_settings_new() aborts on a missing schema; look it up first so a
   * developer running from the build tree gets a sentence instead. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The settings schema %s is not installed; run “meson install”, "
                     "or start Meetdial with “meson devenv”"), APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}
