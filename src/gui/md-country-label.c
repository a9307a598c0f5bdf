/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-gui"

#include "config.h"

#include "md-country-label.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

/* iso-codes ships the names and their translations; Debian installs it
 * with every desktop, so the table is read only when a meeting is shown. */
#define ISO_3166_JSON "/usr/share/iso-codes/json/iso_3166-1.json"
#define ISO_3166_DOMAIN "iso_3166-1"

static GHashTable *
load_country_names (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonNode *root;
  JsonArray *countries;

  if (!json_parser_load_from_file (parser, ISO_3166_JSON, &error))
    {
      g_debug ("No country names: %s", error->message);
      return names;
    }

  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return names;
  countries = json_object_get_array_member (json_node_get_object (root), "3166-1");
  if (countries == NULL)
    return names;

  for (guint i = 0; i < json_array_get_length (countries); i++)
    {
      JsonObject *country = json_array_get_object_element (countries, i);
      const char *code = json_object_get_string_member_with_default (country, "alpha_2", NULL);
      const char *name = json_object_get_string_member_with_default (country, "common_name", NULL);

      if (name == NULL)
        name = json_object_get_string_member_with_default (country, "name", NULL);
      if (code != NULL && name != NULL)
        g_hash_table_insert (names, g_strdup (code), g_strdup (name));
    }

  return names;
}

char *
md_country_label_dup_name (const char *iso)
{
  static GHashTable *names;
  const char *name;

  if (iso == NULL || *iso == '\0')
    return g_strdup (_("Other Countries"));

  if (g_once_init_enter (&names))
    g_once_init_leave (&names, load_country_names ());

  name = g_hash_table_lookup (names, iso);
  if (name == NULL)
    return g_strdup (iso);

  return g_strdup (g_dgettext (ISO_3166_DOMAIN, name));
}

char *
md_country_label_for_locale (void)
{
  const char *locale = setlocale (LC_MESSAGES, NULL);
  const char *underscore;

  if (locale == NULL)
    return NULL;

  underscore = strchr (locale, '_');
  if (underscore == NULL || !g_ascii_isalpha (underscore[1]) || !g_ascii_isalpha (underscore[2]))
    return NULL;

  return g_ascii_strup (underscore + 1, 2);
}
