/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-lookup"

#include "config.h"

#include "md-invite-ics.h"

#include "md-invite-html.h"
#include "md-lookup-backends.h"
#include "md-lookup-error.h"

#include <glib/gi18n.h>
#include <string.h>

gboolean
md_invite_ics_detect (const char *text,
                      gsize       length)
{
  gsize i = 0;

  /* A UTF-8 byte-order mark, then blank space. */
  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (text[i]))
    i++;
  return length - i >= 15 && g_ascii_strncasecmp (text + i, "BEGIN:VCALENDAR", 15) == 0;
}

char *
md_invite_ics_to_text (const char  *ics,
                       gsize        length,
                       char       **title,
                       GError     **error)
{
  const MdLookupBackends *backends = md_lookup_backends_get (error);
  g_autofree char *event_title = NULL;
  g_autofree char *alt = NULL;
  g_autofree char *text = NULL;
  GString *out;

  if (title != NULL)
    *title = NULL;
  if (backends == NULL)
    return NULL;

  text = backends->ics_to_text (ics, length, &event_title, &alt);
  if (text == NULL)
    {
      g_set_error_literal (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_BAD_INPUT,
                           _("The calendar file has no event in it"));
      return NULL;
    }

  out = g_string_new (text);
  if (alt != NULL && md_invite_html_detect (alt, strlen (alt)))
    {
      g_autofree char *alt_text = md_invite_html_to_text (alt, strlen (alt), NULL, error);

      if (alt_text == NULL)
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      g_string_append (out, alt_text);
    }
  else if (alt != NULL)
    g_string_append (out, alt);

  if (title != NULL)
    *title = g_steal_pointer (&event_title);
  return g_string_free (out, FALSE);
}
