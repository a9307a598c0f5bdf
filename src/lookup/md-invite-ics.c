/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-lookup"

#include "config.h"

#include "md-invite-ics.h"

#include "md-invite-html.h"
#include "md-lookup-error.h"

#include <glib/gi18n.h>
#include <libical/ical.h>
#include <string.h>

static void
append_property (GString       *out,
                 icalcomponent *event,
                 icalproperty_kind kind)
{
  for (icalproperty *prop = icalcomponent_get_first_property (event, kind);
       prop != NULL;
       prop = icalcomponent_get_next_property (event, kind))
    {
      const char *value = icalproperty_get_value_as_string (prop);

      /* get_value_as_string re-escapes text; the typed getters do not. */
      if (kind == ICAL_DESCRIPTION_PROPERTY)
        value = icalproperty_get_description (prop);
      else if (kind == ICAL_LOCATION_PROPERTY)
        value = icalproperty_get_location (prop);

      if (value != NULL && *value != '\0')
        g_string_append_printf (out, "%s\n", value);
    }
}

/* Outlook puts the HTML body in X-ALT-DESC;FMTTYPE=text/html. */
static char *
dup_alt_description (icalcomponent *event)
{
  for (icalproperty *prop = icalcomponent_get_first_property (event, ICAL_X_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (event, ICAL_X_PROPERTY))
    {
      const char *name = icalproperty_get_x_name (prop);
      const char *value;

      if (name == NULL || g_ascii_strcasecmp (name, "X-ALT-DESC") != 0)
        continue;
      value = icalproperty_get_x (prop);
      if (value == NULL || *value == '\0')
        continue;
      if (md_invite_html_detect (value, strlen (value)))
        return md_invite_html_to_text (value, strlen (value), NULL);
      return g_strdup (value);
    }
  return NULL;
}

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
  g_autofree char *copy = g_strndup (ics, length);
  icalcomponent *root;
  icalcomponent *event = NULL;
  GString *out;
  g_autofree char *alt = NULL;

  if (title != NULL)
    *title = NULL;

  /* A broken file must give an error, never abort the program. */
  icalerror_set_errors_are_fatal (0);
  root = icalparser_parse_string (copy);

  if (root != NULL && icalcomponent_isa (root) == ICAL_VEVENT_COMPONENT)
    event = root;
  else if (root != NULL)
    event = icalcomponent_get_first_component (root, ICAL_VEVENT_COMPONENT);

  if (event == NULL)
    {
      if (root != NULL)
        icalcomponent_free (root);
      g_set_error_literal (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_BAD_INPUT,
                           _("The calendar file has no event in it"));
      return NULL;
    }

  if (title != NULL && icalcomponent_get_summary (event) != NULL)
    *title = g_strdup (icalcomponent_get_summary (event));

  out = g_string_new (NULL);
  append_property (out, event, ICAL_LOCATION_PROPERTY);
  append_property (out, event, ICAL_URL_PROPERTY);
  append_property (out, event, ICAL_DESCRIPTION_PROPERTY);

  if (icalcomponent_get_first_property (event, ICAL_DESCRIPTION_PROPERTY) == NULL &&
      (alt = dup_alt_description (event)) != NULL)
    g_string_append (out, alt);

  icalcomponent_free (root);
  return g_string_free (out, FALSE);
}
