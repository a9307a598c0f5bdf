/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-media"

#include "config.h"

#include "md-media-session.h"
#include "md-media-codec-private.h"
#include "md-media-devices.h"
#include "md-media-pipeline.h"
#include "md-media-sockets.h"
#include "md-media-spec.h"

#include <glib/gi18n.h>

#define DEFAULT_RTP_TIMEOUT_MS  8000
/* How often the jitter buffer is fitted to the network. */
#define JITTER_CHECK_MS         1000

enum {
  PROP_0,
  PROP_MUTED,
  PROP_JITTER_LATENCY_MS,
  PROP_RTP_TIMEOUT_MS,
  N_PROPS
};

enum {
  SIGNAL_FAILED,
  SIGNAL_FIRST_PACKET,
  SIGNAL_BRIDGE_AUDIO,
  N_SIGNALS
};

static GParamSpec *props[N_PROPS];
static guint signals[N_SIGNALS];

struct _MdMediaSession {
  GObject          parent_instance;

  char            *local_address;
  GSocket         *rtp_socket;
  GSocket         *rtcp_socket;
  guint            local_rtp_port;
  gboolean         muted;
  MdMediaRoute     route;
  MdMediaDsp       dsp;
  char            *input_device;    /* for "auto"; NULL: the system default */
  char            *output_device;
  MdRingTone      *ring;            /* before the call's audio starts */

  GMainContext    *context;
  MdMediaPipeline *pipeline;
  GSource         *bus_source;
  GSource         *timeout_source;
  GSource         *jitter_source;
  guint            jitter_latency_ms;

  MdMediaCodec     codec;
  int              telephone_event_pt;
  gboolean         sending;
  gboolean         receiving;
  guint            rtp_timeout_ms;
  gboolean         failed;
};

G_DEFINE_TYPE (MdMediaSession, md_media_session, G_TYPE_OBJECT)

static void
emit_failed (MdMediaSession *self,
             GError         *error)
{
  if (self->failed)
    return;
  self->failed = TRUE;
  g_debug ("media failed: %s", error->message);
  g_signal_emit (self, signals[SIGNAL_FAILED], 0, error);
}

static gboolean
from_sound_device (GstObject *object)
{
  for (; object != NULL; object = GST_OBJECT_PARENT (object))
    {
      if (g_strcmp0 (GST_OBJECT_NAME (object), MD_MEDIA_SPEC_MIC_DEVICE) == 0 ||
          g_strcmp0 (GST_OBJECT_NAME (object), MD_MEDIA_SPEC_SPEAKER_DEVICE) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
on_bus_message (GstBus     *bus,
                GstMessage *message,
                gpointer    user_data)
{
  MdMediaSession *self = user_data;

  switch (GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_ERROR:
      {
        g_autoptr(GError) gst_error = NULL;
        g_autoptr(GError) error = NULL;
        g_autofree char *debug = NULL;

        gst_message_parse_error (message, &gst_error, &debug);
        g_debug ("bus error from %s: %s (%s)", GST_OBJECT_NAME (GST_MESSAGE_SRC (message)),
                 gst_error->message, debug ? debug : "");
        if (from_sound_device (GST_MESSAGE_SRC (message)))
          error = g_error_new_literal (MD_MEDIA_ERROR, MD_MEDIA_ERROR_NO_DEVICE,
                                       _("The sound device stopped working: check that "
                                         "PipeWire or PulseAudio is running and the "
                                         "device is connected"));
        else
          error = g_error_new (MD_MEDIA_ERROR, MD_MEDIA_ERROR_FAILED,
                               _("The call’s audio failed: %s"), gst_error->message);
        emit_failed (self, error);
      }
      break;

    case GST_MESSAGE_APPLICATION:
      if (gst_message_has_name (message, "md-first-packet"))
        g_signal_emit (self, signals[SIGNAL_FIRST_PACKET], 0);
      else if (gst_message_has_name (message, "md-bridge-audio"))
        g_signal_emit (self, signals[SIGNAL_BRIDGE_AUDIO], 0);
      break;

    default:
      break;
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
on_timeout_check (gpointer user_data)
{
  MdMediaSession *self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 last_us;
  guint seconds;

  /* Only a call with audio both ways: one side holding (sendonly) may
   * send nothing at all, as many phones do, and the call stays. */
  if (!self->receiving || !self->sending || self->failed)
    return G_SOURCE_CONTINUE;

  last_us = md_media_pipeline_get_last_packet (self->pipeline);

  if (g_get_monotonic_time () - last_us < (gint64) self->rtp_timeout_ms * 1000)
    return G_SOURCE_CONTINUE;

  seconds = (self->rtp_timeout_ms + 999) / 1000;
  error = g_error_new (MD_MEDIA_ERROR, MD_MEDIA_ERROR_NETWORK_LOST,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "No audio has arrived from the meeting for %u second: "
                                    "the network connection was lost.",
                                    "No audio has arrived from the meeting for %u seconds: "
                                    "the network connection was lost.", seconds),
                       seconds);
  emit_failed (self, error);
  return G_SOURCE_CONTINUE;
}

static gboolean
on_jitter_check (gpointer user_data)
{
  MdMediaSession *self = user_data;
  guint latency_ms = md_media_pipeline_adapt_jitter (self->pipeline);

  if (latency_ms != self->jitter_latency_ms)
    {
      self->jitter_latency_ms = latency_ms;
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_JITTER_LATENCY_MS]);
    }
  return G_SOURCE_CONTINUE;
}

static guint
rtp_timeout_from_environment (void)
{
  const char *value = g_getenv ("MEETDIAL_RTP_TIMEOUT_MS");
  guint64 timeout_ms;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 100, G_MAXUINT / 1000,
                                                    &timeout_ms, NULL))
    return DEFAULT_RTP_TIMEOUT_MS;
  return (guint) timeout_ms;
}

static void
apply_route (MdMediaSession *self)
{
  if (self->pipeline == NULL)
    return;
  md_media_bridge_set_levels (md_media_pipeline_get_bridge (self->pipeline),
                              self->route == MD_MEDIA_ROUTE_LOCAL,
                              self->route == MD_MEDIA_ROUTE_BRIDGE);
  md_media_pipeline_set_speaker_muted (self->pipeline, self->route != MD_MEDIA_ROUTE_LOCAL);
}

static gboolean
check_params (const MdMediaParams     *params,
              const MdMediaCodecInfo **info_out,
              GError                 **error)
{
  g_autoptr(GInetAddress) address = NULL;

  if (params->remote_address != NULL)
    address = g_inet_address_new_from_string (params->remote_address);
  if (address == NULL || params->remote_rtp_port == 0 || params->remote_rtp_port > G_MAXUINT16)
    {
      g_set_error (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_FAILED,
                   _("The far end gave no usable address for the call’s audio"));
      return FALSE;
    }

  *info_out = params->codec.encoding != NULL
              ? md_media_codec_info_lookup (params->codec.encoding, params->codec.clock_rate)
              : NULL;
  if (*info_out == NULL)
    {
      g_set_error (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_NO_CODEC,
                   _("The audio codec %s/%u is not supported"),
                   params->codec.encoding ? params->codec.encoding : "?",
                   params->codec.clock_rate);
      return FALSE;
    }
  return TRUE;
}

static void
md_media_session_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MdMediaSession *self = MD_MEDIA_SESSION (object);

  switch (prop_id)
    {
    case PROP_MUTED:
      g_value_set_boolean (value, self->muted);
      break;
    case PROP_JITTER_LATENCY_MS:
      g_value_set_uint (value, self->jitter_latency_ms);
      break;
    case PROP_RTP_TIMEOUT_MS:
      g_value_set_uint (value, self->rtp_timeout_ms);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_media_session_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  MdMediaSession *self = MD_MEDIA_SESSION (object);

  switch (prop_id)
    {
    case PROP_MUTED:
      md_media_session_set_muted (self, g_value_get_boolean (value));
      break;
    case PROP_RTP_TIMEOUT_MS:
      self->rtp_timeout_ms = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_media_session_dispose (GObject *object)
{
  md_media_session_stop (MD_MEDIA_SESSION (object));

  G_OBJECT_CLASS (md_media_session_parent_class)->dispose (object);
}

static void
md_media_session_finalize (GObject *object)
{
  MdMediaSession *self = MD_MEDIA_SESSION (object);

  g_free (self->local_address);
  g_free (self->input_device);
  g_free (self->output_device);
  g_free ((char *) self->codec.encoding);

  G_OBJECT_CLASS (md_media_session_parent_class)->finalize (object);
}

static void
md_media_session_class_init (MdMediaSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = md_media_session_get_property;
  object_class->set_property = md_media_session_set_property;
  object_class->dispose = md_media_session_dispose;
  object_class->finalize = md_media_session_finalize;

  props[PROP_MUTED] =
    g_param_spec_boolean ("muted", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  props[PROP_JITTER_LATENCY_MS] =
    g_param_spec_uint ("jitter-latency-ms", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* 0: $MEETDIAL_RTP_TIMEOUT_MS, else 8000; read when the session starts. */
  props[PROP_RTP_TIMEOUT_MS] =
    g_param_spec_uint ("rtp-timeout-ms", NULL, NULL, 0, G_MAXUINT / 1000, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);

  signals[SIGNAL_FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
  signals[SIGNAL_FIRST_PACKET] =
    g_signal_new ("first-packet", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_BRIDGE_AUDIO] =
    g_signal_new ("bridge-audio", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
md_media_session_init (MdMediaSession *self)
{
  self->telephone_event_pt = -1;
}

MdMediaSession *
md_media_session_new (const char  *local_address,
                      GError     **error)
{
  GSocket *rtp;
  GSocket *rtcp;

  g_return_val_if_fail (local_address != NULL, NULL);

  if (!md_media_bind_rtp_pair (local_address, &rtp, &rtcp, error))
    return NULL;
  return md_media_session_new_for_sockets (local_address, rtp, rtcp, error);
}

MdMediaSession *
md_media_session_new_for_sockets (const char  *local_address,
                                  GSocket     *rtp_socket,
                                  GSocket     *rtcp_socket,
                                  GError     **error)
{
  MdMediaSession *self;

  g_return_val_if_fail (local_address != NULL, NULL);
  g_return_val_if_fail (G_IS_SOCKET (rtp_socket) && G_IS_SOCKET (rtcp_socket), NULL);

  /* Only sockets here: GStreamer is needed from md_media_session_start()
   * on, so an INVITE that offers the port does not wait for it. */
  self = g_object_new (MD_TYPE_MEDIA_SESSION, NULL);
  self->local_address = g_strdup (local_address);
  self->rtp_socket = rtp_socket;
  self->rtcp_socket = rtcp_socket;
  self->local_rtp_port = md_media_socket_get_port (rtp_socket);
  return self;
}

const char *
md_media_session_get_local_address (MdMediaSession *self)
{
  g_return_val_if_fail (MD_IS_MEDIA_SESSION (self), NULL);

  return self->local_address;
}

guint
md_media_session_get_local_rtp_port (MdMediaSession *self)
{
  g_return_val_if_fail (MD_IS_MEDIA_SESSION (self), 0);

  return self->local_rtp_port;
}

gboolean
md_media_session_start (MdMediaSession       *self,
                        const MdMediaParams  *params,
                        const char           *mic_spec,
                        const char           *speaker_spec,
                        GError              **error)
{
  const MdMediaCodecInfo *info;
  g_autoptr(GstElement) mic = NULL;
  g_autoptr(GstElement) speaker = NULL;
  g_autoptr(GstBus) bus = NULL;
  GstElement *recording_sink = NULL;
  GstElement *element;
  gboolean mic_is_live = TRUE;
  MdMediaDsp dsp = self->dsp;

  g_return_val_if_fail (MD_IS_MEDIA_SESSION (self), FALSE);
  g_return_val_if_fail (params != NULL, FALSE);

  if (self->rtp_socket == NULL)
    {
      g_set_error (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_FAILED,
                   _("This call’s audio was already stopped"));
      return FALSE;
    }
  if (self->pipeline != NULL)
    return md_media_session_update (self, params, error);
  if (!check_params (params, &info, error))
    return FALSE;
  /* The speaker is the call's from now on. */
  g_clear_object (&self->ring);

  mic = md_media_spec_make_source (mic_spec, self->input_device, &mic_is_live, error);
  if (mic == NULL)
    return FALSE;
  gst_object_ref_sink (mic);
  speaker = md_media_spec_make_sink (speaker_spec, self->output_device, &recording_sink, error);
  if (speaker == NULL)
    return FALSE;
  gst_object_ref_sink (speaker);

  self->codec = params->codec;
  self->codec.encoding = g_strdup (params->codec.encoding);
  self->telephone_event_pt = params->telephone_event_pt;
  self->sending = params->send;
  self->receiving = params->receive;
  if (self->rtp_timeout_ms == 0)
    self->rtp_timeout_ms = rtp_timeout_from_environment ();
  self->context = g_main_context_ref_thread_default ();
  if (!md_media_spec_is_room (mic_spec))
    dsp = MD_MEDIA_DSP_NONE;
  self->pipeline = md_media_pipeline_new (params, info, mic, mic_is_live, dsp,
                                          speaker, recording_sink, self->muted,
                                          self->rtp_socket, self->rtcp_socket);
  element = md_media_pipeline_get_element (self->pipeline);
  apply_route (self);

  bus = gst_pipeline_get_bus (GST_PIPELINE (element));
  self->bus_source = gst_bus_create_watch (bus);
  g_source_set_callback (self->bus_source, G_SOURCE_FUNC (on_bus_message), self, NULL);
  g_source_attach (self->bus_source, self->context);

  if (gst_element_set_state (element, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      g_autoptr(GstMessage) message = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);
      g_autoptr(GError) gst_error = NULL;

      if (message != NULL)
        gst_message_parse_error (message, &gst_error, NULL);
      g_set_error (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_FAILED,
                   _("The call’s audio could not start: %s"),
                   gst_error != NULL ? gst_error->message : _("unknown error"));
      md_media_session_stop (self);
      return FALSE;
    }

  md_media_pipeline_reset_last_packet (self->pipeline);
  self->timeout_source = g_timeout_source_new (MIN (250, self->rtp_timeout_ms / 10));
  g_source_set_callback (self->timeout_source, on_timeout_check, self, NULL);
  g_source_attach (self->timeout_source, self->context);
  self->jitter_latency_ms = md_media_pipeline_adapt_jitter (self->pipeline);
  self->jitter_source = g_timeout_source_new (JITTER_CHECK_MS);
  g_source_set_callback (self->jitter_source, on_jitter_check, self, NULL);
  g_source_attach (self->jitter_source, self->context);
  return TRUE;
}

gboolean
md_media_session_update (MdMediaSession       *self,
                         const MdMediaParams  *params,
                         GError              **error)
{
  const MdMediaCodecInfo *info;

  g_return_val_if_fail (MD_IS_MEDIA_SESSION (self), FALSE);
  g_return_val_if_fail (params != NULL, FALSE);

  if (self->pipeline == NULL)
    {
      g_set_error (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_FAILED,
                   _("This call’s audio is not running"));
      return FALSE;
    }
  if (!check_params (params, &info, error))
    return FALSE;
  if (g_ascii_strcasecmp (params->codec.encoding, self->codec.encoding) != 0 ||
      params->codec.payload_type != self->codec.payload_type ||
      params->codec.clock_rate != self->codec.clock_rate)
    {
      g_set_error (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_NO_CODEC,
                   _("The far end asked to change the audio codec during the call, "
                     "which is not supported"));
      return FALSE;
    }

  md_media_pipeline_set_remote (self->pipeline, params);
  md_media_pipeline_set_directions (self->pipeline, params->send, params->receive);
  if (params->telephone_event_pt != self->telephone_event_pt)
    {
      self->telephone_event_pt = params->telephone_event_pt;
      md_media_pipeline_set_event_pt (self->pipeline, params->telephone_event_pt);
    }

  /* Coming back from hold (ours or theirs): the silence while held was
   * not a lost network. */
  if (params->send && params->receive && !(self->sending && self->receiving))
    md_media_pipeline_reset_last_packet (self->pipeline);
  self->sending = params->send;
  self->receiving = params->receive;
  return TRUE;
}

void
md_media_session_set_muted (MdMediaSession *self,
                            gboolean        muted)
{
  g_return_if_fail (MD_IS_MEDIA_SESSION (self));

  muted = !!muted;
  if (self->muted == muted)
    return;
  self->muted = muted;
  if (self->pipeline != NULL)
    md_media_pipeline_set_muted (self->pipeline, muted);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_MUTED]);
}

gboolean
md_media_session_get_muted (MdMediaSession *self)
{
  g_return_val_if_fail (MD_IS_MEDIA_SESSION (self), FALSE);

  return self->muted;
}

static void
on_dtmf_sent (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (md_dtmf_sender_send_finish (MD_DTMF_SENDER (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

gboolean
md_media_session_can_send_dtmf (MdMediaSession  *self,
                                MdDtmfMethod     method,
                                GError         **error)
{
  g_return_val_if_fail (MD_IS_MEDIA_SESSION (self), FALSE);

  if (self->pipeline == NULL)
    {
      g_set_error (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_FAILED,
                   _("This call’s audio is not running"));
      return FALSE;
    }
  if (!self->sending)
    {
      g_set_error (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_HELD,
                   _("Keypad tones cannot be sent while the call is on hold"));
      return FALSE;
    }
  return md_dtmf_sender_can_send (md_media_pipeline_get_dtmf_sender (self->pipeline),
                                  method, error);
}

void
md_media_session_send_dtmf_async (MdMediaSession      *self,
                                  char                 digit,
                                  MdDtmfMethod         method,
                                  guint                duration_ms,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (MD_IS_MEDIA_SESSION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, md_media_session_send_dtmf_async);

  if (!md_media_session_can_send_dtmf (self, method, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  md_dtmf_sender_send_async (md_media_pipeline_get_dtmf_sender (self->pipeline),
                             digit, method, duration_ms, cancellable,
                             on_dtmf_sent, g_steal_pointer (&task));
}

gboolean
md_media_session_send_dtmf_finish (MdMediaSession  *self,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
md_media_session_set_dsp (MdMediaSession *self,
                          MdMediaDsp      dsp)
{
  g_return_if_fail (MD_IS_MEDIA_SESSION (self));

  self->dsp = dsp;
}

/* The sound server's default device of @kind now, or NULL. */
static char *
dup_default_device (MdMediaDeviceKind kind)
{
  g_autoptr(GPtrArray) devices = md_media_devices_list ();

  for (guint i = 0; i < devices->len; i++)
    {
      MdMediaDevice *device = g_ptr_array_index (devices, i);

      if (device->kind == kind && device->is_default)
        return g_strdup (device->id);
    }
  return NULL;
}

/* Where a running stream goes when its device setting changes from @before
 * to @after: a device named; for "the system default" after a device was
 * named, the default device as it is now (a stream once moved no longer
 * follows the default by itself); nowhere when nothing changed. */
static char *
dup_move_target (const char        *before,
                 const char        *after,
                 MdMediaDeviceKind  kind)
{
  if (after != NULL)
    return g_strdup (after);
  if (before != NULL)
    return dup_default_device (kind);
  return NULL;
}

void
md_media_session_set_devices (MdMediaSession *self,
                              const char     *input_id,
                              const char     *output_id)
{
  g_autofree char *input_before = NULL;
  g_autofree char *output_before = NULL;

  g_return_if_fail (MD_IS_MEDIA_SESSION (self));

  input_before = g_steal_pointer (&self->input_device);
  output_before = g_steal_pointer (&self->output_device);
  self->input_device = input_id && *input_id ? g_strdup (input_id) : NULL;
  self->output_device = output_id && *output_id ? g_strdup (output_id) : NULL;
  if (self->pipeline != NULL)
    {
      g_autofree char *input_target = dup_move_target (input_before, self->input_device,
                                                       MD_MEDIA_DEVICE_INPUT);
      g_autofree char *output_target = dup_move_target (output_before, self->output_device,
                                                        MD_MEDIA_DEVICE_OUTPUT);

      g_debug ("Moving the call's audio to %s and %s",
               input_target ? input_target : "(unchanged)",
               output_target ? output_target : "(unchanged)");
      md_media_pipeline_move_devices (self->pipeline, input_target, output_target);
    }
}

void
md_media_session_set_route (MdMediaSession *self,
                            MdMediaRoute    route)
{
  g_return_if_fail (MD_IS_MEDIA_SESSION (self));

  self->route = route;
  apply_route (self);
}

MdMediaRoute
md_media_session_get_route (MdMediaSession *self)
{
  g_return_val_if_fail (MD_IS_MEDIA_SESSION (self), MD_MEDIA_ROUTE_LOCAL);

  return self->route;
}

gboolean
md_media_session_bridge (MdMediaSession  *self,
                         MdMediaSession  *peer,
                         GError         **error)
{
  g_return_val_if_fail (MD_IS_MEDIA_SESSION (self), FALSE);
  g_return_val_if_fail (MD_IS_MEDIA_SESSION (peer), FALSE);
  g_return_val_if_fail (self != peer, FALSE);

  if (self->pipeline == NULL || peer->pipeline == NULL)
    {
      g_set_error (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_FAILED,
                   _("Both calls’ audio must be running to connect them"));
      return FALSE;
    }
  md_media_bridge_connect (md_media_pipeline_get_bridge (self->pipeline),
                           md_media_pipeline_get_bridge (peer->pipeline));
  return TRUE;
}

void
md_media_session_unbridge (MdMediaSession *self)
{
  g_return_if_fail (MD_IS_MEDIA_SESSION (self));

  if (self->pipeline != NULL)
    md_media_bridge_disconnect (md_media_pipeline_get_bridge (self->pipeline));
}

void
md_media_session_set_ring (MdMediaSession *self,
                           const char     *speaker_spec,
                           MdRingToneKind  kind)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (MD_IS_MEDIA_SESSION (self));

  g_clear_object (&self->ring);
  if (kind == MD_RING_TONE_NONE || self->pipeline != NULL || self->rtp_socket == NULL ||
      (speaker_spec != NULL && g_strcmp0 (speaker_spec, "auto") != 0))
    return;

  self->ring = md_ring_tone_new (kind, self->output_device, &error);
  if (self->ring == NULL)
    g_debug ("No ring: %s", error->message);
}

void
md_media_session_stop (MdMediaSession *self)
{
  g_return_if_fail (MD_IS_MEDIA_SESSION (self));

  g_clear_object (&self->ring);

  if (self->timeout_source != NULL)
    {
      g_source_destroy (self->timeout_source);
      g_clear_pointer (&self->timeout_source, g_source_unref);
    }
  if (self->jitter_source != NULL)
    {
      g_source_destroy (self->jitter_source);
      g_clear_pointer (&self->jitter_source, g_source_unref);
    }
  if (self->pipeline != NULL)
    md_media_pipeline_finish_recording (self->pipeline);
  g_clear_pointer (&self->pipeline, md_media_pipeline_free);
  if (self->bus_source != NULL)
    {
      g_source_destroy (self->bus_source);
      g_clear_pointer (&self->bus_source, g_source_unref);
    }
  g_clear_pointer (&self->context, g_main_context_unref);

  if (self->rtp_socket != NULL)
    g_socket_close (self->rtp_socket, NULL);
  if (self->rtcp_socket != NULL)
    g_socket_close (self->rtcp_socket, NULL);
  g_clear_object (&self->rtp_socket);
  g_clear_object (&self->rtcp_socket);
}

guint
md_media_session_get_jitter_latency_ms (MdMediaSession *self)
{
  g_return_val_if_fail (MD_IS_MEDIA_SESSION (self), 0);

  return self->jitter_latency_ms;
}
