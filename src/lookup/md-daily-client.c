/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-lookup"

/* Daily: a reference is a room link (https://team.daily.co/room) or a room
 * name. The PIN is the room's config.dialin_code; the numbers are, in order
 * of preference, the room's own config.dialin.room_numbers, the domain's
 * config.pin_dialin (GET /), its pin_dialin configs
 * (GET /domain-dialin-config), else Daily's global numbers. */

#include "config.h"

#include "md-daily-client.h"

#include "md-invite-numbers.h"
#include "md-json-util.h"
#include "md-lookup-error.h"

#include <glib/gi18n.h>
#include <string.h>

/* Daily's shared PIN dial-in numbers of the free tier (Daily's docs, "Global
 * dial-in numbers"); used when the domain has bought none. */
static const struct {
  const char *number;
  const char *label;
} global_numbers[] = {
  { "+12095038039", "United States" },
  { "+12268078039", "Canada" },
};

static void
set_malformed (GError **error)
{
  g_set_error_literal (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_MALFORMED_RESPONSE,
                       _("The Daily API sent an answer of an unexpected shape"));
}

/* "https://team.daily.co/standup?t=…" → "standup" */
static char *
dup_room_name (const char *reference)
{
  g_autoptr(GUri) uri = NULL;
  const char *path;

  if (!g_str_has_prefix (reference, "https://") && !g_str_has_prefix (reference, "http://"))
    return g_strdup (reference);

  uri = g_uri_parse (reference, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return NULL;
  path = g_uri_get_path (uri);
  while (*path == '/')
    path++;
  if (*path == '\0')
    return NULL;
  return g_strndup (path, strcspn (path, "/"));
}

/* Adds each {phone_number} of @numbers; returns how many were added. */
static guint
add_numbers (MdLookupResult *result,
             JsonArray      *numbers,
             const char     *member)
{
  guint before = md_lookup_result_get_n_dial_ins (result);

  for (guint i = 0; numbers != NULL && i < json_array_get_length (numbers); i++)
    {
      JsonObject *entry = md_json_array_get_object (numbers, i);
      JsonObject *config = md_json_get_object (entry, "config");
      const char *number = md_json_get_string (member != NULL ? config : entry, "phone_number");
      g_autofree char *with_plus = NULL;
      g_autoptr(MdDialIn) dial_in = NULL;

      if (member != NULL && g_strcmp0 (md_json_get_string (entry, "type"), member) != 0)
        continue;
      if (number == NULL)
        continue;
      /* Daily writes numbers with or without the '+' ("12095038039"). */
      with_plus = number[0] == '+' ? g_strdup (number) : g_strconcat ("+", number, NULL);
      dial_in = md_invite_make_dial_in (with_plus, NULL, NULL, FALSE);
      if (dial_in != NULL)
        md_lookup_result_add_dial_in (result, dial_in);
    }

  return md_lookup_result_get_n_dial_ins (result) - before;
}

/* A key limited to rooms may not read the domain: then the global numbers
 * still work. Timeouts, rate limits and cancelling do end the lookup. */
static gboolean
is_domain_unreadable (const GError *error)
{
  return error->domain == MD_LOOKUP_ERROR &&
         (error->code == MD_LOOKUP_ERROR_AUTH || error->code == MD_LOOKUP_ERROR_NOT_FOUND ||
          error->code == MD_LOOKUP_ERROR_MALFORMED_RESPONSE);
}

/* Adds the domain's own numbers, if it has any. */
static gboolean
add_domain_numbers (MdProviderApi   *api,
                    MdLookupResult  *result,
                    GCancellable    *cancellable,
                    GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) domain = NULL;
  g_autoptr(JsonNode) configs = NULL;

  domain = md_provider_api_get (api, "/", NULL, cancellable, &local_error);
  if (domain != NULL && JSON_NODE_HOLDS_OBJECT (domain))
    {
      JsonObject *config = md_json_get_object (json_node_get_object (domain), "config");

      if (add_numbers (result, md_json_get_array (config, "pin_dialin"), NULL) > 0)
        return TRUE;
    }
  else if (local_error != NULL && !is_domain_unreadable (local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_clear_error (&local_error);

  configs = md_provider_api_get (api, "/domain-dialin-config", NULL, cancellable, &local_error);
  if (configs != NULL && JSON_NODE_HOLDS_OBJECT (configs))
    add_numbers (result, md_json_get_array (json_node_get_object (configs), "data"), "pin_dialin");
  else if (local_error != NULL && !is_domain_unreadable (local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

MdLookupResult *
md_daily_lookup (MdProviderApi  *api,
                 const char     *reference,
                 const char     *country,
                 GCancellable   *cancellable,
                 GError        **error)
{
  g_autoptr(MdLookupResult) result = md_lookup_result_new (MD_PROVIDER_DAILY);
  g_autofree char *room = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  g_autofree char *code = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *config;

  g_return_val_if_fail (MD_IS_PROVIDER_API (api), NULL);
  g_return_val_if_fail (reference != NULL, NULL);

  room = dup_room_name (reference);
  if (room == NULL || *room == '\0')
    {
      g_set_error (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_BAD_INPUT,
                   _("“%s” is not a Daily room link"), reference);
      return NULL;
    }

  escaped = g_uri_escape_string (room, NULL, FALSE);
  path = g_strconcat ("/rooms/", escaped, NULL);
  root = md_provider_api_get (api, path, NULL, cancellable, error);
  if (root == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      (config = md_json_get_object (json_node_get_object (root), "config")) == NULL)
    {
      set_malformed (error);
      return NULL;
    }

  code = md_json_dup_digits (config, "dialin_code");
  if (code == NULL)
    {
      g_set_error (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_NO_DIAL_IN,
                   _("The Daily room %s has no phone dial-in (no dial-in code is set up for it)"),
                   room);
      return NULL;
    }

  md_lookup_result_set_title (result, md_json_get_string (json_node_get_object (root), "name"));
  md_lookup_result_set_pin (result, code);

  add_numbers (result, md_json_get_array (md_json_get_object (config, "dialin"), "room_numbers"),
               NULL);
  if (md_lookup_result_get_n_dial_ins (result) == 0 &&
      !add_domain_numbers (api, result, cancellable, error))
    return NULL;

  if (md_lookup_result_get_n_dial_ins (result) == 0)
    for (gsize i = 0; i < G_N_ELEMENTS (global_numbers); i++)
      {
        g_autoptr(MdDialIn) dial_in =
          md_invite_make_dial_in (global_numbers[i].number, global_numbers[i].label, NULL, FALSE);
        md_lookup_result_add_dial_in (result, dial_in);
      }

  if (!md_provider_api_complete_result (api, result, country, error))
    return NULL;
  return g_steal_pointer (&result);
}
