/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-cli"

#include "config.h"

#include "md-cli-commands.h"
#include "md-cli-common.h"
#include "md-provider.h"
#include "md-remote-lookup.h"
#include "md-secret-store.h"

#include <gio/gunixinputstream.h>
#include <glib/gi18n.h>

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;
  *out = g_object_ref (result);
}

static int
store_token (MdProvider provider)
{
  g_autoptr(GInputStream) stdin_stream = g_unix_input_stream_new (0, FALSE);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MdSecret) token = md_secret_read_from_stream (stdin_stream, &error);

  if (token == NULL)
    {
      md_cli_print_error ("token", error->message);
      return MD_CLI_EXIT_BAD_INPUT;
    }

  md_secret_store_save_async (MD_SECRET_PROVIDER_TOKEN, md_provider_to_string (provider),
                              token, NULL, on_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  if (!md_secret_store_save_finish (result, &error))
    {
      md_cli_print_error ("token", error->message);
      return MD_CLI_EXIT_FAILED;
    }

  g_print (_("Stored the %s API token in the keyring.\n"), md_provider_display_name (provider));
  return MD_CLI_EXIT_OK;
}

static int
clear_token (MdProvider provider)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  md_secret_store_clear_async (MD_SECRET_PROVIDER_TOKEN, md_provider_to_string (provider),
                               NULL, on_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  if (!md_secret_store_clear_finish (result, &error))
    {
      md_cli_print_error ("token", error->message);
      return MD_CLI_EXIT_FAILED;
    }

  g_print (_("Removed the %s API token from the keyring.\n"), md_provider_display_name (provider));
  return MD_CLI_EXIT_OK;
}

int
md_cli_token_main (int    argc,
                   char **argv)
{
  gboolean token_stdin = FALSE;
  GOptionEntry entries[] = {
    { "token-stdin", 0, 0, G_OPTION_ARG_NONE, &token_stdin,
      N_("Read the token from standard input (one line)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("set|clear whereby|daily|webex — keep a provider’s API token "
                            "in the keyring"));
  MdProvider provider;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Tokens are never taken as arguments: “token set” reads one line from standard "
      "input and stores it in the Secret Service."));
  if (!md_cli_parse_options (context, &argc, &argv))
    return MD_CLI_EXIT_USAGE;

  if (argc != 3 || (!g_str_equal (argv[1], "set") && !g_str_equal (argv[1], "clear")))
    {
      md_cli_print_error ("token", _("use “token set PROVIDER --token-stdin” or "
                                     "“token clear PROVIDER”"));
      return MD_CLI_EXIT_USAGE;
    }

  if (!md_provider_from_string (argv[2], &provider) || !md_remote_lookup_supports (provider))
    {
      md_cli_print_error ("token", _("PROVIDER must be whereby, daily or webex"));
      return MD_CLI_EXIT_USAGE;
    }

  if (g_str_equal (argv[1], "clear"))
    return clear_token (provider);

  if (!token_stdin)
    {
      md_cli_print_error ("token", _("tokens are read only from standard input: "
                                     "add --token-stdin"));
      return MD_CLI_EXIT_USAGE;
    }
  return store_token (provider);
}
