/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-media"

#include "config.h"

#include "md-media-session.h"
#include "md-media-codec-private.h"
#include "md-media-sockets.h"
#include "md-media-spec.h"
#include "md-dtmf-sender.h"

#include <glib/gi18n.h>
#include <gst/app/gstappsrc.h>
#include <stdio.h>

#define DEFAULT_RTP_TIMEOUT_MS  8000
#define DEFAULT_PTIME_MS        20
#define JITTER_LATENCY_MS       60
/* How long stop() waits for a recording to be finished on disk. */
#define RECORDING_EOS_TIMEOUT_S 2
#define TONE_PAIR_VOLUME        0.25

enum {
  PROP_0,
  PROP_MUTED,
  N_PROPS
};

enum {
  SIGNAL_FAILED,
  SIGNAL_FIRST_PACKET,
  N_SIGNALS
};

static GParamSpec *props[N_PROPS];
static guint signals[N_SIGNALS];

/* What streaming threads share with the main context; nothing else of the
 * session is reachable from them. Reference-counted, as rtpbin's signal
 * handlers and pad probes may outlive stop() by a moment. */
typedef struct {
  GMutex   lock;
  GCond    cond;
  gint64   last_packet_us;     /* monotonic time of the last RTP packet in */
  gboolean first_packet_seen;
  gboolean recording_done;     /* EOS reached the recording's filesink */
  /* Read-only after start: */
  int      codec_pt;           /* the PT the far end sends audio with */
  int      offered_pt;         /* the PT of our own offer for that codec */
  GstCaps *codec_caps;
  GstCaps *offered_caps;
  GstCaps *event_caps;
  int      event_pt;
} StreamShared;

struct _MdMediaSession {
  GObject       parent_instance;

  char         *local_address;
  GSocket      *rtp_socket;
  GSocket      *rtcp_socket;
  guint         local_rtp_port;
  gboolean      muted;

  GMainContext *context;
  GstElement   *pipeline;
  GSource      *bus_source;
  GSource      *timeout_source;
  StreamShared *shared;
  MdDtmfSender *dtmf;
  GstElement   *mic_volume;
  GstElement   *send_valve;
  GstElement   *recv_valve;
  GstElement   *rtp_sink;
  GstElement   *rtcp_sink;
  GstElement   *event_src;
  GstElement   *depay;
  GstElement   *recording_sink;

  MdMediaCodec  codec;
  int           telephone_event_pt;
  gboolean      sending;
  gboolean      receiving;
  guint         rtp_timeout_ms;
  gboolean      failed;
};

G_DEFINE_TYPE (MdMediaSession, md_media_session, G_TYPE_OBJECT)

G_DEFINE_QUARK (md-media-error-quark, md_media_error)

static void
stream_shared_clear (gpointer data)
{
  StreamShared *shared = data;

  g_mutex_clear (&shared->lock);
  g_cond_clear (&shared->cond);
  g_clear_pointer (&shared->codec_caps, gst_caps_unref);
  g_clear_pointer (&shared->offered_caps, gst_caps_unref);
  g_clear_pointer (&shared->event_caps, gst_caps_unref);
}

static void
stream_shared_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, stream_shared_clear);
}

static void
stream_shared_closure_notify (gpointer  data,
                              GClosure *closure)
{
  stream_shared_unref (data);
}

static GstCaps *
make_rtp_caps (const char *encoding_name,
               guint       clock_rate,
               int         payload_type)
{
  return gst_caps_new_simple ("application/x-rtp",
                              "media", G_TYPE_STRING, "audio",
                              "encoding-name", G_TYPE_STRING, encoding_name,
                              "clock-rate", G_TYPE_INT, (int) clock_rate,
                              "payload", G_TYPE_INT, payload_type,
                              NULL);
}

static GstElement *
add_element (GstElement *pipeline,
             const char *factory,
             const char *name)
{
  GstElement *element = gst_element_factory_make (factory, name);

  if (element == NULL)
    g_critical ("GStreamer element %s is missing", factory);
  else
    gst_bin_add (GST_BIN (pipeline), element);
  return element;
}

static GstElement *
add_caps_filter (GstElement *pipeline,
                 GstCaps    *caps)
{
  GstElement *filter = add_element (pipeline, "capsfilter", NULL);

  g_object_set (filter, "caps", caps, NULL);
  return filter;
}

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

/* Streaming thread: only the shared block is touched. */
static GstPadProbeReturn
on_rtp_arrived (GstPad          *pad,
                GstPadProbeInfo *info,
                gpointer         user_data)
{
  StreamShared *shared = user_data;
  gboolean first;

  g_mutex_lock (&shared->lock);
  shared->last_packet_us = g_get_monotonic_time ();
  first = !shared->first_packet_seen;
  shared->first_packet_seen = TRUE;
  g_mutex_unlock (&shared->lock);

  if (first)
    {
      g_autoptr(GstElement) element = gst_pad_get_parent_element (pad);

      /* The bus carries it to the main context. */
      gst_element_post_message (element,
                                gst_message_new_application (GST_OBJECT (element),
                                                             gst_structure_new_empty ("md-first-packet")));
    }
  return GST_PAD_PROBE_OK;
}

/* Streaming thread. */
static GstPadProbeReturn
on_recording_event (GstPad          *pad,
                    GstPadProbeInfo *info,
                    gpointer         user_data)
{
  StreamShared *shared = user_data;

  if (GST_EVENT_TYPE (GST_PAD_PROBE_INFO_EVENT (info)) == GST_EVENT_EOS)
    {
      g_mutex_lock (&shared->lock);
      shared->recording_done = TRUE;
      g_cond_broadcast (&shared->cond);
      g_mutex_unlock (&shared->lock);
    }
  return GST_PAD_PROBE_OK;
}

/* Streaming thread: rtpbin asks what a payload type means. */
static GstCaps *
on_request_pt_map (GstElement *rtpbin,
                   guint       session,
                   guint       pt,
                   gpointer    user_data)
{
  StreamShared *shared = user_data;

  if ((int) pt == shared->codec_pt)
    return gst_caps_ref (shared->codec_caps);
  if ((int) pt == shared->offered_pt)
    return gst_caps_ref (shared->offered_caps);
  if ((int) pt == shared->event_pt)
    return gst_caps_ref (shared->event_caps);
  return NULL;
}

/* Streaming thread: a new stream (SSRC, PT) came out of rtpbin. Audio goes to
 * the decoder through the funnel (a far end may change SSRC mid-call);
 * anything else, such as incoming telephone-events, is discarded. */
static void
on_rtpbin_pad_added (GstElement *rtpbin,
                     GstPad     *pad,
                     gpointer    user_data)
{
  StreamShared *shared = user_data;
  g_autofree char *name = gst_pad_get_name (pad);
  g_autoptr(GstObject) pipeline = gst_object_get_parent (GST_OBJECT (rtpbin));
  g_autoptr(GstPad) sink_pad = NULL;
  guint session_id, ssrc, pt;

  if (pipeline == NULL ||
      sscanf (name, "recv_rtp_src_%u_%u_%u", &session_id, &ssrc, &pt) != 3)
    return;

  if ((int) pt == shared->codec_pt || (int) pt == shared->offered_pt)
    {
      g_autoptr(GstElement) funnel = gst_bin_get_by_name (GST_BIN (pipeline), "decode-funnel");

      sink_pad = gst_element_request_pad_simple (funnel, "sink_%u");
    }
  else
    {
      GstElement *discard = gst_element_factory_make ("fakesink", NULL);

      g_object_set (discard, "sync", FALSE, "async", FALSE, NULL);
      gst_bin_add (GST_BIN (pipeline), discard);
      gst_element_sync_state_with_parent (discard);
      sink_pad = gst_element_get_static_pad (discard, "sink");
    }

  if (gst_pad_link (pad, sink_pad) != GST_PAD_LINK_OK)
    g_warning ("could not link incoming stream %s", name);
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
        error = g_error_new (MD_MEDIA_ERROR, MD_MEDIA_ERROR_FAILED,
                             _("The call’s audio failed: %s"), gst_error->message);
        emit_failed (self, error);
      }
      break;

    case GST_MESSAGE_APPLICATION:
      if (gst_message_has_name (message, "md-first-packet"))
        g_signal_emit (self, signals[SIGNAL_FIRST_PACKET], 0);
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

  if (!self->receiving || self->failed)
    return G_SOURCE_CONTINUE;

  g_mutex_lock (&self->shared->lock);
  last_us = self->shared->last_packet_us;
  g_mutex_unlock (&self->shared->lock);

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
reset_rtp_clock (MdMediaSession *self)
{
  g_mutex_lock (&self->shared->lock);
  self->shared->last_packet_us = g_get_monotonic_time ();
  g_mutex_unlock (&self->shared->lock);
}

static GstCaps *
raw_caps (const MdMediaCodecInfo *info)
{
  return gst_caps_new_simple ("audio/x-raw",
                              "format", G_TYPE_STRING, "S16LE",
                              "layout", G_TYPE_STRING, "interleaved",
                              "rate", G_TYPE_INT, (int) info->audio_rate,
                              "channels", G_TYPE_INT, 1,
                              NULL);
}

/* A live sine (or silence) source at the encoder's format, into @mixer. */
static GstPad *
add_mixer_source (MdMediaSession *self,
                  GstElement     *mixer,
                  GstCaps        *caps,
                  int             samples_per_packet,
                  int             wave,
                  double          volume,
                  GstElement    **source_out)
{
  GstElement *source = add_element (self->pipeline, "audiotestsrc", NULL);
  GstElement *filter = add_caps_filter (self->pipeline, caps);
  GstPad *mixer_pad = gst_element_request_pad_simple (mixer, "sink_%u");
  g_autoptr(GstPad) filter_pad = gst_element_get_static_pad (filter, "src");

  g_object_set (source, "is-live", TRUE, "wave", wave, "volume", volume,
                "samplesperbuffer", samples_per_packet, NULL);
  gst_element_link (source, filter);
  gst_pad_link (filter_pad, mixer_pad);
  if (source_out != NULL)
    *source_out = source;
  return mixer_pad;
}

static void
link_to_request_pad (GstElement *from,
                     GstElement *to,
                     const char *template_name)
{
  g_autoptr(GstPad) src_pad = gst_element_get_static_pad (from, "src");
  g_autoptr(GstPad) sink_pad = gst_element_request_pad_simple (to, template_name);

  gst_pad_link (src_pad, sink_pad);
}

static gboolean
codec_is_g711 (const MdMediaCodec *codec)
{
  return codec->payload_type == 0 || codec->payload_type == 8 ||
         g_ascii_strcasecmp (codec->encoding, "PCMU") == 0 ||
         g_ascii_strcasecmp (codec->encoding, "PCMA") == 0;
}

/* mic → resample → mute → mixer (+ silence base, + DTMF tone pair on G.711)
 * → encoder → payloader → rtpdtmfmux (+ telephone-events) → rtpbin → valve → udpsink */
static void
build_send_path (MdMediaSession         *self,
                 const MdMediaParams    *params,
                 const MdMediaCodecInfo *info,
                 GstElement             *mic,
                 GstElement             *rtpbin)
{
  g_autoptr(GstCaps) caps = raw_caps (info);
  g_autoptr(GstCaps) event_caps = NULL;
  g_autoptr(GstPad) mixer_pad = NULL;
  g_autoptr(GstPad) base_pad = NULL;
  g_autoptr(GstPad) volume_pad = NULL;
  GstElement *convert, *resample, *filter, *mixer, *mixed, *encoder, *payloader, *mux;
  guint ptime_ms = params->ptime_ms > 0 ? params->ptime_ms : DEFAULT_PTIME_MS;
  int samples_per_packet = info->audio_rate * ptime_ms / 1000;
  GstElementFactory *mic_factory = gst_element_get_factory (mic);

  /* Generated sound comes one packet at a time, not in the default 1024
   * samples (128 ms at 8 kHz), which would add that much delay. */
  if (mic_factory != NULL &&
      g_strcmp0 (gst_plugin_feature_get_name (GST_PLUGIN_FEATURE (mic_factory)), "audiotestsrc") == 0)
    g_object_set (mic, "samplesperbuffer", samples_per_packet, NULL);

  gst_bin_add (GST_BIN (self->pipeline), mic);
  convert = add_element (self->pipeline, "audioconvert", NULL);
  resample = add_element (self->pipeline, "audioresample", NULL);
  filter = add_caps_filter (self->pipeline, caps);
  self->mic_volume = add_element (self->pipeline, "volume", "mic-volume");
  g_object_set (self->mic_volume, "mute", self->muted, NULL);
  mixer = add_element (self->pipeline, "audiomixer", "send-mixer");
  /* Without slack the mixer may give up on the mic branch (one more element
   * than the silence base) and send silence instead of the voice. */
  g_object_set (mixer, "latency", (guint64) 2 * ptime_ms * GST_MSECOND, NULL);
  mixed = add_caps_filter (self->pipeline, caps);
  encoder = add_element (self->pipeline, info->encoder, NULL);
  payloader = add_element (self->pipeline, info->payloader, NULL);
  mux = add_element (self->pipeline, "rtpdtmfmux", NULL);

  gst_element_link_many (mic, convert, resample, filter, self->mic_volume, NULL);
  volume_pad = gst_element_get_static_pad (self->mic_volume, "src");
  mixer_pad = gst_element_request_pad_simple (mixer, "sink_%u");
  gst_pad_link (volume_pad, mixer_pad);
  /* A live silence keeps the mixer (and the RTP clock) running whatever the
   * mic does: a WAV file ends, or is not live at all. */
  base_pad = add_mixer_source (self, mixer, caps, samples_per_packet, 4 /* silence */, 1.0, NULL);

  if (g_strcmp0 (info->encoder, "opusenc") == 0)
    g_object_set (encoder, "frame-size", ptime_ms, NULL);
  g_object_set (payloader,
                "pt", params->codec.payload_type,
                "min-ptime", (gint64) ptime_ms * GST_MSECOND,
                "max-ptime", (gint64) ptime_ms * GST_MSECOND,
                NULL);
  gst_element_link_many (mixer, mixed, encoder, payloader, NULL);
  link_to_request_pad (payloader, mux, "sink_%u");

  self->dtmf = md_dtmf_sender_new (self->pipeline, ptime_ms);

  /* Telephone-events share the audio's SSRC and sequence numbers via the mux. */
  self->event_src = add_element (self->pipeline, "appsrc", "event-src");
  event_caps = make_rtp_caps ("TELEPHONE-EVENT", 8000,
                              params->telephone_event_pt >= 0 ? params->telephone_event_pt : 101);
  g_object_set (self->event_src, "is-live", TRUE, "format", GST_FORMAT_TIME,
                "caps", event_caps, NULL);
  link_to_request_pad (self->event_src, mux, "priority_sink_%u");
  md_dtmf_sender_set_rtp (self->dtmf, self->event_src, params->telephone_event_pt, 8000);

  if (codec_is_g711 (&params->codec))
    {
      GstElement *low_src, *high_src;
      g_autoptr(GstPad) low_pad = add_mixer_source (self, mixer, caps, samples_per_packet,
                                                    0 /* sine */,
                                                    TONE_PAIR_VOLUME, &low_src);
      g_autoptr(GstPad) high_pad = add_mixer_source (self, mixer, caps, samples_per_packet,
                                                    0 /* sine */,
                                                     TONE_PAIR_VOLUME, &high_src);

      md_dtmf_sender_set_tones (self->dtmf, low_src, low_pad, high_src, high_pad);
    }

  {
    g_autoptr(GstPad) mux_src = gst_element_get_static_pad (mux, "src");
    g_autoptr(GstPad) rtp_sink_pad = gst_element_request_pad_simple (rtpbin, "send_rtp_sink_0");

    gst_pad_link (mux_src, rtp_sink_pad);
  }

  self->send_valve = add_element (self->pipeline, "valve", "send-valve");
  g_object_set (self->send_valve, "drop", !params->send, NULL);
  self->rtp_sink = add_element (self->pipeline, "udpsink", "rtp-sink");
  self->rtcp_sink = add_element (self->pipeline, "udpsink", "rtcp-sink");
  g_object_set (self->rtp_sink, "socket", self->rtp_socket, "close-socket", FALSE,
                "host", params->remote_address, "port", params->remote_rtp_port,
                "sync", FALSE, "async", FALSE, NULL);
  g_object_set (self->rtcp_sink, "socket", self->rtcp_socket, "close-socket", FALSE,
                "host", params->remote_address,
                "port", params->remote_rtcp_port > 0 ? params->remote_rtcp_port
                                                     : params->remote_rtp_port + 1,
                "sync", FALSE, "async", FALSE, NULL);
  gst_element_link_pads (rtpbin, "send_rtp_src_0", self->send_valve, "sink");
  gst_element_link (self->send_valve, self->rtp_sink);
  gst_element_link_pads (rtpbin, "send_rtcp_src_0", self->rtcp_sink, "sink");
}

/* udpsrc → valve → rtpbin (jitter buffer) → funnel → depay → decoder → speaker */
static void
build_receive_path (MdMediaSession         *self,
                    const MdMediaParams    *params,
                    const MdMediaCodecInfo *info,
                    GstElement             *speaker,
                    GstElement             *rtpbin)
{
  GstElement *rtp_src, *rtcp_src, *funnel, *decoder, *convert, *resample;
  g_autoptr(GstPad) probe_pad = NULL;

  rtp_src = add_element (self->pipeline, "udpsrc", "rtp-src");
  rtcp_src = add_element (self->pipeline, "udpsrc", "rtcp-src");
  g_object_set (rtp_src, "socket", self->rtp_socket, "close-socket", FALSE,
                "caps", self->shared->codec_caps, NULL);
  g_object_set (rtcp_src, "socket", self->rtcp_socket, "close-socket", FALSE, NULL);
  self->recv_valve = add_element (self->pipeline, "valve", "recv-valve");
  g_object_set (self->recv_valve, "drop", !params->receive, NULL);

  probe_pad = gst_element_get_static_pad (rtp_src, "src");
  gst_pad_add_probe (probe_pad, GST_PAD_PROBE_TYPE_BUFFER | GST_PAD_PROBE_TYPE_BUFFER_LIST,
                     on_rtp_arrived, g_atomic_rc_box_acquire (self->shared),
                     stream_shared_unref);

  gst_element_link (rtp_src, self->recv_valve);
  gst_element_link_pads (self->recv_valve, "src", rtpbin, "recv_rtp_sink_0");
  gst_element_link_pads (rtcp_src, "src", rtpbin, "recv_rtcp_sink_0");

  funnel = add_element (self->pipeline, "funnel", "decode-funnel");
  self->depay = add_element (self->pipeline, info->depayloader, NULL);
  decoder = add_element (self->pipeline, info->decoder, NULL);
  convert = add_element (self->pipeline, "audioconvert", NULL);
  resample = add_element (self->pipeline, "audioresample", NULL);
  gst_bin_add (GST_BIN (self->pipeline), speaker);
  gst_element_link_many (funnel, self->depay, decoder, convert, resample, speaker, NULL);

  g_signal_connect_data (rtpbin, "request-pt-map", G_CALLBACK (on_request_pt_map),
                         g_atomic_rc_box_acquire (self->shared),
                         stream_shared_closure_notify, 0);
  g_signal_connect_data (rtpbin, "pad-added", G_CALLBACK (on_rtpbin_pad_added),
                         g_atomic_rc_box_acquire (self->shared),
                         stream_shared_closure_notify, 0);

  if (self->recording_sink != NULL)
    {
      g_autoptr(GstPad) sink_pad = gst_element_get_static_pad (self->recording_sink, "sink");

      gst_pad_add_probe (sink_pad, GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM, on_recording_event,
                         g_atomic_rc_box_acquire (self->shared), stream_shared_unref);
    }
}

static StreamShared *
stream_shared_new (const MdMediaParams    *params,
                   const MdMediaCodecInfo *info)
{
  StreamShared *shared = g_atomic_rc_box_new0 (StreamShared);

  g_mutex_init (&shared->lock);
  g_cond_init (&shared->cond);
  shared->last_packet_us = g_get_monotonic_time ();
  shared->codec_pt = params->codec.payload_type;
  shared->offered_pt = info->codec.payload_type;
  shared->event_pt = params->telephone_event_pt;
  shared->codec_caps = make_rtp_caps (info->rtp_encoding_name, info->codec.clock_rate,
                                      params->codec.payload_type);
  shared->offered_caps = make_rtp_caps (info->rtp_encoding_name, info->codec.clock_rate,
                                        info->codec.payload_type);
  shared->event_caps = make_rtp_caps ("TELEPHONE-EVENT", 8000, params->telephone_event_pt);
  return shared;
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
  g_object_class_install_properties (object_class, N_PROPS, props);

  signals[SIGNAL_FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
  signals[SIGNAL_FIRST_PACKET] =
    g_signal_new ("first-packet", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
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
  g_autoptr(MdMediaSession) self = NULL;
  g_autoptr(GSocketAddress) bound = NULL;

  g_return_val_if_fail (local_address != NULL, NULL);

  md_media_ensure_gst ();
  self = g_object_new (MD_TYPE_MEDIA_SESSION, NULL);
  self->local_address = g_strdup (local_address);
  if (!md_media_bind_rtp_pair (local_address, &self->rtp_socket, &self->rtcp_socket, error))
    return NULL;

  bound = g_socket_get_local_address (self->rtp_socket, error);
  if (bound == NULL)
    return NULL;
  self->local_rtp_port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  return g_steal_pointer (&self);
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
  GstElement *rtpbin;

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

  mic = md_media_spec_make_source (mic_spec, error);
  if (mic == NULL)
    return FALSE;
  gst_object_ref_sink (mic);
  speaker = md_media_spec_make_sink (speaker_spec, &recording_sink, error);
  if (speaker == NULL)
    return FALSE;
  gst_object_ref_sink (speaker);

  self->codec = params->codec;
  self->codec.encoding = g_strdup (params->codec.encoding);
  self->telephone_event_pt = params->telephone_event_pt;
  self->sending = params->send;
  self->receiving = params->receive;
  self->rtp_timeout_ms = rtp_timeout_from_environment ();
  self->context = g_main_context_ref_thread_default ();
  self->shared = stream_shared_new (params, info);
  self->recording_sink = recording_sink;

  self->pipeline = gst_pipeline_new ("md-media");
  rtpbin = add_element (self->pipeline, "rtpbin", "rtpbin");
  g_object_set (rtpbin, "latency", JITTER_LATENCY_MS, "do-lost", TRUE, NULL);
  build_send_path (self, params, info, mic, rtpbin);
  build_receive_path (self, params, info, speaker, rtpbin);

  bus = gst_pipeline_get_bus (GST_PIPELINE (self->pipeline));
  self->bus_source = gst_bus_create_watch (bus);
  g_source_set_callback (self->bus_source, G_SOURCE_FUNC (on_bus_message), self, NULL);
  g_source_attach (self->bus_source, self->context);

  if (gst_element_set_state (self->pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
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

  reset_rtp_clock (self);
  self->timeout_source = g_timeout_source_new (MIN (250, self->rtp_timeout_ms / 10));
  g_source_set_callback (self->timeout_source, on_timeout_check, self, NULL);
  g_source_attach (self->timeout_source, self->context);
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

  g_object_set (self->rtp_sink, "host", params->remote_address,
                "port", params->remote_rtp_port, NULL);
  g_object_set (self->rtcp_sink, "host", params->remote_address,
                "port", params->remote_rtcp_port > 0 ? params->remote_rtcp_port
                                                     : params->remote_rtp_port + 1,
                NULL);
  g_object_set (self->send_valve, "drop", !params->send, NULL);
  g_object_set (self->recv_valve, "drop", !params->receive, NULL);

  if (params->telephone_event_pt != self->telephone_event_pt)
    {
      g_autoptr(GstCaps) caps = make_rtp_caps ("TELEPHONE-EVENT", 8000,
                                               params->telephone_event_pt >= 0
                                               ? params->telephone_event_pt : 101);

      self->telephone_event_pt = params->telephone_event_pt;
      gst_app_src_set_caps (GST_APP_SRC (self->event_src), caps);
      md_dtmf_sender_set_payload_type (self->dtmf, params->telephone_event_pt);
    }

  /* Coming back from hold: the silence while held was not a lost network. */
  if (params->receive && !self->receiving)
    reset_rtp_clock (self);
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
  if (self->mic_volume != NULL)
    g_object_set (self->mic_volume, "mute", muted, NULL);
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

  g_return_if_fail (MD_IS_MEDIA_SESSION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, md_media_session_send_dtmf_async);

  if (self->dtmf == NULL)
    {
      g_task_return_new_error (task, MD_MEDIA_ERROR, MD_MEDIA_ERROR_FAILED,
                               _("This call’s audio is not running"));
      return;
    }
  if (!self->sending)
    {
      g_task_return_new_error (task, MD_MEDIA_ERROR, MD_MEDIA_ERROR_FAILED,
                               _("Keypad tones cannot be sent while the call is on hold"));
      return;
    }
  md_dtmf_sender_send_async (self->dtmf, digit, method, duration_ms, cancellable,
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

/* Lets a WAV recording receive EOS so that wavenc writes its final header. */
static void
finish_recording (MdMediaSession *self)
{
  g_autoptr(GstPad) head = gst_element_get_static_pad (self->depay, "sink");
  gint64 deadline = g_get_monotonic_time () + RECORDING_EOS_TIMEOUT_S * G_TIME_SPAN_SECOND;

  gst_pad_send_event (head, gst_event_new_eos ());

  g_mutex_lock (&self->shared->lock);
  while (!self->shared->recording_done)
    if (!g_cond_wait_until (&self->shared->cond, &self->shared->lock, deadline))
      break;
  if (!self->shared->recording_done)
    g_warning ("the recording did not finish in time; its WAV header may be incomplete");
  g_mutex_unlock (&self->shared->lock);
}

void
md_media_session_stop (MdMediaSession *self)
{
  g_return_if_fail (MD_IS_MEDIA_SESSION (self));

  if (self->dtmf != NULL)
    md_dtmf_sender_shutdown (self->dtmf);
  g_clear_object (&self->dtmf);

  if (self->timeout_source != NULL)
    {
      g_source_destroy (self->timeout_source);
      g_clear_pointer (&self->timeout_source, g_source_unref);
    }

  if (self->pipeline != NULL)
    {
      if (self->recording_sink != NULL)
        finish_recording (self);
      gst_element_set_state (self->pipeline, GST_STATE_NULL);
      g_clear_object (&self->pipeline);
    }
  if (self->bus_source != NULL)
    {
      g_source_destroy (self->bus_source);
      g_clear_pointer (&self->bus_source, g_source_unref);
    }

  self->mic_volume = NULL;
  self->send_valve = NULL;
  self->recv_valve = NULL;
  self->rtp_sink = NULL;
  self->rtcp_sink = NULL;
  self->event_src = NULL;
  self->depay = NULL;
  self->recording_sink = NULL;
  g_clear_pointer (&self->shared, stream_shared_unref);
  g_clear_pointer (&self->context, g_main_context_unref);

  if (self->rtp_socket != NULL)
    g_socket_close (self->rtp_socket, NULL);
  if (self->rtcp_socket != NULL)
    g_socket_close (self->rtcp_socket, NULL);
  g_clear_object (&self->rtp_socket);
  g_clear_object (&self->rtcp_socket);
}
