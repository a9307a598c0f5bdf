/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-lookup"

/* Whereby: a reference is a room link (https://team.whereby.com/room),
 * matched against the roomUrl of the meetings listed with
 * GET /meetings?fields=dialIn, or a meeting ID for GET /meetings/{id}. */

#include "config.h"

#include "md-whereby-client.h"

#include "md-invite-numbers.h"
#include "md-json-util.h"
#include "md-lookup-error.h"

#include <glib/gi18n.h>
#include <string.h>

/* Pages of the meeting list read before giving up on finding a room. */
#define MAX_PAGES 20

/* "https://Team.whereby.com/room/?x=1" → "team.whereby.com/room" */
static char *
dup_room_key (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  g_autofree char *host = NULL;
  const char *path;
  gsize length;

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return NULL;
  host = g_ascii_strdown (g_uri_get_host (uri), -1);
  path = g_uri_get_path (uri);
  length = strlen (path);
  while (length > 0 && path[length - 1] == '/')
    length--;
  return g_strdup_printf ("%s%.*s", host, (int) length, path);
}

static MdLookupResult *
meeting_to_result (MdProviderApi *api,
                   JsonObject  *meeting,
                   const char  *country,
                   GError     **error)
{
  g_autoptr(MdLookupResult) result = md_lookup_result_new (MD_PROVIDER_WHEREBY);
  JsonObject *dial_in = md_json_get_object (meeting, "dialIn");
  JsonArray *numbers = md_json_get_array (dial_in, "phoneNumbers");
  g_autofree char *code = md_json_dup_digits (dial_in, "code");
  const char *room_name = md_json_get_string (meeting, "roomName");

  if (dial_in == NULL || numbers == NULL || json_array_get_length (numbers) == 0)
    {
      g_set_error_literal (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_NO_DIAL_IN,
                           _("This Whereby meeting has no phone dial-in; it must be "
                             "created with dial-in enabled"));
      return NULL;
    }

  if (room_name != NULL)
    md_lookup_result_set_title (result, room_name[0] == '/' ? room_name + 1 : room_name);
  md_lookup_result_set_pin (result, code);

  for (guint i = 0; i < json_array_get_length (numbers); i++)
    {
      JsonObject *entry = md_json_array_get_object (numbers, i);
      const char *number = md_json_get_string (entry, "phoneNumber");
      const char *region = md_json_get_string (entry, "countryCode");
      g_autoptr(MdDialIn) parsed = NULL;

      /* The guide shows national forms next to a country code. */
      if (number != NULL)
        parsed = md_invite_make_dial_in (number, NULL, region, FALSE);
      if (parsed != NULL)
        md_lookup_result_add_dial_in (result, parsed);
    }

  if (!md_provider_api_complete_result (api, result, country, error))
    return NULL;
  return g_steal_pointer (&result);
}

static void
set_malformed (GError **error)
{
  g_set_error_literal (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_MALFORMED_RESPONSE,
                       _("The Whereby API sent an answer of an unexpected shape"));
}

static MdLookupResult *
lookup_by_link (MdProviderApi  *api,
                const char     *link,
                const char     *country,
                GCancellable   *cancellable,
                GError        **error)
{
  g_autofree char *wanted = dup_room_key (link);
  g_autofree char *cursor = NULL;

  if (wanted == NULL)
    {
      g_set_error (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_BAD_INPUT,
                   _("“%s” is not a Whereby room link"), link);
      return NULL;
    }

  for (guint page = 0; page < MAX_PAGES; page++)
    {
      g_autofree char *query = NULL;
      g_autoptr(JsonNode) root = NULL;
      JsonArray *meetings;
      const char *next;

      if (cursor != NULL)
        {
          g_autofree char *escaped = g_uri_escape_string (cursor, NULL, FALSE);
          query = g_strconcat ("fields=dialIn&cursor=", escaped, NULL);
        }
      else
        query = g_strdup ("fields=dialIn");

      root = md_provider_api_get (api, "/meetings", query, cancellable, error);
      if (root == NULL)
        return NULL;
      if (!JSON_NODE_HOLDS_OBJECT (root) ||
          (meetings = md_json_get_array (json_node_get_object (root), "results")) == NULL)
        {
          set_malformed (error);
          return NULL;
        }

      for (guint i = 0; i < json_array_get_length (meetings); i++)
        {
          JsonObject *meeting = md_json_array_get_object (meetings, i);
          const char *room_url = md_json_get_string (meeting, "roomUrl");
          g_autofree char *key = room_url != NULL ? dup_room_key (room_url) : NULL;

          if (key != NULL && g_str_equal (key, wanted))
            return meeting_to_result (api, meeting, country, error);
        }

      next = md_json_get_string (json_node_get_object (root), "cursor");
      if (next == NULL || *next == '\0')
        break;
      g_free (cursor);
      cursor = g_strdup (next);
    }

  g_set_error (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_NOT_FOUND,
               _("Whereby has no meeting for the room %s"), link);
  return NULL;
}

MdLookupResult *
md_whereby_lookup (MdProviderApi  *api,
                   const char     *reference,
                   const char     *country,
                   GCancellable   *cancellable,
                   GError        **error)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (MD_IS_PROVIDER_API (api), NULL);
  g_return_val_if_fail (reference != NULL, NULL);

  if (g_str_has_prefix (reference, "https://") || g_str_has_prefix (reference, "http://"))
    return lookup_by_link (api, reference, country, cancellable, error);

  escaped = g_uri_escape_string (reference, NULL, FALSE);
  path = g_strconcat ("/meetings/", escaped, NULL);
  root = md_provider_api_get (api, path, "fields=dialIn", cancellable, error);
  if (root == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      set_malformed (error);
      return NULL;
    }
  return meeting_to_result (api, json_node_get_object (root), country, error);
}
