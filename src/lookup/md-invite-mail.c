/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-lookup"

#include "config.h"

#include "md-invite-mail.h"

#include <string.h>

/* Nested multiparts deeper than this are not real mail. */
#define MAX_DEPTH 8

typedef struct {
  char *content_type;   /* "text/plain" */
  char *charset;
  char *boundary;
  char *encoding;       /* "quoted-printable", "base64", … */
  char *subject;
  const char *body;
  gsize body_length;
} MailPart;

static void
mail_part_clear (MailPart *part)
{
  g_free (part->content_type);
  g_free (part->charset);
  g_free (part->boundary);
  g_free (part->encoding);
  g_free (part->subject);
}

/* The value of parameter @name in a header value such as
 * `multipart/alternative; boundary="abc"`. */
static char *
dup_parameter (const char *value,
               const char *name)
{
  gsize name_length = strlen (name);

  for (const char *p = strchr (value, ';'); p != NULL; p = strchr (p + 1, ';'))
    {
      const char *q = p + 1;

      while (*q == ' ' || *q == '\t')
        q++;
      if (g_ascii_strncasecmp (q, name, name_length) != 0 || q[name_length] != '=')
        continue;
      q += name_length + 1;
      if (*q == '"')
        {
          const char *end = strchr (q + 1, '"');
          return end != NULL ? g_strndup (q + 1, end - q - 1) : g_strdup (q + 1);
        }
      return g_strndup (q, strcspn (q, "; \t"));
    }
  return NULL;
}

static char *
convert_to_utf8 (const char *bytes,
                 gsize       length,
                 const char *charset)
{
  if (charset != NULL && g_ascii_strcasecmp (charset, "utf-8") != 0 &&
      g_ascii_strcasecmp (charset, "us-ascii") != 0)
    {
      char *converted = g_convert (bytes, length, "UTF-8", charset, NULL, NULL, NULL);
      if (converted != NULL)
        return converted;
    }
  return g_utf8_make_valid (bytes, length);
}

static GBytes *
decode_quoted_printable (const char *text,
                         gsize       length,
                         gboolean    underscore_is_space)
{
  GByteArray *out = g_byte_array_sized_new (length);

  for (gsize i = 0; i < length; i++)
    {
      guint8 c = (guint8) text[i];

      if (c == '=' && i + 1 < length && text[i + 1] == '\n')
        i += 1;
      else if (c == '=' && i + 2 < length && text[i + 1] == '\r' && text[i + 2] == '\n')
        i += 2;
      else if (c == '=' && i + 2 < length &&
               g_ascii_isxdigit (text[i + 1]) && g_ascii_isxdigit (text[i + 2]))
        {
          guint8 byte = (guint8) (g_ascii_xdigit_value (text[i + 1]) * 16 +
                                  g_ascii_xdigit_value (text[i + 2]));
          g_byte_array_append (out, &byte, 1);
          i += 2;
        }
      else
        {
          if (c == '_' && underscore_is_space)
            c = ' ';
          g_byte_array_append (out, &c, 1);
        }
    }
  return g_byte_array_free_to_bytes (out);
}

static GBytes *
decode_base64 (const char *text,
               gsize       length)
{
  g_autofree char *copy = g_strndup (text, length);
  gsize decoded_length = 0;
  guchar *decoded;

  /* g_base64_decode_inplace skips line breaks and stops at bad input. */
  decoded = g_base64_decode_inplace (copy, &decoded_length);
  return g_bytes_new (decoded, decoded_length);
}

/* RFC 2047 encoded words (=?utf-8?Q?…?=) in a Subject header. */
static char *
decode_header_words (const char *value)
{
  GString *out = g_string_new (NULL);
  const char *p = value;

  while (*p != '\0')
    {
      const char *start = strstr (p, "=?");
      const char *q1, *q2, *end;
      g_autofree char *charset = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *text = NULL;
      gsize size;
      const char *data;

      if (start == NULL ||
          (q1 = strchr (start + 2, '?')) == NULL || q1[1] == '\0' || q1[2] != '?' ||
          (end = strstr (q1 + 3, "?=")) == NULL)
        {
          g_string_append (out, p);
          break;
        }

      /* Whitespace between two encoded words is not part of the text. */
      if (out->len == 0 || p == value || strspn (p, " \t") != (gsize) (start - p))
        g_string_append_len (out, p, start - p);

      charset = g_strndup (start + 2, q1 - start - 2);
      q2 = q1 + 3;
      if (q1[1] == 'B' || q1[1] == 'b')
        bytes = decode_base64 (q2, end - q2);
      else
        bytes = decode_quoted_printable (q2, end - q2, TRUE);
      data = g_bytes_get_data (bytes, &size);
      text = convert_to_utf8 (data != NULL ? data : "", size, charset);
      g_string_append (out, text);
      p = end + 2;
    }

  /* Raw 8-bit headers exist in the wild; keep the result valid text. */
  {
    g_autofree char *raw = g_string_free (out, FALSE);
    return g_utf8_make_valid (raw, -1);
  }
}

/* Reads the header block at @text into @part and points part->body past it. */
static void
parse_headers (const char *text,
               gsize       length,
               MailPart   *part)
{
  const char *end = text + length;
  const char *line = text;

  while (line < end)
    {
      const char *eol = memchr (line, '\n', end - line);
      gsize line_length = (eol != NULL ? eol : end) - line;
      g_autoptr(GString) header = NULL;
      const char *colon;

      if (line_length > 0 && line[line_length - 1] == '\r')
        line_length--;
      if (line_length == 0)
        {
          line = eol != NULL ? eol + 1 : end;
          break;
        }

      /* Unfold continuation lines (starting with blank space). */
      header = g_string_new_len (line, line_length);
      line = eol != NULL ? eol + 1 : end;
      while (line < end && (*line == ' ' || *line == '\t'))
        {
          const char *next = memchr (line, '\n', end - line);
          gsize next_length = (next != NULL ? next : end) - line;

          if (next_length > 0 && line[next_length - 1] == '\r')
            next_length--;
          g_string_append_c (header, ' ');
          g_string_append_len (header, line, next_length);
          line = next != NULL ? next + 1 : end;
        }

      colon = strchr (header->str, ':');
      if (colon == NULL)
        continue;
      {
        g_autofree char *name = g_strndup (header->str, colon - header->str);
        g_autofree char *value = g_strstrip (g_strdup (colon + 1));

        if (g_ascii_strcasecmp (name, "Content-Type") == 0)
          {
            g_free (part->content_type);
            part->content_type = g_ascii_strdown (value, strcspn (value, "; \t"));
            g_free (part->charset);
            part->charset = dup_parameter (value, "charset");
            g_free (part->boundary);
            part->boundary = dup_parameter (value, "boundary");
          }
        else if (g_ascii_strcasecmp (name, "Content-Transfer-Encoding") == 0)
          {
            g_free (part->encoding);
            part->encoding = g_ascii_strdown (value, -1);
          }
        else if (g_ascii_strcasecmp (name, "Subject") == 0)
          {
            g_free (part->subject);
            part->subject = decode_header_words (value);
          }
      }
    }

  part->body = line;
  part->body_length = end - line;
}

static int
rank_type (const char *content_type)
{
  if (g_strcmp0 (content_type, "text/plain") == 0)
    return 3;
  if (g_strcmp0 (content_type, "text/html") == 0)
    return 2;
  if (g_strcmp0 (content_type, "text/calendar") == 0)
    return 1;
  return 0;
}

/* Finds the best leaf part under @part; fills @best (owned copies). */
static void
find_best_part (MailPart *part,
                MailPart *best,
                guint     depth)
{
  g_autofree char *delimiter = NULL;
  const char *p, *end;

  if (part->boundary == NULL || (part->content_type == NULL || !g_str_has_prefix (part->content_type, "multipart/")))
    {
      if (rank_type (part->content_type) > rank_type (best->content_type))
        {
          mail_part_clear (best);
          best->content_type = g_strdup (part->content_type);
          best->charset = g_strdup (part->charset);
          best->encoding = g_strdup (part->encoding);
          best->body = part->body;
          best->body_length = part->body_length;
        }
      return;
    }

  if (depth >= MAX_DEPTH)
    return;

  delimiter = g_strconcat ("--", part->boundary, NULL);
  end = part->body + part->body_length;
  p = g_strstr_len (part->body, part->body_length, delimiter);
  while (p != NULL)
    {
      const char *start = p + strlen (delimiter);
      const char *next;
      MailPart child = { 0 };

      if (end - start >= 2 && start[0] == '-' && start[1] == '-')
        break;   /* the closing delimiter */
      start = memchr (start, '\n', end - start);
      if (start == NULL)
        break;
      start++;
      next = g_strstr_len (start, end - start, delimiter);

      parse_headers (start, (next != NULL ? next : end) - start, &child);
      if (child.content_type == NULL)
        child.content_type = g_strdup ("text/plain");
      find_best_part (&child, best, depth + 1);
      mail_part_clear (&child);
      p = next;
    }
}

gboolean
md_invite_mail_detect (const char *text,
                       gsize       length)
{
  static const char * const headers[] = {
    "From:", "To:", "Subject:", "Date:", "MIME-Version:", "Received:",
    "Return-Path:", "Message-ID:", "Content-Type:", "Delivered-To:",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      gsize n = strlen (headers[i]);

      if (length >= n && g_ascii_strncasecmp (text, headers[i], n) == 0)
        return TRUE;
    }
  return FALSE;
}

char *
md_invite_mail_extract (const char  *mail,
                        gsize        length,
                        char       **content_type,
                        char       **subject)
{
  MailPart top = { 0 };
  MailPart best = { 0 };
  g_autoptr(GBytes) decoded = NULL;
  const char *data;
  gsize size;
  char *text;

  parse_headers (mail, length, &top);
  if (top.content_type == NULL)
    top.content_type = g_strdup ("text/plain");
  find_best_part (&top, &best, 0);

  if (best.body == NULL)
    {
      best.body = top.body;
      best.body_length = top.body_length;
      best.content_type = g_strdup ("text/plain");
    }

  if (g_strcmp0 (best.encoding, "quoted-printable") == 0)
    decoded = decode_quoted_printable (best.body, best.body_length, FALSE);
  else if (g_strcmp0 (best.encoding, "base64") == 0)
    decoded = decode_base64 (best.body, best.body_length);
  else
    decoded = g_bytes_new (best.body, best.body_length);

  data = g_bytes_get_data (decoded, &size);
  text = convert_to_utf8 (data != NULL ? data : "", size, best.charset);

  *content_type = g_steal_pointer (&best.content_type);
  *subject = g_steal_pointer (&top.subject);
  mail_part_clear (&best);
  mail_part_clear (&top);
  return text;
}
