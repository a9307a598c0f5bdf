/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target for the invitation reader. The first byte picks the entry
 * point (any format, HTML, .ics, e-mail), the rest is the input. Never a
 * crash; anything found must be well formed: E.164 numbers, digit-only
 * codes, valid UTF-8 everywhere. */

#include "fuzz-check-result.h"
#include "md-invite-html.h"
#include "md-invite-ics.h"
#include "md-invite-mail.h"
#include "md-invite-reader.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

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
          fuzz_check_result (result);
        else
          fuzz_check_error (error);
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
