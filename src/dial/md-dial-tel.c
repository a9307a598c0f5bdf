/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-dial"

#include "config.h"

#include "md-dial-private.h"
#include "md-phone-number.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* E.164 allows at most 15 digits after the '+'. */
#define MAX_E164_DIGITS 15

typedef struct {
  const char *start;       /* the text being read, for positions */
  guint       pause_ms;
  GString    *number;      /* '+'? digits */
  gsize       n_digits;
  GString    *dtmf;        /* the DTMF run being collected */
  GArray     *steps;
  const char *phone_context;      /* a slice of the text being read */
  gsize       phone_context_len;
  gboolean    in_plan;     /* past the number */
} TelReader;

static gboolean
is_visual_separator (char c)
{
  return c == '-' || c == '.' || c == '(' || c == ')' || c == ' ';
}

static gboolean
is_dtmf (char c)
{
  return g_ascii_isdigit (c) || c == '*' || c == '#';
}

static gboolean
is_pause (char c)
{
  return c == ',' || c == 'p' || c == 'P';
}

static gboolean
is_wait_letter (char c)
{
  return c == 'w' || c == 'W';
}

static gsize
position_of (TelReader  *reader,
             const char *p)
{
  return g_utf8_pointer_to_offset (reader->start, p) + 1;
}

static gboolean
fail_at (TelReader   *reader,
         const char  *p,
         GError     **error)
{
  g_autofree char *what = md_dial_describe_char (p);

  if (!(*p & 0x80))
    g_set_error (error, MD_DIAL_ERROR, MD_DIAL_ERROR_INVALID_CHARACTER,
                 reader->in_plan
                   ? _("%s at position %zu can’t be dialed after the number; use digits, * and #, “,” for a pause and “;” to wait.")
                   : _("%s at position %zu can’t be part of a phone number."),
                 what, position_of (reader, p));
  else
    g_set_error (error, MD_DIAL_ERROR, MD_DIAL_ERROR_INVALID_CHARACTER,
                 _("%s at position %zu is not allowed; a dial string takes only ASCII digits and separators."),
                 what, position_of (reader, p));
  return FALSE;
}

static void
flush_dtmf (TelReader *reader)
{
  if (reader->dtmf->len == 0)
    return;
  md_dial_steps_add_dtmf (reader->steps, reader->dtmf->str, reader->dtmf->len);
  g_string_truncate (reader->dtmf, 0);
}

/* The number ends at the first pause, wait or DTMF key; it must hold digits. */
static gboolean
end_number (TelReader  *reader,
            GError    **error)
{
  if (reader->in_plan)
    return TRUE;

  if (reader->n_digits == 0)
    {
      g_set_error_literal (error, MD_DIAL_ERROR, MD_DIAL_ERROR_NO_NUMBER,
                           _("There is no number to dial before the pauses and keys."));
      return FALSE;
    }
  reader->in_plan = TRUE;
  return TRUE;
}

/* "w" and "p" are steps, but "+1-800-WHATEVER" is a vanity number: a run of
 * letters that holds anything but p and w is letters in the number. */
static gboolean
check_letter_run (TelReader   *reader,
                  const char  *p,
                  GError     **error)
{
  const char *end = p;

  while (g_ascii_isalpha (*end))
    end++;

  for (const char *q = p; q < end; q++)
    if (!is_pause (*q) && !is_wait_letter (*q))
      {
        g_autofree char *letters = g_strndup (p, end - p);
        g_set_error (error, MD_DIAL_ERROR, MD_DIAL_ERROR_LETTERS_IN_NUMBER,
                     _("The number contains letters (“%s” at position %zu); Meetdial dials only digits."),
                     letters, position_of (reader, p));
        return FALSE;
      }
  return TRUE;
}

/* The digits of a parameter value such as ext=, visual separators dropped;
 * NULL and an error naming the parameter when something else is in it. */
static char *
param_digits (TelReader   *reader,
              const char  *name,
              const char  *value,
              gsize        len,
              GError     **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);

  for (gsize i = 0; i < len; i++)
    {
      if (g_ascii_isdigit (value[i]))
        g_string_append_c (digits, value[i]);
      else if (!is_visual_separator (value[i]))
        {
          g_autofree char *what = md_dial_describe_char (value + i);
          g_set_error (error, MD_DIAL_ERROR, MD_DIAL_ERROR_INVALID_CHARACTER,
                       _("%s at position %zu is not allowed in “%s=”, which takes digits only."),
                       what, position_of (reader, value + i), name);
          return NULL;
        }
    }
  return g_string_free (g_steal_pointer (&digits), FALSE);
}

/* RFC 2806 post-dial: p pauses, w waits, then keys. */
static gboolean
read_postd (TelReader   *reader,
            const char  *value,
            gsize        len,
            GError     **error)
{
  gboolean was_in_plan = reader->in_plan;

  reader->in_plan = TRUE;
  for (gsize i = 0; i < len; i++)
    {
      char c = value[i];

      if (is_dtmf (c))
        g_string_append_c (reader->dtmf, c);
      else if (is_pause (c))
        {
          flush_dtmf (reader);
          md_dial_steps_add_pause (reader->steps, reader->pause_ms);
        }
      else if (is_wait_letter (c))
        {
          flush_dtmf (reader);
          md_dial_steps_add_wait (reader->steps);
        }
      else if (!is_visual_separator (c))
        return fail_at (reader, value + i, error);
    }
  flush_dtmf (reader);
  reader->in_plan = was_in_plan;
  return TRUE;
}

/* Length of "name=" at @p (a URI parameter), or 0 when @p does not start one. */
static gsize
param_name_length (const char *p)
{
  gsize n = 0;

  if (!g_ascii_isalpha (p[0]))
    return 0;
  while (g_ascii_isalnum (p[n]) || p[n] == '-')
    n++;
  return p[n] == '=' ? n : 0;
}

static gboolean
read_param (TelReader    *reader,
            const char  **pp,
            GError      **error)
{
  const char *name = *pp;
  gsize name_len = param_name_length (name);
  const char *value = name + name_len + 1;
  gsize value_len = strcspn (value, ";");

  *pp = value + value_len;

  /* parameters follow the number */
  if (!end_number (reader, error))
    return FALSE;
  flush_dtmf (reader);

  if (name_len == 3 && g_ascii_strncasecmp (name, "ext", 3) == 0)
    {
      g_autofree char *ext = param_digits (reader, "ext", value, value_len, error);

      if (ext == NULL)
        return FALSE;
      if (*ext)
        {
          /* give the far end's menu time to answer before the extension */
          md_dial_steps_add_pause (reader->steps, reader->pause_ms);
          md_dial_steps_add_dtmf (reader->steps, ext, -1);
        }
    }
  else if (name_len == 5 && g_ascii_strncasecmp (name, "postd", 5) == 0)
    {
      if (!read_postd (reader, value, value_len, error))
        return FALSE;
    }
  else if (name_len == 13 && g_ascii_strncasecmp (name, "phone-context", 13) == 0)
    {
      reader->phone_context = value;
      reader->phone_context_len = value_len;
    }
  /* isub and unknown parameters are ignored (RFC 3966) */

  return TRUE;
}

/* "+44 (0)20": a trunk prefix written after the country code. */
static gboolean
is_trunk_zero (TelReader  *reader,
               const char *p)
{
  guint country_code;

  if (!g_str_has_prefix (p, "(0)") || reader->number->str[0] != '+' ||
      reader->n_digits == 0 || reader->n_digits > 3)
    return FALSE;

  country_code = (guint) g_ascii_strtoull (reader->number->str + 1, NULL, 10);
  return md_phone_number_is_country_code (country_code);
}

static gboolean
read_number_char (TelReader   *reader,
                  const char **pp,
                  GError     **error)
{
  const char *p = *pp;

  if (g_ascii_isdigit (*p))
    {
      g_string_append_c (reader->number, *p);
      reader->n_digits++;
    }
  else if (*p == '+' && reader->number->len == 0)
    g_string_append_c (reader->number, '+');
  else if (is_trunk_zero (reader, p))
    *pp += 2;
  else if (is_visual_separator (*p))
    ;
  else if (g_ascii_isalpha (*p) && !check_letter_run (reader, p, error))
    return FALSE;
  else if (is_pause (*p) || is_wait_letter (*p) || *p == '*' || *p == '#')
    return end_number (reader, error);   /* read again as a step */
  else
    return fail_at (reader, p, error);

  *pp += 1;
  return TRUE;
}

static gboolean
read_plan_char (TelReader   *reader,
                const char **pp,
                GError     **error)
{
  const char *p = *pp;

  if (is_dtmf (*p))
    g_string_append_c (reader->dtmf, *p);
  else if (is_pause (*p))
    {
      flush_dtmf (reader);
      md_dial_steps_add_pause (reader->steps, reader->pause_ms);
    }
  else if (is_wait_letter (*p))
    {
      flush_dtmf (reader);
      md_dial_steps_add_wait (reader->steps);
    }
  else if (!is_visual_separator (*p))
    return fail_at (reader, p, error);

  *pp += 1;
  return TRUE;
}

static gboolean
resolve_number (TelReader         *reader,
                MdDialTargetKind  *kind,
                char             **number,
                GError           **error)
{
  g_autofree char *resolved = NULL;

  if (reader->number->str[0] == '+')
    *kind = MD_DIAL_TARGET_E164;
  else if (reader->phone_context && reader->phone_context[0] == '+')
    {
      g_autofree char *digits = NULL;
      g_autofree char *prefix = NULL;

      digits = param_digits (reader, "phone-context", reader->phone_context + 1,
                             reader->phone_context_len - 1, error);
      if (digits == NULL)
        return FALSE;
      prefix = g_strconcat ("+", digits, NULL);
      resolved = md_phone_number_resolve_local (reader->number->str, prefix);
      if (resolved == NULL)
        {
          g_set_error (error, MD_DIAL_ERROR, MD_DIAL_ERROR_INVALID_CHARACTER,
                       _("The phone context “%.*s” is not a country or area code."),
                       (int) reader->phone_context_len, reader->phone_context);
          return FALSE;
        }
      *kind = MD_DIAL_TARGET_E164;
    }
  else
    *kind = MD_DIAL_TARGET_LOCAL;   /* no country is guessed in a link */

  if (resolved == NULL)
    resolved = g_strdup (reader->number->str);

  if (*kind == MD_DIAL_TARGET_E164 && strlen (resolved) - 1 > MAX_E164_DIGITS)
    {
      g_set_error (error, MD_DIAL_ERROR, MD_DIAL_ERROR_NUMBER_TOO_LONG,
                   _("The number has %zu digits; an international number has at most %d."),
                   strlen (resolved) - 1, MAX_E164_DIGITS);
      return FALSE;
    }

  *number = g_steal_pointer (&resolved);
  return TRUE;
}

gboolean
md_dial_tel_parse (const char        *text,
                   const char        *body,
                   guint              pause_ms,
                   MdDialTargetKind  *kind,
                   char             **number,
                   GArray            *steps,
                   GError           **error)
{
  g_autoptr(GString) number_text = g_string_new (NULL);
  g_autoptr(GString) dtmf = g_string_new (NULL);
  TelReader reader = {
    .start = text,
    .pause_ms = pause_ms,
    .number = number_text,
    .dtmf = dtmf,
    .steps = steps,
  };
  gboolean ok = TRUE;

  for (const char *p = body; ok && *p; )
    {
      if (*p == ';' && param_name_length (p + 1) > 0)
        {
          p++;
          ok = read_param (&reader, &p, error);
        }
      else if (*p == ';')
        {
          ok = end_number (&reader, error);
          if (ok)
            {
              flush_dtmf (&reader);
              md_dial_steps_add_wait (steps);
              p++;
            }
        }
      else if (!reader.in_plan)
        ok = read_number_char (&reader, &p, error);
      else
        ok = read_plan_char (&reader, &p, error);
    }

  if (!ok)
    return FALSE;

  if (!end_number (&reader, error))
    return FALSE;
  flush_dtmf (&reader);

  return resolve_number (&reader, kind, number, error);
}
