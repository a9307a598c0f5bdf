/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-cli"

#include "config.h"

#include "md-account.h"
#include "md-cli-call-common.h"
#include "md-cli-commands.h"
#include "md-cli-common.h"
#include "md-secret-store.h"
#include "md-settings.h"

#include <gio/gunixinputstream.h>
#include <glib/gi18n.h>

enum {
  CHECK_TIMEOUT_S = 40,   /* longer than a SIP transaction's 32 s */
};

typedef struct {
  GMainLoop    *loop;
  GAsyncResult *result;
} Wait;

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
  g_main_loop_quit (wait->loop);
}

static GSettings *
settings_or_error (void)
{
  g_autoptr(GError) error = NULL;
  GSettings *settings = md_settings_dup (&error);

  if (!settings)
    md_cli_print_error ("account", error->message);
  return settings;
}

static int
account_add (int    argc,
             char **argv)
{
  g_autofree char *server = NULL;
  g_autofree char *user = NULL;
  g_autofree char *auth_user = NULL;
  g_autofree char *outbound_proxy = NULL;
  g_autofree char *international_prefix = NULL;
  g_autofree char *domain = NULL;
  g_autofree char *transport = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *ca_file = NULL;
  gboolean password_stdin = FALSE;
  gboolean no_register = FALSE;
  GOptionEntry entries[] = {
    { "server", 0, 0, G_OPTION_ARG_STRING, &server, N_("Registrar, and proxy when there is no outbound proxy"), N_("HOST[:PORT]") },
    { "outbound-proxy", 0, 0, G_OPTION_ARG_STRING, &outbound_proxy, N_("Send every request through this proxy, when the provider names one"), N_("HOST[:PORT]") },
    { "user", 0, 0, G_OPTION_ARG_STRING, &user, N_("SIP user name"), N_("USER") },
    { "auth-user", 0, 0, G_OPTION_ARG_STRING, &auth_user, N_("Name to sign in with, when the provider gives one apart from the user (an “auth ID”)"), N_("NAME") },
    { "domain", 0, 0, G_OPTION_ARG_STRING, &domain, N_("SIP domain (default: the server’s host)"), N_("DOMAIN") },
    { "transport", 0, 0, G_OPTION_ARG_STRING, &transport, N_("udp, tcp or tls"), N_("TRANSPORT") },
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &ca_file, N_("TLS: also trust the CA certificate in this PEM file"), N_("PATH") },
    { "international-prefix", 0, 0, G_OPTION_ARG_STRING, &international_prefix, N_("Dial these digits in place of the “+” of international numbers, for providers that refuse “+”"), N_("DIGITS") },
    { "display-name", 0, 0, G_OPTION_ARG_STRING, &display_name, N_("Name shown to the people you call"), N_("TEXT") },
    { "no-register", 0, 0, G_OPTION_ARG_NONE, &no_register, N_("Only call out: do not register, so calls to the account do not ring here (for a provider that keeps one registration, which a desk phone holds)"), NULL },
    { "password-stdin", 0, 0, G_OPTION_ARG_NONE, &password_stdin, N_("Read the password from standard input"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("NAME — add or replace a SIP account"));
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(MdAccount) account = NULL;
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(MdSecret) password = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  Wait wait = { 0 };
  gboolean saved;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!md_cli_parse_options (context, &argc, &argv))
    return MD_CLI_EXIT_USAGE;

  if (argc != 2 || !server || !user)
    {
      md_cli_print_error ("account add", _("give NAME, --server and --user (see --help)"));
      return MD_CLI_EXIT_USAGE;
    }
  if (!password_stdin)
    {
      md_cli_print_error ("account add",
                          _("the password is read only from standard input: add --password-stdin"));
      return MD_CLI_EXIT_USAGE;
    }

  account = md_account_new (argv[1], server, user, domain, transport, display_name, &error);
  if (!account || !md_account_set_auth_user (account, auth_user, &error) ||
      !md_account_set_outbound_proxy (account, outbound_proxy, &error) ||
      !md_account_set_international_prefix (account, international_prefix, &error) ||
      !md_account_set_ca_file (account, ca_file, &error))
    {
      md_cli_print_error ("account add", error->message);
      return MD_CLI_EXIT_BAD_INPUT;
    }
  md_account_set_registers (account, !no_register);

  settings = settings_or_error ();
  if (!settings)
    return MD_CLI_EXIT_FAILED;

  in = g_unix_input_stream_new (0, FALSE);
  password = md_secret_read_from_stream (in, &error);
  if (!password)
    {
      md_cli_print_error ("account add", error->message);
      return MD_CLI_EXIT_BAD_INPUT;
    }

  loop = g_main_loop_new (NULL, FALSE);
  wait.loop = loop;
  md_secret_store_save_async (MD_SECRET_SIP_PASSWORD, argv[1], password, NULL, on_done, &wait);
  g_main_loop_run (loop);
  saved = md_secret_store_save_finish (wait.result, &error);
  g_object_unref (wait.result);
  if (!saved)
    {
      md_cli_print_error ("account add", error->message);
      return MD_CLI_EXIT_FAILED;
    }

  if (!md_account_list_save (settings, account, &error))
    {
      md_cli_print_error ("account add", error->message);
      return MD_CLI_EXIT_FAILED;
    }

  g_print (_("Account %s added\n"), argv[1]);
  return MD_CLI_EXIT_OK;
}

static int
account_list (int    argc,
              char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("— list the SIP accounts"));
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GPtrArray) accounts = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!md_cli_parse_options (context, &argc, &argv))
    return MD_CLI_EXIT_USAGE;

  settings = settings_or_error ();
  if (!settings)
    return MD_CLI_EXIT_FAILED;

  accounts = md_account_list_load (settings);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < accounts->len; i++)
        {
          MdAccount *account = accounts->pdata[i];

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, md_account_get_name (account));
          json_builder_set_member_name (builder, "server");
          json_builder_add_string_value (builder, md_account_get_server (account));
          json_builder_set_member_name (builder, "outbound_proxy");
          json_builder_add_string_value (builder, md_account_get_outbound_proxy (account));
          json_builder_set_member_name (builder, "user");
          json_builder_add_string_value (builder, md_account_get_user (account));
          json_builder_set_member_name (builder, "auth_user");
          json_builder_add_string_value (builder, md_account_get_auth_user (account));
          json_builder_set_member_name (builder, "domain");
          json_builder_add_string_value (builder, md_account_get_domain (account));
          json_builder_set_member_name (builder, "transport");
          json_builder_add_string_value (builder, md_account_get_transport (account));
          json_builder_set_member_name (builder, "display_name");
          json_builder_add_string_value (builder, md_account_get_display_name (account));
          json_builder_set_member_name (builder, "international_prefix");
          json_builder_add_string_value (builder, md_account_get_international_prefix (account));
          json_builder_set_member_name (builder, "register");
          json_builder_add_boolean_value (builder, md_account_get_registers (account));
          json_builder_set_member_name (builder, "ca_file");
          json_builder_add_string_value (builder, md_account_get_ca_file (account));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      md_cli_print_json (json_builder_get_root (builder));
      return MD_CLI_EXIT_OK;
    }

  if (accounts->len == 0)
    g_print ("%s\n", _("No SIP accounts (add one with “meetdial-cli account add”)"));

  for (guint i = 0; i < accounts->len; i++)
    {
      MdAccount *account = accounts->pdata[i];

      g_print ("%-16s %s@%s (%s)", md_account_get_name (account),
               md_account_get_user (account), md_account_get_server (account),
               md_account_get_transport (account));
      if (*md_account_get_auth_user (account))
        /* TRANSLATORS: after an account in "meetdial-cli account list" */
        g_print (_(", signs in as %s"), md_account_get_auth_user (account));
      if (*md_account_get_outbound_proxy (account))
        /* TRANSLATORS: after an account in "meetdial-cli account list":
         * the outbound proxy its requests go through */
        g_print (_(", through %s"), md_account_get_outbound_proxy (account));
      if (*md_account_get_international_prefix (account))
        /* TRANSLATORS: after an account in "meetdial-cli account list":
         * the digits it dials in place of the "+" of a number */
        g_print (_(", dials + as %s"), md_account_get_international_prefix (account));
      if (!md_account_get_registers (account))
        /* TRANSLATORS: after an account in "meetdial-cli account list":
         * it does not register */
        g_print ("%s", _(", calls out only"));
      g_print ("\n");
    }

  return MD_CLI_EXIT_OK;
}

static int
account_remove (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("NAME — remove a SIP account and its password"));
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  Wait wait = { 0 };
  gboolean cleared;

  if (!md_cli_parse_options (context, &argc, &argv))
    return MD_CLI_EXIT_USAGE;
  if (argc != 2)
    {
      md_cli_print_error ("account remove", _("give the NAME of the account"));
      return MD_CLI_EXIT_USAGE;
    }

  settings = settings_or_error ();
  if (!settings)
    return MD_CLI_EXIT_FAILED;

  if (!md_account_list_remove (settings, argv[1], &error))
    {
      md_cli_print_error ("account remove", error->message);
      return MD_CLI_EXIT_FAILED;
    }

  loop = g_main_loop_new (NULL, FALSE);
  wait.loop = loop;
  md_secret_store_clear_async (MD_SECRET_SIP_PASSWORD, argv[1], NULL, on_done, &wait);
  g_main_loop_run (loop);
  cleared = md_secret_store_clear_finish (wait.result, &error);
  g_object_unref (wait.result);
  if (!cleared)
    {
      md_cli_print_error ("account remove", error->message);
      return MD_CLI_EXIT_FAILED;
    }

  g_print (_("Account %s removed\n"), argv[1]);
  return MD_CLI_EXIT_OK;
}

static void
on_check_state (MdSipAccount *account,
                GParamSpec   *pspec,
                MdCliSession *session)
{
  if (md_sip_account_get_state (account) != MD_SIP_ACCOUNT_REGISTERING)
    md_cli_session_quit (session);
}

/* Kept (quitting twice does nothing), so the caller's removal of it is
 * right whether it has run or not. */
static gboolean
on_check_timeout (gpointer user_data)
{
  md_cli_session_quit (user_data);
  return G_SOURCE_CONTINUE;
}

static int
account_check (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("NAME — register once and show the registrar’s answer"));
  g_autoptr(MdCliSession) session = NULL;
  g_autoptr(MdSipAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  MdSipAccountState state;
  guint timeout;

  if (!md_cli_parse_options (context, &argc, &argv))
    return MD_CLI_EXIT_USAGE;
  if (argc != 2)
    {
      md_cli_print_error ("account check", _("give the NAME of the account"));
      return MD_CLI_EXIT_USAGE;
    }

  session = md_cli_session_new (FALSE);
  account = md_cli_session_add_account (session, argv[1], TRUE, &error);
  if (!account)
    {
      md_cli_print_error ("account check", error->message);
      return MD_CLI_EXIT_FAILED;
    }

  g_signal_connect (account, "notify::state", G_CALLBACK (on_check_state), session);
  timeout = g_timeout_add_seconds (CHECK_TIMEOUT_S, on_check_timeout, session);
  md_cli_session_run (session, NULL, NULL);
  g_source_remove (timeout);
  g_signal_handlers_disconnect_by_data (account, session);

  state = md_sip_account_get_state (account);
  if (state == MD_SIP_ACCOUNT_REGISTERED)
    {
      g_print (_("Account %s registered\n"), argv[1]);
      return MD_CLI_EXIT_OK;
    }

  {
    g_autofree char *why = NULL;

    if (state == MD_SIP_ACCOUNT_WRONG_PASSWORD)
      why = g_strdup_printf (_("the server refused the password (%s)"), md_sip_account_get_status (account));
    else if (state == MD_SIP_ACCOUNT_CERTIFICATE_FAILED)
      {
        md_cli_print_account_certificate_error (argv[1], account);
        return MD_CLI_EXIT_FAILED;
      }
    else if (state == MD_SIP_ACCOUNT_REGISTERING)
      why = g_strdup (_("the registrar did not answer"));
    else
      why = g_strdup_printf (_("registration failed (%s)"), md_sip_account_get_status (account));
    md_cli_print_error (argv[1], why);
  }
  return MD_CLI_EXIT_FAILED;
}

int
md_cli_account_main (int    argc,
                     char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return account_add (argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return account_list (argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "remove"))
    return account_remove (argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "check"))
    return account_check (argc - 1, argv + 1);

  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print ("%s\n", _("Usage: meetdial-cli account add|list|remove|check …"));
      return MD_CLI_EXIT_OK;
    }

  md_cli_print_error ("account", _("use add, list, remove or check (see “meetdial-cli account --help”)"));
  return MD_CLI_EXIT_USAGE;
}
