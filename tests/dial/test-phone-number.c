/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The C face on libphonenumber: national forms to E.164, regions, toll-free
 * ranges, phone-context resolution and the 15-digit limit. */

#include "md-phone-number.h"

static void
assert_e164 (const char *text,
             const char *region,
             const char *expected)
{
  g_autofree char *e164 = md_phone_number_to_e164 (text, region);

  g_assert_cmpstr (e164, ==, expected);
}

static void
assert_region (const char *e164,
               const char *expected)
{
  g_autofree char *region = md_phone_number_region (e164);

  g_assert_cmpstr (region, ==, expected);
}

static void
assert_resolved (const char *local,
                 const char *prefix,
                 const char *expected)
{
  g_autofree char *e164 = md_phone_number_resolve_local (local, prefix);

  g_assert_cmpstr (e164, ==, expected);
}

static void
test_to_e164 (void)
{
  assert_e164 ("020 7946 0987", "GB", "+442079460987");
  assert_e164 ("0808 157 0246", "GB", "+448081570246");
  assert_e164 ("1-800-555-0175", "US", "+18005550175");
  assert_e164 ("+49 30 1234567", NULL, "+49301234567");
  assert_e164 ("030 1234567", "DE", "+49301234567");
  /* nothing to read, or too long for E.164 */
  assert_e164 ("", "US", NULL);
  assert_e164 (NULL, "US", NULL);
  assert_e164 ("hello", "US", NULL);
  assert_e164 ("12345678901234567890", "DE", NULL);
  assert_e164 ("+1234567890123456789", NULL, NULL);
}

static void
test_format (void)
{
  struct { const char *e164, *expected; } cases[] = {
    { "+16465550100", "+1 646-555-0100" },
    { "+442079460987", "+44 20 7946 0987" },
    { "+493056795800", "+49 30 56795800" },
    { "not a number", "not a number" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = md_phone_number_format (cases[i].e164);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_regions (void)
{
  assert_region ("+14155550100", "US");
  assert_region ("+16135550123", "CA");
  assert_region ("+442079460987", "GB");
  assert_region ("not a number", NULL);
  g_assert_true (md_phone_number_is_toll_free ("+18005550175"));
  g_assert_true (md_phone_number_is_toll_free ("+448081570246"));
  g_assert_false (md_phone_number_is_toll_free ("+442079460987"));
  g_assert_true (md_phone_number_is_country_code (44));
  g_assert_true (md_phone_number_is_country_code (1));
  g_assert_false (md_phone_number_is_country_code (999));
  g_assert_false (md_phone_number_is_country_code (0));
  g_assert_false (md_phone_number_is_country_code (4400));

  {
    g_autofree char *cc = md_phone_number_country_code ("+442079460987");
    g_autofree char *gb = md_phone_number_region_for_country_code (44);
    g_autofree char *none = md_phone_number_region_for_country_code (999);

    g_assert_cmpstr (cc, ==, "44");
    g_assert_cmpstr (gb, ==, "GB");
    g_assert_null (none);
  }
}

static void
test_resolve_local (void)
{
  assert_resolved ("79460987", "+4420", "+442079460987");
  assert_resolved ("02079460987", "+44", "+442079460987");
  assert_resolved ("5550100", "+1415", "+14155550100");
  /* not a usable prefix */
  assert_resolved ("5550100", "+999", NULL);
  assert_resolved ("5550100", "44", NULL);
  assert_resolved ("5550100", "+4x", NULL);
  assert_resolved ("", "+44", NULL);
  /* an over-long result is left for the caller to refuse */
  assert_resolved ("12345678901234567", "+1", "+112345678901234567");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/phone-number/to-e164", test_to_e164);
  g_test_add_func ("/phone-number/format", test_format);
  g_test_add_func ("/phone-number/regions", test_regions);
  g_test_add_func ("/phone-number/resolve-local", test_resolve_local);

  return g_test_run ();
}
