/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-lookup"

#include "config.h"

#include "md-country-names.h"

#include <string.h>

/* Names as written in invitations, lower case (casefolded). Longer names
 * come before names they contain ("united states" before "states"). */
static const struct {
  const char *name;
  const char *code;
} names[] = {
  { "united states of america", "US" }, { "united states", "US" }, { "usa", "US" },
  { "vereinigte staaten", "US" }, { "états-unis", "US" }, { "etats-unis", "US" },
  { "estados unidos", "US" },
  { "canada", "CA" }, { "kanada", "CA" }, { "canadá", "CA" },
  { "united kingdom", "GB" }, { "great britain", "GB" }, { "england", "GB" },
  { "großbritannien", "GB" }, { "vereinigtes königreich", "GB" },
  { "royaume-uni", "GB" }, { "reino unido", "GB" },
  { "germany", "DE" }, { "deutschland", "DE" }, { "allemagne", "DE" }, { "alemania", "DE" },
  { "france", "FR" }, { "frankreich", "FR" }, { "francia", "FR" },
  { "spain", "ES" }, { "spanien", "ES" }, { "espagne", "ES" }, { "españa", "ES" },
  { "switzerland", "CH" }, { "schweiz", "CH" }, { "suisse", "CH" }, { "suiza", "CH" },
  { "austria", "AT" }, { "österreich", "AT" }, { "autriche", "AT" },
  { "netherlands", "NL" }, { "niederlande", "NL" }, { "pays-bas", "NL" },
  { "países bajos", "NL" },
  { "belgium", "BE" }, { "belgien", "BE" }, { "belgique", "BE" }, { "bélgica", "BE" },
  { "italy", "IT" }, { "italien", "IT" }, { "italie", "IT" }, { "italia", "IT" },
  { "ireland", "IE" }, { "irland", "IE" }, { "irlande", "IE" }, { "irlanda", "IE" },
  { "sweden", "SE" }, { "schweden", "SE" }, { "suède", "SE" }, { "suecia", "SE" },
  { "denmark", "DK" }, { "dänemark", "DK" }, { "danemark", "DK" }, { "dinamarca", "DK" },
  { "norway", "NO" }, { "norwegen", "NO" }, { "norvège", "NO" }, { "noruega", "NO" },
  { "poland", "PL" }, { "polen", "PL" }, { "pologne", "PL" }, { "polonia", "PL" },
  { "portugal", "PT" },
  { "australia", "AU" }, { "australien", "AU" }, { "australie", "AU" },
  { "new zealand", "NZ" }, { "neuseeland", "NZ" }, { "nouvelle-zélande", "NZ" },
  { "mexico", "MX" }, { "méxico", "MX" }, { "mexiko", "MX" }, { "mexique", "MX" },
  { "brazil", "BR" }, { "brasil", "BR" }, { "brasilien", "BR" }, { "brésil", "BR" },
  { "argentina", "AR" }, { "argentinien", "AR" }, { "argentine", "AR" },
  { "colombia", "CO" }, { "kolumbien", "CO" }, { "colombie", "CO" },
  { "chile", "CL" }, { "chili", "CL" },
  { "japan", "JP" }, { "japon", "JP" }, { "japón", "JP" },
  { "india", "IN" }, { "indien", "IN" }, { "inde", "IN" },
  { "singapore", "SG" }, { "singapur", "SG" }, { "singapour", "SG" },
  { "south africa", "ZA" }, { "südafrika", "ZA" }, { "afrique du sud", "ZA" },
  { "sudáfrica", "ZA" },
  { "luxembourg", "LU" }, { "luxemburg", "LU" }, { "luxemburgo", "LU" },
  { "finland", "FI" }, { "finnland", "FI" }, { "finlande", "FI" }, { "finlandia", "FI" },
};

/* Two-letter codes written in capitals ("US", "UK", "DE"). */
static const struct {
  const char *token;
  const char *code;
} codes_table[] = {
  { "US", "US" }, { "CA", "CA" }, { "UK", "GB" }, { "GB", "GB" }, { "DE", "DE" },
  { "FR", "FR" }, { "ES", "ES" }, { "CH", "CH" }, { "AT", "AT" }, { "NL", "NL" },
  { "BE", "BE" }, { "IT", "IT" }, { "IE", "IE" }, { "SE", "SE" }, { "DK", "DK" },
  { "NO", "NO" }, { "PL", "PL" }, { "PT", "PT" }, { "AU", "AU" }, { "NZ", "NZ" },
  { "MX", "MX" }, { "BR", "BR" }, { "AR", "AR" }, { "CO", "CO" }, { "CL", "CL" },
  { "JP", "JP" }, { "IN", "IN" }, { "SG", "SG" }, { "ZA", "ZA" }, { "LU", "LU" },
  { "FI", "FI" },
};

typedef struct {
  gsize       offset;
  const char *code;
} Hit;

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c);
}

static gboolean
at_word_edges (const char *text,
               const char *start,
               gsize       length)
{
  const char *after = start + length;

  if (start > text && is_word_char (g_utf8_get_char (g_utf8_find_prev_char (text, start))))
    return FALSE;
  return *after == '\0' || !is_word_char (g_utf8_get_char (after));
}

static gint
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const Hit *ha = a, *hb = b;

  return ha->offset < hb->offset ? -1 : ha->offset > hb->offset;
}

guint
md_country_names_in_label (const char  *label,
                           const char **codes,
                           guint        max_codes)
{
  g_autofree char *folded = NULL;
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  guint n = 0;

  if (label == NULL)
    return 0;

  /* Lower-casing keeps byte lengths for these names; casefold may not. */
  folded = g_utf8_strdown (label, -1);

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gsize length = strlen (names[i].name);

      for (const char *hit = strstr (folded, names[i].name); hit != NULL;
           hit = strstr (hit + 1, names[i].name))
        if (at_word_edges (folded, hit, length))
          {
            Hit h = { hit - folded, names[i].code };
            g_array_append_val (hits, h);
            break;
          }
    }

  for (gsize i = 0; i < G_N_ELEMENTS (codes_table); i++)
    for (const char *hit = strstr (label, codes_table[i].token); hit != NULL;
         hit = strstr (hit + 1, codes_table[i].token))
      if (at_word_edges (label, hit, 2))
        {
          /* Offsets in @label and @folded differ only after non-ASCII
           * capitals, which never precede a code in practice. */
          Hit h = { hit - label, codes_table[i].code };
          g_array_append_val (hits, h);
          break;
        }

  g_array_sort (hits, compare_hits);

  for (guint i = 0; i < hits->len && n < max_codes; i++)
    {
      const char *code = g_array_index (hits, Hit, i).code;
      gboolean seen = FALSE;

      for (guint j = 0; j < n; j++)
        seen = seen || g_str_equal (codes[j], code);
      if (!seen)
        codes[n++] = code;
    }

  return n;
}
