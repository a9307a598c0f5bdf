/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-gui"

#include "config.h"

#include "md-plan-text.h"
#include "md-phone-number.h"

#include <glib/gi18n.h>

static void
append_part (GString    *text,
             const char *part)
{
  if (text->len > 0)
    g_string_append (text, " · ");
  g_string_append (text, part);
}

char *
md_plan_text_describe (MdDialPlan *plan,
                       gboolean    reveal)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = md_dial_plan_get_n_steps (plan);
  guint pause_ms = 0;

  for (guint i = 0; i <= n; i++)
    {
      const MdDialStep *step = i < n ? md_dial_plan_get_step (plan, i) : NULL;
      g_autofree char *part = NULL;

      if (step != NULL && step->kind == MD_DIAL_STEP_PAUSE)
        {
          pause_ms += step->pause_ms;
          continue;
        }

      if (pause_ms > 0)
        {
          g_autofree char *pause = NULL;
          /* Translators: %.0f is a number of seconds */
          pause = g_strdup_printf (_("Wait %.0f s"), pause_ms / 1000.0);
          append_part (text, pause);
          pause_ms = 0;
        }

      if (step == NULL)
        break;

      if (step->kind == MD_DIAL_STEP_WAIT)
        {
          append_part (text, _("Wait until you continue"));
        }
      else if (step->kind == MD_DIAL_STEP_DTMF)
        {
          g_autoptr(GString) digits = g_string_new (NULL);

          for (const char *d = step->digits; *d != '\0'; d++)
            {
              if (reveal)
                g_string_append_c (digits, *d);
              else
                g_string_append (digits, "•");
            }
          /* Translators: %s are the touch-tone digits, e.g. a PIN */
          part = g_strdup_printf (_("Send %s"), digits->str);
          append_part (text, part);
        }
    }

  if (text->len == 0)
    return g_strdup (_("Nothing"));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
md_plan_text_dup_target (MdDialPlan *plan)
{
  switch (md_dial_plan_get_target_kind (plan))
    {
    case MD_DIAL_TARGET_SIP:
      return g_strdup (md_dial_plan_get_sip_uri (plan));
    case MD_DIAL_TARGET_E164:
      return md_plan_text_dup_number (md_dial_plan_get_number (plan));
    case MD_DIAL_TARGET_LOCAL:
    default:
      return g_strdup (md_dial_plan_get_number (plan));
    }
}

char *
md_plan_text_dup_number (const char *number)
{
  g_return_val_if_fail (number != NULL, NULL);

  return number[0] == '+' ? md_phone_number_format (number) : g_strdup (number);
}
