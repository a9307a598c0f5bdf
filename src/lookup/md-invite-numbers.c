/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-lookup"

#include "config.h"

#include "md-invite-numbers.h"

#include "md-country-names.h"
#include "md-phone-number.h"

#include <string.h>

/* How many lines after a line that talks about phones a number without
 * a leading + is still believed to be a phone number. */
#define PHONE_CONTEXT_LINES 12

/* Words that say a line is about calling in. */
#define PHONE_WORDS \
  "dial|phone|call|tel|telephone|toll|number|one tap|one-touch|audio|" \
  "telefon|einwahl|rufnummer|nummer|gebührenfrei|anruf|" \
  "téléphone|appel|numéro|gratuit|composez|" \
  "teléfono|llamada|número|marcar|gratuita"

/* Words right before a digit group that make it a code, not a number. */
#define TRAP_WORDS \
  "id|ids|pin|passcode|pass code|password|passwort|kennwort|kenncode|code|" \
  "código|clave|contraseña|mot de passe|réunion|reunión|conference|konferenz|" \
  "conferencia|conférence|meeting number|meeting|besprechung|webinar|ticket|" \
  "build|version|order|invoice|host|chair|moderator|leader|organizer|organiser|" \
  "ip|room|raum|salle|sala|zugriffscode|zugangscode|teilnehmer|participant|" \
  "extension|ext|durchwahl"

/* Phrases that end a label: what follows is a code or an instruction. */
#define LABEL_END_WORDS \
  "pin|passcode|password|meeting id|conference id|access code|code|" \
  "kenncode|zugriffscode|konferenz-id|besprechungs-id|" \
  "code d'accès|id de réunion|código|id de la reunión"

/* Words that lead into a number but say nothing about it. */
#define LABEL_LEAD_WORDS \
  "dial-in numbers?|dial-in|dial in|dial|call-in|call in|call|join by phone|" \
  "by phone|phone numbers?|phone|telephone|tel|one-touch|one tap|or|and|" \
  "numéro de téléphone|número de teléfono|telefonnummer|rufnummer|" \
  "einwahl|telefon|oder|und|téléphone|par téléphone|ou|et|teléfono|" \
  "por teléfono|o|y|tap to join from a mobile device|tap to join|" \
  "wählen sie|marca el|marque|composez|wählen|appelez le|appelez"

static GRegex *candidate_regex, *phone_words_regex, *trap_regex;
static GRegex *label_end_regex, *label_lead_regex, *toll_free_regex;
static GRegex *ipv4_regex, *date_regex;

static void
init_regexes (void)
{
  static gsize initialised = 0;

  if (!g_once_init_enter (&initialised))
    return;

  candidate_regex = g_regex_new ("\\+?\\s?(?:\\(\\d{1,5}\\)[ .-]?)?\\d"
                                 "(?:[ .-]?(?:\\(\\d{1,5}\\)|\\d))*",
                                 G_REGEX_OPTIMIZE, 0, NULL);
  phone_words_regex = g_regex_new ("(?<!\\w)(?:" PHONE_WORDS ")",
                                   G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  trap_regex = g_regex_new ("(?<!\\w)(?:" TRAP_WORDS ")(?!\\w)",
                            G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  label_end_regex = g_regex_new ("(?<!\\w)(?:" LABEL_END_WORDS ")(?!\\w)",
                                 G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  label_lead_regex = g_regex_new ("^(?:(?:" LABEL_LEAD_WORDS ")(?!\\w)[\\s:•*·-]*)+",
                                  G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  toll_free_regex = g_regex_new ("toll[ -]?free|gebührenfrei|kostenlos|llamada gratuita|"
                                 "gratuit|gratuito|free[ -]?phone|sans frais",
                                 G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  ipv4_regex = g_regex_new ("^\\d{1,3}(?:\\.\\d{1,3}){3}$", G_REGEX_OPTIMIZE, 0, NULL);
  date_regex = g_regex_new ("^(?:\\d{4}[-./]\\d{1,2}[-./]\\d{1,2}|\\d{1,2}[-./]\\d{1,2}[-./]\\d{2,4})$",
                            G_REGEX_OPTIMIZE, 0, NULL);

  g_once_init_leave (&initialised, 1);
}

typedef struct {
  gsize start;   /* byte offsets in the line */
  gsize end;     /* end of the number itself */
  gsize tail;    /* end of a one-tap tail (",,123#") after it */
} Candidate;

static guint
count_digits (const char *text,
              gsize       length)
{
  guint n = 0;

  for (gsize i = 0; i < length; i++)
    n += g_ascii_isdigit (text[i]) ? 1 : 0;
  return n;
}

/* What stands right before or after a digit group tells a phone number
 * from part of a URL, an e-mail or SIP address, a code ending in '#', a
 * version number or a one-tap tail. */
static gboolean
has_clean_edges (const char *line,
                 gsize       start,
                 gsize       end)
{
  static const char reject_before[] = "@/=_#*,&?%$";
  static const char reject_after[] = "@/#*=_%";

  if (start > 0)
    {
      char before = line[start - 1];

      if (g_ascii_isalnum (before) || strchr (reject_before, before) != NULL)
        return FALSE;
      if ((before == '.' || before == '-') && start > 1 && g_ascii_isalnum (line[start - 2]))
        return FALSE;
      /* sip:123456@host is a video address, tel:+1… is a number */
      if (before == ':' && start >= 4 && g_ascii_strncasecmp (line + start - 4, "sip:", 4) == 0)
        return FALSE;
      if (before == ':' && start >= 5 && g_ascii_strncasecmp (line + start - 5, "sips:", 5) == 0)
        return FALSE;
    }

  if (line[end] != '\0')
    {
      char after = line[end];

      if (g_ascii_isalpha (after) || strchr (reject_after, after) != NULL)
        return FALSE;
      if ((after == '.' || after == ':' || after == '-') && g_ascii_isdigit (line[end + 1]))
        return FALSE;
    }

  return TRUE;
}

static gboolean
regex_matches_range (GRegex     *regex,
                     const char *line,
                     gsize       start,
                     gsize       end)
{
  g_autofree char *part = g_strndup (line + start, end - start);
  return g_regex_match (regex, part, 0, NULL);
}

/* The words between the previous number and this one decide whether it is
 * a code ("Meeting ID: 845 1234 5678") rather than a number. */
static gboolean
is_labelled_as_code (const char *line,
                     gsize       segment_start,
                     gsize       start)
{
  return regex_matches_range (trap_regex, line, segment_start, start);
}

static gsize
skip_one_tap_tail (const char *line,
                   gsize       end)
{
  gsize i = end;

  if (line[i] != ',' && line[i] != ';')
    return end;
  while (line[i] != '\0' && strchr (",;#*0123456789", line[i]) != NULL)
    i++;
  return i;
}

static char *
clean_label (const char *raw)
{
  g_autofree char *text = g_strdup (raw);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *collapsed = NULL;
  GString *out;
  char *result;
  gsize length;

  if (g_regex_match (label_end_regex, text, 0, &match))
    {
      int start;
      g_match_info_fetch_pos (match, 0, &start, NULL);
      text[start] = '\0';
    }

  /* Collapse runs of blank space; drop "tel:" left before the number. */
  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_strncasecmp (p, "tel:", 4) == 0)
        {
          p += 3;
          continue;
        }
      if (*p == ' ' && (out->len == 0 || out->str[out->len - 1] == ' '))
        continue;
      g_string_append_c (out, *p);
    }
  collapsed = g_string_free (out, FALSE);

  /* Trim punctuation and lead words until nothing changes. */
  for (;;)
    {
      g_autofree char *before = g_strdup (collapsed);
      char *stripped;

      g_strstrip (collapsed);
      length = strlen (collapsed);
      for (;;)
        {
          if (length > 0 && strchr (":-,;*|/", collapsed[length - 1]) != NULL)
            collapsed[--length] = '\0';
          else if (g_str_has_suffix (collapsed, "•") || g_str_has_suffix (collapsed, "·"))
            {
              length = g_utf8_find_prev_char (collapsed, collapsed + length) - collapsed;
              collapsed[length] = '\0';
            }
          else
            break;
        }
      stripped = g_regex_replace_literal (label_lead_regex, collapsed, -1, 0, "", 0, NULL);
      g_free (collapsed);
      collapsed = stripped;
      g_strstrip (collapsed);
      if (g_str_has_prefix (collapsed, "-") || g_str_has_prefix (collapsed, ":") ||
          g_str_has_prefix (collapsed, ",") || g_str_has_prefix (collapsed, "•") ||
          g_str_has_prefix (collapsed, "*") || g_str_has_prefix (collapsed, "|"))
        memmove (collapsed, g_utf8_next_char (collapsed),
                 strlen (g_utf8_next_char (collapsed)) + 1);
      if (g_str_equal (before, collapsed))
        break;
    }

  length = strlen (collapsed);
  /* "(US)" → "US"; "US (New York)" → "New York" as the city is the news */
  if (length >= 2 && collapsed[0] == '(' && collapsed[length - 1] == ')' &&
      strchr (collapsed + 1, '(') == NULL)
    result = g_strndup (collapsed + 1, length - 2);
  else if (length > 5 && g_ascii_isupper (collapsed[0]) && g_ascii_isupper (collapsed[1]) &&
           collapsed[2] == ' ' && collapsed[3] == '(' && collapsed[length - 1] == ')')
    result = g_strndup (collapsed + 4, length - 5);
  else
    result = g_strdup (collapsed);

  g_strstrip (result);
  /* What is left of "Tel.:" is punctuation, not a label. */
  for (const char *p = result; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return result;
  g_free (result);
  return NULL;
}

/* Prose around a number ("call +1 … and enter") is no label: a label
 * starts with a capital or '('. The words before a number count only in the
 * "Label: number" or "(US) number" form, or when they name a country. */
static char *
join_label_parts (const char *before,
                  const char *after)
{
  g_autofree char *head = clean_label (before);
  g_autofree char *tail = clean_label (after);
  const char *named[1];

  if (head != NULL)
    {
      g_autofree char *raw = g_strstrip (g_strdup (before));
      gsize length = strlen (raw);
      gboolean labelled = length > 0 && (raw[length - 1] == ':' || raw[length - 1] == ')');

      if (g_ascii_islower (head[0]) ||
          (!labelled && md_country_names_in_label (head, named, 1) == 0))
        g_clear_pointer (&head, g_free);
    }
  if (tail != NULL && g_ascii_islower (tail[0]))
    g_clear_pointer (&tail, g_free);

  if (head != NULL && tail != NULL)
    {
      /* "Free-phone: … (United Kingdom)" reads "Free-phone (United Kingdom)" */
      gsize length = strlen (head);
      if (length > 0 && head[length - 1] == ':')
        head[length - 1] = '\0';
      return g_strconcat (g_strchomp (head), " ", tail, NULL);
    }
  if (head != NULL)
    return g_steal_pointer (&head);
  return g_steal_pointer (&tail);
}

/* A short heading line ("Germany:") names the numbers under it. */
static gboolean
is_heading (const char *line)
{
  gsize length = strlen (line);

  while (length > 0 && line[length - 1] == ' ')
    length--;
  return length > 1 && length < 48 && line[length - 1] == ':' &&
         count_digits (line, length) == 0;
}

static const char *
choose_country (const char *e164,
                const char *label)
{
  const char *named[4];
  guint n_named = md_country_names_in_label (label, named, G_N_ELEMENTS (named));
  g_autofree char *region = md_phone_number_region (e164);
  g_autofree char *calling_code = md_phone_number_country_code (e164);

  if (g_strcmp0 (calling_code, "1") == 0 && n_named == 1 &&
      (g_str_equal (named[0], "US") || g_str_equal (named[0], "CA")))
    return named[0];

  if (region != NULL)
    return g_intern_string (region);

  if (calling_code != NULL)
    {
      g_autofree char *main_region =
        md_phone_number_region_for_country_code ((guint) g_ascii_strtoull (calling_code, NULL, 10));
      if (main_region != NULL)
        return g_intern_string (main_region);
    }
  return NULL;
}

static gboolean
is_free_phone (const char *e164,
               const char *label)
{
  static const char * const prefixes[] = {
    "+1800", "+1833", "+1844", "+1855", "+1866", "+1877", "+1888", "+44800", "+44808",
  };

  if (label != NULL && g_regex_match (toll_free_regex, label, 0, NULL))
    return TRUE;
  for (gsize i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (e164, prefixes[i]))
      return TRUE;
  return md_phone_number_is_toll_free (e164);
}

/* "+44 (0)20 7946 0987": the trunk 0 is not dialled from abroad. */
static char *
drop_trunk_zero (const char *number)
{
  const char *paren = strstr (number, "(0)");
  GString *out;

  if (number[0] != '+' || paren == NULL)
    return g_strdup (number);

  out = g_string_new_len (number, paren - number);
  g_string_append (out, paren + 3);
  return g_string_free (out, FALSE);
}

MdDialIn *
md_invite_make_dial_in (const char *written,
                        const char *label,
                        const char *default_region,
                        gboolean    toll_free)
{
  g_autofree char *number = g_strstrip (drop_trunk_zero (written));
  g_autofree char *e164 = NULL;
  const char *named[1];
  const char *region;

  init_regexes ();

  if (number[0] == '+')
    e164 = md_phone_number_to_e164 (number, NULL);
  else
    {
      region = md_country_names_in_label (label, named, 1) > 0 ? named[0] : default_region;
      /* 1-800-555-0175 is North American wherever the reader lives */
      if (number[0] == '1' && count_digits (number, strlen (number)) == 11)
        region = "US";
      if (region != NULL)
        e164 = md_phone_number_to_e164 (number, region);
      if (e164 != NULL)
        {
          /* Without a '+', only a number the numbering plan knows is taken. */
          g_autofree char *known = md_phone_number_region (e164);
          if (known == NULL)
            g_clear_pointer (&e164, g_free);
        }
    }

  /* md_phone_number_to_e164() refuses more than 15 digits: a longer run is
   * two numbers written together */
  if (e164 == NULL)
    return NULL;

  return md_dial_in_new (e164, choose_country (e164, label),
                         toll_free || is_free_phone (e164, label), label);
}

static void
add_number (MdLookupResult *result,
            const char     *line,
            const char     *heading,
            Candidate      *candidate,
            gsize           segment_start,
            gsize           segment_end,
            const char     *default_region)
{
  g_autofree char *written = g_strndup (line + candidate->start,
                                        candidate->end - candidate->start);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *label = NULL;
  g_autoptr(MdDialIn) dial_in = NULL;
  const char *named[1];

  before = g_strndup (line + segment_start, candidate->start - segment_start);
  after = g_strndup (line + candidate->tail, segment_end - candidate->tail);
  label = join_label_parts (before, after);
  /* A heading is taken only when it names a country ("Germany:"), not
   * for "Dial by your location:". */
  if (label == NULL && heading != NULL &&
      md_country_names_in_label (heading, named, 1) > 0)
    label = clean_label (heading);

  dial_in = md_invite_make_dial_in (written, label, default_region, FALSE);
  if (dial_in != NULL)
    md_lookup_result_add_dial_in (result, dial_in);
}

static void
scan_line (const char     *line,
           const char     *heading,
           gboolean        in_phone_context,
           const char     *default_region,
           MdLookupResult *result)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Candidate));
  gsize segment_start = 0;

  g_regex_match (candidate_regex, line, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      int start, end;
      Candidate candidate;
      guint digits;
      gboolean plus;

      g_match_info_fetch_pos (match, 0, &start, &end);
      /* Digits inside the previous number's one-tap tail are its codes. */
      if ((gsize) start < segment_start)
        continue;
      while (start < end && (line[start] == ' '))
        start++;
      plus = line[start] == '+';
      digits = count_digits (line + start, end - start);

      candidate.start = start;
      candidate.end = end;
      candidate.tail = skip_one_tap_tail (line, end);

      if (digits < 7 || digits > 15 || (plus && digits < 8) ||
          !has_clean_edges (line, start, end) ||
          is_labelled_as_code (line, segment_start, start) ||
          regex_matches_range (ipv4_regex, line, start, end) ||
          regex_matches_range (date_regex, line, start, end) ||
          (!plus && !in_phone_context))
        {
          segment_start = candidate.tail;
          continue;
        }

      g_array_append_val (found, candidate);
      segment_start = candidate.tail;
    }

  /* Each number's label is the text between its neighbours. */
  for (guint i = 0; i < found->len; i++)
    {
      Candidate *candidate = &g_array_index (found, Candidate, i);
      gsize before = i > 0 ? g_array_index (found, Candidate, i - 1).tail : 0;
      gsize after = i + 1 < found->len ? g_array_index (found, Candidate, i + 1).start
                                       : strlen (line);

      add_number (result, line, heading, candidate, before, after, default_region);
    }
}

void
md_invite_find_numbers (const char     *text,
                        const char     *default_region,
                        MdLookupResult *result)
{
  g_auto(GStrv) lines = NULL;
  const char *heading = NULL;
  int context_left = 0;

  g_return_if_fail (text != NULL);
  g_return_if_fail (MD_IS_LOOKUP_RESULT (result));

  init_regexes ();
  lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (g_regex_match (phone_words_regex, line, 0, NULL))
        context_left = PHONE_CONTEXT_LINES;

      scan_line (line, heading, context_left > 0, default_region, result);

      /* A heading names the lines under it, up to the next blank line. */
      if (is_heading (line))
        heading = line;
      else if (strspn (line, " ") == strlen (line))
        heading = NULL;
      if (context_left > 0)
        context_left--;
    }
}
