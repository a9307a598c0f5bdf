/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-media"

#include "config.h"

#include "md-ring-tone.h"
#include "md-media-codec-private.h"
#include "md-media-session.h"
#include "md-media-spec.h"
#include "md-media-util.h"

#include <glib/gi18n.h>
#include <gst/gst.h>

/* A tone switched on and off: steps of on, off, on, off … milliseconds. */
typedef struct {
  double frequency;
  double volume;
  guint  steps_ms[4];
  guint  n_steps;
} Cadence;

static const Cadence cadences[] = {
  /* The ringing tone most of Europe's networks play (ETSI ES 201 970). */
  [MD_RING_TONE_BACK] = { 425, 0.25, { 1000, 4000 }, 2 },
  /* Our own phone: two short rings, then a pause, distinct from the above. */
  [MD_RING_TONE_INCOMING] = { 480, 0.5, { 400, 200, 400, 2000 }, 4 },
};

struct _MdRingTone
{
  GObject        parent_instance;

  const Cadence *cadence;
  GstElement    *pipeline;
  GstElement    *gate;       /* a volume, muted between rings */
  GSource       *timer;
  guint          step;
};

G_DEFINE_TYPE (MdRingTone, md_ring_tone, G_TYPE_OBJECT)

static void schedule_step (MdRingTone *self);

static gboolean
on_step_done (gpointer user_data)
{
  MdRingTone *self = user_data;

  g_clear_pointer (&self->timer, g_source_unref);
  self->step = (self->step + 1) % self->cadence->n_steps;
  schedule_step (self);
  return G_SOURCE_REMOVE;
}

/* Even steps sound, odd ones are silent. */
static void
schedule_step (MdRingTone *self)
{
  g_object_set (self->gate, "mute", self->step % 2 == 1, NULL);
  self->timer = g_timeout_source_new (self->cadence->steps_ms[self->step]);
  g_source_set_callback (self->timer, on_step_done, self, NULL);
  g_source_attach (self->timer, g_main_context_get_thread_default ());
}

/* Streaming thread: the sound server names the stream after the title
 * tag; the source's own would call it "audiotest wave". */
static GstPadProbeReturn
name_stream (GstPad          *pad,
             GstPadProbeInfo *info,
             gpointer         user_data)
{
  const char *name = user_data;
  GstEvent *event = GST_PAD_PROBE_INFO_EVENT (info);

  if (GST_EVENT_TYPE (event) != GST_EVENT_TAG)
    return GST_PAD_PROBE_OK;

  gst_event_unref (event);
  info->data = gst_event_new_tag (gst_tag_list_new (GST_TAG_TITLE, name, NULL));
  return GST_PAD_PROBE_OK;
}

static void
md_ring_tone_dispose (GObject *object)
{
  MdRingTone *self = MD_RING_TONE (object);

  if (self->timer != NULL)
    {
      g_source_destroy (self->timer);
      g_clear_pointer (&self->timer, g_source_unref);
    }
  if (self->pipeline != NULL)
    gst_element_set_state (self->pipeline, GST_STATE_NULL);
  g_clear_pointer (&self->pipeline, gst_object_unref);

  G_OBJECT_CLASS (md_ring_tone_parent_class)->dispose (object);
}

static void
md_ring_tone_class_init (MdRingToneClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = md_ring_tone_dispose;
}

static void
md_ring_tone_init (MdRingTone *self)
{
}

MdRingTone *
md_ring_tone_new (MdRingToneKind   kind,
                  const char      *device_id,
                  GError         **error)
{
  g_autoptr(MdRingTone) self = NULL;
  g_autoptr(GstBus) bus = NULL;
  GstElement *source, *convert, *resample, *speaker;
  GstElement *no_recording = NULL;

  g_return_val_if_fail (kind == MD_RING_TONE_BACK || kind == MD_RING_TONE_INCOMING, NULL);

  md_media_ensure_gst ();
  speaker = md_media_spec_make_sink ("auto", device_id, &no_recording, error);
  if (speaker == NULL)
    return NULL;

  self = g_object_new (MD_TYPE_RING_TONE, NULL);
  self->cadence = &cadences[kind];
  self->pipeline = gst_pipeline_new ("ring-tone");
  gst_object_ref_sink (self->pipeline);
  source = md_media_add_element (self->pipeline, "audiotestsrc", NULL);
  self->gate = md_media_add_element (self->pipeline, "volume", NULL);
  convert = md_media_add_element (self->pipeline, "audioconvert", NULL);
  resample = md_media_add_element (self->pipeline, "audioresample", NULL);
  gst_bin_add (GST_BIN (self->pipeline), speaker);
  g_object_set (source, "is-live", TRUE, "freq", self->cadence->frequency,
                "volume", self->cadence->volume, NULL);
  /* The sound server's name for the stream, which a mixer shows. */
  gst_element_link_many (source, self->gate, convert, resample, speaker, NULL);
  {
    g_autoptr(GstPad) pad = gst_element_get_static_pad (self->gate, "src");

    /* Translators: the name a sound mixer shows for Meetdial's ring */
    gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM, name_stream,
                       g_strdup (_("Ringing")), g_free);
  }

  /* Nothing reads its messages: they are dropped, not kept for ever. */
  bus = gst_pipeline_get_bus (GST_PIPELINE (self->pipeline));
  gst_bus_set_flushing (bus, TRUE);

  if (gst_element_set_state (self->pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      g_set_error (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_NO_DEVICE,
                   _("The ring could not play on the sound device"));
      return NULL;
    }
  schedule_step (self);
  return g_steal_pointer (&self);
}
