/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target for the invitation reader. The first byte picks the entry
 * point (any format, HTML, .ics, e-mail), the rest is the input. Never a
 * crash; anything found must be well formed: E.164 numbers, digit-only
 * codes, valid UTF-8 everywhere. */

#include "md-invite-html.h"
#include "md-invite-ics.h"
#include "md-invite-mail.h"
#include "md-invite-reader.h"
#include "md-lookup-error.h"

#include <string.h>

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
assert_digits (const char *text)
{
  if (text == NULL)
    return;
  g_assert_cmpuint (strlen (text), >, 0);
  for (const char *p = text; *p != '\0'; p++)
    g_assert_true (g_ascii_isdigit (*p));
}

static void
check_result (MdLookupResult *result)
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

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  const char *input = (const char *) data + 1;
  gsize length;
  g_autoptr(GError) error = NULL;

  if (size == 0)
    return 0;
  length = size - 1;

  switch (data[0] % 4)
    {
    case 0:
      {
        g_autoptr(MdLookupResult) result = md_invite_read (input, length, "US", &error);

        if (result != NULL)
          check_result (result);
        else
          {
            g_assert_true (error->domain == MD_LOOKUP_ERROR);
            g_assert_true (g_utf8_validate (error->message, -1, NULL));
          }
        break;
      }

    case 1:
      {
        g_autofree char *title = NULL;
        g_autofree char *text = md_invite_html_to_text (input, length, &title, &error);

        g_assert_no_error (error);
        g_assert_nonnull (text);
        break;
      }

    case 2:
      {
        g_autofree char *title = NULL;
        g_autofree char *text = md_invite_ics_to_text (input, length, &title, &error);

        g_assert_true ((text == NULL) == (error != NULL));
        break;
      }

    default:
      {
        g_autofree char *content_type = NULL;
        g_autofree char *subject = NULL;
        g_autofree char *body = md_invite_mail_extract (input, length, &content_type, &subject);

        g_assert_true (g_utf8_validate (body, -1, NULL));
        g_assert_true (subject == NULL || g_utf8_validate (subject, -1, NULL));
        break;
      }
    }

  return 0;
}
