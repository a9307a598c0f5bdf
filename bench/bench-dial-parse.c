/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Parses 1,000,000 mixed dial strings and prints how many per second. */

#include "md-dial-plan.h"

#include <stdio.h>

static const char * const inputs[] = {
  "tel:+14155550100,,123456789#",
  "tel:+1-415-555-0100;ext=123",
  "+44 (0)20 7946 0987,,1234#",
  "tel:7946-0987;phone-context=+44-20",
  "sip:123456789@zoomcrc.com",
  "sips:room@Example.COM:5061;transport=tls",
  "callto://+4930123456,,,987654#",
  "tel:5550100;postd=pp123w456#",
  "tel:%2B16465558656%2C%2C84512345678%23",
  "tel:+1800WHATEVER",            /* rejected */
  "http://example.com/",           /* rejected */
  "tel:+1555%0A",                  /* rejected */
};

int
main (int    argc,
      char **argv)
{
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 1000000;
  guint n_ok = 0;
  gint64 start, elapsed_us;

  /* warm up libphonenumber's metadata outside the measured loop */
  MdDialPlan *warm_up = md_dial_plan_parse ("+44 (0)20 7946 0987", 2000, NULL);
  g_clear_object (&warm_up);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MdDialPlan) plan = md_dial_plan_parse (inputs[i % G_N_ELEMENTS (inputs)], 2000, NULL);
      n_ok += plan != NULL;
    }
  elapsed_us = g_get_monotonic_time () - start;

  printf ("dial-parse: %u strings (%u accepted) in %.3f s: %.0f strings/s\n",
          n, n_ok, elapsed_us / 1e6, n / (elapsed_us / 1e6));
  return 0;
}
