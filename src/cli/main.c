/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-cli"

#include "config.h"

#include "md-cli-commands.h"
#include "md-cli-common.h"
#include "md-i18n.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

typedef struct {
  const char *name;
  int       (*main) (int argc, char **argv);
  const char *summary;
} MdCliCommand;

static const MdCliCommand commands[] = {
  { "parse", md_cli_parse_main, N_("Show the dial plan of a link or dial string") },
  { "lookup", md_cli_lookup_main, N_("Find a meeting’s dial-in numbers and PIN") },
  { "token", md_cli_token_main, N_("Store or remove a meeting provider’s API token") },
  { "account", md_cli_account_main, N_("Add, list, remove or check SIP accounts") },
  { "call", md_cli_call_main, N_("Call a number or SIP address and run its dial plan") },
  { "listen", md_cli_listen_main, N_("Stay registered and answer incoming calls") },
  { "devices", md_cli_devices_main, N_("List the microphones and speakers calls can use") },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n%s\n",
           _("Usage: meetdial-cli COMMAND [OPTION…]"),
           _("Join meetings by phone from the terminal."));
  fprintf (out, "\n%s\n", _("Commands:"));
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “meetdial-cli COMMAND --help” for a command’s options."));
}

int
main (int    argc,
      char **argv)
{
  md_i18n_init ();

  /* stdout carries results (and --json documents); GLib's messages, debug
   * ones included, go to stderr for every command */
  g_log_writer_default_set_use_stderr (TRUE);

  if (argc < 2)
    {
      print_usage (stderr);
      return MD_CLI_EXIT_USAGE;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_usage (stdout);
      return MD_CLI_EXIT_OK;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("meetdial-cli %s\n", PACKAGE_VERSION);
      return MD_CLI_EXIT_OK;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].main (argc - 1, argv + 1);

  md_cli_print_error (argv[1], _("no such command (see “meetdial-cli --help”)"));
  return MD_CLI_EXIT_USAGE;
}
