/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-lookup"

#include "config.h"

#include "md-invite-codes.h"

#include <string.h>

/* After a label: optional ':' or '#', an optional "(…)" aside, then digit
 * groups separated by single spaces or hyphens, then an optional '#'. */
#define VALUE "\\s*(?:\\([^)\\n]{0,40}\\))?\\s*[:：=]?\\s*(?:n[º°o]\\.?\\s*)?#?\\s*" \
              "([0-9](?:[ -]?[0-9]){2,24})(?![0-9A-Za-z])\\s*#?"

typedef struct {
  MdProvider  provider;
  const char *pin_labels;       /* alternatives; "||" separates tiers of trust */
  const char *passcode_labels;  /* NULL: the provider has no phone passcode */
} CodeLabels;

static const CodeLabels code_labels[] = {
  { MD_PROVIDER_ZOOM,
    "meeting id|meeting-id|webinar id|besprechungs-id|meeting-kennung|id de réunion|"
    "id de webinaire|id de reunión|id de la reunión|id del seminario web",
    "passcode|kenncode|code secret|código de acceso|password|passwort|"
    "mot de passe|contraseña" },
  { MD_PROVIDER_TEAMS,
    "phone conference id|conference id|telefonkonferenz-id|konferenz-id|"
    "id de conférence téléphonique|id de conférence|"
    "id\\.? de conferencia telefónica|id\\.? de conferencia de teléfono|id\\.? de conferencia",
    NULL },
  { MD_PROVIDER_MEET, "pin||code", NULL },
  { MD_PROVIDER_WEBEX,
    "access code|meeting number|zugriffscode|meeting-kennnummer|meeting-nummer|"
    "besprechungsnummer|code d'accès|numéro de (?:la )?réunion|código de acceso|"
    "número de (?:la )?reunión",
    "numeric (?:meeting )?password|numerisches passwort|numerisches kennwort|"
    "mot de passe numérique|contraseña numérica" },
  { MD_PROVIDER_GOTOMEETING,
    "access code|zugangscode|zugriffscode|code d'accès|código de acceso", NULL },
  { MD_PROVIDER_WHEREBY, "dial-in code|dialin code|pin|code", NULL },
  { MD_PROVIDER_DAILY, "dial-in code|dialin code|pin|code", NULL },
  { MD_PROVIDER_GENERIC,
    "participant (?:access )?code|participant pin|participant passcode|"
    "conference code|conference pin|access code|pin|passcode|conference id|"
    "teilnehmercode|teilnehmer-pin|zugangscode|einwahlcode|"
    "code participant|code d'accès|código de participante|código de acceso"
    "||meeting id",
    NULL },
};

/* Codes that are not for participants; the aside "video" keeps Teams'
 * "Video Conference ID" (for room systems) from being taken as the PIN. */
static GRegex *not_for_participants_regex;
static GRegex *one_tap_regex, *webex_password_regex, *sip_regex, *video_address_regex;

static const CodeLabels *
labels_for (MdProvider provider)
{
  for (gsize i = 0; i < G_N_ELEMENTS (code_labels); i++)
    if (code_labels[i].provider == provider)
      return &code_labels[i];
  return &code_labels[G_N_ELEMENTS (code_labels) - 1];
}

static gboolean
is_for_participants (const char *text,
                     int         label_start)
{
  int from = label_start;
  g_autofree char *prefix = NULL;

  /* Look back over this label's own words only: to the line start or the
   * previous value (a digit) or separator. */
  while (from > 0 && text[from - 1] != '\n' && !g_ascii_isdigit (text[from - 1]) &&
         text[from - 1] != ';' && text[from - 1] != '|')
    from--;
  prefix = g_strndup (text + from, label_start - from);
  return !g_regex_match (not_for_participants_regex, prefix, 0, NULL);
}

/* Compiled label regexes, one per tier string, kept for the process: the
 * tables are fixed, and compiling with JIT costs more than matching. */
static GRegex *
get_tier_regex (const char *labels)
{
  static GMutex lock;
  static GHashTable *cache;
  GRegex *regex;

  g_mutex_lock (&lock);
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) g_regex_unref);
  regex = g_hash_table_lookup (cache, labels);
  if (regex == NULL)
    {
      g_autofree char *pattern = g_strdup_printf ("(?<![\\w-])(?:%s)(?!\\w)" VALUE, labels);

      regex = g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_hash_table_insert (cache, g_strdup (labels), regex);
    }
  g_mutex_unlock (&lock);
  return regex;
}

/* The first value after any of @labels that is for participants. */
static char *
find_value_in_tier (const char *text,
                    const char *labels)
{
  GRegex *regex = get_tier_regex (labels);
  g_autoptr(GMatchInfo) match = NULL;

  g_return_val_if_fail (regex != NULL, NULL);

  g_regex_match (regex, text, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      int start;

      g_match_info_fetch_pos (match, 0, &start, NULL);
      if (is_for_participants (text, start))
        return g_match_info_fetch (match, 1);
    }
  return NULL;
}

/* Tries each tier of @labels in turn: a PIN label anywhere beats a
 * meeting ID label, whatever comes first in the text. */
static char *
find_labelled_value (const char *text,
                     const char *labels)
{
  g_auto(GStrv) tiers = g_strsplit (labels, "||", -1);

  for (guint i = 0; tiers[i] != NULL; i++)
    {
      char *value = find_value_in_tier (text, tiers[i]);
      if (value != NULL)
        return value;
    }
  return NULL;
}

/* "+16465550100,,84512345678#,,,,*731904#": group 1 the PIN, 2 the passcode. */
static char *
find_one_tap (const char *text,
              int         group)
{
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (one_tap_regex, text, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *value = g_match_info_fetch (match, group);

      if (value != NULL && *value != '\0')
        return g_steal_pointer (&value);
    }
  return NULL;
}

/* Webex: "Meeting password: Xy7q (99912345 from phones and video systems)". */
static char *
find_webex_phone_password (const char *text)
{
  g_autoptr(GMatchInfo) match = NULL;

  if (g_regex_match (webex_password_regex, text, 0, &match))
    return g_match_info_fetch (match, 1);
  return NULL;
}

static void
init_regexes (void)
{
  static gsize initialised = 0;

  if (!g_once_init_enter (&initialised))
    return;
  not_for_participants_regex =
    g_regex_new ("(?<!\\w)(?:host|chair|chairperson|moderator|moderatoren|leader|organi[sz]er|"
                 "video|vidéo|vídeo|animateur|anfitrión|organisateur|organizador|"
                 "veranstalter|gastgeber)",
                 G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  one_tap_regex = g_regex_new ("\\+?\\d{8,15},{1,}(\\d{3,})#(?:,+\\*(\\d{3,})#)?",
                               G_REGEX_OPTIMIZE, 0, NULL);
  webex_password_regex =
    g_regex_new ("\\((\\d{4,})\\s+(?:from (?:phones|video)|von telefon|"
                 "depuis les téléphones|desde (?:los )?teléfonos)",
                 G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  sip_regex =
    g_regex_new ("(?<![\\w])sips?:[\\w.!~*'()&=+$,;?/%-]+@[A-Za-z0-9.-]+[A-Za-z0-9]",
                 G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  video_address_regex =
    g_regex_new ("(?:video|vidéo|vídeo|sip|lync|skype|room system|raumsystem|visio|videoconferencia)"
                 "(?:[^\\n]*\\n)?[^\\n]*?(?<![\\w.+-])([\\w.+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)",
                 G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  g_once_init_leave (&initialised, 1);
}

void
md_invite_find_codes (const char     *text,
                      MdLookupResult *result)
{
  const CodeLabels *labels;
  MdProvider provider;
  g_autofree char *pin = NULL;
  g_autofree char *passcode = NULL;

  g_return_if_fail (text != NULL);
  g_return_if_fail (MD_IS_LOOKUP_RESULT (result));

  init_regexes ();
  provider = md_lookup_result_get_provider (result);
  labels = labels_for (provider);

  pin = find_labelled_value (text, labels->pin_labels);
  if (pin == NULL)
    pin = find_one_tap (text, 1);

  if (provider == MD_PROVIDER_ZOOM)
    {
      /* The one-tap line holds the phone passcode even when the web
       * passcode shown next to the meeting ID has letters in it. */
      passcode = find_one_tap (text, 2);
      if (passcode == NULL)
        passcode = find_labelled_value (text, labels->passcode_labels);
    }
  else if (provider == MD_PROVIDER_WEBEX)
    {
      passcode = find_labelled_value (text, labels->passcode_labels);
      if (passcode == NULL)
        passcode = find_webex_phone_password (text);
    }

  md_lookup_result_set_pin (result, pin);
  md_lookup_result_set_passcode (result, passcode);
}

void
md_invite_find_sip_uri (const char     *text,
                        MdLookupResult *result)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *uri = NULL;

  g_return_if_fail (MD_IS_LOOKUP_RESULT (result));

  init_regexes ();
  if (g_regex_match (sip_regex, text, 0, &match))
    {
      g_autofree char *found = g_match_info_fetch (match, 0);
      char *colon = strchr (found, ':');

      /* The scheme is case-insensitive; write it the usual way. */
      for (char *p = found; p < colon; p++)
        *p = g_ascii_tolower (*p);
      uri = g_steal_pointer (&found);
    }
  else
    {
      g_clear_pointer (&match, g_match_info_free);
      if (g_regex_match (video_address_regex, text, 0, &match))
        {
          g_autofree char *address = g_match_info_fetch (match, 1);
          uri = g_strconcat ("sip:", address, NULL);
        }
    }

  if (uri != NULL)
    md_lookup_result_set_sip_uri (result, uri);
}
