/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-lookup"

#include "config.h"

#include "md-invite-html.h"

#include "md-lookup-backends.h"

#include <string.h>

gboolean
md_invite_html_detect (const char *text,
                       gsize       length)
{
  static const char * const markers[] = {
    "<html", "<!doctype html", "<body", "<div", "<p>", "<p ", "<br", "<table", "<span",
  };
  gsize n = MIN (length, 4096);
  g_autofree char *head = g_ascii_strdown (text, n);

  for (gsize i = 0; i < G_N_ELEMENTS (markers); i++)
    if (strstr (head, markers[i]) != NULL)
      return TRUE;
  return FALSE;
}

char *
md_invite_html_to_text (const char  *html,
                        gsize        length,
                        char       **title,
                        GError     **error)
{
  const MdLookupBackends *backends = md_lookup_backends_get (error);

  if (title != NULL)
    *title = NULL;
  return backends != NULL ? backends->html_to_text (html, length, title) : NULL;
}
