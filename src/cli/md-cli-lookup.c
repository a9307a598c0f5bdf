/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-cli"

#include "config.h"

#include "md-cli-commands.h"
#include "md-cli-common.h"
#include "md-invite-reader.h"
#include "md-lookup-error.h"
#include "md-remote-lookup.h"
#include "md-secret-store.h"
#include "md-settings.h"

#include <gio/gunixinputstream.h>
#include <glib/gi18n.h>
#include <string.h>

/* The country whose numbers are preferred: the setting, else the locale's. */
static char *
dup_default_country (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = md_settings_dup (&error);
  const char * const *languages;

  if (settings != NULL)
    {
      g_autofree char *country = g_settings_get_string (settings, "preferred-country");
      if (country != NULL && strlen (country) == 2)
        return g_ascii_strup (country, -1);
    }
  else
    g_debug ("%s", error->message);

  /* "de_CH.UTF-8" → "CH" */
  languages = g_get_language_names ();
  for (guint i = 0; languages[i] != NULL; i++)
    {
      const char *underscore = strchr (languages[i], '_');

      if (underscore != NULL && g_ascii_isalpha (underscore[1]) && g_ascii_isalpha (underscore[2]))
        return g_ascii_strup (underscore + 1, 2);
    }
  return NULL;
}

static GBytes *
read_input (const char  *path,
            GError     **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) memory = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_str_equal (path, "-"))
    {
      if (!g_file_get_contents (path, &contents, &length, error))
        return NULL;
      return g_bytes_new_take (contents, length);
    }

  stream = g_unix_input_stream_new (0, FALSE);
  memory = g_memory_output_stream_new_resizable ();
  if (g_output_stream_splice (memory, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                              NULL, error) < 0)
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

static void
on_async_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;
  *out = g_object_ref (result);
}

/* Asks the provider's API, with the token from the keyring. */
static MdLookupResult *
lookup_remote (MdProvider   provider,
               const char  *reference,
               const char  *country,
               GError     **error)
{
  g_autoptr(GAsyncResult) async_result = NULL;
  g_autoptr(MdSecret) token = NULL;

  md_secret_store_lookup_async (MD_SECRET_PROVIDER_TOKEN, md_provider_to_string (provider),
                                NULL, on_async_done, &async_result);
  while (async_result == NULL)
    g_main_context_iteration (NULL, TRUE);
  token = md_secret_store_lookup_finish (async_result, error);
  g_clear_object (&async_result);

  if (token == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_NO_TOKEN,
                     _("No %s API token is stored; add one with "
                       "“meetdial-cli token set %s --token-stdin”"),
                     md_provider_display_name (provider), md_provider_to_string (provider));
      else if (error != NULL && (*error)->domain != MD_LOOKUP_ERROR)
        {
          /* The keyring could not be asked: as good as having no token. */
          GError *keyring_error = *error;
          *error = g_error_new (MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_NO_TOKEN, "%s",
                                keyring_error->message);
          g_error_free (keyring_error);
        }
      return NULL;
    }

  md_remote_lookup_async (provider, reference, token, country, NULL, on_async_done, &async_result);
  while (async_result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return md_remote_lookup_finish (async_result, error);
}

static void
print_result (MdLookupResult *result)
{
  const char *title = md_lookup_result_get_title (result);
  const char *pin = md_lookup_result_get_pin (result);
  const char *passcode = md_lookup_result_get_passcode (result);
  const char *sip_uri = md_lookup_result_get_sip_uri (result);
  int preferred = md_lookup_result_get_preferred (result);

  g_print ("%-10s %s\n", _("Provider:"),
           md_provider_display_name (md_lookup_result_get_provider (result)));
  if (title != NULL)
    g_print ("%-10s %s\n", _("Title:"), title);
  g_print ("%-10s %s\n", _("PIN:"), pin != NULL ? pin : _("none"));
  if (passcode != NULL)
    g_print ("%-10s %s\n", _("Passcode:"), passcode);
  if (sip_uri != NULL)
    g_print ("%-10s %s\n", _("SIP:"), sip_uri);

  g_print ("%s\n", _("Numbers (* = preferred):"));
  for (guint i = 0; i < md_lookup_result_get_n_dial_ins (result); i++)
    {
      MdDialIn *dial_in = md_lookup_result_get_dial_in (result, i);
      g_autofree char *dial = md_lookup_result_dup_dial (result, i);
      const char *label = md_dial_in_get_label (dial_in);
      const char *country = md_dial_in_get_country (dial_in);

      g_print ("%s %-16s %-2s %-9s %s\n", (int) i == preferred ? "*" : " ",
               md_dial_in_get_number (dial_in), country != NULL ? country : "",
               md_dial_in_get_toll_free (dial_in) ? _("toll-free") : "", dial);
      if (label != NULL)
        g_print ("  %s\n", label);
    }
}

static int
report_error (const char *what,
              GError     *error,
              gboolean    json)
{
  const char *code = error->domain == MD_LOOKUP_ERROR
                     ? md_lookup_error_code_name (error->code) : "bad-input";

  md_cli_print_error (what, error->message);
  if (json)
    md_cli_print_json_error (code, error->message);

  if (error->domain != MD_LOOKUP_ERROR || error->code == MD_LOOKUP_ERROR_BAD_INPUT)
    return MD_CLI_EXIT_BAD_INPUT;
  return MD_CLI_EXIT_FAILED;
}

int
md_cli_lookup_main (int    argc,
                    char **argv)
{
  g_autofree char *provider_name = NULL;
  g_autofree char *country = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "provider", 0, 0, G_OPTION_ARG_STRING, &provider_name,
      N_("Look up by the provider’s own meeting ID (whereby, daily, webex)"), "P" },
    { "country", 0, 0, G_OPTION_ARG_STRING, &country,
      N_("Prefer numbers of this country (ISO code such as US or DE)"), "CC" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON document"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("[FILE | URL | -] — find a meeting’s dial-in numbers and PIN"));
  g_autoptr(GError) error = NULL;
  g_autoptr(MdLookupResult) result = NULL;
  const char *input;
  MdProvider provider;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("FILE or “-” (standard input) holds an invitation: text, an e-mail, HTML or an "
      ".ics file. A Whereby, Daily or Webex meeting link is looked up with the "
      "provider’s API, using the token stored with “meetdial-cli token set”."));
  if (!md_cli_parse_options (context, &argc, &argv))
    return MD_CLI_EXIT_USAGE;

  if (argc != 2)
    {
      md_cli_print_error ("lookup", provider_name != NULL
                          ? _("give exactly one meeting ID after --provider")
                          : _("give exactly one FILE, URL or “-”"));
      return MD_CLI_EXIT_USAGE;
    }
  input = argv[1];

  if (country != NULL)
    {
      if (strlen (country) != 2 || !g_ascii_isalpha (country[0]) || !g_ascii_isalpha (country[1]))
        {
          md_cli_print_error ("lookup", _("--country needs a two-letter country code such as US"));
          return MD_CLI_EXIT_USAGE;
        }
      char *upper = g_ascii_strup (country, -1);

      g_free (country);
      country = upper;
    }
  else
    country = dup_default_country ();

  if (provider_name != NULL)
    {
      if (!md_provider_from_string (provider_name, &provider) || !md_remote_lookup_supports (provider))
        {
          md_cli_print_error ("lookup", _("--provider must be whereby, daily or webex"));
          return MD_CLI_EXIT_USAGE;
        }
      result = lookup_remote (provider, input, country, &error);
    }
  else if (md_remote_lookup_parse_link (input, &provider))
    result = lookup_remote (provider, input, country, &error);
  else if (g_str_has_prefix (input, "https://") || g_str_has_prefix (input, "http://"))
    g_set_error (&error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_BAD_INPUT,
                 _("Only Whereby, Daily and Webex links can be looked up; for other "
                   "meetings give the invitation text (a file or “-”)"));
  else
    {
      g_autoptr(GBytes) bytes = read_input (input, &error);

      /* GLib's message names the file already. */
      if (bytes == NULL)
        return report_error ("lookup", error, json);
      result = md_invite_read (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                               country, &error);
    }

  if (result == NULL)
    return report_error (input, error, json);

  if (json)
    md_cli_print_json (md_lookup_result_to_json (result));
  else
    print_result (result);
  return MD_CLI_EXIT_OK;
}
