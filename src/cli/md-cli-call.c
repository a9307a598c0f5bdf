/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-cli"

#include "config.h"

#include "md-cli-call-common.h"
#include "md-cli-call-route.h"
#include "md-cli-commands.h"
#include "md-cli-common.h"
#include "md-dial-plan.h"
#include "md-invite-reader.h"

#include <glib/gi18n.h>
#include <string.h>

typedef struct {
  MdCliSession *session;
  MdCall       *call;
  MdSipAccount *account;
  MdCliCallRoute *route;
  guint         hangup_after_s;
  guint         hangup_source;
} CallRun;

static void
on_hangup_timer (gpointer user_data)
{
  CallRun *run = user_data;

  run->hangup_source = 0;
  md_call_hangup (run->call);
}

static void
on_answered (MdCall  *call,
             CallRun *run)
{
  if (run->hangup_after_s > 0)
    run->hangup_source = g_timeout_add_once (run->hangup_after_s * 1000, on_hangup_timer, run);
}

static void
on_ended (MdCall  *call,
          CallRun *run)
{
  g_clear_handle_id (&run->hangup_source, g_source_remove);
  md_cli_session_quit (run->session);
}

static void
on_key (MdCliSession *session,
        char          key,
        gpointer      user_data)
{
  CallRun *run = user_data;

  if (!md_cli_call_route_key (run->route, key))
    md_cli_session_call_key (session, run->call, key);
}

static void
on_interrupt (CallRun *run)
{
  /* The account's password cannot be had (the session's only failure):
   * the call ends saying so. Ctrl+C: BYE (or CANCEL). "ended" then shuts
   * down. */
  const GError *failure = md_cli_session_get_failure (run->session);

  if (md_call_get_state (run->call) == MD_CALL_STATE_ENDED)
    md_cli_session_quit (run->session);
  else if (failure != NULL)
    md_call_end_for_password (run->call, failure->message);
  else
    md_call_hangup (run->call);
}

/* TARGET may be an invitation file: its preferred number's dial string. */
static char *
dial_from_invitation (const char  *path,
                      GSettings   *settings,
                      GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *country = NULL;
  g_autoptr(MdLookupResult) result = NULL;
  gsize length = 0;
  int preferred;

  /* md_invite_read() refuses what is too large to be an invitation. */
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  if (settings)
    country = g_settings_get_string (settings, "preferred-country");
  result = md_invite_read (contents, length, country && *country ? country : NULL, error);
  if (!result)
    return NULL;

  preferred = md_lookup_result_get_preferred (result);
  if (preferred < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The invitation has no number to dial"));
      return NULL;
    }

  return md_lookup_result_dup_dial (result, (guint) preferred);
}

/* A mistyped invitation file should not be read as a dial string ("“/”
 * can't be part of a phone number"): dial strings and links never hold a
 * "/" before any ":", nor end like an invitation file. */
static gboolean
looks_like_path (const char *target)
{
  const char *slash = strchr (target, '/');
  const char *colon = strchr (target, ':');
  g_autofree char *lower = g_ascii_strdown (target, -1);

  if (slash != NULL && (colon == NULL || slash < colon))
    return TRUE;
  return g_str_has_suffix (lower, ".ics") || g_str_has_suffix (lower, ".txt") ||
         g_str_has_suffix (lower, ".eml") || g_str_has_suffix (lower, ".html") ||
         g_str_has_suffix (lower, ".htm");
}

static gboolean
ended_well (MdCall *call)
{
  const char *reason = md_call_get_end_reason (call);

  return md_call_was_answered (call) &&
         (g_strcmp0 (reason, "hung up") == 0 || g_strcmp0 (reason, "hung up by far end") == 0);
}

int
md_cli_call_main (int    argc,
                  char **argv)
{
  g_autofree char *account_name = NULL;
  g_autofree char *mic = NULL;
  g_autofree char *speaker = NULL;
  g_autofree char *phone_number = NULL;
  int hangup_after = 0;
  int pause_ms = -1;
  gboolean json_events = FALSE;
  GOptionEntry entries[] = {
    { "account", 0, 0, G_OPTION_ARG_STRING, &account_name, N_("SIP account to call through"), N_("NAME") },
    { "mic", 0, 0, G_OPTION_ARG_STRING, &mic, N_("Microphone: auto, tone:FREQ, file:PATH.wav or null"), N_("SPEC") },
    { "speaker", 0, 0, G_OPTION_ARG_STRING, &speaker, N_("Speaker: auto, file:PATH.wav or null"), N_("SPEC") },
    { "hangup-after", 0, 0, G_OPTION_ARG_INT, &hangup_after, N_("Hang up this many seconds after answer"), N_("SECONDS") },
    { "pause-ms", 0, 0, G_OPTION_ARG_INT, &pause_ms, N_("Length of each pause in the dial string"), N_("MS") },
    { "phone-number", 0, 0, G_OPTION_ARG_STRING, &phone_number, N_("Your own phone, for moving the audio to it"), N_("NUMBER") },
    { "json-events", 0, 0, G_OPTION_ARG_NONE, &json_events, N_("Print one JSON object per line as things happen"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("TARGET — call a number or SIP address and run its dial plan"));
  g_autoptr(MdCliSession) session = NULL;
  g_autoptr(MdDialPlan) plan = NULL;
  g_autoptr(MdSipAccount) account = NULL;
  g_autoptr(MdCall) call = NULL;
  g_autoptr(MdCliCallRoute) route = NULL;
  g_autoptr(GError) error = NULL;
  MdCallAudio audio;
  CallRun run = { 0 };
  GSettings *settings;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!md_cli_parse_options (context, &argc, &argv))
    return MD_CLI_EXIT_USAGE;

  if (argc != 2)
    {
      md_cli_print_error ("call", _("give exactly one TARGET (see “meetdial-cli call --help”)"));
      return MD_CLI_EXIT_USAGE;
    }
  if (hangup_after < 0 || pause_ms > 60000)
    {
      md_cli_print_error ("call", _("--hangup-after must be positive and --pause-ms at most 60000"));
      return MD_CLI_EXIT_USAGE;
    }

  session = md_cli_session_new (json_events);
  settings = md_cli_session_get_settings (session);
  if (pause_ms < 0)
    pause_ms = settings ? (int) g_settings_get_uint (settings, "pause-ms") : MD_DIAL_DEFAULT_PAUSE_MS;

  if (g_file_test (argv[1], G_FILE_TEST_IS_REGULAR) || looks_like_path (argv[1]))
    {
      g_autofree char *dial = dial_from_invitation (argv[1], settings, &error);

      if (!dial)
        {
          /* GLib's message for a file that cannot be read names it. */
          md_cli_print_error (error->domain == G_FILE_ERROR ? "call" : argv[1], error->message);
          return MD_CLI_EXIT_BAD_INPUT;
        }
      plan = md_dial_plan_parse (dial, (guint) pause_ms, &error);
    }
  else
    plan = md_dial_plan_parse (argv[1], (guint) pause_ms, &error);

  if (!plan)
    {
      md_cli_print_error (argv[1], error->message);
      return MD_CLI_EXIT_BAD_INPUT;
    }

  /* A phone number needs an account; a SIP address goes direct unless one is named. */
  if (account_name || md_dial_plan_get_target_kind (plan) != MD_DIAL_TARGET_SIP)
    {
      account = md_cli_session_add_account_for_call (session, account_name, &error);
      if (!account)
        {
          md_cli_print_error ("call", error->message);
          return MD_CLI_EXIT_FAILED;
        }
    }

  run.session = session;
  run.account = account;
  run.hangup_after_s = (guint) hangup_after;
  if (account)
    md_cli_session_watch_account (session, account, FALSE);

  audio.mic_spec = mic;
  audio.speaker_spec = speaker;
  call = md_phone_dial (md_cli_session_get_phone (session), plan, account, &audio, &error);
  if (!call)
    {
      md_cli_print_error ("call", error->message);
      return MD_CLI_EXIT_FAILED;
    }
  /* GStreamer starts while the far end rings: the INVITE did not need it
   * (md_media_codec_get_offered()), and on two cores it would compete with
   * SIP's start. */
  md_phone_prepare_media (md_cli_session_get_phone (session), NULL);

  {
    g_autofree char *masked = md_dial_plan_to_masked_uri (plan);
    g_autofree char *human = g_strdup_printf (_("Dialing %s"), masked);

    md_cli_session_event (session, human, "state", "state", "dialing",
                          "reason", NULL, "target", masked, NULL);
  }

  run.call = call;
  run.route = route = md_cli_call_route_new (session, call, plan, account, phone_number);
  md_cli_session_watch_call (session, call);
  g_signal_connect (call, "answered", G_CALLBACK (on_answered), &run);
  g_signal_connect (call, "ended", G_CALLBACK (on_ended), &run);
  /* A meeting runs for an hour: the laptop may change networks meanwhile.
   * After the dial, so the INVITE does not wait for the monitor. */
  md_phone_follow_network (md_cli_session_get_phone (session));
  md_cli_session_read_keys (session, on_key, &run);
  md_cli_session_run (session, G_CALLBACK (on_interrupt), &run);

  if (account)
    g_signal_handlers_disconnect_by_data (account, session);

  if (!ended_well (call))
    {
      if (g_str_equal (md_call_get_end_reason (call), "certificate not trusted"))
        md_cli_print_certificate_error ("call", md_call_get_end_message (call));
      else
        md_cli_print_error ("call", md_call_get_end_message (call));
      return MD_CLI_EXIT_FAILED;
    }

  return MD_CLI_EXIT_OK;
}
