/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-cli"

#include "config.h"

#include "md-cli-call-common.h"

#include "md-account-status.h"
#include "md-cli-common.h"
#include "md-secret-store.h"
#include "md-settings.h"

#include <gio/gunixinputstream.h>
#include <glib-unix.h>
#include <glib/gi18n.h>
#include <stdio.h>

struct _MdCliSession
{
  gboolean       json_events;
  gint64         start_us;
  GMainLoop     *loop;
  GSettings     *settings;
  MdPhone       *phone;
  GInputStream  *stdin_stream;
  GCancellable  *cancellable;
  MdCliKeyFunc   key_func;
  gpointer       key_data;
  GCallback      on_interrupt;
  gpointer       interrupt_data;
  MdSipAccount  *early_account;   /* its password still being looked up */
  GError        *failure;         /* what ended the session, if not the call */
  gboolean       quitting;
  gboolean       quit_on_final_failure;
  gboolean       tones_line;      /* "Touch tones sent: •••" goes on */
  guint          sigint_source;
  guint          sigterm_source;
};

MdCliSession *
md_cli_session_new (gboolean json_events)
{
  MdCliSession *session = g_new0 (MdCliSession, 1);
  g_autoptr(GError) error = NULL;

  session->json_events = json_events;
  session->start_us = g_get_monotonic_time ();
  session->loop = g_main_loop_new (NULL, FALSE);
  session->cancellable = g_cancellable_new ();
  /* The phone first: it starts SIP's library while the settings are read. */
  session->phone = md_phone_new (NULL);
  session->settings = md_settings_dup (&error);
  if (!session->settings)
    g_debug ("Using built-in defaults: %s", error->message);
  md_phone_set_settings (session->phone, session->settings);
  return session;
}

void
md_cli_session_free (MdCliSession *session)
{
  g_cancellable_cancel (session->cancellable);
  g_clear_handle_id (&session->sigint_source, g_source_remove);
  g_clear_handle_id (&session->sigterm_source, g_source_remove);
  g_clear_object (&session->early_account);
  g_clear_error (&session->failure);
  g_clear_object (&session->phone);
  g_clear_object (&session->settings);
  g_clear_object (&session->stdin_stream);
  g_clear_object (&session->cancellable);
  g_main_loop_unref (session->loop);
  g_free (session);
}

GSettings *
md_cli_session_get_settings (MdCliSession *session)
{
  return session->settings;
}

MdPhone *
md_cli_session_get_phone (MdCliSession *session)
{
  return session->phone;
}

typedef struct {
  GMainLoop    *loop;
  GAsyncResult *result;
} SyncWait;

static void
on_password (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SyncWait *wait = user_data;

  wait->result = g_object_ref (result);
  g_main_loop_quit (wait->loop);
}

/* The account named, or the default one. */
static MdAccount *
find_account (MdCliSession  *session,
              const char    *name,
              GError       **error)
{
  g_autofree char *default_name = NULL;

  if (!session->settings)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The settings schema is not installed, so no account is known (run “meson install”, or use “meson devenv”)"));
      return NULL;
    }

  if (!name)
    {
      g_autoptr(GPtrArray) accounts = md_account_list_load (session->settings);

      default_name = g_settings_get_string (session->settings, "default-account");
      if (!*default_name && accounts->len > 0)
        {
          g_free (default_name);
          default_name = g_strdup (md_account_get_name (accounts->pdata[0]));
        }
      if (!*default_name)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("There is no SIP account (add one with “meetdial-cli account add”)"));
          return NULL;
        }
      name = default_name;
    }

  return md_account_list_find (session->settings, name, error);
}

/* SIP starts, and GStreamer in a thread of its own, while the password is
 * looked up. */
static gboolean
start_phone_for (MdCliSession  *session,
                 MdAccount     *account,
                 GError       **error)
{
  g_autofree char *host = md_account_dup_first_hop_host (account);

  return md_phone_start (session->phone, host, error) &&
         md_phone_prepare_media (session->phone, error);
}

/* Whether a password was found; if not, the error to give in its place. */
static gboolean
check_password (const char    *name,
                const char    *password,
                const GError  *lookup_error,
                GError       **error)
{
  if (lookup_error)
    g_set_error (error, lookup_error->domain, lookup_error->code,
                 _("The password of account “%s” cannot be read: %s"), name, lookup_error->message);
  else if (!password)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("No password is stored for account “%s” (add the account again with --password-stdin)"),
                 name);
  return password != NULL;
}

MdSipAccount *
md_cli_session_add_account (MdCliSession  *session,
                            const char    *name,
                            gboolean       check,
                            GError       **error)
{
  g_autoptr(MdAccount) account = NULL;
  g_autoptr(MdSecret) password = NULL;
  g_autoptr(GError) lookup_error = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  SyncWait wait = { loop, NULL };

  account = find_account (session, name, error);
  if (!account)
    return NULL;

  name = md_account_get_name (account);
  /* Registering once is how the server says the password is right. */
  if (check)
    md_account_set_registers (account, TRUE);
  else if (!md_account_get_registers (account))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Account “%s” only calls out: it does not register, so no call can come in (add it again without --no-register)"),
                   name);
      return NULL;
    }
  md_secret_store_lookup_async (MD_SECRET_SIP_PASSWORD, name, NULL, on_password, &wait);
  if (!start_phone_for (session, account, error))
    {
      while (!wait.result)
        g_main_context_iteration (NULL, TRUE);
      g_object_unref (wait.result);
      return NULL;
    }
  if (!wait.result)
    g_main_loop_run (loop);
  password = md_secret_store_lookup_finish (wait.result, &lookup_error);
  g_object_unref (wait.result);
  if (!check_password (name, password, lookup_error, error))
    return NULL;

  return md_phone_add_account (session->phone, account, password, error);
}

static void
on_password_for_call (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  MdCliSession *session = user_data;
  g_autoptr(MdSecret) password = NULL;
  g_autoptr(GError) lookup_error = NULL;
  g_autoptr(GError) error = NULL;

  password = md_secret_store_lookup_finish (result, &lookup_error);
  /* Cancelled: the session is gone. No account: the call never began. */
  if (g_error_matches (lookup_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      session->early_account == NULL)
    return;

  if (check_password (md_sip_account_get_name (session->early_account), password,
                      lookup_error, &error))
    {
      md_phone_set_account_password (session->phone, session->early_account, password);
      return;
    }

  /* The call cannot go on: it ends, and this is what the user is told. */
  session->failure = g_steal_pointer (&error);
  if (session->on_interrupt)
    ((void (*) (gpointer)) session->on_interrupt) (session->interrupt_data);
  else
    md_cli_session_quit (session);
}

MdSipAccount *
md_cli_session_add_account_for_call (MdCliSession  *session,
                                     const char    *name,
                                     GError       **error)
{
  g_autoptr(MdAccount) account = NULL;

  g_return_val_if_fail (session->early_account == NULL, NULL);

  account = find_account (session, name, error);
  if (!account)
    return NULL;

  /* First, as it takes longest (a bus connection, the Secret Service
   * session's keys); it answers once the main loop runs. */
  md_secret_store_lookup_async (MD_SECRET_SIP_PASSWORD, md_account_get_name (account),
                                session->cancellable, on_password_for_call, session);
  {
    g_autofree char *host = md_account_dup_first_hop_host (account);

    if (!md_phone_start (session->phone, host, error))
      return NULL;
  }

  session->early_account = md_phone_add_account_password_later (session->phone, account, error);
  if (!session->early_account)
    return NULL;
  return g_object_ref (session->early_account);
}

const GError *
md_cli_session_get_failure (MdCliSession *session)
{
  return session->failure;
}

void
md_cli_session_event (MdCliSession *session,
                      const char   *human,
                      const char   *event,
                      const char   *first_member,
                      ...)
{
  va_list args;

  /* No event: a line for people only. */
  if (session->json_events && !event)
    return;
  if (!session->json_events)
    {
      if (human)
        {
          if (session->tones_line)
            g_print ("\n");
          session->tones_line = FALSE;
          g_print ("%s\n", human);
          fflush (stdout);
        }
      return;
    }

  {
    g_autoptr(JsonBuilder) builder = json_builder_new ();
    g_autoptr(JsonGenerator) generator = json_generator_new ();
    g_autoptr(JsonNode) root = NULL;
    g_autofree char *line = NULL;

    json_builder_begin_object (builder);
    json_builder_set_member_name (builder, "event");
    json_builder_add_string_value (builder, event);

    /* Members come as name, value pairs of strings; a NULL value is null. */
    va_start (args, first_member);
    for (const char *member = first_member; member; member = va_arg (args, const char *))
      {
        const char *value = va_arg (args, const char *);

        json_builder_set_member_name (builder, member);
        if (value)
          json_builder_add_string_value (builder, value);
        else
          json_builder_add_null_value (builder);
      }
    va_end (args);

    json_builder_set_member_name (builder, "t_ms");
    json_builder_add_int_value (builder, (g_get_monotonic_time () - session->start_us) / 1000);
    json_builder_end_object (builder);

    root = json_builder_get_root (builder);
    json_generator_set_root (generator, root);
    line = json_generator_to_data (generator, NULL);
    g_print ("%s\n", line);
    fflush (stdout);
  }
}

static void
on_call_state (MdCall       *call,
               GParamSpec   *pspec,
               MdCliSession *session)
{
  MdCallState state = md_call_get_state (call);
  const char *name = md_call_state_to_string (state);
  g_autofree char *human = NULL;

  /* Each in words of its own: the state's name is for scripts. */
  switch (state)
    {
    case MD_CALL_STATE_ENDED:
      human = g_strdup_printf (_("Call ended: %s"), md_call_get_end_message (call));
      break;
    case MD_CALL_STATE_ACTIVE:
      human = g_strdup (_("Connected (keys: digits send tones, m mutes, c continues, h hangs up)"));
      break;
    case MD_CALL_STATE_RINGING:
      human = g_strdup (_("Ringing…"));
      break;
    case MD_CALL_STATE_EARLY:
      human = g_strdup (_("Connecting…"));
      break;
    case MD_CALL_STATE_HELD:
      human = g_strdup (_("On hold"));
      break;
    case MD_CALL_STATE_DIALING:
    default:
      human = g_strdup (_("Calling…"));
      break;
    }

  md_cli_session_event (session, human, "state", "state", name,
                        "reason", md_call_get_end_reason (call),
                        "message", md_call_get_end_message (call), NULL);

  if (state == MD_CALL_STATE_ACTIVE || state == MD_CALL_STATE_EARLY)
    {
      g_autofree char *codec = md_call_dup_codec_name (call);

      md_cli_session_event (session, NULL, "media", "codec", codec, NULL);
    }
}

/* For people, one line that grows a dot per tone as it goes (the dial
 * plan's, then the keys typed), so that a PIN sent after the pauses, or a
 * key pressed, shows; the next line of any other kind ends it. */
static void
on_call_dtmf_sent (MdCall       *call,
                   const char   *masked,
                   MdCliSession *session)
{
  if (!session->json_events)
    {
      if (!session->tones_line)
        g_print ("%s ", _("Touch tones sent:"));
      session->tones_line = TRUE;
      g_print ("%s", masked);
      fflush (stdout);
      return;
    }

  md_cli_session_event (session, NULL, "dtmf", "digits", masked, NULL);
}

static void
on_call_dtmf_failed (MdCall       *call,
                     const char   *message,
                     MdCliSession *session)
{
  g_autofree char *human = g_strdup_printf (_("Touch tones could not be sent: %s"), message);

  md_cli_session_event (session, human, "dtmf_failed", "message", message, NULL);
}

static void
on_call_dtmf_received (MdCall       *call,
                       const char   *masked,
                       MdCliSession *session)
{
  md_cli_session_event (session, NULL, "dtmf-received", "digits", masked, NULL);
}

static void
on_call_waiting (MdCall       *call,
                 GParamSpec   *pspec,
                 MdCliSession *session)
{
  if (md_call_get_waiting (call))
    md_cli_session_event (session, _("Waiting: press c to continue dialing"),
                          "wait", "waiting", "true", NULL);
}

static void
on_call_server_silent (MdCall       *call,
                       GParamSpec   *pspec,
                       MdCliSession *session)
{
  if (md_call_get_server_silent (call))
    md_cli_session_event (session, _("No reply from the server yet: it may be out of reach (still trying)"),
                          "server", "state", "silent", NULL);
  else
    md_cli_session_event (session, _("The server has replied"),
                          "server", "state", "replying", NULL);
}

void
md_cli_session_watch_call (MdCliSession *session,
                           MdCall       *call)
{
  g_signal_connect (call, "notify::state", G_CALLBACK (on_call_state), session);
  g_signal_connect (call, "notify::waiting", G_CALLBACK (on_call_waiting), session);
  g_signal_connect (call, "notify::server-silent", G_CALLBACK (on_call_server_silent), session);
  g_signal_connect (call, "dtmf-sent", G_CALLBACK (on_call_dtmf_sent), session);
  g_signal_connect (call, "dtmf-failed", G_CALLBACK (on_call_dtmf_failed), session);
  g_signal_connect (call, "dtmf-received", G_CALLBACK (on_call_dtmf_received), session);
}

static void
on_registration (MdSipAccount *account,
                 GParamSpec   *pspec,
                 MdCliSession *session)
{
  MdSipAccountState state = md_sip_account_get_state (account);
  g_autofree char *human = NULL;

  if (state == MD_SIP_ACCOUNT_REGISTERING)
    return;

  if (state == MD_SIP_ACCOUNT_REGISTERED)
    human = g_strdup_printf (_("Registered as %s"), md_sip_account_get_name (account));
  else
    {
      gboolean is_error = FALSE;
      g_autofree char *described = md_account_status_describe (account, &is_error);

      /* Translators: %s are the account's name and what its server said,
       * e.g. "The server refused the user name or password." */
      if (described != NULL)
        human = g_strdup_printf (_("Account %s: %s"), md_sip_account_get_name (account), described);
    }

  md_cli_session_event (session, human,
                        state == MD_SIP_ACCOUNT_REGISTERED ? "registered" : "registration",
                        "account", md_sip_account_get_name (account),
                        "state", md_sip_account_state_to_string (state),
                        "status", md_sip_account_get_status (account), NULL);

  /* A wrong password or an untrusted certificate will not get better by
   * waiting. */
  if ((state == MD_SIP_ACCOUNT_WRONG_PASSWORD || state == MD_SIP_ACCOUNT_CERTIFICATE_FAILED) &&
      session->quit_on_final_failure)
    md_cli_session_quit (session);
}

void
md_cli_print_account_certificate_error (const char   *what,
                                        MdSipAccount *account)
{
  g_autofree char *why = g_strdup_printf (_("the server’s certificate could not be verified: %s"),
                                          md_sip_account_get_status (account));

  md_cli_print_certificate_error (what, why);
}

void
md_cli_session_watch_account (MdCliSession *session,
                              MdSipAccount *account,
                              gboolean      quit_on_final_failure)
{
  session->quit_on_final_failure = quit_on_final_failure;
  g_signal_connect (account, "notify::state", G_CALLBACK (on_registration), session);
}

static void read_next_key (MdCliSession *session);

static void
on_key_read (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  MdCliSession *session = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize len;

  bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  if (!bytes || g_bytes_get_size (bytes) == 0)
    return;   /* end of input, or cancelled: changes nothing */

  data = g_bytes_get_data (bytes, &len);
  for (gsize i = 0; i < len; i++)
    if (data[i] != '\n' && data[i] != '\r')
      session->key_func (session, data[i], session->key_data);

  read_next_key (session);
}

static void
read_next_key (MdCliSession *session)
{
  g_input_stream_read_bytes_async (session->stdin_stream, 64, G_PRIORITY_DEFAULT,
                                   session->cancellable, on_key_read, session);
}

void
md_cli_session_read_keys (MdCliSession *session,
                          MdCliKeyFunc  func,
                          gpointer      user_data)
{
  session->key_func = func;
  session->key_data = user_data;
  session->stdin_stream = g_unix_input_stream_new (0, FALSE);
  read_next_key (session);
}

void
md_cli_session_call_key (MdCliSession *session,
                         MdCall       *call,
                         char          key)
{
  char digits[2] = { key, '\0' };

  if (g_ascii_isdigit (key) || key == '*' || key == '#')
    {
      if (!md_call_send_dtmf (call, digits))
        md_cli_session_event (session,
                              md_call_get_state (call) == MD_CALL_STATE_HELD
                                ? _("Touch tone not sent: the call is on hold")
                                : _("Touch tone not sent: the call is not connected"),
                              NULL, NULL, NULL);
    }
  else if (key == 'm')
    {
      md_call_set_muted (call, !md_call_get_muted (call));
      md_cli_session_event (session, md_call_get_muted (call) ? _("Muted") : _("Unmuted"),
                            "mute", "muted", md_call_get_muted (call) ? "true" : "false", NULL);
    }
  else if (key == 'c')
    md_call_continue (call);
  else if (key == 'h')
    md_call_hangup (call);
}

static gboolean
on_signal (gpointer user_data)
{
  MdCliSession *session = user_data;

  if (session->on_interrupt)
    ((void (*) (gpointer)) session->on_interrupt) (session->interrupt_data);
  else
    md_cli_session_quit (session);

  return G_SOURCE_CONTINUE;
}

void
md_cli_session_run (MdCliSession *session,
                    GCallback     on_interrupt,
                    gpointer      user_data)
{
  session->on_interrupt = on_interrupt;
  session->interrupt_data = user_data;
  session->sigint_source = g_unix_signal_add (SIGINT, on_signal, session);
  session->sigterm_source = g_unix_signal_add (SIGTERM, on_signal, session);
  g_main_loop_run (session->loop);
}

static void
on_phone_shut_down (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  MdCliSession *session = user_data;
  g_autoptr(GError) error = NULL;

  if (!md_phone_shutdown_finish (MD_PHONE (source), result, &error))
    g_debug ("Shutting down: %s", error->message);
  g_main_loop_quit (session->loop);
}

void
md_cli_session_quit (MdCliSession *session)
{
  if (session->quitting)
    return;

  session->quitting = TRUE;
  g_cancellable_cancel (session->cancellable);
  md_phone_shutdown_async (session->phone, NULL, on_phone_shut_down, session);
}
