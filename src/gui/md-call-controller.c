/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-gui"

#include "config.h"

#include "md-call-controller.h"
#include "md-application.h"
#include "md-call-route.h"
#include "md-phone.h"
#include "md-plan-text.h"
#include "md-secret-store.h"

#include <glib/gi18n.h>
#include <string.h>

/* How long quitting waits for BYE and unregistration. */
#define SHUTDOWN_TIMEOUT_US (3 * G_USEC_PER_SEC)

enum {
  PROP_0,
  PROP_CALL,
  PROP_ROUTE,
  PROP_TITLE,
  PROP_SIP_ACCOUNT,
  N_PROPS
};

enum {
  SIGNAL_FAILED,
  N_SIGNALS
};

static GParamSpec *props[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct {
  char *dial_uri;
  char *title;
  char *provider;
} PendingDial;

struct _MdCallController
{
  GObject        parent_instance;

  MdApplication *app;  /* owns us */
  GSettings     *settings;
  MdPhone       *phone;
  MdSipAccount  *sip_account;
  gboolean       connecting;
  gboolean       reload_after_call;  /* the account changed during a call */
  PendingDial   *pending;

  MdCall        *call;
  MdCallRoute   *route; /* where an outgoing call's audio goes */
  MdDialPlan    *plan;  /* of an outgoing call */
  char          *title;
  MdCallHistory *history;
  gint64         history_id;
  gint64         shown_history_id;  /* the call shown, also once it ended */
  gint64         answered_us;
  guint          plan_digits;  /* DTMF digits the plan sends */
  guint          digits_sent;
};

G_DEFINE_TYPE (MdCallController, md_call_controller, G_TYPE_OBJECT)

static void
pending_dial_free (PendingDial *pending)
{
  if (pending == NULL)
    return;
  g_free (pending->dial_uri);
  g_free (pending->title);
  g_free (pending->provider);
  g_free (pending);
}

static void
fail (MdCallController *self,
      const char       *message)
{
  g_signal_emit (self, signals[SIGNAL_FAILED], 0, message);
}

static void
set_title (MdCallController *self,
           const char       *title)
{
  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_TITLE]);
}

static void
on_call_answered (MdCallController *self)
{
  self->answered_us = g_get_monotonic_time ();
}

/* The plan sends its digits one by one: tell the user once, when the last
 * of them went out. */
static void
on_call_dtmf_sent (MdCallController *self,
                   const char       *masked_digits)
{
  g_autofree char *body = NULL;

  self->digits_sent += (guint) g_utf8_strlen (masked_digits, -1);
  if (self->plan_digits == 0 || self->digits_sent != self->plan_digits)
    return;

  body = g_strdup_printf (ngettext ("Sent %u digit to the meeting",
                                    "Sent %u digits to the meeting", self->plan_digits),
                          self->plan_digits);
  md_application_notify (self->app, "dtmf", _("PIN Sent"), body);
}

static void
on_call_state_notify (MdCallController *self)
{
  g_autoptr(GError) error = NULL;
  guint duration_s = 0;
  MdCallState state = md_call_get_state (self->call);

  /* Answered, declined or given up by the caller: nothing left to answer. */
  if (state != MD_CALL_STATE_RINGING)
    md_application_withdraw_notification (self->app, "incoming-call");
  if (state != MD_CALL_STATE_ENDED)
    return;

  if (self->answered_us > 0)
    duration_s = (guint) ((g_get_monotonic_time () - self->answered_us) / G_USEC_PER_SEC);

  if (self->history != NULL && self->history_id != 0
      && !md_call_history_finish (self->history, self->history_id,
                                  md_call_get_end_reason (self->call), duration_s, &error))
    g_warning ("%s", error->message);
  self->history_id = 0;

  md_application_notify (self->app, "call", _("Call Ended"),
                         md_call_get_end_message (self->call));

  if (self->reload_after_call)
    {
      self->reload_after_call = FALSE;
      md_call_controller_reload_account (self);
    }
}

static void
on_route_notify (MdCallController *self)
{
  const char *body;

  switch (md_call_route_get_route (self->route))
    {
    case MD_AUDIO_ROUTE_PHONE:
      body = _("The meeting’s audio is on your phone");
      break;
    case MD_AUDIO_ROUTE_DIAL_IN:
      body = _("The computer’s audio is off: you are in on your phone");
      break;
    case MD_AUDIO_ROUTE_COMPUTER:
    default:
      body = _("The meeting’s audio is on the computer");
      break;
    }
  md_application_notify (self->app, "route", _("Audio Switched"), body);
}

static void
on_route_failed (MdCallController *self,
                 const char       *message)
{
  fail (self, message);
}

static void
set_route (MdCallController *self,
           MdCallRoute      *route)
{
  if (self->route != NULL)
    g_signal_handlers_disconnect_by_data (self->route, self);
  g_set_object (&self->route, route);
  if (route != NULL)
    {
      g_signal_connect_swapped (route, "notify::route", G_CALLBACK (on_route_notify), self);
      g_signal_connect_swapped (route, "failed", G_CALLBACK (on_route_failed), self);
      g_signal_connect_swapped (route, "phone-ended", G_CALLBACK (on_route_failed), self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_ROUTE]);
}

static void
set_call (MdCallController *self,
          MdCall           *call,
          const char       *dial_uri,
          const char       *title,
          const char       *provider)
{
  g_autoptr(GError) error = NULL;

  if (self->call != NULL)
    g_signal_handlers_disconnect_by_data (self->call, self);
  g_set_object (&self->call, call);
  self->answered_us = 0;
  self->history_id = 0;
  self->shown_history_id = 0;
  self->digits_sent = 0;

  if (call != NULL)
    {
      g_signal_connect_swapped (call, "notify::state", G_CALLBACK (on_call_state_notify), self);
      g_signal_connect_swapped (call, "answered", G_CALLBACK (on_call_answered), self);
      g_signal_connect_swapped (call, "dtmf-sent", G_CALLBACK (on_call_dtmf_sent), self);

      if (md_call_controller_get_history (self) != NULL)
        {
          self->history_id = md_call_history_add (self->history, dial_uri, title, provider, &error);
          if (self->history_id == 0)
            g_warning ("%s", error->message);
          else
            md_call_history_save_dial_async (self->history, self->history_id, dial_uri,
                                             NULL, NULL, NULL);
          self->shown_history_id = self->history_id;
        }
    }

  g_debug ("Current call: %s", call ? md_call_get_remote_uri (call) : "none");
  set_title (self, title);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_CALL]);
}

/* The devices of the audio settings; NULL specs mean the system's. */
static void
read_audio (MdCallController  *self,
            MdCallAudio       *audio,
            char             **mic,
            char             **speaker)
{
  if (self->settings == NULL)
    return;

  *mic = g_settings_get_string (self->settings, "audio-input");
  *speaker = g_settings_get_string (self->settings, "audio-output");
  audio->mic_spec = *mic;
  audio->speaker_spec = *speaker;
}

static void
dial_now (MdCallController *self,
          PendingDial      *dial)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDialPlan) plan = NULL;
  g_autoptr(MdCall) call = NULL;
  g_autofree char *mic = NULL;
  g_autofree char *speaker = NULL;
  MdCallAudio audio = { NULL, NULL };
  guint pause_ms = MD_DIAL_DEFAULT_PAUSE_MS;

  read_audio (self, &audio, &mic, &speaker);
  if (self->settings != NULL)
    pause_ms = g_settings_get_uint (self->settings, "pause-ms");

  plan = md_dial_plan_parse (dial->dial_uri, pause_ms, &error);
  if (plan != NULL)
    call = md_phone_dial (self->phone, plan, self->sip_account, &audio, &error);
  if (call == NULL)
    {
      fail (self, error->message);
      return;
    }

  g_set_object (&self->plan, plan);
  {
    g_autoptr(MdCallRoute) route = md_call_route_new (self->phone, call, self->sip_account,
                                                      self->settings);
    set_route (self, route);
  }
  {
    g_autofree char *digits = md_dial_plan_dup_all_digits (plan);
    self->plan_digits = (guint) strlen (digits);
  }
  {
    g_autofree char *target = md_plan_text_dup_target (plan);

    set_call (self, call, dial->dial_uri, dial->title ? dial->title : target, dial->provider);
  }
}

/* "+1 646-555-0111" for "sip:+16465550111@host": callers are shown by their
 * number when the address holds one, else by the address. */
static char *
dup_caller_name (MdCall *call)
{
  g_autoptr(MdDialPlan) plan = md_call_dup_dial_plan (call);

  if (plan == NULL)
    return g_strdup (_("Anonymous Caller"));
  return md_plan_text_dup_target (plan);
}

static void
on_incoming_call (MdCallController *self,
                  MdCall           *call)
{
  const char *remote = md_call_get_remote_uri (call);
  g_autofree char *caller = dup_caller_name (call);
  g_autoptr(MdCallRoute) route = NULL;

  /* One call at a time: a second caller hears "busy" rather than a
   * call the user cannot see. */
  if (self->call != NULL && md_call_get_state (self->call) != MD_CALL_STATE_ENDED)
    {
      md_call_hangup (call);
      return;
    }

  g_clear_object (&self->plan);
  self->plan_digits = 0;
  /* Once answered, its audio can move to the phone as a meeting's can. */
  route = md_call_route_new (self->phone, call, self->sip_account, self->settings);
  set_route (self, route);
  set_call (self, call, remote, caller, NULL);
  md_application_notify (self->app, "incoming-call", _("Incoming Call"), caller);
}

static void
on_sip_account_state_notify (MdCallController *self,
                             GParamSpec       *pspec,
                             MdSipAccount     *sip_account)
{
  g_debug ("Account %s: %s", md_sip_account_get_name (sip_account),
           md_sip_account_state_to_string (md_sip_account_get_state (sip_account)));
}

/* A dial waiting for the account fails with @message; without one, the
 * account just stays unregistered (calls can still come later). */
static void
report_not_connected (MdCallController *self,
                      PendingDial      *pending,
                      const char       *message)
{
  if (pending != NULL)
    fail (self, message);
  else
    g_message ("Not registered: %s", message);
}

static void
on_password_looked_up (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(MdCallController) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MdSecret) password = md_secret_store_lookup_finish (result, &error);
  g_autoptr(MdAccount) account = md_call_controller_dup_account (self);
  PendingDial *pending = g_steal_pointer (&self->pending);

  self->connecting = FALSE;
  g_debug ("Password looked up for the account: %s", error ? error->message : "ok");

  if (account == NULL)
    error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                 _("The SIP account was removed"));
  else if (password == NULL && error == NULL)
    error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         _("No password is stored for the account “%s”. Set it in Preferences."),
                         md_account_get_name (account));

  if (error == NULL)
    {
      self->sip_account = md_phone_add_account (self->phone, account, password, &error);
      if (self->sip_account != NULL)
        {
          g_signal_connect_object (self->sip_account, "notify::state",
                                   G_CALLBACK (on_sip_account_state_notify), self,
                                   G_CONNECT_SWAPPED);
          g_object_notify_by_pspec (G_OBJECT (self), props[PROP_SIP_ACCOUNT]);
        }
    }

  if (self->sip_account == NULL)
    report_not_connected (self, pending, error->message);
  else if (pending != NULL)
    {
      dial_now (self, pending);
    }

  pending_dial_free (pending);
}

static void
ensure_phone (MdCallController *self)
{
  g_autofree char *mic = NULL;
  g_autofree char *speaker = NULL;
  MdCallAudio audio = { NULL, NULL };

  if (self->phone != NULL)
    return;

  self->phone = md_phone_new (self->settings);
  md_phone_follow_network (self->phone);
  read_audio (self, &audio, &mic, &speaker);
  md_phone_set_incoming_audio (self->phone, &audio);
  g_signal_connect_object (self->phone, "incoming-call",
                           G_CALLBACK (on_incoming_call), self, G_CONNECT_SWAPPED);
}

/* SIP runs (the server's name was looked up off the main thread): now the
 * password, then the registration. */
static void
on_phone_started (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(MdCallController) self = user_data;
  g_autoptr(MdAccount) account = md_call_controller_dup_account (self);
  g_autoptr(GError) error = NULL;

  if (!md_phone_start_finish (MD_PHONE (source), result, &error) || account == NULL)
    {
      PendingDial *pending = g_steal_pointer (&self->pending);

      self->connecting = FALSE;
      report_not_connected (self, pending,
                            error != NULL ? error->message : _("The SIP account was removed"));
      pending_dial_free (pending);
      return;
    }

  md_secret_store_lookup_async (MD_SECRET_SIP_PASSWORD, md_account_get_name (account), NULL,
                                on_password_looked_up, g_steal_pointer (&self));
}

static void
connect_account (MdCallController *self)
{
  g_autoptr(MdAccount) account = md_call_controller_dup_account (self);

  g_debug ("Connecting the account (registered: %d, connecting: %d)",
           self->sip_account != NULL, self->connecting);
  if (self->sip_account != NULL || self->connecting)
    return;

  if (account == NULL)
    {
      if (self->pending != NULL)
        fail (self, _("Add a SIP account in Preferences to call from this computer."));
      g_clear_pointer (&self->pending, pending_dial_free);
      return;
    }

  self->connecting = TRUE;
  ensure_phone (self);
  {
    g_autofree char *host = md_account_dup_first_hop_host (account);

    md_phone_start_async (self->phone, host, NULL, on_phone_started, g_object_ref (self));
  }
}

/* A SIP address with no account set up (with one, calls go through it). */
static gboolean
plan_goes_direct (MdCallController *self,
                  MdDialPlan       *plan)
{
  g_autoptr(MdAccount) account = md_call_controller_dup_account (self);

  return account == NULL && plan != NULL &&
         md_dial_plan_get_target_kind (plan) == MD_DIAL_TARGET_SIP;
}

/* SIP runs for a call without an account: the far end's name was looked
 * up off the main thread. */
static void
on_phone_started_direct (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(MdCallController) self = user_data;
  g_autoptr(GError) error = NULL;
  PendingDial *pending = g_steal_pointer (&self->pending);

  if (!md_phone_start_finish (MD_PHONE (source), result, &error))
    {
      if (pending != NULL)
        fail (self, error->message);
    }
  else if (pending != NULL)
    dial_now (self, pending);
  pending_dial_free (pending);
}

static gboolean
start_in_idle (gpointer user_data)
{
  connect_account (user_data);
  return G_SOURCE_REMOVE;
}

static void
md_call_controller_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  MdCallController *self = MD_CALL_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_CALL:
      g_value_set_object (value, self->call);
      break;
    case PROP_ROUTE:
      g_value_set_object (value, self->route);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SIP_ACCOUNT:
      g_value_set_object (value, self->sip_account);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_call_controller_dispose (GObject *object)
{
  MdCallController *self = MD_CALL_CONTROLLER (object);

  if (self->call != NULL)
    g_signal_handlers_disconnect_by_data (self->call, self);
  g_clear_object (&self->call);
  if (self->route != NULL)
    g_signal_handlers_disconnect_by_data (self->route, self);
  g_clear_object (&self->route);
  g_clear_object (&self->plan);
  g_clear_object (&self->sip_account);
  g_clear_object (&self->phone);
  g_clear_object (&self->history);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->pending, pending_dial_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (md_call_controller_parent_class)->dispose (object);
}

static void
md_call_controller_class_init (MdCallControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = md_call_controller_get_property;
  object_class->dispose = md_call_controller_dispose;

  props[PROP_CALL] =
    g_param_spec_object ("call", NULL, NULL, MD_TYPE_CALL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  props[PROP_ROUTE] =
    g_param_spec_object ("route", NULL, NULL, MD_TYPE_CALL_ROUTE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  props[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  props[PROP_SIP_ACCOUNT] =
    g_param_spec_object ("sip-account", NULL, NULL, MD_TYPE_SIP_ACCOUNT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);

  signals[SIGNAL_FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
md_call_controller_init (MdCallController *self)
{
}

MdCallController *
md_call_controller_new (MdApplication *app,
                        GSettings     *settings)
{
  MdCallController *self = g_object_new (MD_TYPE_CALL_CONTROLLER, NULL);

  self->app = app;
  self->settings = settings ? g_object_ref (settings) : NULL;
  return self;
}

void
md_call_controller_start_idle (MdCallController *self)
{
  g_return_if_fail (MD_IS_CALL_CONTROLLER (self));

  g_idle_add_full (G_PRIORITY_LOW, start_in_idle, g_object_ref (self), g_object_unref);
}

void
md_call_controller_dial (MdCallController *self,
                         const char       *dial_uri,
                         const char       *title,
                         const char       *provider)
{
  g_autoptr(MdDialPlan) plan = NULL;
  PendingDial *dial;

  g_return_if_fail (MD_IS_CALL_CONTROLLER (self));
  g_return_if_fail (dial_uri != NULL);

  if (self->call != NULL && md_call_get_state (self->call) != MD_CALL_STATE_ENDED)
    {
      fail (self, _("Hang up the current call first."));
      return;
    }

  dial = g_new0 (PendingDial, 1);
  dial->dial_uri = g_strdup (dial_uri);
  dial->title = g_strdup (title);
  dial->provider = g_strdup (provider);

  if (self->sip_account != NULL)
    {
      dial_now (self, dial);
      pending_dial_free (dial);
      return;
    }

  /* The newest request wins while the account (or SIP) is being started. */
  pending_dial_free (self->pending);
  self->pending = dial;
  plan = md_dial_plan_parse (dial_uri, MD_DIAL_DEFAULT_PAUSE_MS, NULL);
  if (plan_goes_direct (self, plan))
    {
      g_autofree char *host = md_dial_plan_dup_sip_host (plan);

      ensure_phone (self);
      md_phone_start_async (self->phone, host, NULL, on_phone_started_direct,
                            g_object_ref (self));
      return;
    }
  connect_account (self);
}

gboolean
md_call_controller_goes_direct (MdCallController *self,
                                const char       *dial_uri)
{
  g_autoptr(MdDialPlan) plan = NULL;

  g_return_val_if_fail (MD_IS_CALL_CONTROLLER (self), FALSE);
  g_return_val_if_fail (dial_uri != NULL, FALSE);

  plan = md_dial_plan_parse (dial_uri, MD_DIAL_DEFAULT_PAUSE_MS, NULL);
  return plan_goes_direct (self, plan);
}

void
md_call_controller_answer (MdCallController *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (MD_IS_CALL_CONTROLLER (self));

  if (self->call != NULL && !md_call_answer (self->call, &error))
    fail (self, error->message);
}

void
md_call_controller_hang_up (MdCallController *self)
{
  g_return_if_fail (MD_IS_CALL_CONTROLLER (self));

  if (self->call != NULL)
    md_call_hangup (self->call);
}

void
md_call_controller_dismiss (MdCallController *self)
{
  g_return_if_fail (MD_IS_CALL_CONTROLLER (self));

  if (self->call != NULL && md_call_get_state (self->call) == MD_CALL_STATE_ENDED)
    {
      set_route (self, NULL);
      set_call (self, NULL, NULL, NULL, NULL);
    }
}

static void
on_phone_shut_down (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  gboolean *done = user_data;

  md_phone_shutdown_finish (MD_PHONE (source), result, NULL);
  *done = TRUE;
}

static gboolean
keep_waking (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

void
md_call_controller_shutdown (MdCallController *self)
{
  gboolean done = FALSE;
  guint timeout_id;
  gint64 deadline = g_get_monotonic_time () + SHUTDOWN_TIMEOUT_US;

  g_return_if_fail (MD_IS_CALL_CONTROLLER (self));

  if (self->phone == NULL)
    return;

  /* The main loop has stopped; BYE and unregistration still need it. The
   * timeout only wakes the loop so the deadline is seen. */
  md_phone_shutdown_async (self->phone, NULL, on_phone_shut_down, &done);
  timeout_id = g_timeout_add (100, keep_waking, NULL);
  while (!done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout_id);
}

MdCall *
md_call_controller_get_call (MdCallController *self)
{
  g_return_val_if_fail (MD_IS_CALL_CONTROLLER (self), NULL);

  return self->call;
}

MdCallRoute *
md_call_controller_get_route (MdCallController *self)
{
  g_return_val_if_fail (MD_IS_CALL_CONTROLLER (self), NULL);

  return self->route;
}

MdDialPlan *
md_call_controller_get_plan (MdCallController *self)
{
  g_return_val_if_fail (MD_IS_CALL_CONTROLLER (self), NULL);

  return self->plan;
}

const char *
md_call_controller_get_title (MdCallController *self)
{
  g_return_val_if_fail (MD_IS_CALL_CONTROLLER (self), NULL);

  return self->title;
}

MdCallHistory *
md_call_controller_get_history (MdCallController *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (MD_IS_CALL_CONTROLLER (self), NULL);

  if (self->history == NULL)
    {
      self->history = md_call_history_new (NULL, &error);
      if (self->history == NULL)
        g_warning ("%s", error->message);
    }

  return self->history;
}

MdAccount *
md_call_controller_dup_account (MdCallController *self)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (MD_IS_CALL_CONTROLLER (self), NULL);

  if (self->settings == NULL)
    return NULL;

  accounts = md_account_list_load (self->settings);
  name = g_settings_get_string (self->settings, "default-account");
  for (guint i = 0; i < accounts->len; i++)
    if (g_str_equal (md_account_get_name (g_ptr_array_index (accounts, i)), name))
      return g_object_ref (g_ptr_array_index (accounts, i));

  return accounts->len > 0 ? g_object_ref (g_ptr_array_index (accounts, 0)) : NULL;
}

gint64
md_call_controller_get_call_again_id (MdCallController *self)
{
  /* Where calling again may well get through: not after a wrong password,
   * a certificate or an audio format that will not change meanwhile, nor
   * after the user hung up. */
  static const char *const worth_again[] = {
    "hung up by far end", "network lost", "busy", "no answer", "unreachable",
    "declined", "failed", NULL
  };

  g_return_val_if_fail (MD_IS_CALL_CONTROLLER (self), 0);

  if (self->call == NULL || md_call_is_incoming (self->call)
      || md_call_get_state (self->call) != MD_CALL_STATE_ENDED
      || !g_strv_contains (worth_again, md_call_get_end_reason (self->call)))
    return 0;
  return self->shown_history_id;
}

MdSipAccount *
md_call_controller_get_sip_account (MdCallController *self)
{
  g_return_val_if_fail (MD_IS_CALL_CONTROLLER (self), NULL);

  return self->sip_account;
}

gboolean
md_call_controller_get_account_change_pending (MdCallController *self)
{
  g_return_val_if_fail (MD_IS_CALL_CONTROLLER (self), FALSE);

  return self->reload_after_call;
}

gboolean
md_call_controller_reload_account (MdCallController *self)
{
  g_return_val_if_fail (MD_IS_CALL_CONTROLLER (self), FALSE);

  /* Registering again would take the call's account away mid-call: the
   * change waits for the call to end. */
  if (self->call != NULL && md_call_get_state (self->call) != MD_CALL_STATE_ENDED)
    {
      g_debug ("The account changed during a call: it registers again when the call ends");
      self->reload_after_call = TRUE;
      return FALSE;
    }

  if (self->sip_account != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->sip_account, self);
      md_phone_remove_account (self->phone, self->sip_account);
      g_clear_object (&self->sip_account);
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_SIP_ACCOUNT]);
    }
  /* Also the first account added: incoming calls ring from now on. */
  connect_account (self);
  return TRUE;
}
