/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The pieces of the invitation reader, one by one: text clean-up, the real
 * HTML (libxml2) and iCalendar (libical) parsers, e-mail bodies, provider
 * detection, traps, dial-string conventions and the preferred number. */

#include "config.h"

#include "md-invite-html.h"
#include "md-invite-ics.h"
#include "md-invite-mail.h"
#include "md-invite-provider.h"
#include "md-invite-reader.h"
#include "md-invite-text.h"
#include "md-lookup-error.h"

#include <string.h>

static MdLookupResult *
read_ok (const char *text,
         const char *country)
{
  g_autoptr(GError) error = NULL;
  MdLookupResult *result = md_invite_read (text, strlen (text), country, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static void
assert_numbers (MdLookupResult     *result,
                const char * const *numbers)
{
  guint n = g_strv_length ((char **) numbers);

  g_assert_cmpuint (md_lookup_result_get_n_dial_ins (result), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (md_dial_in_get_number (md_lookup_result_get_dial_in (result, i)), ==,
                     numbers[i]);
}

static void
test_normalise (void)
{
  /* NBSP, non-breaking hyphen, en dash, zero-width space, BOM, full-width
   * plus and digits, narrow NBSP, CR LF. */
  g_autofree char *text =
    md_invite_text_normalise ("a\xc2\xa0" "b\xe2\x80\x91" "c\xe2\x80\x93" "d\xe2\x80\x8b" "e"
                              "\xef\xbb\xbf\xef\xbc\x8b\xef\xbc\x94\xef\xbc\x94\xe2\x80\xaf" "x\r\ny\rz",
                              -1);
  g_autofree char *broken = md_invite_text_normalise ("ok\xff\xfe", 4);

  g_assert_cmpstr (text, ==, "a b-c-de+44 x\ny\nz");
  g_assert_true (g_utf8_validate (broken, -1, NULL));
  g_assert_true (g_str_has_prefix (broken, "ok"));
}

static void
test_html (void)
{
  const char *html =
    "<html><head><title> Sync </title><style>p{}</style><script>var x = '+1 999 555 0100';"
    "</script></head><body><p>Call&nbsp;&#43;1&#x20;646 555 0100<br>PIN: 1&amp;2</p>"
    "<div><a href=\"https://zoom.us/j/1\">Join</a></div><table><tr><td>a</td><td>b</td></tr>"
    "</table><p>unclosed <b>bold";
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = md_invite_html_to_text (html, strlen (html), &title, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (title, ==, "Sync");
  g_assert_nonnull (strstr (text, "Call\xc2\xa0+1 646 555 0100\nPIN: 1&2\n"));
  g_assert_nonnull (strstr (text, "Join <https://zoom.us/j/1>"));
  g_assert_nonnull (strstr (text, " a b"));
  g_assert_nonnull (strstr (text, "unclosed bold"));
  g_assert_null (strstr (text, "999"));
  g_assert_true (md_invite_html_detect (html, strlen (html)));
  g_assert_false (md_invite_html_detect ("Call +1 646 555 0100", 20));
}

static void
test_ics (void)
{
  const char *ics =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:Plan\\, review\r\n"
    "LOCATION:Room 4\\; Bridge +1 646 555 0100\r\n"
    "DESCRIPTION:Line one\\nPIN: 12\r\n 34#\\nend\r\n"
    "X-ALT-DESC;FMTTYPE=text/html:<p>+44 20 7946 0000</p>\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n";
  const char *alt_only =
    "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Alt\n"
    "X-ALT-DESC;FMTTYPE=text/html:<p>Dial +44 20 7946 0000</p><p>PIN: 55</p>\n"
    "END:VEVENT\nEND:VCALENDAR\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = md_invite_ics_to_text (ics, strlen (ics), &title, &error);
  g_autofree char *alt_title = NULL;
  g_autofree char *alt_text = NULL;
  char *none_title = NULL;
  char *none;

  g_assert_no_error (error);
  g_assert_cmpstr (title, ==, "Plan, review");
  g_assert_nonnull (strstr (text, "Room 4; Bridge +1 646 555 0100\n"));
  /* Folding undone, escapes decoded; the HTML copy is not read twice. */
  g_assert_nonnull (strstr (text, "Line one\nPIN: 1234#\nend"));
  g_assert_null (strstr (text, "7946"));

  alt_text = md_invite_ics_to_text (alt_only, strlen (alt_only), &alt_title, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (alt_text, "Dial +44 20 7946 0000\nPIN: 55"));

  none = md_invite_ics_to_text ("BEGIN:VCALENDAR\nEND:VCALENDAR\n", 30, &none_title, &error);
  g_assert_null (none);
  g_assert_error (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_BAD_INPUT);
  g_clear_error (&error);

  none = md_invite_ics_to_text ("BEGIN:VCALENDAR\n\x01\x02garbage", 26, &none_title, &error);
  g_assert_null (none);
  g_assert_null (none_title);
  g_assert_error (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_BAD_INPUT);
}

static void
test_mail (void)
{
  const char *mail =
    "Subject: =?utf-8?B?w5xiZXJzaWNodA==?= =?iso-8859-1?Q?_f=FCr_alle?=\n"
    "Content-Type: multipart/mixed; boundary=outer\n\n"
    "--outer\nContent-Type: multipart/alternative; boundary=\"inner\"\n\n"
    "--inner\nContent-Type: text/html; charset=iso-8859-1\n"
    "Content-Transfer-Encoding: quoted-printable\n\n<p>M=FCnchen: +49 89 5550 =\n1414</p>\n"
    "--inner--\n--outer\nContent-Type: application/pdf\n\nJVBERi0=\n--outer--\n";
  g_autofree char *type = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = md_invite_mail_extract (mail, strlen (mail), &type, &subject);

  g_assert_true (md_invite_mail_detect (mail, strlen (mail)));
  g_assert_cmpstr (subject, ==, "Übersicht für alle");
  g_assert_cmpstr (type, ==, "text/html");
  g_assert_cmpstr (body, ==, "<p>München: +49 89 5550 1414</p>\n");
}

static void
test_provider_detection (void)
{
  /* The join link decides, even when another product is named first. */
  g_assert_cmpint (md_invite_detect_provider ("Like our Zoom meeting last week\n"
                                              "https://meet.google.com/abc-defg-hij"),
                   ==, MD_PROVIDER_MEET);
  g_assert_cmpint (md_invite_detect_provider ("Microsoft Teams meeting"), ==, MD_PROVIDER_TEAMS);
  g_assert_cmpint (md_invite_detect_provider ("https://acme.daily.co/x"), ==, MD_PROVIDER_DAILY);
  g_assert_cmpint (md_invite_detect_provider ("Call +1 646 555 0100"), ==, MD_PROVIDER_GENERIC);
}

static void
test_traps (void)
{
  g_autoptr(MdLookupResult) result = read_ok (
    "Phone bridge\n"
    "Meeting ID: 845 1234 5678\n"
    "Host key: 1234567\n"
    "Server 192.168.100.200 and 10.0.0.1\n"
    "Date 2026-11-24 or 24.11.2026\n"
    "Ticket #4471-2231, order 88812345, build 2026.11.24.1731\n"
    "Video address: 25501234567@video.example.com\n"
    "https://example.com/j/84512345678?id=5550100123\n"
    "Dial +1 646 555 0100 then PIN 9988#\n", "US");
  const char * const numbers[] = { "+16465550100", NULL };

  assert_numbers (result, numbers);
  g_assert_cmpstr (md_lookup_result_get_pin (result), ==, "9988");
  g_assert_cmpstr (md_lookup_result_get_sip_uri (result), ==,
                   "sip:25501234567@video.example.com");
}

static void
test_conventions (void)
{
  static const struct {
    MdProvider  provider;
    const char *pin;
    const char *passcode;
    const char *dial;
  } cases[] = {
    { MD_PROVIDER_ZOOM, "845", NULL, "tel:+16465550100,,845#" },
    { MD_PROVIDER_ZOOM, "845", "731", "tel:+16465550100,,845#,,,,*731#" },
    { MD_PROVIDER_TEAMS, "815", NULL, "tel:+16465550100,,815#" },
    { MD_PROVIDER_MEET, "123", NULL, "tel:+16465550100,,123#" },
    { MD_PROVIDER_WEBEX, "255", NULL, "tel:+16465550100,,255##" },
    { MD_PROVIDER_WEBEX, "255", "752", "tel:+16465550100,,255#752#" },
    { MD_PROVIDER_GOTOMEETING, "123", NULL, "tel:+16465550100,,123#" },
    { MD_PROVIDER_WHEREBY, "482", NULL, "tel:+16465550100,,482" },
    { MD_PROVIDER_DAILY, "123", NULL, "tel:+16465550100,,123" },
    { MD_PROVIDER_GENERIC, "55", NULL, "tel:+16465550100,,55#" },
    { MD_PROVIDER_GENERIC, NULL, NULL, "tel:+16465550100" },
    { MD_PROVIDER_ZOOM, NULL, "731", "tel:+16465550100" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dial = md_provider_build_dial (cases[i].provider, "+16465550100",
                                                      cases[i].pin, cases[i].passcode);
      g_assert_cmpstr (dial, ==, cases[i].dial);
    }
}

static void
test_preferred (void)
{
  g_autoptr(MdLookupResult) result = read_ok (
    "Dial-in numbers:\n"
    "+44 20 7946 0001 United Kingdom\n"
    "+49 30 5550 1000 Germany\n"
    "+49 800 5550100 Germany Toll-free\n"
    "+1 646 555 0100 United States\n"
    "PIN: 123#\n", NULL);

  g_assert_cmpint (md_lookup_result_choose_preferred (result, "DE"), ==, 2);
  g_assert_cmpint (md_lookup_result_choose_preferred (result, "us"), ==, 3);
  g_assert_cmpint (md_lookup_result_choose_preferred (result, "GB"), ==, 0);
  g_assert_cmpint (md_lookup_result_choose_preferred (result, "JP"), ==, 0);
  g_assert_cmpint (md_lookup_result_choose_preferred (result, NULL), ==, 0);
  g_assert_cmpint (md_lookup_result_get_preferred (result), ==, 0);
}

static void
test_national_needs_country (void)
{
  g_autoptr(MdLookupResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char * const numbers[] = { "+442079460987", NULL };
  const char *text = "Dial in: 020 7946 0987\nPIN: 12345#\n";

  /* A national form is read with the caller's country when the label names
   * none, and not guessed without one. */
  result = read_ok (text, "GB");
  assert_numbers (result, numbers);
  g_clear_object (&result);

  result = md_invite_read (text, strlen (text), NULL, &error);
  g_assert_null (result);
  g_assert_error (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_NO_DIAL_IN);
}

static void
test_bad_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *huge = NULL;

  g_assert_null (md_invite_read ("PK\x03\x04\0\0binary", 12, "US", &error));
  g_assert_error (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_BAD_INPUT);
  g_clear_error (&error);

  g_assert_null (md_invite_read (" \n\t", 3, "US", &error));
  g_assert_error (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_BAD_INPUT);
  g_clear_error (&error);

  huge = g_malloc (MD_INVITE_MAX_BYTES + 1);
  memset (huge, 'a', MD_INVITE_MAX_BYTES + 1);
  g_assert_null (md_invite_read (huge, MD_INVITE_MAX_BYTES + 1, "US", &error));
  g_assert_error (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_BAD_INPUT);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lookup/invite/normalise", test_normalise);
  g_test_add_func ("/lookup/invite/html", test_html);
  g_test_add_func ("/lookup/invite/ics", test_ics);
  g_test_add_func ("/lookup/invite/mail", test_mail);
  g_test_add_func ("/lookup/invite/provider-detection", test_provider_detection);
  g_test_add_func ("/lookup/invite/traps", test_traps);
  g_test_add_func ("/lookup/invite/conventions", test_conventions);
  g_test_add_func ("/lookup/invite/preferred", test_preferred);
  g_test_add_func ("/lookup/invite/national-needs-country", test_national_needs_country);
  g_test_add_func ("/lookup/invite/bad-input", test_bad_input);

  return g_test_run ();
}
