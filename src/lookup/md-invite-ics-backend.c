/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-lookup"

#include "config.h"

#include "md-lookup-backends.h"

#include <libical/ical.h>

/* Part of the meetdial-lookup module (md-lookup-backends.c): an .ics
 * event's text with libical. */

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
      if (value != NULL && *value != '\0')
        return g_strdup (value);
    }
  return NULL;
}

/* The first event's location, URL and description, one per line, or NULL
 * when there is no event. With no description, *@alt_description is
 * Outlook's alternative one as it is (often HTML), else NULL. */
G_MODULE_EXPORT char *
md_lookup_ics_to_text_impl (const char  *ics,
                            gsize        length,
                            char       **title,
                            char       **alt_description)
{
  g_autofree char *copy = g_strndup (ics, length);
  icalcomponent *root;
  icalcomponent *event = NULL;
  GString *out;

  *title = NULL;
  *alt_description = NULL;

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
      return NULL;
    }

  if (icalcomponent_get_summary (event) != NULL)
    *title = g_strdup (icalcomponent_get_summary (event));

  out = g_string_new (NULL);
  append_property (out, event, ICAL_LOCATION_PROPERTY);
  append_property (out, event, ICAL_URL_PROPERTY);
  append_property (out, event, ICAL_DESCRIPTION_PROPERTY);
  if (icalcomponent_get_first_property (event, ICAL_DESCRIPTION_PROPERTY) == NULL)
    *alt_description = dup_alt_description (event);

  icalcomponent_free (root);
  return g_string_free (out, FALSE);
}
