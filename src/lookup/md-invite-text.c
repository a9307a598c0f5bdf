/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-lookup"

#include "config.h"

#include "md-invite-text.h"

#include <string.h>

static gboolean
is_zero_width (gunichar c)
{
  return c == 0x00AD || c == 0x180E || (c >= 0x200B && c <= 0x200F) ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064) ||
         c == 0xFEFF;
}

static gboolean
is_dash (gunichar c)
{
  return (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 ||
         c == 0xFE63 || c == 0xFF0D || c == 0x2043;
}

char *
md_invite_text_normalise (const char *text,
                          gssize      length)
{
  g_autofree char *valid = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (text);
  valid = g_utf8_make_valid (text, length);
  out = g_string_sized_new (length + 1);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r')
        {
          /* CR LF and a lone CR both end a line. */
          if (p[1] != '\n')
            g_string_append_c (out, '\n');
        }
      else if (c == '\n')
        g_string_append_c (out, '\n');
      else if (is_zero_width (c))
        continue;
      else if (is_dash (c))
        g_string_append_c (out, '-');
      else if (c >= 0xFF10 && c <= 0xFF19)
        g_string_append_c (out, (char) ('0' + (c - 0xFF10)));
      else if (c == 0xFF0B)
        g_string_append_c (out, '+');
      else if (c == 0xFF03)
        g_string_append_c (out, '#');
      else if (c == '\t' || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR)
        g_string_append_c (out, ' ');
      else if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        g_string_append_c (out, (c == 0x2028 || c == 0x2029) ? '\n' : ' ');
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}
