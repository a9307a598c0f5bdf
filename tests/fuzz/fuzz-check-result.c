/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fuzz-check-result.h"

#include "md-lookup-error.h"

#include <string.h>

static void
assert_digits (const char *text)
{
  if (text == NULL)
    return;
  g_assert_cmpuint (strlen (text), >, 0);
  for (const char *p = text; *p != '\0'; p++)
    g_assert_true (g_ascii_isdigit (*p));
}

void
fuzz_check_result (MdLookupResult *result)
{
  g_autoptr(JsonNode) json = md_lookup_result_to_json (result);
  g_autofree char *text = json_to_string (json, FALSE);

  g_assert_true (g_utf8_validate (text, -1, NULL));
  assert_digits (md_lookup_result_get_pin (result));
  assert_digits (md_lookup_result_get_passcode (result));
  g_assert_cmpuint (md_lookup_result_get_n_dial_ins (result), >, 0);

  for (guint i = 0; i < md_lookup_result_get_n_dial_ins (result); i++)
    {
      const char *number = md_dial_in_get_number (md_lookup_result_get_dial_in (result, i));

      g_assert_true (number[0] == '+');
      assert_digits (number + 1);
      g_assert_cmpuint (strlen (number), <=, 16);
    }
}

void
fuzz_check_error (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_true (error->domain == MD_LOOKUP_ERROR);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}
