/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-lookup"

#include "config.h"

#include "md-invite-reader.h"

#include "md-invite-codes.h"
#include "md-invite-html.h"
#include "md-invite-ics.h"
#include "md-invite-mail.h"
#include "md-invite-numbers.h"
#include "md-invite-provider.h"
#include "md-invite-text.h"
#include "md-lookup-error.h"

#include <glib/gi18n.h>
#include <string.h>

/* Zoom writes "Topic: …" (Thema, Sujet, Tema in other languages). */
static char *
find_topic (const char *text)
{
  g_autoptr(GRegex) regex =
    g_regex_new ("^\\s*(?:topic|thema|sujet|tema|meeting title|titre|título)\\s*:\\s*(\\S[^\\n]*)$",
                 G_REGEX_CASELESS | G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (g_regex_match (regex, text, 0, &match))
    return g_strstrip (g_match_info_fetch (match, 1));
  return NULL;
}

static gboolean
is_blank (const char *data,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;
  return TRUE;
}

/* Turns any supported format into plain text; sets @title when the format
 * carries one. */
static char *
to_plain_text (const char  *data,
               gsize        length,
               char       **title,
               GError     **error)
{
  if (md_invite_mail_detect (data, length))
    {
      g_autofree char *content_type = NULL;
      g_autofree char *subject = NULL;
      g_autofree char *body = md_invite_mail_extract (data, length, &content_type, &subject);
      char *text;

      if (g_strcmp0 (content_type, "text/calendar") == 0 ||
          md_invite_ics_detect (body, strlen (body)))
        text = md_invite_ics_to_text (body, strlen (body), title, error);
      else if (g_strcmp0 (content_type, "text/html") == 0)
        text = md_invite_html_to_text (body, strlen (body), title, error);
      else
        text = g_strdup (body);

      /* The subject is what the person saw in their mailbox. */
      if (text != NULL && subject != NULL && *subject != '\0')
        {
          g_free (*title);
          *title = g_steal_pointer (&subject);
        }
      return text;
    }

  if (md_invite_ics_detect (data, length))
    return md_invite_ics_to_text (data, length, title, error);

  if (md_invite_html_detect (data, length))
    return md_invite_html_to_text (data, length, title, error);

  return g_strndup (data, length);
}

MdLookupResult *
md_invite_read (const char  *data,
                gsize        length,
                const char  *country,
                GError     **error)
{
  g_autoptr(MdLookupResult) result = NULL;
  g_autofree char *raw_title = NULL;
  g_autofree char *raw_text = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > MD_INVITE_MAX_BYTES)
    {
      g_set_error (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_BAD_INPUT,
                   _("The invitation is larger than %d MiB; this is not an invitation"),
                   MD_INVITE_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (is_blank (data, length))
    {
      g_set_error_literal (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_BAD_INPUT,
                           _("The invitation is empty"));
      return NULL;
    }
  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error_literal (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_BAD_INPUT,
                           _("This is not a text file; give an invitation as text, "
                             "HTML, an e-mail or a calendar (.ics) file"));
      return NULL;
    }

  raw_text = to_plain_text (data, length, &raw_title, error);
  if (raw_text == NULL)
    return NULL;

  text = md_invite_text_normalise (raw_text, -1);
  if (raw_title != NULL)
    title = md_invite_text_normalise (raw_title, -1);
  else
    title = find_topic (text);

  result = md_lookup_result_new (md_invite_detect_provider (text));
  md_lookup_result_set_title (result, title);
  md_invite_find_numbers (text, country, result);
  md_invite_find_codes (text, result);
  md_invite_find_sip_uri (text, result);
  md_lookup_result_choose_preferred (result, country);

  if (md_lookup_result_get_n_dial_ins (result) == 0)
    {
      const char *sip_uri = md_lookup_result_get_sip_uri (result);

      if (sip_uri != NULL)
        g_set_error (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_NO_DIAL_IN,
                     _("The invitation has no phone dial-in number, only the video "
                       "address %s"), sip_uri);
      else
        g_set_error_literal (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_NO_DIAL_IN,
                             _("The invitation has no phone dial-in number"));
      return NULL;
    }

  return g_steal_pointer (&result);
}
