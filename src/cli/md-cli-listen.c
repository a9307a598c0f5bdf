/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-cli"

#include "config.h"

#include "md-cli-call-common.h"
#include "md-cli-call-route.h"
#include "md-cli-commands.h"
#include "md-cli-common.h"

#include <glib/gi18n.h>

typedef struct {
  MdCliSession   *session;
  MdSipAccount   *account;
  const char     *phone_number;  /* --phone-number, or NULL: the setting */
  MdCall         *call;          /* the one ringing or in progress */
  MdCliCallRoute *route;         /* moves @call's audio to a phone and back */
  gboolean        auto_answer;
} ListenRun;

static void
on_call_ended (MdCall    *call,
               ListenRun *run)
{
  if (run->call != call)
    return;
  g_clear_pointer (&run->route, md_cli_call_route_free);
  g_clear_object (&run->call);
}

static void
on_incoming_call (MdPhone   *phone,
                  MdCall    *call,
                  ListenRun *run)
{
  g_autofree char *human = NULL;

  if (run->call)
    {
      /* One call at a time: a second caller hears "declined". */
      md_call_hangup (call);
      return;
    }

  run->call = g_object_ref (call);
  {
    g_autoptr(MdDialPlan) plan = md_call_dup_dial_plan (call);

    /* Before on_call_ended: the route lets go of a phone leg first. */
    run->route = md_cli_call_route_new (run->session, call, plan, run->account,
                                        run->phone_number);
  }
  md_cli_session_watch_call (run->session, call);
  g_signal_connect (call, "ended", G_CALLBACK (on_call_ended), run);

  human = g_strdup_printf (_("Incoming call from %s (a answers, d declines)"),
                           md_call_get_remote_uri (call));
  md_cli_session_event (run->session, human, "incoming",
                        "from", md_call_get_remote_uri (call), NULL);

  if (run->auto_answer)
    md_call_answer (call, NULL);
}

static void
on_key (MdCliSession *session,
        char          key,
        gpointer      user_data)
{
  ListenRun *run = user_data;

  if (!run->call)
    return;

  if (md_call_get_state (run->call) == MD_CALL_STATE_RINGING && md_call_is_incoming (run->call))
    {
      if (key == 'a')
        md_call_answer (run->call, NULL);
      else if (key == 'd')
        md_call_hangup (run->call);
      return;
    }

  if (!md_cli_call_route_key (run->route, key))
    md_cli_session_call_key (session, run->call, key);
}

static void
on_interrupt (ListenRun *run)
{
  if (run->call)
    md_call_hangup (run->call);
  md_cli_session_quit (run->session);
}

int
md_cli_listen_main (int    argc,
                    char **argv)
{
  g_autofree char *account_name = NULL;
  g_autofree char *mic = NULL;
  g_autofree char *speaker = NULL;
  g_autofree char *phone_number = NULL;
  gboolean auto_answer = FALSE;
  gboolean json_events = FALSE;
  GOptionEntry entries[] = {
    { "account", 0, 0, G_OPTION_ARG_STRING, &account_name, N_("SIP account to receive calls on"), N_("NAME") },
    { "auto-answer", 0, 0, G_OPTION_ARG_NONE, &auto_answer, N_("Answer every call at once"), NULL },
    { "mic", 0, 0, G_OPTION_ARG_STRING, &mic, N_("Microphone: auto, tone:FREQ, file:PATH.wav or null"), N_("SPEC") },
    { "speaker", 0, 0, G_OPTION_ARG_STRING, &speaker, N_("Speaker: auto, file:PATH.wav or null"), N_("SPEC") },
    { "phone-number", 0, 0, G_OPTION_ARG_STRING, &phone_number, N_("Your own phone, for moving the audio to it"), N_("NUMBER") },
    { "json-events", 0, 0, G_OPTION_ARG_NONE, &json_events, N_("Print one JSON object per line as things happen"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("— stay registered and ring on incoming calls"));
  g_autoptr(MdCliSession) session = NULL;
  g_autoptr(MdSipAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  ListenRun run = { 0 };
  MdCallAudio audio;
  MdSipAccountState state;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!md_cli_parse_options (context, &argc, &argv))
    return MD_CLI_EXIT_USAGE;
  if (argc != 1)
    {
      md_cli_print_error ("listen", _("takes no arguments (see “meetdial-cli listen --help”)"));
      return MD_CLI_EXIT_USAGE;
    }

  session = md_cli_session_new (json_events);
  run.session = session;
  run.phone_number = phone_number;
  run.auto_answer = auto_answer;

  audio.mic_spec = mic;
  audio.speaker_spec = speaker;
  md_phone_set_incoming_audio (md_cli_session_get_phone (session), &audio);
  g_signal_connect (md_cli_session_get_phone (session), "incoming-call",
                    G_CALLBACK (on_incoming_call), &run);

  account = md_cli_session_add_account (session, account_name, FALSE, &error);
  if (!account)
    {
      md_cli_print_error ("listen", error->message);
      return MD_CLI_EXIT_FAILED;
    }
  run.account = account;
  /* It stays up for hours: a laptop changes networks meanwhile. */
  md_phone_follow_network (md_cli_session_get_phone (session));
  md_cli_session_watch_account (session, account, TRUE);

  md_cli_session_read_keys (session, on_key, &run);
  md_cli_session_run (session, G_CALLBACK (on_interrupt), &run);

  g_signal_handlers_disconnect_by_data (account, session);
  g_signal_handlers_disconnect_by_data (md_cli_session_get_phone (session), &run);
  g_clear_pointer (&run.route, md_cli_call_route_free);
  g_clear_object (&run.call);

  state = md_sip_account_get_state (account);
  if (state == MD_SIP_ACCOUNT_WRONG_PASSWORD)
    {
      md_cli_print_error ("listen", _("the server refused the SIP password"));
      return MD_CLI_EXIT_FAILED;
    }
  if (state == MD_SIP_ACCOUNT_CERTIFICATE_FAILED)
    {
      md_cli_print_account_certificate_error ("listen", account);
      return MD_CLI_EXIT_FAILED;
    }

  return MD_CLI_EXIT_OK;
}
