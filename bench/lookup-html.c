/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reads a 200 KB HTML invitation (a Zoom-style body in an HTML e-mail with
 * long quoted history, styles and tables) N times and prints the time per
 * lookup, next to the time libxml2 alone takes to parse the same document:
 * the ratio is what the reader adds on top of the HTML parser. */

#include "md-invite-reader.h"

#include <libxml/HTMLparser.h>
#include <stdio.h>

#define TARGET_BYTES (200 * 1024)

static char *
make_invitation (void)
{
  GString *html = g_string_new ("<!DOCTYPE html><html><head><title>Weekly sync</title>"
                                "<style>p { margin: 0 } .x { color: #5F5F5F }</style></head><body>");
  guint i = 0;

  g_string_append (html,
    "<p>Alex is inviting you to a scheduled Zoom meeting.</p>"
    "<p><a href=\"https://us02web.zoom.us/j/84512345678?pwd=abc\">Join Zoom Meeting</a></p>"
    "<p>Meeting ID: 845&nbsp;1234&nbsp;5678<br>Passcode: 731904</p>"
    "<p>One tap mobile<br>&#43;16465550100,,84512345678#,,,,*731904# US (New York)<br>"
    "+16695550101,,84512345678#,,,,*731904# US (San Jose)</p><p>Dial by your location<br>");
  for (guint c = 0; c < 40; c++)
    g_string_append_printf (html, "&nbsp;&nbsp;+44 20 7946 %04u United Kingdom<br>", c);

  /* The quoted thread below the invitation: prose, tables, traps. */
  while (html->len < TARGET_BYTES)
    {
      g_string_append_printf (html,
        "<div class=\"x\"><table><tr><td>On Mon, Nov %u, 2026, someone wrote:</td>"
        "<td>Ticket #%u-2231, build 2026.11.%u, server 10.0.%u.1</td></tr></table>"
        "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod "
        "tempor incididunt ut labore et dolore magna aliqua. Order %u was shipped.</p>"
        "<blockquote>Ut enim ad minim veniam, quis nostrud exercitation ullamco.</blockquote></div>",
        i % 28 + 1, 4000 + i, i % 30, i % 250, 880000 + i);
      i++;
    }
  g_string_append (html, "</body></html>");
  return g_string_free (html, FALSE);
}

int
main (int    argc,
      char **argv)
{
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 50;
  g_autofree char *html = make_invitation ();
  gsize length = strlen (html);
  gint64 start, lookup_us, parse_us;
  guint numbers = 0;

  MdLookupResult *warm_up;

  /* warm up libphonenumber's metadata and the regexes */
  warm_up = md_invite_read (html, length, "US", NULL);
  g_clear_object (&warm_up);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MdLookupResult) result = md_invite_read (html, length, "US", NULL);
      numbers = result != NULL ? md_lookup_result_get_n_dial_ins (result) : 0;
    }
  lookup_us = g_get_monotonic_time () - start;

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    {
      htmlDocPtr doc = htmlReadMemory (html, (int) length, NULL, "UTF-8",
                                       HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                       HTML_PARSE_NONET | HTML_PARSE_RECOVER);
      xmlFreeDoc (doc);
    }
  parse_us = g_get_monotonic_time () - start;

  printf ("lookup-html: %zu-byte HTML invitation, %u numbers found, %u runs\n",
          length, numbers, n);
  printf ("lookup-html: %.2f ms per lookup; libxml2 parse alone %.2f ms; ratio %.1f\n",
          lookup_us / 1000.0 / n, parse_us / 1000.0 / n, (double) lookup_us / parse_us);
  return 0;
}
