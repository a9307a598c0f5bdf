/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every rule of DESIGN.md "Dial strings": accepted inputs with their number
 * and steps, and every rejection with its own error code. */

#include "md-dial-plan.h"

#include <string.h>

typedef struct {
  const char *input;
  const char *number;   /* NULL for SIP targets */
  const char *sip_uri;  /* NULL for phone numbers */
  const char *steps;    /* compact: "," pause, ";" wait, digits = one DTMF run, "|" splits runs */
  MdDialTargetKind kind;
} Accepted;

typedef struct {
  const char *input;
  MdDialError code;
  const char *message_part;  /* the message must name the bad part */
} Rejected;

#define E164 MD_DIAL_TARGET_E164
#define LOCAL MD_DIAL_TARGET_LOCAL
#define SIP MD_DIAL_TARGET_SIP

static const Accepted accepted[] = {
  /* tel: with pauses and a PIN */
  { "tel:+14155550100,,123456789#", "+14155550100", NULL, ",,123456789#", E164 },
  { "tel:+14155550100", "+14155550100", NULL, "", E164 },
  { "TEL:+14155550100", "+14155550100", NULL, "", E164 },
  { "tel://+14155550100,,1#", "+14155550100", NULL, ",,1#", E164 },
  { "tel:+1-415-555-0100", "+14155550100", NULL, "", E164 },
  { "tel:+1.415.555.0100", "+14155550100", NULL, "", E164 },
  { "tel:+1 (415) 555-0100", "+14155550100", NULL, "", E164 },
  { "tel:+1%20415%20555%200100", "+14155550100", NULL, "", E164 },
  { "tel:%2B14155550100%2C%2C123%23", "+14155550100", NULL, ",,123#", E164 },
  { "tel:+14155550100p123#", "+14155550100", NULL, ",123#", E164 },
  { "tel:+14155550100P123#", "+14155550100", NULL, ",123#", E164 },
  { "tel:+14155550100pp123", "+14155550100", NULL, ",,123", E164 },
  { "tel:+14155550100,,,,", "+14155550100", NULL, ",,,,", E164 },
  /* waits */
  { "tel:+14155550100;123#", "+14155550100", NULL, ";123#", E164 },
  { "tel:+14155550100w123#", "+14155550100", NULL, ";123#", E164 },
  { "tel:+14155550100W123#", "+14155550100", NULL, ";123#", E164 },
  { "tel:+14155550100,,123#;456#", "+14155550100", NULL, ",,123#;456#", E164 },
  { "tel:+14155550100;;", "+14155550100", NULL, ";;", E164 },
  { "+14155550100,,123#,,,,*731904#", "+14155550100", NULL, ",,123#,,,,*731904#", E164 },
  /* DTMF straight after the number */
  { "tel:+14155550100#", "+14155550100", NULL, "#", E164 },
  { "tel:+14155550100*9", "+14155550100", NULL, "*9", E164 },
  { "tel:+14155550100,,12-34-56#", "+14155550100", NULL, ",,123456#", E164 },
  { "tel:+14155550100,, 123 456 #", "+14155550100", NULL, ",,123456#", E164 },
  /* parameters */
  { "tel:+14155550100;ext=123", "+14155550100", NULL, ",123", E164 },
  { "tel:+14155550100;EXT=1-2-3", "+14155550100", NULL, ",123", E164 },
  { "tel:+14155550100;isub=1411", "+14155550100", NULL, "", E164 },
  { "tel:+14155550100;foo=bar", "+14155550100", NULL, "", E164 },
  { "tel:+14155550100;foo=bar;ext=9", "+14155550100", NULL, ",9", E164 },
  { "tel:+14155550100;ext=", "+14155550100", NULL, "", E164 },
  { "tel:+14155550100;postd=pp123w456#", "+14155550100", NULL, ",,123;456#", E164 },
  { "tel:+14155550100;postd=,,123#", "+14155550100", NULL, ",,123#", E164 },
  /* found by fuzzing: digits straight after the number stay steps when the
   * plan is written back as a link */
  { "tel:+14155550100;postd=12w3", "+14155550100", NULL, "12;3", E164 },
  { "tel:+14155550100;phone-context=+44", "+14155550100", NULL, "", E164 },
  { "tel:7946-0987;phone-context=+44-20", "+442079460987", NULL, "", E164 },
  { "tel:020 7946 0987;phone-context=+44", "+442079460987", NULL, "", E164 },
  { "tel:5550100;phone-context=example.com", "5550100", NULL, "", LOCAL },
  { "tel:5550100;phone-context=+1-415", "+14155550100", NULL, "", E164 },
  { "tel:5550100,,99#;phone-context=+1-415", "+14155550100", NULL, ",,99#", E164 },
  /* trunk prefix after the country code */
  { "+44 (0)20 7946 0987", "+442079460987", NULL, "", E164 },
  { "tel:+44(0)2079460987,,1234#", "+442079460987", NULL, ",,1234#", E164 },
  { "+49 (0)30 1234567", "+49301234567", NULL, "", E164 },
  { "+44 20 (0)7946", "+442007946", NULL, "", E164 },
  /* local numbers stay as their digits */
  { "5550100", "5550100", NULL, "", LOCAL },
  { "555-0100,,1234#", "5550100", NULL, ",,1234#", LOCAL },
  { "tel:5550100", "5550100", NULL, "", LOCAL },
  { "  +14155550100  ", "+14155550100", NULL, "", E164 },
  /* callto: */
  { "callto:+14155550100", "+14155550100", NULL, "", E164 },
  { "callto://+14155550100,,1#", "+14155550100", NULL, ",,1#", E164 },
  { "CallTo:+14155550100", "+14155550100", NULL, "", E164 },
  /* exactly 15 digits is still E.164 */
  { "+123456789012345", "+123456789012345", NULL, "", E164 },
  /* SIP */
  { "sip:123456789@zoomcrc.com", NULL, "sip:123456789@zoomcrc.com", "", SIP },
  { "SIP:Room@Example.COM", NULL, "sip:Room@example.com", "", SIP },
  { "sips:alice@example.com:5061", NULL, "sips:alice@example.com:5061", "", SIP },
  { "sip:alice@example.com;transport=tcp", NULL, "sip:alice@example.com;transport=tcp", "", SIP },
  { "sip:alice@EXAMPLE.com;Transport=TCP", NULL, "sip:alice@example.com;Transport=TCP", "", SIP },
  { "sip:example.com", NULL, "sip:example.com", "", SIP },
  { "sip:alice@127.0.0.1:5070", NULL, "sip:alice@127.0.0.1:5070", "", SIP },
  { "sip:alice@[::1]:5070", NULL, "sip:alice@[::1]:5070", "", SIP },
  { "sip:+14155550100@gw.example.com;user=phone", NULL, "sip:+14155550100@gw.example.com;user=phone", "", SIP },
  { "sip:alice%2Ebob@example.com", NULL, "sip:alice.bob@example.com", "", SIP },
  { "sip:a-b_c.d!e~f*g'h(i)j@x.example", NULL, "sip:a-b_c.d!e~f*g'h(i)j@x.example", "", SIP },
};

static const Rejected rejected[] = {
  /* empty */
  { "", MD_DIAL_ERROR_EMPTY, "empty" },
  { "   ", MD_DIAL_ERROR_EMPTY, "empty" },
  { "%20", MD_DIAL_ERROR_EMPTY, "empty" },
  /* control characters, raw and encoded */
  { "tel:+1555\n0100", MD_DIAL_ERROR_CONTROL_CHARACTER, "line feed" },
  { "tel:+1555\t0100", MD_DIAL_ERROR_CONTROL_CHARACTER, "tab" },
  { "tel:+15550100\r", MD_DIAL_ERROR_CONTROL_CHARACTER, "carriage return" },
  { "tel:+1555\x7f", MD_DIAL_ERROR_CONTROL_CHARACTER, "delete" },
  { "tel:+1555\x1b[2J", MD_DIAL_ERROR_CONTROL_CHARACTER, "escape" },
  { "tel:+1555%0A0100", MD_DIAL_ERROR_CONTROL_CHARACTER, "%0A" },
  { "tel:+1555%00", MD_DIAL_ERROR_CONTROL_CHARACTER, "NUL" },
  { "sip:a%0d%0aVia:x@h", MD_DIAL_ERROR_CONTROL_CHARACTER, "%0d" },
  { "tel:+1555%C2%85", MD_DIAL_ERROR_CONTROL_CHARACTER, "U+0085" },
  { "tel:+1555\xc2\x9b", MD_DIAL_ERROR_CONTROL_CHARACTER, "U+009B" },
  /* control characters are found before a broken escape after them */
  { "tel:%0a%zz", MD_DIAL_ERROR_CONTROL_CHARACTER, "%0a" },
  /* bad percent-encoding and invalid UTF-8 */
  { "tel:+1555%zz", MD_DIAL_ERROR_BAD_PERCENT_ENCODING, "%zz" },
  { "tel:+1555%4", MD_DIAL_ERROR_BAD_PERCENT_ENCODING, "%4" },
  { "tel:+1555%", MD_DIAL_ERROR_BAD_PERCENT_ENCODING, "%" },
  { "tel:+1555\xff\xfe", MD_DIAL_ERROR_BAD_PERCENT_ENCODING, "UTF-8" },
  { "tel:+1555%FF", MD_DIAL_ERROR_BAD_PERCENT_ENCODING, "UTF-8" },
  { "tel:+1555%C3%28", MD_DIAL_ERROR_BAD_PERCENT_ENCODING, "UTF-8" },
  /* found by fuzzing: the broken escape is shown without its raw bytes */
  { "tel:5550100;postd=ip:`%h\xfe\xff\xff\xff", MD_DIAL_ERROR_BAD_PERCENT_ENCODING, "“%h\\xFE”" },
  /* schemes */
  { "http://example.com/", MD_DIAL_ERROR_UNSUPPORTED_SCHEME, "“http:”" },
  { "javascript:alert(1)", MD_DIAL_ERROR_UNSUPPORTED_SCHEME, "“javascript:”" },
  { "mailto:a@b.c", MD_DIAL_ERROR_UNSUPPORTED_SCHEME, "“mailto:”" },
  { "skype:echo123?call", MD_DIAL_ERROR_UNSUPPORTED_SCHEME, "“skype:”" },
  { "tel:sip:alice@example.com", MD_DIAL_ERROR_NESTED_SCHEME, "“sip:”" },
  { "tel:tel:+15550100", MD_DIAL_ERROR_NESTED_SCHEME, "“tel:”" },
  { "sip:javascript:alert(1)@h", MD_DIAL_ERROR_NESTED_SCHEME, "“javascript:”" },
  { "tel:%74el:+15550100", MD_DIAL_ERROR_NESTED_SCHEME, "“tel:”" },
  { "tel:+1555;phone-context=HTTP://x", MD_DIAL_ERROR_NESTED_SCHEME, "“http:”" },
  { "callto:sips:bob@example.com", MD_DIAL_ERROR_NESTED_SCHEME, "“sips:”" },
  /* no number before the steps */
  { "tel:", MD_DIAL_ERROR_NO_NUMBER, "no number" },
  { "tel:,,123#", MD_DIAL_ERROR_NO_NUMBER, "no number" },
  { "tel:;123", MD_DIAL_ERROR_NO_NUMBER, "no number" },
  { "#123", MD_DIAL_ERROR_NO_NUMBER, "no number" },
  { "+,,1", MD_DIAL_ERROR_NO_NUMBER, "no number" },
  { "tel:--()", MD_DIAL_ERROR_NO_NUMBER, "no number" },
  { "tel:;ext=12", MD_DIAL_ERROR_NO_NUMBER, "no number" },
  /* letters in the number */
  { "tel:+1-800-FLOWERS", MD_DIAL_ERROR_LETTERS_IN_NUMBER, "FLOWERS" },
  { "tel:+1800WHATEVER", MD_DIAL_ERROR_LETTERS_IN_NUMBER, "WHATEVER" },
  { "callto:echo123", MD_DIAL_ERROR_LETTERS_IN_NUMBER, "echo" },
  { "abc", MD_DIAL_ERROR_LETTERS_IN_NUMBER, "abc" },
  /* other characters where they don't belong */
  { "tel:+1555,,12A#", MD_DIAL_ERROR_INVALID_CHARACTER, "“A”" },
  { "tel:+1555,,12x", MD_DIAL_ERROR_INVALID_CHARACTER, "“x”" },
  { "tel:+1555+0100", MD_DIAL_ERROR_INVALID_CHARACTER, "“+”" },
  { "tel:+1555/0100", MD_DIAL_ERROR_INVALID_CHARACTER, "“/”" },
  { "tel:+1555,,+1", MD_DIAL_ERROR_INVALID_CHARACTER, "“+”" },
  { "tel:+1555:0100", MD_DIAL_ERROR_INVALID_CHARACTER, "“:”" },
  { "tel:+1\xc2\xa0" "555", MD_DIAL_ERROR_INVALID_CHARACTER, "U+00A0" },
  { "tel:+1\xe2\x80\x93" "555", MD_DIAL_ERROR_INVALID_CHARACTER, "U+2013" },
  { "tel:+\xef\xbc\x91" "555", MD_DIAL_ERROR_INVALID_CHARACTER, "U+FF11" },
  { "tel:+1555;ext=12a", MD_DIAL_ERROR_INVALID_CHARACTER, "“a”" },
  { "tel:+1555;postd=12x", MD_DIAL_ERROR_INVALID_CHARACTER, "“x”" },
  { "tel:5550100;phone-context=+4x", MD_DIAL_ERROR_INVALID_CHARACTER, "“x”" },
  { "tel:5550100;phone-context=+999", MD_DIAL_ERROR_INVALID_CHARACTER, "+999" },
  /* a parameter value runs to the next ';': steps can't hide inside it */
  { "tel:5550100;phone-context=+1-415,,99#", MD_DIAL_ERROR_INVALID_CHARACTER, "“,” at position 33" },
  /* E.164 length */
  { "+1234567890123456", MD_DIAL_ERROR_NUMBER_TOO_LONG, "16 digits" },
  { "tel:+44 (0)20 7946 0987 1234 5678", MD_DIAL_ERROR_NUMBER_TOO_LONG, "digits" },
  { "tel:12345678901234567;phone-context=+1", MD_DIAL_ERROR_NUMBER_TOO_LONG, "digits" },
  /* SIP URIs */
  { "sip:alice:secret@example.com", MD_DIAL_ERROR_CREDENTIALS_IN_URI, "password" },
  { "sips:alice:@example.com", MD_DIAL_ERROR_CREDENTIALS_IN_URI, "password" },
  { "sip:alice@example.com?Subject=hi", MD_DIAL_ERROR_SIP_HEADERS_NOT_ALLOWED, "headers" },
  { "sip:alice@example.com;x=1?Route=%3Csip:evil%3E", MD_DIAL_ERROR_NESTED_SCHEME, "“sip:”" },
  { "sip:@example.com", MD_DIAL_ERROR_INVALID_SIP_URI, "user part" },
  { "sip:", MD_DIAL_ERROR_INVALID_SIP_URI, "no address" },
  { "sip:alice@", MD_DIAL_ERROR_INVALID_SIP_URI, "no host" },
  { "sip:alice@:5060", MD_DIAL_ERROR_INVALID_SIP_URI, "no host" },
  { "sip:alice@example.com:0", MD_DIAL_ERROR_INVALID_SIP_URI, "port" },
  { "sip:alice@example.com:65536", MD_DIAL_ERROR_INVALID_SIP_URI, "port" },
  { "sip:alice@example.com:50x0", MD_DIAL_ERROR_INVALID_SIP_URI, "port" },
  { "sip:alice@example.com:", MD_DIAL_ERROR_INVALID_SIP_URI, "port" },
  { "sip:alice@exa..mple.com", MD_DIAL_ERROR_INVALID_SIP_URI, "host name" },
  { "sip:alice@-example.com", MD_DIAL_ERROR_INVALID_SIP_URI, "host name" },
  { "sip:alice@[::1", MD_DIAL_ERROR_INVALID_SIP_URI, "IPv6" },
  { "sip:alice@[1.2.3.4]", MD_DIAL_ERROR_INVALID_SIP_URI, "IPv6" },
  { "sip:alice@example.com;;x", MD_DIAL_ERROR_INVALID_SIP_URI, "parameter" },
  { "sip:al ice@example.com", MD_DIAL_ERROR_INVALID_CHARACTER, "user part" },
  { "sip:alice@exa mple.com", MD_DIAL_ERROR_INVALID_CHARACTER, "host" },
  { "sip:alice@bob@example.com", MD_DIAL_ERROR_INVALID_CHARACTER, "“@”" },
  { "sip:alice%40bob@example.com", MD_DIAL_ERROR_INVALID_CHARACTER, "“@”" },
  { "sip:alice@example.com;x=<y>", MD_DIAL_ERROR_INVALID_CHARACTER, "“<”" },
};

/* Renders a plan's steps in the compact form of the tables above. */
static char *
compact_steps (MdDialPlan *plan,
               guint       expected_pause_ms)
{
  GString *out = g_string_new (NULL);
  gboolean last_was_dtmf = FALSE;

  for (guint i = 0; i < md_dial_plan_get_n_steps (plan); i++)
    {
      const MdDialStep *step = md_dial_plan_get_step (plan, i);

      switch (step->kind)
        {
        case MD_DIAL_STEP_PAUSE:
          g_assert_cmpuint (step->pause_ms, ==, expected_pause_ms);
          g_string_append_c (out, ',');
          break;
        case MD_DIAL_STEP_WAIT:
          g_string_append_c (out, ';');
          break;
        case MD_DIAL_STEP_DTMF:
          g_assert_cmpuint (strspn (step->digits, "0123456789*#"), ==, strlen (step->digits));
          g_assert_cmpuint (strlen (step->digits), >, 0);
          if (last_was_dtmf)
            g_string_append_c (out, '|');
          g_string_append (out, step->digits);
          break;
        default:
          g_assert_not_reached ();
        }
      last_was_dtmf = step->kind == MD_DIAL_STEP_DTMF;
    }
  return g_string_free (out, FALSE);
}

static void
test_accepted (gconstpointer data)
{
  const Accepted *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDialPlan) plan = md_dial_plan_parse (c->input, 1500, &error);
  g_autoptr(MdDialPlan) again = NULL;
  g_autofree char *steps = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *uri_again = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_cmpint (md_dial_plan_get_target_kind (plan), ==, c->kind);
  g_assert_cmpstr (md_dial_plan_get_number (plan), ==, c->number);
  g_assert_cmpstr (md_dial_plan_get_sip_uri (plan), ==, c->sip_uri);
  steps = compact_steps (plan, 1500);
  g_assert_cmpstr (steps, ==, c->steps);

  /* the canonical link reads back to the same plan */
  uri = md_dial_plan_to_uri (plan);
  again = md_dial_plan_parse (uri, 1500, &error);
  g_assert_no_error (error);
  uri_again = md_dial_plan_to_uri (again);
  g_assert_cmpstr (uri, ==, uri_again);
}

static void
test_rejected (gconstpointer data)
{
  const Rejected *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDialPlan) plan = md_dial_plan_parse (c->input, 2000, &error);

  g_assert_null (plan);
  g_assert_error (error, MD_DIAL_ERROR, (int) c->code);
  if (strstr (error->message, c->message_part) == NULL)
    g_error ("“%s”: message “%s” does not name “%s”", c->input, error->message, c->message_part);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
test_too_long (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDialPlan) plan = NULL;
  g_autofree char *padding = g_strnfill (MD_DIAL_MAX_INPUT_BYTES - strlen ("tel:+15550100,,"), '1');
  g_autofree char *longest = g_strconcat ("tel:+15550100,,", padding, NULL);
  g_autofree char *too_long = g_strconcat (longest, "#", NULL);
  g_autofree char *huge = g_strnfill (100000, '%');

  plan = md_dial_plan_parse (longest, 2000, &error);
  g_assert_no_error (error);
  g_clear_object (&plan);

  plan = md_dial_plan_parse (too_long, 2000, &error);
  g_assert_null (plan);
  g_assert_error (error, MD_DIAL_ERROR, MD_DIAL_ERROR_TOO_LONG);
  g_assert_nonnull (strstr (error->message, "257 bytes"));
  g_clear_error (&error);

  /* the length check comes before anything looks at the bytes */
  plan = md_dial_plan_parse (huge, 2000, &error);
  g_assert_error (error, MD_DIAL_ERROR, MD_DIAL_ERROR_TOO_LONG);
}

static void
test_masked (void)
{
  g_autoptr(MdDialPlan) plan = md_dial_plan_parse ("tel:+14155550100,,123#;4", 2000, NULL);
  g_autofree char *masked = md_dial_plan_to_masked_uri (plan);
  g_autofree char *uri = md_dial_plan_to_uri (plan);
  g_autofree char *digits = md_dial_plan_dup_all_digits (plan);

  g_assert_cmpstr (uri, ==, "tel:+14155550100,,123#;4");
  g_assert_cmpstr (masked, ==, "tel:+14155550100,,••••;•");
  g_assert_cmpstr (digits, ==, "123#4");
}

static void
test_error_names (void)
{
  const char *names[] = {
    "empty", "too-long", "control-character", "bad-percent-encoding",
    "unsupported-scheme", "nested-scheme", "no-number", "letters-in-number",
    "invalid-character", "number-too-long", "credentials-in-uri",
    "sip-headers-not-allowed", "invalid-sip-uri",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (md_dial_error_code_name (i), ==, names[i]);
  g_assert_cmpstr (md_dial_error_code_name (G_N_ELEMENTS (names)), ==, "unknown");
  g_assert_cmpstr (md_dial_error_code_name (-1), ==, "unknown");
}

static void
test_every_code_tested (void)
{
  gboolean seen[MD_DIAL_ERROR_INVALID_SIP_URI + 1] = { FALSE };

  seen[MD_DIAL_ERROR_TOO_LONG] = TRUE;  /* test_too_long */
  for (guint i = 0; i < G_N_ELEMENTS (rejected); i++)
    seen[rejected[i].code] = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (seen); i++)
    if (!seen[i])
      g_error ("no rejected case for error code %s", md_dial_error_code_name (i));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autofree char *path = g_strdup_printf ("/dial/accepted/%02u", i);
      g_test_add_data_func (path, &accepted[i], test_accepted);
    }
  for (guint i = 0; i < G_N_ELEMENTS (rejected); i++)
    {
      g_autofree char *path = g_strdup_printf ("/dial/rejected/%02u-%s", i,
                                               md_dial_error_code_name (rejected[i].code));
      g_test_add_data_func (path, &rejected[i], test_rejected);
    }
  g_test_add_func ("/dial/too-long", test_too_long);
  g_test_add_func ("/dial/masked", test_masked);
  g_test_add_func ("/dial/error-names", test_error_names);
  g_test_add_func ("/dial/every-code-tested", test_every_code_tested);

  return g_test_run ();
}
