/* SPDX-License-Identifier: GPL-3.0-or-later */
/* MdCall's hold from our side, driven by test_phone.py against a real
 * Kamailio and baresip bridge. Usage: test-call-hold REGISTRAR TARGET (a
 * dial string: its plan runs, with pauses of 1 s), the account's password
 * on the first line of stdin. With --password-later the
 * call goes before the password, which comes when the harness gives it,
 * and there is no hold. The harness reads what
 * happens on stdout ("active", "held", "resumed", "ended REASON") and says
 * when to go on with "resume" and "hangup" lines on stdin. */
#define G_LOG_DOMAIN "test-call-hold"

#include "config.h"

#include "md-phone.h"

#include <gio/gunixinputstream.h>
#include <stdio.h>

enum {
  STEP_TIMEOUT_S = 15,
};

typedef struct {
  GMainLoop        *loop;
  GDataInputStream *input;
  MdSipAccount     *account;
  MdCall           *call;
  char             *line;       /* the harness's last word, once read */
  gboolean          line_read;
  gboolean          timed_out;
} Test;

static void
say (const char *line)
{
  printf ("%s\n", line);
  fflush (stdout);
}

static void
on_timeout (gpointer user_data)
{
  Test *test = user_data;

  test->timed_out = TRUE;
  g_main_context_wakeup (NULL);
}

/* Runs the main context until @done says so, at most STEP_TIMEOUT_S. */
static gboolean
run_until (Test      *test,
           gboolean (*done) (Test *test))
{
  guint timeout = g_timeout_add_once (STEP_TIMEOUT_S * 1000, on_timeout, test);

  test->timed_out = FALSE;
  while (!done (test) && !test->timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!test->timed_out)
    g_source_remove (timeout);
  return !test->timed_out;
}

static gboolean
registration_done (Test *test)
{
  MdSipAccountState state = md_sip_account_get_state (test->account);

  return state != MD_SIP_ACCOUNT_REGISTERING && state != MD_SIP_ACCOUNT_UNREGISTERED;
}

static gboolean
is_active (Test *test)
{
  return md_call_get_state (test->call) == MD_CALL_STATE_ACTIVE ||
         md_call_get_state (test->call) == MD_CALL_STATE_ENDED;
}

static gboolean
is_ended (Test *test)
{
  return md_call_get_state (test->call) == MD_CALL_STATE_ENDED;
}

static gboolean
line_or_end (Test *test)
{
  return test->line_read || is_ended (test);
}

static void
on_line (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Test *test = user_data;

  test->line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source),
                                                          result, NULL, NULL);
  test->line_read = TRUE;
}

/* Waits for the harness's next line while the call goes on (SIP events,
 * the media's RTP timeout): the call must not end meanwhile. */
static gboolean
read_line (Test       *test,
           const char *what)
{
  g_clear_pointer (&test->line, g_free);
  test->line_read = FALSE;
  g_data_input_stream_read_line_async (test->input, G_PRIORITY_DEFAULT, NULL, on_line, test);

  /* The harness's window is shorter than our step timeout. */
  if (!run_until (test, line_or_end) || !test->line_read)
    {
      g_printerr ("the call became %s (%s) while waiting for “%s”\n",
                  md_call_state_to_string (md_call_get_state (test->call)),
                  md_call_get_end_message (test->call) ? md_call_get_end_message (test->call) : "",
                  what);
      return FALSE;
    }
  return TRUE;
}

static gboolean
expect_line (Test       *test,
             const char *word)
{
  if (!read_line (test, word))
    return FALSE;
  if (g_strcmp0 (test->line, word) != 0)
    {
      g_printerr ("expected “%s” on stdin, got “%s”\n", word, test->line ? test->line : "");
      return FALSE;
    }
  return TRUE;
}

/* The state follows at once; the re-INVITE goes out meanwhile. */
static gboolean
set_held (MdCall      *call,
          gboolean     held,
          MdCallState  want)
{
  md_call_set_held (call, held);
  if (md_call_get_state (call) == want)
    return TRUE;

  g_printerr ("state %s after set_held (%s)\n", md_call_state_to_string (md_call_get_state (call)),
              held ? "TRUE" : "FALSE");
  return FALSE;
}

static void
on_shut_down (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Test *test = user_data;

  md_phone_shutdown_finish (MD_PHONE (source), result, NULL);
  g_main_loop_quit (test->loop);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(MdPhone) phone = NULL;
  g_autoptr(MdAccount) account = NULL;
  g_autoptr(MdSipAccount) sip_account = NULL;
  g_autoptr(MdDialPlan) plan = NULL;
  g_autoptr(MdCall) call = NULL;
  g_autoptr(GInputStream) stdin_stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  MdCallAudio audio = { .mic_spec = "tone:440", .speaker_spec = "null" };
  Test test = { 0 };
  gboolean later;
  int status = 1;

  if (argc != 3 && !(argc == 4 && g_str_equal (argv[3], "--password-later")))
    {
      g_printerr ("usage: test-call-hold REGISTRAR TARGET [--password-later] < password\n");
      return 2;
    }
  later = argc == 4;

  /* stdout is for the harness */
  g_log_writer_default_set_use_stderr (TRUE);
  test.loop = g_main_loop_new (NULL, FALSE);
  stdin_stream = g_unix_input_stream_new (0, FALSE);
  test.input = g_data_input_stream_new (stdin_stream);

  account = md_account_new ("work", argv[1], "alice", NULL, "udp", NULL, &error);
  g_assert_no_error (error);
  phone = md_phone_new (NULL);
  if (later)
    {
      sip_account = md_phone_add_account_password_later (phone, account, &error);
      g_assert_no_error (error);
      test.account = sip_account;
    }
  else
    {
      password = g_data_input_stream_read_line_utf8 (test.input, NULL, NULL, NULL);
      if (!password)
        {
          g_printerr ("give the password on stdin\n");
          goto out;
        }
      sip_account = md_phone_add_account (phone, account, password, &error);
      g_assert_no_error (error);
      test.account = sip_account;
      if (!run_until (&test, registration_done) ||
          md_sip_account_get_state (sip_account) != MD_SIP_ACCOUNT_REGISTERED)
        {
          g_printerr ("not registered: %s\n", md_sip_account_get_status (sip_account));
          goto out;
        }
    }

  plan = md_dial_plan_parse (argv[2], 1000, &error);
  g_assert_no_error (error);
  call = md_phone_dial (phone, plan, sip_account, &audio, &error);
  g_assert_no_error (error);
  test.call = call;

  /* The harness gives the password once the server has challenged the
   * INVITE: the call waits for it, and the account has not registered. */
  if (later)
    {
      say ("dialing");
      if (!read_line (&test, "the password") ||
          md_sip_account_get_state (sip_account) != MD_SIP_ACCOUNT_REGISTERING)
        goto out;
      md_phone_set_account_password (phone, sip_account, test.line);
    }

  if (!run_until (&test, is_active) || md_call_get_state (call) != MD_CALL_STATE_ACTIVE)
    {
      g_printerr ("the call did not become active\n");
      goto out;
    }
  say ("active");

  if (later)
    goto hang_up;

  if (!set_held (call, TRUE, MD_CALL_STATE_HELD))
    goto out;
  say ("held");

  /* Meanwhile the harness sees the sendonly offer and lets the far end's
   * silence outlast the RTP timeout: the call must stay held. */
  if (!expect_line (&test, "resume") || md_call_get_state (call) != MD_CALL_STATE_HELD)
    goto out;

  if (!set_held (call, FALSE, MD_CALL_STATE_ACTIVE))
    goto out;
  say ("resumed");

 hang_up:
  if (!expect_line (&test, "hangup") || md_call_get_state (call) != MD_CALL_STATE_ACTIVE)
    goto out;

  md_call_hangup (call);
  if (!run_until (&test, is_ended))
    goto out;
  printf ("ended %s\n", md_call_get_end_reason (call));
  fflush (stdout);
  status = g_strcmp0 (md_call_get_end_reason (call), "hung up") == 0 ? 0 : 1;

 out:
  if (phone)
    {
      md_phone_shutdown_async (phone, NULL, on_shut_down, &test);
      g_main_loop_run (test.loop);
    }
  g_clear_object (&test.input);
  g_free (test.line);
  g_main_loop_unref (test.loop);
  return status;
}
