/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-media"

#include "config.h"

#include "md-media-bridge.h"
#include "md-media-util.h"

#include <gst/app/gstappsrc.h>

/* Bridged audio queued beyond this is dropped, oldest first, so a stalled
 * peer never grows memory or delay. */
#define BRIDGE_MAX_QUEUE_MS 200
/* "md-bridge-audio" waits until the peer's audio has flowed steadily for a
 * while (the first packets out of a jitter buffer can come in a burst), so
 * that the switch finds the next buffer already on its way. */
#define ANNOUNCE_AFTER_MS   150

/* What the tap (a streaming thread of this pipeline) and the bridge input's
 * probe share with the main context. Reference-counted: pad probes may
 * outlive the bridge by a moment. */
typedef struct {
  GMutex      lock;
  GstElement *target;      /* the peer's bridge input (an appsrc), or NULL */
  GstCaps    *target_caps; /* caps last set on @target */
  gboolean    announce;    /* post "md-bridge-audio" once enough has arrived */
  GstClockTime announce_at; /* running time of the first bridged buffer */
} BridgeShared;

struct _MdMediaBridge {
  GstElement    *pipeline;
  GstElement    *input;        /* appsrc: audio from the peer */
  GstElement    *output;
  GstElement    *funnel;
  GstElement    *local_valve;  /* open while the mic is sent */
  GstElement    *bridge_valve; /* open while the peer's audio is sent */
  GstElement    *volume;       /* silence, still in packets, for neither */
  BridgeShared  *shared;
  MdMediaBridge *peer;         /* main context only */
};

static void
bridge_shared_clear (gpointer data)
{
  BridgeShared *shared = data;

  g_mutex_clear (&shared->lock);
  g_clear_object (&shared->target);
  g_clear_pointer (&shared->target_caps, gst_caps_unref);
}

static void
bridge_shared_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, bridge_shared_clear);
}

/* @from → valve → funnel; returns the valve. */
static GstElement *
link_through_valve (GstElement *pipeline,
                    GstElement *from,
                    GstElement *funnel)
{
  GstElement *valve = md_media_add_element (pipeline, "valve", NULL);
  g_autoptr(GstPad) src_pad = NULL;
  g_autoptr(GstPad) sink_pad = gst_element_request_pad_simple (funnel, "sink_%u");

  gst_element_link (from, valve);
  src_pad = gst_element_get_static_pad (valve, "src");
  gst_pad_link (src_pad, sink_pad);
  return valve;
}

/* Streaming thread of this pipeline: hands a copy of the far end's audio to
 * the peer. */
static GstPadProbeReturn
on_decoded_buffer (GstPad          *pad,
                   GstPadProbeInfo *info,
                   gpointer         user_data)
{
  BridgeShared *shared = user_data;
  g_autoptr(GstElement) target = NULL;
  g_autoptr(GstCaps) caps = NULL;
  gboolean new_caps = FALSE;

  g_mutex_lock (&shared->lock);
  if (shared->target != NULL)
    {
      target = g_object_ref (shared->target);
      caps = gst_pad_get_current_caps (pad);
      if (caps != NULL && (shared->target_caps == NULL ||
                           !gst_caps_is_equal (caps, shared->target_caps)))
        {
          gst_caps_replace (&shared->target_caps, caps);
          new_caps = TRUE;
        }
    }
  g_mutex_unlock (&shared->lock);

  if (target == NULL || caps == NULL)
    return GST_PAD_PROBE_OK;

  md_media_push_copy (target, new_caps ? caps : NULL, GST_PAD_PROBE_INFO_BUFFER (info));
  return GST_PAD_PROBE_OK;
}

/* Streaming thread: bridged audio reached this pipeline's bridge input. */
static GstPadProbeReturn
on_bridge_input (GstPad          *pad,
                 GstPadProbeInfo *info,
                 gpointer         user_data)
{
  BridgeShared *shared = user_data;
  GstBuffer *buffer = GST_PAD_PROBE_INFO_BUFFER (info);
  gboolean announce = FALSE;

  if (!GST_BUFFER_PTS_IS_VALID (buffer))
    return GST_PAD_PROBE_OK;

  g_mutex_lock (&shared->lock);
  if (shared->announce)
    {
      if (!GST_CLOCK_TIME_IS_VALID (shared->announce_at))
        shared->announce_at = GST_BUFFER_PTS (buffer) + ANNOUNCE_AFTER_MS * GST_MSECOND;
      else if (GST_BUFFER_PTS (buffer) >= shared->announce_at)
        announce = TRUE;
      shared->announce = !announce;
    }
  g_mutex_unlock (&shared->lock);

  if (announce)
    {
      g_autoptr(GstElement) element = gst_pad_get_parent_element (pad);

      gst_element_post_message (element,
                                gst_message_new_application (GST_OBJECT (element),
                                                             gst_structure_new_empty ("md-bridge-audio")));
    }
  return GST_PAD_PROBE_OK;
}

/* local ──────────────────────────── valve ┐
 * appsrc → convert → resample → caps → valve ┴ funnel → caps →
 *
 * Valves into a funnel rather than a mixer or a selector: nothing waits for
 * the other input or for a deadline, so no latency is added and a busy
 * machine never makes it drop the mic; an input-selector also held back a
 * PulseAudio mic. Both inputs are live and stamped on the same clock, so
 * the encoder's timestamps run on across a switch. */
MdMediaBridge *
md_media_bridge_new (GstElement *pipeline,
                     GstElement *local,
                     GstCaps    *caps,
                     guint       ptime_ms)
{
  MdMediaBridge *self = g_new0 (MdMediaBridge, 1);
  GstElement *convert, *resample, *filter;
  g_autoptr(GstPad) input_pad = NULL;

  self->pipeline = pipeline;
  self->shared = g_atomic_rc_box_new0 (BridgeShared);
  g_mutex_init (&self->shared->lock);

  self->funnel = md_media_add_element (pipeline, "funnel", NULL);

  self->input = md_media_add_element (pipeline, "appsrc", NULL);
  /* No caps until the peer's audio brings its own: a rate change on a
   * running resampler overflows its buffers in GStreamer 1.22 (ASan). */
  g_object_set (self->input, "is-live", TRUE, "format", GST_FORMAT_TIME,
                "do-timestamp", TRUE, "leaky-type", 2 /* downstream: drop the oldest */,
                "max-time", (guint64) BRIDGE_MAX_QUEUE_MS * GST_MSECOND,
                "min-latency", (gint64) ptime_ms * GST_MSECOND,
                "max-latency", (gint64) -1, NULL);
  convert = md_media_add_element (pipeline, "audioconvert", NULL);
  resample = md_media_add_element (pipeline, "audioresample", NULL);
  filter = md_media_add_caps_filter (pipeline, caps);
  gst_element_link_many (self->input, convert, resample, filter, NULL);

  self->local_valve = link_through_valve (pipeline, local, self->funnel);
  self->bridge_valve = link_through_valve (pipeline, filter, self->funnel);
  self->volume = md_media_add_element (pipeline, "volume", NULL);
  self->output = md_media_add_caps_filter (pipeline, caps);
  gst_element_link_many (self->funnel, self->volume, self->output, NULL);

  input_pad = gst_element_get_static_pad (self->input, "src");
  gst_pad_add_probe (input_pad, GST_PAD_PROBE_TYPE_BUFFER, on_bridge_input,
                     g_atomic_rc_box_acquire (self->shared), bridge_shared_unref);
  md_media_bridge_set_levels (self, TRUE, FALSE);
  return self;
}

GstElement *
md_media_bridge_get_output (MdMediaBridge *self)
{
  return self->output;
}

void
md_media_bridge_tap (MdMediaBridge *self,
                     GstPad        *decoded)
{
  gst_pad_add_probe (decoded, GST_PAD_PROBE_TYPE_BUFFER, on_decoded_buffer,
                     g_atomic_rc_box_acquire (self->shared), bridge_shared_unref);
}

void
md_media_bridge_set_levels (MdMediaBridge *self,
                            gboolean       local_on,
                            gboolean       bridge_on)
{
  /* Neither: the mic's timing, muted, so packets keep flowing. */
  gboolean mic_open = !bridge_on;

  g_return_if_fail (!(local_on && bridge_on));

  /* The new input opens before the old one closes: at worst one packet
   * of both, never a packet of neither. */
  if (bridge_on)
    g_object_set (self->bridge_valve, "drop", FALSE, NULL);
  if (mic_open)
    g_object_set (self->local_valve, "drop", FALSE, NULL);
  if (!bridge_on)
    g_object_set (self->bridge_valve, "drop", TRUE, NULL);
  if (!mic_open)
    g_object_set (self->local_valve, "drop", TRUE, NULL);
  g_object_set (self->volume, "mute", !local_on && !bridge_on, NULL);
}

static void
set_target (MdMediaBridge *self,
            GstElement    *target)
{
  g_mutex_lock (&self->shared->lock);
  g_set_object (&self->shared->target, target);
  g_clear_pointer (&self->shared->target_caps, gst_caps_unref);
  g_mutex_unlock (&self->shared->lock);
}

static void
set_announce (MdMediaBridge *self)
{
  g_mutex_lock (&self->shared->lock);
  self->shared->announce = TRUE;
  self->shared->announce_at = GST_CLOCK_TIME_NONE;
  g_mutex_unlock (&self->shared->lock);
}

void
md_media_bridge_connect (MdMediaBridge *self,
                         MdMediaBridge *peer)
{
  g_return_if_fail (self != peer);

  md_media_bridge_disconnect (self);
  md_media_bridge_disconnect (peer);
  set_announce (self);
  set_announce (peer);
  self->peer = peer;
  peer->peer = self;
  set_target (self, peer->input);
  set_target (peer, self->input);
}

void
md_media_bridge_disconnect (MdMediaBridge *self)
{
  MdMediaBridge *peer = self->peer;

  if (peer == NULL)
    return;
  set_target (self, NULL);
  set_target (peer, NULL);
  peer->peer = NULL;
  self->peer = NULL;
}

void
md_media_bridge_free (MdMediaBridge *self)
{
  if (self == NULL)
    return;

  md_media_bridge_disconnect (self);
  g_clear_pointer (&self->shared, bridge_shared_unref);
  g_free (self);
}
