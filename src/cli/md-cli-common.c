/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-cli"

#include "config.h"

#include "md-cli-common.h"

#include "md-sip-certificate.h"

#include <glib/gi18n.h>
#include <stdio.h>

void
md_cli_print_error (const char *what,
                    const char *why)
{
  g_printerr ("meetdial-cli: %s: %s\n", what, why);
}

void
md_cli_print_certificate_error (const char *what,
                                const char *why)
{
  md_cli_print_error (what, why);
  if (md_sip_certificate_wants_authority (why))
    g_printerr ("%s\n", _("A server with a certificate of a private certificate authority "
                        "needs that authority’s certificate: give it with "
                        "“meetdial-cli account add … --ca-file PATH”."));
}

void
md_cli_print_json (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, FALSE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
  json_node_unref (root);
}

void
md_cli_print_json_error (const char *code,
                         const char *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  md_cli_print_json (json_builder_get_root (builder));
}

gboolean
md_cli_parse_options (GOptionContext *context,
                      int            *argc,
                      char         ***argv)
{
  g_autoptr(GError) error = NULL;

  if (g_option_context_parse (context, argc, argv, &error))
    return TRUE;

  md_cli_print_error ((*argv)[0], error->message);
  return FALSE;
}
