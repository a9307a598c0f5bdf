/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-media"

#include "config.h"

#include "md-media-pipeline.h"
#include "md-jitter-adapter.h"
#include "md-media-bridge.h"
#include "md-media-util.h"
#include "md-media-dsp.h"
#include "md-media-srtp.h"
#include "md-media-spec.h"

#include <glib/gstdio.h>
#include <gst/app/gstappsrc.h>
#include <stdio.h>
#include <string.h>

#define DEFAULT_PTIME_MS        20
/* How long a stop waits for a recording to be finished on disk. */
#define RECORDING_EOS_TIMEOUT_S 2
/* How long a stop waits for the pipeline to come down: moments, unless the
 * sound server hangs (see md_media_pipeline_free()). */
#define TEARDOWN_TIMEOUT_S      5

/* What streaming threads share with the main context; nothing else of the
 * session is reachable from them. Reference-counted, as rtpbin's signal
 * handlers and pad probes may outlive the pipeline's owner by a moment. */
typedef struct _MdStreamShared StreamShared;

struct _MdStreamShared {
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
};

struct _MdMediaPipeline {
  GstElement      *pipeline;
  MdJitterAdapter *jitter;
  StreamShared *shared;
  MdDtmfSender *dtmf;
  GstElement   *mic_volume;
  GstElement   *speaker_volume;
  MdMediaBridge *bridge;       /* the route switch: mic or another call */
  MdMediaDsp    dsp;
  char         *echo_probe_name;  /* unique per pipeline; NULL without DSP */
  GstElement   *speaker_feed;     /* the last element before the speaker */
  GstElement   *send_valve;
  GstElement   *recv_valve;
  GstElement   *rtp_sink;
  GstElement   *rtcp_sink;
  GstElement   *event_src;
  guint         event_caps_rate;
  GstElement   *depay;
  GstElement   *recording_sink;
  guint         recording_rate;
};

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
      GstStructure *structure = gst_structure_new_empty ("md-first-packet");

      /* The bus carries it to the main context. */
      gst_element_post_message (element,
                                gst_message_new_application (GST_OBJECT (element), structure));
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

static void
link_to_request_pad (GstElement *from,
                     GstElement *to,
                     const char *template_name)
{
  g_autoptr(GstPad) src_pad = gst_element_get_static_pad (from, "src");
  g_autoptr(GstPad) sink_pad = gst_element_request_pad_simple (to, template_name);

  gst_pad_link (src_pad, sink_pad);
}

/* Streaming thread, once: a file's timestamps start at 0, but it joins a
 * live mix that has run for a while by then (more on a slow machine). Offset
 * its running time so the file starts now, instead of its start being
 * dropped by the mixer as late. */
static GstPadProbeReturn
on_first_file_buffer (GstPad          *pad,
                      GstPadProbeInfo *info,
                      gpointer         user_data)
{
  GstBuffer *buffer = GST_PAD_PROBE_INFO_BUFFER (info);
  g_autoptr(GstElement) element = gst_pad_get_parent_element (pad);
  g_autoptr(GstClock) clock = element != NULL ? gst_element_get_clock (element) : NULL;
  GstClockTime now;
  GstState state;

  if (element == NULL || !GST_BUFFER_PTS_IS_VALID (buffer))
    return GST_PAD_PROBE_OK;

  /* A file prerolls: its first buffer can come while the pipeline is still
   * paused, when the base time is not yet set (then it is 0, and "now" would
   * be hours ahead, pushing the whole file out of the call). That buffer
   * waits at the mixer for the pipeline to play, so time 0 is right. */
  GST_OBJECT_LOCK (element);
  state = GST_STATE (element);
  GST_OBJECT_UNLOCK (element);
  if (state != GST_STATE_PLAYING || clock == NULL)
    return GST_PAD_PROBE_REMOVE;

  now = gst_clock_get_time (clock) - gst_element_get_base_time (element);
  if (now > GST_BUFFER_PTS (buffer))
    gst_pad_set_offset (pad, (gint64) (now - GST_BUFFER_PTS (buffer)));
  return GST_PAD_PROBE_REMOVE;
}

/* Paces a mic that is not live (a WAV file) by mixing it into a live
 * silence, which also keeps audio going once the file has ended. */
static GstElement *
add_live_silence_under (MdMediaPipeline *self,
                        GstElement      *upstream,
                        GstCaps         *caps,
                        int              samples_per_packet,
                        guint            ptime_ms)
{
  GstElement *mixer = md_media_add_element (self->pipeline, "audiomixer", "send-mixer");
  GstElement *silence = md_media_add_element (self->pipeline, "audiotestsrc", NULL);
  GstElement *silence_caps = md_media_add_caps_filter (self->pipeline, caps);
  GstElement *mixed = md_media_add_caps_filter (self->pipeline, caps);

  g_object_set (mixer, "latency", (guint64) 2 * ptime_ms * GST_MSECOND, NULL);
  g_object_set (silence, "is-live", TRUE, "wave", 4 /* silence */,
                "samplesperbuffer", samples_per_packet, NULL);
  gst_element_link (silence, silence_caps);
  link_to_request_pad (silence_caps, mixer, "sink_%u");
  link_to_request_pad (upstream, mixer, "sink_%u");
  {
    g_autoptr(GstPad) file_pad = gst_element_get_static_pad (upstream, "src");

    gst_pad_add_probe (file_pad, GST_PAD_PROBE_TYPE_BUFFER, on_first_file_buffer, NULL, NULL);
  }
  gst_element_link (mixer, mixed);
  return mixed;
}

static gboolean
codec_is_g711 (const MdMediaCodec *codec)
{
  return codec->payload_type == 0 || codec->payload_type == 8 ||
         g_ascii_strcasecmp (codec->encoding, "PCMU") == 0 ||
         g_ascii_strcasecmp (codec->encoding, "PCMA") == 0;
}

/* mic → convert → resample → [mixer with live silence, for a file] → volume
 * (mute) [+ in-band tones on G.711] → encoder → payloader → rtpdtmfmux
 * (+ telephone-events) → rtpbin → valve → udpsink */
static void
build_send_path (MdMediaPipeline        *self,
                 const MdMediaParams    *params,
                 const MdMediaCodecInfo *info,
                 GstElement             *mic,
                 gboolean                mic_is_live,
                 gboolean                muted,
                 GSocket                *rtp_socket,
                 GSocket                *rtcp_socket,
                 GstElement             *rtpbin)
{
  g_autoptr(GstCaps) caps = raw_caps (info);
  g_autoptr(GstCaps) event_caps = NULL;
  GstElement *convert, *resample, *filter, *raw, *encoder, *payloader, *mux;
  guint ptime_ms = params->ptime_ms > 0 ? params->ptime_ms : DEFAULT_PTIME_MS;
  int samples_per_packet = info->audio_rate * ptime_ms / 1000;
  GstElementFactory *mic_factory = gst_element_get_factory (mic);

  /* Generated sound comes one packet at a time, not in the default 1024
   * samples (128 ms at 8 kHz), which would add that much delay. */
  if (mic_factory != NULL &&
      g_strcmp0 (gst_plugin_feature_get_name (GST_PLUGIN_FEATURE (mic_factory)),
                 "audiotestsrc") == 0)
    g_object_set (mic, "samplesperbuffer", samples_per_packet, NULL);

  gst_bin_add (GST_BIN (self->pipeline), mic);
  convert = md_media_add_element (self->pipeline, "audioconvert", NULL);
  resample = md_media_add_element (self->pipeline, "audioresample", NULL);
  filter = md_media_add_caps_filter (self->pipeline, caps);
  gst_element_link_many (mic, convert, resample, filter, NULL);
  raw = mic_is_live ? filter
                    : add_live_silence_under (self, filter, caps, samples_per_packet, ptime_ms);
  if (self->dsp != MD_MEDIA_DSP_NONE)
    raw = md_media_dsp_add (self->pipeline, raw, self->dsp, self->echo_probe_name);
  self->bridge = md_media_bridge_new (self->pipeline, raw, caps, ptime_ms);
  raw = md_media_bridge_get_output (self->bridge);

  self->mic_volume = md_media_add_element (self->pipeline, "volume", "mic-volume");
  g_object_set (self->mic_volume, "mute", muted, NULL);
  encoder = md_media_add_element (self->pipeline, info->encoder, NULL);
  payloader = md_media_add_element (self->pipeline, info->payloader, NULL);
  mux = md_media_add_element (self->pipeline, "rtpdtmfmux", NULL);
  if (g_strcmp0 (info->encoder, "opusenc") == 0)
    g_object_set (encoder, "frame-size", ptime_ms, NULL);
  g_object_set (payloader,
                "pt", params->codec.payload_type,
                "min-ptime", (gint64) ptime_ms * GST_MSECOND,
                "max-ptime", (gint64) ptime_ms * GST_MSECOND,
                NULL);
  gst_element_link_many (raw, self->mic_volume, encoder, payloader, NULL);
  link_to_request_pad (payloader, mux, "sink_%u");

  self->dtmf = md_dtmf_sender_new (self->pipeline, ptime_ms);
  /* In-band tones go after the mute, so keypad tones still reach the far end. */
  if (codec_is_g711 (&params->codec))
    {
      g_autoptr(GstPad) volume_src = gst_element_get_static_pad (self->mic_volume, "src");

      md_dtmf_sender_set_tone_pad (self->dtmf, volume_src, info->audio_rate);
    }

  /* Telephone-events share the audio's SSRC and sequence numbers via the mux.
   * rtpmux insists on one clock rate for all its inputs, so the caps carry
   * the audio's (48000 for opus); the event packets themselves count in the
   * 8000 Hz that telephone-event/8000 in the SDP declares. */
  self->event_src = md_media_add_element (self->pipeline, "appsrc", "event-src");
  self->event_caps_rate = info->codec.clock_rate;
  event_caps = make_rtp_caps ("TELEPHONE-EVENT", self->event_caps_rate,
                              params->telephone_event_pt >= 0 ? params->telephone_event_pt : 101);
  g_object_set (self->event_src, "is-live", TRUE, "format", GST_FORMAT_TIME,
                "caps", event_caps, NULL);
  link_to_request_pad (self->event_src, mux, "priority_sink_%u");
  md_dtmf_sender_set_rtp (self->dtmf, self->event_src, params->telephone_event_pt, 8000);

  {
    g_autoptr(GstPad) mux_src = gst_element_get_static_pad (mux, "src");
    g_autoptr(GstPad) rtp_sink_pad = gst_element_request_pad_simple (rtpbin, "send_rtp_sink_0");

    gst_pad_link (mux_src, rtp_sink_pad);
  }

  self->send_valve = md_media_add_element (self->pipeline, "valve", "send-valve");
  self->rtp_sink = md_media_add_element (self->pipeline, "udpsink", "rtp-sink");
  self->rtcp_sink = md_media_add_element (self->pipeline, "udpsink", "rtcp-sink");
  g_object_set (self->rtp_sink, "socket", rtp_socket, "close-socket", FALSE,
                "sync", FALSE, "async", FALSE, NULL);
  g_object_set (self->rtcp_sink, "socket", rtcp_socket, "close-socket", FALSE,
                "sync", FALSE, "async", FALSE, NULL);
  md_media_pipeline_set_remote (self, params);
  gst_element_link_pads (rtpbin, "send_rtp_src_0", self->send_valve, "sink");
  gst_element_link (self->send_valve, self->rtp_sink);
  gst_element_link_pads (rtpbin, "send_rtcp_src_0", self->rtcp_sink, "sink");
}

/* udpsrc → valve → rtpbin (jitter buffer) → funnel → depay → decoder → speaker */
static void
build_receive_path (MdMediaPipeline        *self,
                    const MdMediaParams    *params,
                    const MdMediaCodecInfo *info,
                    GstElement             *speaker,
                    GSocket                *rtp_socket,
                    GSocket                *rtcp_socket,
                    GstElement             *rtpbin)
{
  GstElement *rtp_src, *rtcp_src, *funnel, *decoder, *convert, *resample, *mono;
  g_autoptr(GstCaps) mono_caps = NULL;
  g_autoptr(GstPad) probe_pad = NULL;

  rtp_src = md_media_add_element (self->pipeline, "udpsrc", "rtp-src");
  rtcp_src = md_media_add_element (self->pipeline, "udpsrc", "rtcp-src");
  /* Nothing here reads where a packet came from (the far end's address is
   * the SDP's), and keeping it costs two GObjects per packet. */
  g_object_set (rtp_src, "socket", rtp_socket, "close-socket", FALSE,
                "caps", self->shared->codec_caps, "retrieve-sender-address", FALSE, NULL);
  g_object_set (rtcp_src, "socket", rtcp_socket, "close-socket", FALSE,
                "retrieve-sender-address", FALSE, NULL);
  if (params->srtp_recv_key[0] != '\0')
    {
      g_autoptr(GstCaps) srtp_caps = md_media_srtp_caps (self->shared->codec_caps,
                                                         params->srtp_recv_key, FALSE);
      g_autoptr(GstCaps) srtcp_caps = md_media_srtp_caps (NULL, params->srtp_recv_key, TRUE);

      g_object_set (rtp_src, "caps", srtp_caps, NULL);
      g_object_set (rtcp_src, "caps", srtcp_caps, NULL);
    }
  self->recv_valve = md_media_add_element (self->pipeline, "valve", "recv-valve");

  probe_pad = gst_element_get_static_pad (rtp_src, "src");
  gst_pad_add_probe (probe_pad, GST_PAD_PROBE_TYPE_BUFFER | GST_PAD_PROBE_TYPE_BUFFER_LIST,
                     on_rtp_arrived, g_atomic_rc_box_acquire (self->shared),
                     stream_shared_unref);

  gst_element_link (rtp_src, self->recv_valve);
  gst_element_link_pads (self->recv_valve, "src", rtpbin, "recv_rtp_sink_0");
  gst_element_link_pads (rtcp_src, "src", rtpbin, "recv_rtcp_sink_0");

  funnel = md_media_add_element (self->pipeline, "funnel", "decode-funnel");
  self->depay = md_media_add_element (self->pipeline, info->depayloader, NULL);
  decoder = md_media_add_element (self->pipeline, info->decoder, NULL);
  convert = md_media_add_element (self->pipeline, "audioconvert", NULL);
  resample = md_media_add_element (self->pipeline, "audioresample", NULL);
  /* A call is mono: opus/48000/2 decodes to two equal channels, and a
   * recording should not depend on the codec. */
  mono_caps = gst_caps_new_simple ("audio/x-raw", "channels", G_TYPE_INT, 1, NULL);
  mono = md_media_add_caps_filter (self->pipeline, mono_caps);
  self->speaker_volume = md_media_add_element (self->pipeline, "volume", "speaker-volume");
  gst_bin_add (GST_BIN (self->pipeline), speaker);
  gst_element_link_many (funnel, self->depay, decoder, convert, resample, mono,
                         self->speaker_volume, NULL);
  self->speaker_feed = self->speaker_volume;
  /* The echo canceller hears what the speaker plays, after the mute. */
  if (self->echo_probe_name != NULL)
    {
      GstElement *probe = md_media_dsp_add_probe (self->pipeline, self->echo_probe_name);

      gst_element_link (self->speaker_volume, probe);
      self->speaker_feed = probe;
    }
  gst_element_link (self->speaker_feed, speaker);
  {
    g_autoptr(GstPad) decoded = gst_element_get_static_pad (mono, "src");

    md_media_bridge_tap (self->bridge, decoded);
  }

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

/* The echo-loop room model (md-media-spec.h): what the speaker plays comes
 * back into the mic. */
static void
connect_echo_loop (MdMediaPipeline *self)
{
  g_autoptr(GstElement) loop = gst_bin_get_by_name (GST_BIN (self->pipeline),
                                                    MD_MEDIA_SPEC_ECHO_LOOP_INPUT);
  g_autoptr(GstPad) played = NULL;

  if (loop == NULL)
    return;
  played = gst_element_get_static_pad (self->speaker_feed, "src");
  md_media_tap_to_appsrc (played, loop);
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

MdMediaPipeline *
md_media_pipeline_new (const MdMediaParams    *params,
                       const MdMediaCodecInfo *info,
                       GstElement             *mic,
                       gboolean                mic_is_live,
                       MdMediaDsp              dsp,
                       GstElement             *speaker,
                       GstElement             *recording_sink,
                       gboolean                muted,
                       GSocket                *rtp_socket,
                       GSocket                *rtcp_socket)
{
  MdMediaPipeline *self = g_new0 (MdMediaPipeline, 1);
  GstElement *rtpbin;

  self->shared = stream_shared_new (params, info);
  self->recording_sink = recording_sink;
  self->recording_rate = info->audio_rate;
  self->pipeline = gst_pipeline_new ("md-media");
  /* A call keeps time by the system clock. Left to choose, the pipeline
   * takes the mic's: the clock of its sound server stream, which changes
   * under the whole call when that stream moves to another device, and the
   * speaker, slaved to it, then resyncs on every buffer. The far end paces
   * RTP anyway; the mic and speaker each follow the system clock. */
  {
    g_autoptr(GstClock) clock = gst_system_clock_obtain ();

    gst_pipeline_use_clock (GST_PIPELINE (self->pipeline), clock);
  }
  rtpbin = md_media_add_element (self->pipeline, "rtpbin", "rtpbin");
  g_object_set (rtpbin, "do-lost", TRUE, NULL);
  self->jitter = md_jitter_adapter_new (rtpbin);
  /* Before the paths are built: rtpbin asks for its encoder when the send
   * pad is requested. */
  if (params->srtp_send_key[0] != '\0')
    md_media_srtp_setup (rtpbin, params->srtp_send_key, params->srtp_recv_key);
  if (dsp != MD_MEDIA_DSP_NONE)
    self->echo_probe_name = g_strdup_printf ("md-echo-probe-%p", (void *) self);
  self->dsp = dsp;
  build_send_path (self, params, info, mic, mic_is_live, muted, rtp_socket, rtcp_socket, rtpbin);
  build_receive_path (self, params, info, speaker, rtp_socket, rtcp_socket, rtpbin);
  connect_echo_loop (self);
  md_media_pipeline_set_directions (self, params->send, params->receive);
  return self;
}

GstElement *
md_media_pipeline_get_element (MdMediaPipeline *self)
{
  return self->pipeline;
}

MdDtmfSender *
md_media_pipeline_get_dtmf_sender (MdMediaPipeline *self)
{
  return self->dtmf;
}

void
md_media_pipeline_set_remote (MdMediaPipeline     *self,
                              const MdMediaParams *params)
{
  g_object_set (self->rtp_sink, "host", params->remote_address,
                "port", params->remote_rtp_port, NULL);
  g_object_set (self->rtcp_sink, "host", params->remote_address,
                "port", params->remote_rtcp_port > 0 ? params->remote_rtcp_port
                                                     : params->remote_rtp_port + 1,
                NULL);
}

void
md_media_pipeline_set_directions (MdMediaPipeline *self,
                                  gboolean         send,
                                  gboolean         receive)
{
  g_object_set (self->send_valve, "drop", !send, NULL);
  g_object_set (self->recv_valve, "drop", !receive, NULL);
}

void
md_media_pipeline_set_event_pt (MdMediaPipeline *self,
                                int              payload_type)
{
  g_autoptr(GstCaps) caps = make_rtp_caps ("TELEPHONE-EVENT", self->event_caps_rate,
                                           payload_type >= 0 ? payload_type : 101);

  gst_app_src_set_caps (GST_APP_SRC (self->event_src), caps);
  md_dtmf_sender_set_payload_type (self->dtmf, payload_type);
}

void
md_media_pipeline_set_muted (MdMediaPipeline *self,
                             gboolean         muted)
{
  g_object_set (self->mic_volume, "mute", muted, NULL);
}

MdMediaBridge *
md_media_pipeline_get_bridge (MdMediaPipeline *self)
{
  return self->bridge;
}

void
md_media_pipeline_set_speaker_muted (MdMediaPipeline *self,
                                     gboolean         muted)
{
  g_object_set (self->speaker_volume, "mute", muted, NULL);
}

static void
move_device (GstElement *pipeline,
             const char *name,
             const char *device_id)
{
  g_autoptr(GstElement) device = gst_bin_get_by_name (GST_BIN (pipeline), name);

  /* pulsesrc and pulsesink move their stream to another device while it
   * runs: no gap longer than the sound server's own. */
  if (device != NULL && device_id != NULL && *device_id != '\0' &&
      g_object_class_find_property (G_OBJECT_GET_CLASS (device), "device") != NULL)
    g_object_set (device, "device", device_id, NULL);
}

void
md_media_pipeline_move_devices (MdMediaPipeline *self,
                                const char      *input_id,
                                const char      *output_id)
{
  move_device (self->pipeline, MD_MEDIA_SPEC_MIC_DEVICE, input_id);
  move_device (self->pipeline, MD_MEDIA_SPEC_SPEAKER_DEVICE, output_id);
}

gint64
md_media_pipeline_get_last_packet (MdMediaPipeline *self)
{
  gint64 last_us;

  g_mutex_lock (&self->shared->lock);
  last_us = self->shared->last_packet_us;
  g_mutex_unlock (&self->shared->lock);
  return last_us;
}

void
md_media_pipeline_reset_last_packet (MdMediaPipeline *self)
{
  g_mutex_lock (&self->shared->lock);
  self->shared->last_packet_us = g_get_monotonic_time ();
  g_mutex_unlock (&self->shared->lock);
}

void
md_media_pipeline_finish_recording (MdMediaPipeline *self)
{
  g_autoptr(GstPad) head = NULL;
  gint64 deadline = g_get_monotonic_time () + RECORDING_EOS_TIMEOUT_S * G_TIME_SPAN_SECOND;

  if (self->recording_sink == NULL)
    return;
  /* No audio ever reached the file: there is no stream to end (and the
   * free writes an empty WAV instead). */
  {
    g_autoptr(GstPad) file_pad = gst_element_get_static_pad (self->recording_sink, "sink");

    if (!gst_pad_has_current_caps (file_pad))
      return;
  }
  head = gst_element_get_static_pad (self->depay, "sink");
  /* Refused when the pipeline never ran: then there is nothing to finish. */
  if (!gst_pad_send_event (head, gst_event_new_eos ()))
    return;

  g_mutex_lock (&self->shared->lock);
  while (!self->shared->recording_done)
    if (!g_cond_wait_until (&self->shared->cond, &self->shared->lock, deadline))
      break;
  if (!self->shared->recording_done)
    g_warning ("the recording did not finish in time; its WAV header may be incomplete");
  g_mutex_unlock (&self->shared->lock);
}

/* wavenc writes nothing when no audio ever arrived; a recording should
 * still be a valid (empty) WAV file then. */
static void
write_empty_wav_if_nothing_recorded (const char *path,
                                     guint       rate)
{
  GStatBuf st;
  guint8 header[44] = "RIFF\x24\0\0\0WAVEfmt \x10\0\0\0\x01\0\x01\0";
  guint32 byte_rate = rate * 2;

  if (g_stat (path, &st) != 0 || st.st_size != 0)
    return;

  for (guint i = 0; i < 4; i++)
    {
      header[24 + i] = (rate >> (8 * i)) & 0xff;
      header[28 + i] = (byte_rate >> (8 * i)) & 0xff;
    }
  header[32] = 2;    /* block align: one 16-bit channel */
  header[34] = 16;   /* bits per sample */
  memcpy (header + 36, "data", 4);   /* and a data size of 0 */
  if (!g_file_set_contents (path, (const char *) header, sizeof header, NULL))
    g_warning ("could not write an empty WAV header to %s", path);
}

/* The pipeline coming down in a thread of its own, and who waits for it. */
typedef struct {
  gint             refs;
  GMutex           lock;
  GCond            cond;
  gboolean         done;
  MdMediaPipeline *pipeline;        /* freed by the thread */
  char            *recording_path;
} Teardown;

static void
teardown_unref (Teardown *teardown)
{
  if (!g_atomic_int_dec_and_test (&teardown->refs))
    return;
  g_mutex_clear (&teardown->lock);
  g_cond_clear (&teardown->cond);
  g_free (teardown);
}

static gpointer
teardown_thread (gpointer data)
{
  Teardown *teardown = data;
  MdMediaPipeline *self = teardown->pipeline;

  gst_element_set_state (self->pipeline, GST_STATE_NULL);
  if (teardown->recording_path != NULL)
    write_empty_wav_if_nothing_recorded (teardown->recording_path, self->recording_rate);
  g_clear_object (&self->pipeline);
  g_clear_pointer (&self->shared, stream_shared_unref);
  g_clear_pointer (&self->jitter, md_jitter_adapter_free);
  g_free (self->echo_probe_name);
  g_free (self);
  g_free (teardown->recording_path);

  g_mutex_lock (&teardown->lock);
  teardown->done = TRUE;
  g_cond_signal (&teardown->cond);
  g_mutex_unlock (&teardown->lock);
  teardown_unref (teardown);
  return NULL;
}

/* Coming down waits for the sound server: pulsesrc and pulsesink cork
 * their streams and wait for its answer, with no time limit. A server that
 * hangs must not hang the end of the call with it (the window frozen, the
 * terminal deaf to keys): the pipeline comes down in a thread of its own,
 * waited for as long as that normally takes and then left to finish, with
 * what its streaming threads still use, whenever the server answers. */
void
md_media_pipeline_free (MdMediaPipeline *self)
{
  Teardown *teardown;
  gint64 deadline = g_get_monotonic_time () + TEARDOWN_TIMEOUT_S * G_TIME_SPAN_SECOND;
  gboolean done;

  if (self == NULL)
    return;

  g_clear_pointer (&self->bridge, md_media_bridge_free);
  md_dtmf_sender_shutdown (self->dtmf);
  g_clear_object (&self->dtmf);

  teardown = g_new0 (Teardown, 1);
  teardown->refs = 2;
  g_mutex_init (&teardown->lock);
  g_cond_init (&teardown->cond);
  teardown->pipeline = self;
  if (self->recording_sink != NULL)
    g_object_get (self->recording_sink, "location", &teardown->recording_path, NULL);
  g_thread_unref (g_thread_new ("md-media-stop", teardown_thread, teardown));

  g_mutex_lock (&teardown->lock);
  while (!teardown->done)
    if (!g_cond_wait_until (&teardown->cond, &teardown->lock, deadline))
      break;
  done = teardown->done;
  g_mutex_unlock (&teardown->lock);
  teardown_unref (teardown);

  if (!done)
    g_warning ("The sound server does not answer: the call’s audio is left to stop "
               "when it does");
}

guint
md_media_pipeline_adapt_jitter (MdMediaPipeline *self)
{
  return md_jitter_adapter_update (self->jitter);
}
