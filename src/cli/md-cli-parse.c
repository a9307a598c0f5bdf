/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-cli"

#include "config.h"

#include "md-cli-commands.h"
#include "md-cli-common.h"
#include "md-dial-plan.h"

#include <glib/gi18n.h>

static JsonNode *
plan_to_json (MdDialPlan *plan)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *uri = md_dial_plan_to_uri (plan);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "uri");
  json_builder_add_string_value (builder, uri);
  json_builder_set_member_name (builder, "number");
  if (md_dial_plan_get_number (plan))
    json_builder_add_string_value (builder, md_dial_plan_get_number (plan));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "sip_uri");
  if (md_dial_plan_get_sip_uri (plan))
    json_builder_add_string_value (builder, md_dial_plan_get_sip_uri (plan));
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "steps");
  json_builder_begin_array (builder);
  for (guint i = 0; i < md_dial_plan_get_n_steps (plan); i++)
    {
      const MdDialStep *step = md_dial_plan_get_step (plan, i);

      json_builder_begin_object (builder);
      switch (step->kind)
        {
        case MD_DIAL_STEP_PAUSE:
          json_builder_set_member_name (builder, "pause_ms");
          json_builder_add_int_value (builder, step->pause_ms);
          break;
        case MD_DIAL_STEP_WAIT:
          json_builder_set_member_name (builder, "wait");
          json_builder_add_boolean_value (builder, TRUE);
          break;
        case MD_DIAL_STEP_DTMF:
          json_builder_set_member_name (builder, "dtmf");
          json_builder_add_string_value (builder, step->digits);
          break;
        default:
          g_assert_not_reached ();
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
print_plan (MdDialPlan *plan)
{
  g_autofree char *uri = md_dial_plan_to_uri (plan);
  guint n_steps = md_dial_plan_get_n_steps (plan);

  if (md_dial_plan_get_sip_uri (plan))
    g_print ("%-8s %s\n", _("SIP:"), md_dial_plan_get_sip_uri (plan));
  else
    g_print ("%-8s %s\n", _("Number:"), md_dial_plan_get_number (plan));

  if (n_steps == 0)
    g_print ("%-8s %s\n", _("Then:"), _("nothing (no steps after answer)"));

  for (guint i = 0; i < n_steps; i++)
    {
      const MdDialStep *step = md_dial_plan_get_step (plan, i);
      const char *label = i == 0 ? _("Then:") : "";

      switch (step->kind)
        {
        case MD_DIAL_STEP_PAUSE:
          /* Translators: a pause after the call is answered, in seconds */
          g_print ("%-8s ", label);
          g_print (_("pause %.1f s"), step->pause_ms / 1000.0);
          g_print ("\n");
          break;
        case MD_DIAL_STEP_WAIT:
          g_print ("%-8s %s\n", label, _("wait until you say go"));
          break;
        case MD_DIAL_STEP_DTMF:
          g_print ("%-8s %s %s\n", label, _("send"), step->digits);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  g_print ("%-8s %s\n", _("Link:"), uri);
}

int
md_cli_parse_main (int    argc,
                   char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the plan as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("DIAL"));
  g_autoptr(MdDialPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context,
    _("Shows what Meetdial would dial for DIAL: a dial string or a tel:, sip:,\n"
      "sips: or callto: link. “,” is a pause, “;” a wait, then the digits to send."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!md_cli_parse_options (context, &argc, &argv))
    return MD_CLI_EXIT_USAGE;

  if (argc != 2)
    {
      md_cli_print_error ("parse", _("give exactly one dial string or link"));
      return MD_CLI_EXIT_USAGE;
    }

  plan = md_dial_plan_parse (argv[1], MD_DIAL_DEFAULT_PAUSE_MS, &error);
  if (plan == NULL)
    {
      if (json)
        md_cli_print_json_error (md_dial_error_code_name (error->code), error->message);
      md_cli_print_error ("parse", error->message);
      return MD_CLI_EXIT_BAD_INPUT;
    }

  if (json)
    md_cli_print_json (plan_to_json (plan));
  else
    print_plan (plan);

  return MD_CLI_EXIT_OK;
}
