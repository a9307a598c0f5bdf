/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target for the dial-string parser: any bytes in, never a crash,
 * and a plan that parses always prints a link that parses again the same. */

#include "md-dial-plan.h"

#include <string.h>

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *input = g_strndup ((const char *) data, size);
  g_autoptr(MdDialPlan) plan = NULL;
  g_autoptr(MdDialPlan) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *uri_again = NULL;

  /* embedded NULs end the C string; the parser sees what a caller would */
  plan = md_dial_plan_parse (input, 2000, &error);
  if (plan == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == MD_DIAL_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  uri = md_dial_plan_to_uri (plan);
  if (strlen (uri) > MD_DIAL_MAX_INPUT_BYTES)
    return 0;   /* normalising may grow a link past the input limit */
  again = md_dial_plan_parse (uri, 2000, &error);
  g_assert_no_error (error);
  uri_again = md_dial_plan_to_uri (again);
  g_assert_cmpstr (uri, ==, uri_again);

  return 0;
}
