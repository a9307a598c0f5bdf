/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-lookup"

/* Webex: a reference is a meeting link (GET /meetings?webLink=…), a
 * meeting number of digits (GET /meetings?meetingNumber=…) or a meeting ID
 * (GET /meetings/{id}). The PIN is telephony.accessCode, the numbers
 * telephony.callInNumbers, the passcode the numeric
 * phoneAndVideoSystemPassword. */

#include "config.h"

#include "md-webex-client.h"

#include "md-invite-numbers.h"
#include "md-json-util.h"
#include "md-lookup-error.h"

#include <glib/gi18n.h>
#include <string.h>

static void
set_malformed (GError **error)
{
  g_set_error_literal (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_MALFORMED_RESPONSE,
                       _("The Webex API sent an answer of an unexpected shape"));
}

static gboolean
is_meeting_number (const char *reference)
{
  gboolean any = FALSE;

  for (const char *p = reference; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        any = TRUE;
      else if (*p != ' ' && *p != '-')
        return FALSE;
    }
  return any;
}

static gboolean
is_all_digits (const char *text)
{
  if (text == NULL || *text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static MdLookupResult *
meeting_to_result (MdProviderApi *api,
                   JsonObject  *meeting,
                   const char  *country,
                   GError     **error)
{
  g_autoptr(MdLookupResult) result = md_lookup_result_new (MD_PROVIDER_WEBEX);
  JsonObject *telephony = md_json_get_object (meeting, "telephony");
  JsonArray *numbers = md_json_get_array (telephony, "callInNumbers");
  g_autofree char *access_code = md_json_dup_digits (telephony, "accessCode");
  const char *password = md_json_get_string (meeting, "phoneAndVideoSystemPassword");
  const char *sip_address = md_json_get_string (meeting, "sipAddress");

  if (telephony == NULL || numbers == NULL || json_array_get_length (numbers) == 0)
    {
      g_set_error_literal (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_NO_DIAL_IN,
                           _("This Webex meeting has no call-in numbers"));
      return NULL;
    }

  md_lookup_result_set_title (result, md_json_get_string (meeting, "title"));
  md_lookup_result_set_pin (result, access_code);
  /* Only an all-digit password can be typed on a phone keypad. */
  if (is_all_digits (password))
    md_lookup_result_set_passcode (result, password);
  if (sip_address != NULL && strchr (sip_address, '@') != NULL)
    {
      g_autofree char *uri = g_str_has_prefix (sip_address, "sip:")
                             ? g_strdup (sip_address) : g_strconcat ("sip:", sip_address, NULL);
      md_lookup_result_set_sip_uri (result, uri);
    }

  for (guint i = 0; i < json_array_get_length (numbers); i++)
    {
      JsonObject *entry = md_json_array_get_object (numbers, i);
      const char *number = md_json_get_string (entry, "callInNumber");
      const char *label = md_json_get_string (entry, "label");
      gboolean toll_free = g_strcmp0 (md_json_get_string (entry, "tollType"), "tollFree") == 0;
      g_autoptr(MdDialIn) dial_in = NULL;

      if (number != NULL)
        dial_in = md_invite_make_dial_in (number, label, NULL, toll_free);
      if (dial_in != NULL)
        md_lookup_result_add_dial_in (result, dial_in);
    }

  if (!md_provider_api_complete_result (api, result, country, error))
    return NULL;
  return g_steal_pointer (&result);
}

MdLookupResult *
md_webex_lookup (MdProviderApi  *api,
                 const char     *reference,
                 const char     *country,
                 GCancellable   *cancellable,
                 GError        **error)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  g_autofree char *query = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *meeting;

  g_return_val_if_fail (MD_IS_PROVIDER_API (api), NULL);
  g_return_val_if_fail (reference != NULL, NULL);

  if (g_str_has_prefix (reference, "https://") || g_str_has_prefix (reference, "http://"))
    {
      escaped = g_uri_escape_string (reference, NULL, FALSE);
      query = g_strconcat ("webLink=", escaped, NULL);
    }
  else if (is_meeting_number (reference))
    {
      GString *digits = g_string_new (NULL);

      for (const char *p = reference; *p != '\0'; p++)
        if (g_ascii_isdigit (*p))
          g_string_append_c (digits, *p);
      query = g_strconcat ("meetingNumber=", digits->str, NULL);
      g_string_free (digits, TRUE);
    }
  else
    {
      escaped = g_uri_escape_string (reference, NULL, FALSE);
      path = g_strconcat ("/meetings/", escaped, NULL);
    }

  root = md_provider_api_get (api, path != NULL ? path : "/meetings", query, cancellable, error);
  if (root == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      set_malformed (error);
      return NULL;
    }

  meeting = json_node_get_object (root);
  if (path == NULL)
    {
      /* A list: {"items": [meeting, …]}; an empty one means no such meeting. */
      JsonArray *items = md_json_get_array (meeting, "items");
      JsonNode *first;

      if (items == NULL)
        {
          set_malformed (error);
          return NULL;
        }
      if (json_array_get_length (items) == 0)
        {
          g_set_error (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_NOT_FOUND,
                       _("Webex has no meeting %s"), reference);
          return NULL;
        }
      first = json_array_get_element (items, 0);
      if (!JSON_NODE_HOLDS_OBJECT (first))
        {
          set_malformed (error);
          return NULL;
        }
      meeting = json_node_get_object (first);
    }

  return meeting_to_result (api, meeting, country, error);
}
