/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-dial"

#include "config.h"

#include "md-dial-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Scheme names that must never appear inside a link we dial: a `tel:` that
 * hides a `javascript:` or a second `sip:` is an attempt to smuggle something. */
static const char * const nested_schemes[] = {
  "tel", "sip", "sips", "callto", "http", "https", "ftp", "file", "data",
  "javascript", "vbscript", "mailto", "sms", "smsto", "mms", "facetime",
  "facetime-audio", "skype", "im", "pres", "xmpp", "urn", "ws", "wss",
  "about", "blob", "intent", "market", "tg", "whatsapp", "msteams",
  "zoommtg", "zoomus", "webex", "ldap", "ssh", "telnet", "h323", "iax",
  "modem", "fax",
};

static gboolean
is_control (guchar c)
{
  return c < 0x20 || c == 0x7f;
}

/* C1 controls (U+0080–U+009F) as UTF-8: 0xC2 0x80–0x9F. */
static gboolean
is_c1_control (const guchar *p,
               gsize         left)
{
  return left >= 2 && p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f;
}

static const char *
control_name (guint c)
{
  switch (c)
    {
    case 0x00: return "NUL";
    case 0x09: return _("tab");
    case 0x0a: return _("line feed");
    case 0x0d: return _("carriage return");
    case 0x1b: return _("escape");
    case 0x7f: return _("delete");
    default:   return NULL;
    }
}

static void
set_control_error (GError     **error,
                   guint        c,
                   gsize        position,
                   const char  *encoded)
{
  const char *name = control_name (c);
  g_autofree char *what = name ? g_strdup_printf ("U+%04X, %s", c, name)
                               : g_strdup_printf ("U+%04X", c);

  if (encoded)
    g_set_error (error, MD_DIAL_ERROR, MD_DIAL_ERROR_CONTROL_CHARACTER,
                 _("The link hides a control character (%s) encoded as “%s” at position %zu."),
                 what, encoded, position);
  else
    g_set_error (error, MD_DIAL_ERROR, MD_DIAL_ERROR_CONTROL_CHARACTER,
                 _("The link contains a control character (%s) at position %zu."),
                 what, position);
}

char *
md_dial_describe_char (const char *p)
{
  gunichar c = g_utf8_get_char_validated (p, -1);

  if (c == (gunichar) -1 || c == (gunichar) -2)
    return g_strdup_printf ("0x%02X", (guchar) *p);
  if (c < 0x80 && g_ascii_isprint (c))
    return g_strdup_printf ("“%c”", (char) c);

  {
    char utf8[7] = { 0 };
    g_unichar_to_utf8 (c, utf8);
    return g_strdup_printf ("“%s” (U+%04X)", utf8, c);
  }
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Decodes %XX exactly once. Malformed escapes are copied as they are and the
 * first one is reported through @bad_at (0-based) so that the control
 * character check, which comes first in DESIGN.md's order, sees everything. */
static GString *
percent_decode (const char *text,
                gssize     *bad_at)
{
  GString *out = g_string_sized_new (strlen (text));

  *bad_at = -1;
  for (const char *p = text; *p; p++)
    {
      int hi, lo;

      if (*p != '%')
        {
          g_string_append_c (out, *p);
          continue;
        }

      hi = hex_value (p[1]);
      lo = hi >= 0 ? hex_value (p[2]) : -1;
      if (hi < 0 || lo < 0)
        {
          if (*bad_at < 0)
            *bad_at = p - text;
          g_string_append_c (out, *p);
          continue;
        }
      g_string_append_c (out, (char) (hi * 16 + lo));
      p += 2;
    }

  return out;
}

/* Position (1-based, in the raw input) of the escape that produced decoded
 * byte @index, and its text ("%0A"). */
static gsize
raw_position_of_decoded (const char *raw,
                         gsize       index,
                         char        escape[4])
{
  gsize decoded = 0;

  for (const char *p = raw; *p; p++, decoded++)
    {
      gboolean is_escape = p[0] == '%' && hex_value (p[1]) >= 0 && hex_value (p[2]) >= 0;

      if (decoded == index)
        {
          if (is_escape)
            g_strlcpy (escape, p, 4);
          else
            escape[0] = '\0';
          return (p - raw) + 1;
        }
      if (is_escape)
        p += 2;
    }
  escape[0] = '\0';
  return index + 1;
}

static gboolean
check_decoded_controls (const char  *raw,
                        GString     *decoded,
                        GError     **error)
{
  const guchar *bytes = (const guchar *) decoded->str;

  for (gsize i = 0; i < decoded->len; i++)
    {
      guint c;
      char escape[4];
      gsize position;

      if (is_control (bytes[i]))
        c = bytes[i];
      else if (is_c1_control (bytes + i, decoded->len - i))
        c = bytes[i + 1];
      else
        continue;

      position = raw_position_of_decoded (raw, i, escape);
      if (c >= 0x80 && escape[0] != '\0')
        {
          /* the escape of the first byte alone says little: show both */
          char pair[7];
          g_snprintf (pair, sizeof pair, "%s%%%02X", escape, c);
          set_control_error (error, c, position, pair);
        }
      else
        set_control_error (error, c, position, escape[0] ? escape : NULL);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_raw_controls (const char  *input,
                    GError     **error)
{
  const guchar *bytes = (const guchar *) input;
  gsize len = strlen (input);

  for (gsize i = 0; i < len; i++)
    {
      if (is_control (bytes[i]))
        {
          set_control_error (error, bytes[i], i + 1, NULL);
          return FALSE;
        }
      if (is_c1_control (bytes + i, len - i))
        {
          set_control_error (error, bytes[i + 1], i + 1, NULL);
          return FALSE;
        }
    }
  return TRUE;
}

/* "%zz" as it stands in the input, for a message: at most the '%' and two
 * more bytes, any byte that is not printable ASCII shown as \xNN so the
 * message stays valid text. */
static char *
printable_escape (const char *p)
{
  GString *out = g_string_new ("%");

  for (int i = 1; i < 3 && p[i]; i++)
    {
      if (g_ascii_isprint (p[i]))
        g_string_append_c (out, p[i]);
      else
        g_string_append_printf (out, "\\x%02X", (guchar) p[i]);
    }
  return g_string_free (out, FALSE);
}

/* Length of a URI scheme name at @p followed by ':', or 0. */
static gsize
scheme_length (const char *p)
{
  gsize n = 0;

  if (!g_ascii_isalpha (p[0]))
    return 0;
  while (g_ascii_isalnum (p[n]) || p[n] == '+' || p[n] == '-' || p[n] == '.')
    n++;
  return p[n] == ':' ? n : 0;
}

static gboolean
is_nested_scheme (const char *p,
                  gsize       len)
{
  for (gsize i = 0; i < G_N_ELEMENTS (nested_schemes); i++)
    if (strlen (nested_schemes[i]) == len && g_ascii_strncasecmp (p, nested_schemes[i], len) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
check_nested_scheme (const char  *body,
                     GError     **error)
{
  for (const char *p = body; *p; p++)
    {
      gsize len;

      /* a scheme name starts a token: at the start or after a non-name char */
      if (p != body && (g_ascii_isalnum (p[-1]) || p[-1] == '+' || p[-1] == '-' || p[-1] == '.'))
        continue;
      len = scheme_length (p);
      if (len > 0 && is_nested_scheme (p, len))
        {
          g_autofree char *name = g_ascii_strdown (p, len);
          g_set_error (error, MD_DIAL_ERROR, MD_DIAL_ERROR_NESTED_SCHEME,
                       _("The link hides another link (“%s:”) inside it; Meetdial dials only plain numbers and addresses."),
                       name);
          return FALSE;
        }
    }
  return TRUE;
}

static MdDialScheme
scheme_from_name (const char *name,
                  gsize       len)
{
  static const struct { const char *name; MdDialScheme scheme; } known[] = {
    { "tel", MD_DIAL_SCHEME_TEL },
    { "callto", MD_DIAL_SCHEME_CALLTO },
    { "sip", MD_DIAL_SCHEME_SIP },
    { "sips", MD_DIAL_SCHEME_SIPS },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (known); i++)
    if (strlen (known[i].name) == len && g_ascii_strncasecmp (name, known[i].name, len) == 0)
      return known[i].scheme;
  return MD_DIAL_SCHEME_NONE;
}

char *
md_dial_input_read (const char    *input,
                    MdDialScheme  *scheme,
                    gsize         *body_offset,
                    GError       **error)
{
  g_autoptr(GString) decoded = NULL;
  const char *body;
  gssize bad_at;
  gsize len;

  *scheme = MD_DIAL_SCHEME_NONE;

  if (input == NULL || input[strspn (input, " ")] == '\0')
    {
      g_set_error_literal (error, MD_DIAL_ERROR, MD_DIAL_ERROR_EMPTY,
                           _("There is nothing to dial: the link is empty."));
      return NULL;
    }

  len = strlen (input);
  if (len > MD_DIAL_MAX_INPUT_BYTES)
    {
      g_set_error (error, MD_DIAL_ERROR, MD_DIAL_ERROR_TOO_LONG,
                   _("The link is too long (%zu bytes; at most %d are accepted)."),
                   len, MD_DIAL_MAX_INPUT_BYTES);
      return NULL;
    }

  if (!check_raw_controls (input, error))
    return NULL;

  decoded = percent_decode (input, &bad_at);
  if (!check_decoded_controls (input, decoded, error))
    return NULL;

  if (bad_at >= 0)
    {
      g_autofree char *escape = printable_escape (input + bad_at);
      g_set_error (error, MD_DIAL_ERROR, MD_DIAL_ERROR_BAD_PERCENT_ENCODING,
                   _("The link has a broken percent-encoding “%s” at position %zu."),
                   escape, (gsize) bad_at + 1);
      return NULL;
    }

  if (!g_utf8_validate (input, -1, NULL) || !g_utf8_validate_len (decoded->str, decoded->len, NULL))
    {
      g_set_error_literal (error, MD_DIAL_ERROR, MD_DIAL_ERROR_BAD_PERCENT_ENCODING,
                           _("The link is not valid text (it is not UTF-8), so it can’t be read."));
      return NULL;
    }

  /* pasted text often carries spaces around it */
  g_strstrip (decoded->str);
  decoded->len = strlen (decoded->str);
  body = decoded->str;
  if (*body == '\0')
    {
      g_set_error_literal (error, MD_DIAL_ERROR, MD_DIAL_ERROR_EMPTY,
                           _("There is nothing to dial: the link is empty."));
      return NULL;
    }

  len = scheme_length (body);
  if (len > 0)
    {
      *scheme = scheme_from_name (body, len);
      if (*scheme == MD_DIAL_SCHEME_NONE)
        {
          g_autofree char *name = g_ascii_strdown (body, len);
          g_set_error (error, MD_DIAL_ERROR, MD_DIAL_ERROR_UNSUPPORTED_SCHEME,
                       _("Meetdial can’t open “%s:” links; it dials tel:, sip:, sips: and callto: links and plain dial strings."),
                       name);
          return NULL;
        }
      body += len + 1;
      if ((*scheme == MD_DIAL_SCHEME_TEL || *scheme == MD_DIAL_SCHEME_CALLTO) &&
          g_str_has_prefix (body, "//"))
        body += 2;
    }

  if (*scheme != MD_DIAL_SCHEME_NONE && !check_nested_scheme (body, error))
    return NULL;

  *body_offset = body - decoded->str;
  return g_string_free (g_steal_pointer (&decoded), FALSE);
}
