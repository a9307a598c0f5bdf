/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-media"

#include "config.h"

#include "md-dtmf-tone.h"

#include <math.h>

/* Each of the two sines at a quarter of full scale: loud enough for any
 * detector, and their sum never clips on its own. */
#define TONE_AMPLITUDE (0.25 * G_MAXINT16)

struct _MdDtmfTone {
  GMutex  lock;
  guint   rate;
  guint   low_hz;
  guint   high_hz;
  guint64 sample_index;   /* since the tone began, for a continuous phase */
  gboolean playing;
};

static void
tone_clear (gpointer data)
{
  MdDtmfTone *self = data;

  g_mutex_clear (&self->lock);
}

static void
tone_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, tone_clear);
}

static void
add_tone (MdDtmfTone *self,
          gint16     *samples,
          gsize       n_samples)
{
  double low_step = 2.0 * G_PI * self->low_hz / self->rate;
  double high_step = 2.0 * G_PI * self->high_hz / self->rate;

  for (gsize i = 0; i < n_samples; i++, self->sample_index++)
    {
      double n = (double) self->sample_index;
      double value = samples[i] + TONE_AMPLITUDE * (sin (low_step * n) + sin (high_step * n));

      samples[i] = (gint16) CLAMP (value, G_MININT16, G_MAXINT16);
    }
}

/* Streaming thread: touches only this block, under its lock. */
static GstPadProbeReturn
on_audio_buffer (GstPad          *pad,
                 GstPadProbeInfo *info,
                 gpointer         user_data)
{
  MdDtmfTone *self = user_data;
  GstBuffer *buffer;
  GstMapInfo map;

  g_mutex_lock (&self->lock);
  if (!self->playing)
    {
      g_mutex_unlock (&self->lock);
      return GST_PAD_PROBE_OK;
    }

  buffer = gst_buffer_make_writable (GST_PAD_PROBE_INFO_BUFFER (info));
  /* A silent source marks its buffers as gaps; with a tone in, they are not,
   * or the encoder would send silence anyway. */
  GST_BUFFER_FLAG_UNSET (buffer, GST_BUFFER_FLAG_GAP);
  GST_PAD_PROBE_INFO_DATA (info) = buffer;
  if (gst_buffer_map (buffer, &map, GST_MAP_READWRITE))
    {
      add_tone (self, (gint16 *) map.data, map.size / sizeof (gint16));
      gst_buffer_unmap (buffer, &map);
    }
  g_mutex_unlock (&self->lock);
  return GST_PAD_PROBE_OK;
}

MdDtmfTone *
md_dtmf_tone_attach (GstPad *pad,
                     guint   rate)
{
  MdDtmfTone *self = g_atomic_rc_box_new0 (MdDtmfTone);

  g_mutex_init (&self->lock);
  self->rate = rate;
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, on_audio_buffer,
                     g_atomic_rc_box_acquire (self), tone_unref);
  return self;
}

void
md_dtmf_tone_play (MdDtmfTone *self,
                   guint       low_hz,
                   guint       high_hz)
{
  g_mutex_lock (&self->lock);
  self->low_hz = low_hz;
  self->high_hz = high_hz;
  self->sample_index = 0;
  self->playing = TRUE;
  g_mutex_unlock (&self->lock);
}

void
md_dtmf_tone_silence (MdDtmfTone *self)
{
  g_mutex_lock (&self->lock);
  self->playing = FALSE;
  g_mutex_unlock (&self->lock);
}

void
md_dtmf_tone_free (MdDtmfTone *self)
{
  if (self != NULL)
    tone_unref (self);
}
