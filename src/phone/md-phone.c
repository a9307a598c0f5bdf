/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-phone"

#include "config.h"

#include "md-phone.h"
#include "md-call-private.h"
#include "md-media-sockets.h"

#include <glib/gi18n.h>
#include <string.h>

enum {
  DEFAULT_NO_ANSWER_S = 60,
};

enum {
  SIGNAL_INCOMING_CALL,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

struct _MdPhone
{
  GObject      parent_instance;

  GSettings   *settings;
  MdSipAgent  *agent;
  MdMediaSession *spare_media;   /* made ahead for the next dial */
  GThread     *sip_init;         /* starts SIP's library off the main thread */
  GThread     *media_init;       /* starts GStreamer off the main thread */
  gint         media_ready;      /* atomic: media_init is done */
  gboolean     shut_down;        /* no SIP start after shutdown */
  char        *incoming_mic;
  char        *incoming_speaker;
  char        *host;             /* SIP started for it (md_phone_start) */
  GCancellable *network_pick;    /* the lookup after a network change */
  gulong       network_handler;
};

G_DEFINE_TYPE (MdPhone, md_phone, G_TYPE_OBJECT)

static MdCallDtmfMode
dtmf_mode (MdPhone *self)
{
  return self->settings ? (MdCallDtmfMode) g_settings_get_enum (self->settings, "dtmf-mode")
                        : MD_CALL_DTMF_AUTO;
}

/* Computer audio is processed like a browser's unless the settings say no. */
static MdMediaDsp
dsp_from_settings (MdPhone *self)
{
  MdMediaDsp dsp = MD_MEDIA_DSP_NONE;

  if (!self->settings || g_settings_get_boolean (self->settings, "echo-cancellation"))
    dsp |= MD_MEDIA_DSP_ECHO;
  if (!self->settings || g_settings_get_boolean (self->settings, "noise-suppression"))
    dsp |= MD_MEDIA_DSP_NOISE;
  if (!self->settings || g_settings_get_boolean (self->settings, "gain-control"))
    dsp |= MD_MEDIA_DSP_GAIN;
  return dsp;
}

/* Processing, and the devices "auto" opens ("" follows the system). */
static void
apply_audio_settings (MdPhone        *self,
                      MdMediaSession *media)
{
  g_autofree char *input = NULL;
  g_autofree char *output = NULL;

  md_media_session_set_dsp (media, dsp_from_settings (self));
  if (!self->settings)
    return;
  input = g_settings_get_string (self->settings, "input-device");
  output = g_settings_get_string (self->settings, "output-device");
  md_media_session_set_devices (media, input, output);
}

static guint
no_answer_ms (MdPhone *self)
{
  guint seconds = self->settings ? g_settings_get_uint (self->settings, "no-answer-seconds")
                                 : DEFAULT_NO_ANSWER_S;

  return seconds * 1000;
}

static void
on_incoming_call (MdPhone   *self,
                  MdSipCall *sip_call)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdMediaSession) media = NULL;
  g_autoptr(MdCall) call = NULL;

  media = md_media_session_new (md_sip_agent_get_local_address (self->agent), &error);
  if (!media)
    {
      g_warning ("Declining an incoming call: %s", error->message);
      md_sip_call_hangup (sip_call);
      return;
    }

  apply_audio_settings (self, media);
  call = _md_call_new (sip_call, media, NULL, self->incoming_mic, self->incoming_speaker,
                       dtmf_mode (self));
  g_signal_emit (self, signals[SIGNAL_INCOMING_CALL], 0, call);
}

/* GStreamer's start (opening the media module, the plugin registry, the
 * codec probe) takes about as long as the password lookup and the SIP
 * thread's start: all three run at once, so none of them delays the INVITE
 * alone. */
static gpointer
media_init_thread (gpointer data)
{
  MdPhone *self = data;

  md_media_codec_get_supported (NULL);
  g_atomic_int_set (&self->media_ready, TRUE);
  return NULL;
}

static gpointer
sip_init_thread (gpointer data)
{
  md_sip_library_start ();
  return NULL;
}

static void
md_phone_dispose (GObject *object)
{
  MdPhone *self = MD_PHONE (object);

  if (self->sip_init)
    g_thread_join (g_steal_pointer (&self->sip_init));
  if (self->media_init)
    g_thread_join (g_steal_pointer (&self->media_init));

  if (self->network_handler)
    g_clear_signal_handler (&self->network_handler, g_network_monitor_get_default ());
  g_cancellable_cancel (self->network_pick);
  g_clear_object (&self->network_pick);
  if (self->spare_media)
    md_media_session_stop (self->spare_media);
  g_clear_object (&self->spare_media);
  g_clear_object (&self->agent);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (md_phone_parent_class)->dispose (object);
}

static void
md_phone_finalize (GObject *object)
{
  MdPhone *self = MD_PHONE (object);

  g_free (self->incoming_mic);
  g_free (self->incoming_speaker);
  g_free (self->host);

  G_OBJECT_CLASS (md_phone_parent_class)->finalize (object);
}

static void
md_phone_class_init (MdPhoneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = md_phone_dispose;
  object_class->finalize = md_phone_finalize;

  signals[SIGNAL_INCOMING_CALL] =
    g_signal_new ("incoming-call", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, MD_TYPE_CALL);
}

static void
md_phone_init (MdPhone *self)
{
}

MdPhone *
md_phone_new (GSettings *settings)
{
  MdPhone *self = g_object_new (MD_TYPE_PHONE, NULL);

  md_phone_set_settings (self, settings);
  /* SIP's library takes a few milliseconds to start, and the first call
   * needs it before its INVITE: it starts now, while the caller reads its
   * settings and accounts. */
  self->sip_init = g_thread_new ("md-sip-init", sip_init_thread, NULL);
  return self;
}

void
md_phone_set_settings (MdPhone   *self,
                       GSettings *settings)
{
  g_return_if_fail (MD_IS_PHONE (self));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  g_set_object (&self->settings, settings);
}

static gboolean
start_agent (MdPhone     *self,
             const char  *local_address,
             GError     **error)
{
  self->agent = md_sip_agent_new (local_address, error);
  if (!self->agent)
    return FALSE;

  g_signal_connect_object (self->agent, "incoming-call",
                           G_CALLBACK (on_incoming_call), self, G_CONNECT_SWAPPED);
  return TRUE;
}

gboolean
md_phone_start (MdPhone     *self,
                const char  *host,
                GError     **error)
{
  g_autofree char *local_address = NULL;

  g_return_val_if_fail (MD_IS_PHONE (self), FALSE);
  g_return_val_if_fail (host != NULL, FALSE);

  if (self->agent)
    return TRUE;

  g_free (self->host);
  self->host = g_strdup (host);
  local_address = md_sip_agent_pick_local_address (host, error);
  if (!local_address)
    return FALSE;

  return start_agent (self, local_address, error);
}

/* Worker thread: the name lookup, which can take the resolver's timeouts. */
static void
pick_address_in_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  GError *error = NULL;
  char *address = md_sip_agent_pick_local_address (task_data, &error);

  if (address != NULL)
    g_task_return_pointer (task, address, g_free);
  else
    g_task_return_error (task, error);
}

static void
on_address_picked (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MdPhone *self = MD_PHONE (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *address = g_task_propagate_pointer (G_TASK (result), &error);

  /* Another start may have finished meanwhile; or the phone was shut down
   * while the name was looked up. */
  if (address != NULL && self->shut_down)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("SIP has shut down"));
  else if (address != NULL && self->agent == NULL)
    start_agent (self, address, &error);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
md_phone_start_async (MdPhone             *self,
                      const char          *host,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) pick = NULL;

  g_return_if_fail (MD_IS_PHONE (self));
  g_return_if_fail (host != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, md_phone_start_async);
  if (self->agent)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  g_free (self->host);
  self->host = g_strdup (host);
  pick = g_task_new (self, cancellable, on_address_picked, g_steal_pointer (&task));
  g_task_set_task_data (pick, g_strdup (host), g_free);
  g_task_run_in_thread (pick, pick_address_in_thread);
}

gboolean
md_phone_start_finish (MdPhone       *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_network_address_picked (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  MdPhone *self = MD_PHONE (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *address = g_task_propagate_pointer (G_TASK (result), &error);

  if (address == NULL)
    {
      /* No route for now (between networks): the next change tells. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("The network changed: %s", error->message);
      return;
    }
  if (self->agent == NULL || self->shut_down)
    return;

  /* The audio made ahead was bound for the old address (its family may
   * differ). */
  if (!g_str_equal (address, md_sip_agent_get_local_address (self->agent)) &&
      self->spare_media != NULL)
    {
      md_media_session_stop (self->spare_media);
      g_clear_object (&self->spare_media);
    }
  if (!md_sip_agent_move (self->agent, address, &error))
    g_debug ("The network changed, SIP stays: %s", error->message);
}

/* Burst after burst on some networks: the lookup before is dropped. */
static void
on_network_changed (MdPhone  *self,
                    gboolean  available)
{
  g_autoptr(GTask) pick = NULL;

  if (self->agent == NULL || self->host == NULL || self->shut_down)
    return;

  g_cancellable_cancel (self->network_pick);
  g_clear_object (&self->network_pick);
  self->network_pick = g_cancellable_new ();
  pick = g_task_new (self, self->network_pick, on_network_address_picked, NULL);
  g_task_set_task_data (pick, g_strdup (self->host), g_free);
  g_task_run_in_thread (pick, pick_address_in_thread);
}

void
md_phone_follow_network (MdPhone *self)
{
  g_return_if_fail (MD_IS_PHONE (self));

  if (self->network_handler)
    return;

  self->network_handler = g_signal_connect_object (g_network_monitor_get_default (),
                                                   "network-changed",
                                                   G_CALLBACK (on_network_changed), self,
                                                   G_CONNECT_SWAPPED);
}

gboolean
md_phone_prepare_media (MdPhone  *self,
                        GError  **error)
{
  g_return_val_if_fail (MD_IS_PHONE (self), FALSE);

  if (!self->media_init)
    self->media_init = g_thread_new ("md-media-init", media_init_thread, self);

  /* Not worth waiting for here: then the dial binds the sockets itself. */
  if (self->spare_media || !self->agent || !g_atomic_int_get (&self->media_ready))
    return TRUE;

  self->spare_media = md_media_session_new (md_sip_agent_get_local_address (self->agent), error);
  return self->spare_media != NULL;
}

static MdSipAccount *
add_account (MdPhone     *self,
             MdAccount   *account,
             const char  *password,
             gboolean     password_later,
             GError     **error)
{
  MdSipAccountConfig config = { 0 };

  if (!self->agent)
    {
      g_autofree char *host = md_account_dup_first_hop_host (account);

      if (!md_phone_start (self, host, error))
        return NULL;
    }

  config.name = md_account_get_name (account);
  config.server = md_account_get_server (account);
  config.user = md_account_get_user (account);
  config.auth_user = md_account_get_auth_user (account);
  config.outbound_proxy = md_account_get_outbound_proxy (account);
  config.domain = md_account_get_domain (account);
  config.international_prefix = md_account_get_international_prefix (account);
  config.display_name = md_account_get_display_name (account);
  config.transport = md_account_get_transport (account);
  config.ca_file = md_account_get_ca_file (account);
  config.password = password;
  config.password_later = password_later;
  config.no_register = !md_account_get_registers (account);

  return md_sip_agent_add_account (self->agent, &config, error);
}

MdSipAccount *
md_phone_add_account (MdPhone     *self,
                      MdAccount   *account,
                      const char  *password,
                      GError     **error)
{
  g_return_val_if_fail (MD_IS_PHONE (self), NULL);
  g_return_val_if_fail (MD_IS_ACCOUNT (account), NULL);

  return add_account (self, account, password, FALSE, error);
}

MdSipAccount *
md_phone_add_account_password_later (MdPhone    *self,
                                     MdAccount  *account,
                                     GError    **error)
{
  g_return_val_if_fail (MD_IS_PHONE (self), NULL);
  g_return_val_if_fail (MD_IS_ACCOUNT (account), NULL);

  return add_account (self, account, NULL, TRUE, error);
}

void
md_phone_set_account_password (MdPhone      *self,
                               MdSipAccount *sip_account,
                               const char   *password)
{
  g_return_if_fail (MD_IS_PHONE (self));
  g_return_if_fail (MD_IS_SIP_ACCOUNT (sip_account));

  if (self->agent != NULL)
    md_sip_agent_set_password (self->agent, sip_account, password);
}

void
md_phone_remove_account (MdPhone      *self,
                         MdSipAccount *sip_account)
{
  g_return_if_fail (MD_IS_PHONE (self));
  g_return_if_fail (MD_IS_SIP_ACCOUNT (sip_account));

  if (self->agent != NULL)
    md_sip_agent_remove_account (self->agent, sip_account);
}

MdCall *
md_phone_dial (MdPhone           *self,
               MdDialPlan        *plan,
               MdSipAccount      *sip_account,
               const MdCallAudio *audio,
               GError           **error)
{
  g_autoptr(MdMediaSession) media = NULL;
  g_autoptr(GSocket) rtp_socket = NULL;
  g_autoptr(GSocket) rtcp_socket = NULL;
  g_autoptr(MdSipCall) sip_call = NULL;
  g_autofree char *uri = NULL;
  guint rtp_port;

  g_return_val_if_fail (MD_IS_PHONE (self), NULL);
  g_return_val_if_fail (MD_IS_DIAL_PLAN (plan), NULL);

  if (md_dial_plan_get_target_kind (plan) == MD_DIAL_TARGET_SIP)
    uri = g_strdup (md_dial_plan_get_sip_uri (plan));
  else if (sip_account)
    uri = md_sip_account_dup_number_uri (sip_account, md_dial_plan_get_number (plan));
  else
    {
      g_set_error (error, MD_SIP_ERROR, MD_SIP_ERROR_FAILED,
                   _("Calling a phone number needs a SIP account (add one with “meetdial-cli account add”)"));
      return NULL;
    }

  if (!self->agent)
    {
      g_autofree char *host = md_dial_plan_dup_sip_host (plan);

      if (!md_phone_start (self, host, error))
        return NULL;
    }

  /* The media port must be known before the INVITE offers it; the media
   * core (a module, with GStreamer) need not be: without a session made
   * ahead, the ports are bound here and the session made once the INVITE
   * is on its way. */
  if (self->spare_media)
    {
      media = g_steal_pointer (&self->spare_media);
      rtp_port = md_media_session_get_local_rtp_port (media);
    }
  else if (md_media_bind_rtp_pair (md_sip_agent_get_local_address (self->agent),
                                   &rtp_socket, &rtcp_socket, error))
    rtp_port = md_media_socket_get_port (rtp_socket);
  else
    return NULL;

  md_sip_agent_set_srtp_mode (self->agent, self->settings
                                           ? (MdSipSrtpMode) g_settings_get_enum (self->settings, "srtp")
                                           : MD_SIP_SRTP_AUTO);
  sip_call = md_sip_agent_call (self->agent, sip_account, uri, rtp_port,
                                no_answer_ms (self), error);
  if (!sip_call)
    return NULL;

  if (!media)
    media = md_media_session_new_for_sockets (md_sip_agent_get_local_address (self->agent),
                                              g_steal_pointer (&rtp_socket),
                                              g_steal_pointer (&rtcp_socket), error);
  if (!media)
    {
      md_sip_call_hangup (sip_call);
      return NULL;
    }
  apply_audio_settings (self, media);

  return _md_call_new (sip_call, media, plan,
                       audio ? audio->mic_spec : NULL,
                       audio ? audio->speaker_spec : NULL,
                       dtmf_mode (self));
}

void
md_phone_set_incoming_audio (MdPhone           *self,
                             const MdCallAudio *audio)
{
  g_return_if_fail (MD_IS_PHONE (self));

  g_free (self->incoming_mic);
  g_free (self->incoming_speaker);
  self->incoming_mic = g_strdup (audio ? audio->mic_spec : NULL);
  self->incoming_speaker = g_strdup (audio ? audio->speaker_spec : NULL);
}

static void
on_agent_shut_down (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!md_sip_agent_shutdown_finish (MD_SIP_AGENT (source), result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
md_phone_shutdown_async (MdPhone             *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MD_IS_PHONE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, md_phone_shutdown_async);
  self->shut_down = TRUE;

  if (!self->agent)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  md_sip_agent_shutdown_async (self->agent, cancellable, on_agent_shut_down,
                               g_steal_pointer (&task));
}

gboolean
md_phone_shutdown_finish (MdPhone       *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
