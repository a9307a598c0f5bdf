/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-media"

#include "config.h"

#include "md-jitter-adapter.h"

/* Room for three times the mean jitter (most of its spread) plus the
 * packet time the depayloader waits for. */
#define JITTER_FACTOR    3
#define HEADROOM_MS      20
/* Steps: up by what is needed, down by this much per update. */
#define STEP_DOWN_MS     10
#define STEP_UP_LATE_MS  20

struct _MdJitterAdapter {
  GstElement *rtpbin;
  guint       latency_ms;
  guint64     last_late;
};

MdJitterAdapter *
md_jitter_adapter_new (GstElement *rtpbin)
{
  MdJitterAdapter *self = g_new0 (MdJitterAdapter, 1);

  self->rtpbin = gst_object_ref (rtpbin);
  self->latency_ms = MD_JITTER_START_MS;
  g_object_set (rtpbin, "latency", MD_JITTER_START_MS, NULL);
  return self;
}

static gboolean
is_jitter_buffer (const GValue *value,
                  gpointer      user_data)
{
  GstElement *element = g_value_get_object (value);
  GstElementFactory *factory = gst_element_get_factory (element);

  return factory != NULL &&
         g_strcmp0 (gst_plugin_feature_get_name (GST_PLUGIN_FEATURE (factory)),
                    "rtpjitterbuffer") == 0;
}

/* The busiest jitter buffer's statistics (the far end's audio stream). */
static gboolean
read_stats (MdJitterAdapter *self,
            guint64         *jitter_ns,
            guint64         *late)
{
  g_autoptr(GstIterator) children = gst_bin_iterate_recurse (GST_BIN (self->rtpbin));
  g_auto(GValue) item = G_VALUE_INIT;
  guint64 most_pushed = 0;
  gboolean found = FALSE;

  while (gst_iterator_next (children, &item) == GST_ITERATOR_OK)
    {
      g_autoptr(GstStructure) stats = NULL;
      guint64 pushed = 0, avg_jitter = 0, num_late = 0;

      if (is_jitter_buffer (&item, NULL))
        {
          g_object_get (g_value_get_object (&item), "stats", &stats, NULL);
          if (stats != NULL &&
              gst_structure_get_uint64 (stats, "num-pushed", &pushed) &&
              gst_structure_get_uint64 (stats, "avg-jitter", &avg_jitter) &&
              gst_structure_get_uint64 (stats, "num-late", &num_late) &&
              pushed >= most_pushed)
            {
              most_pushed = pushed;
              *jitter_ns = avg_jitter;
              *late = num_late;
              found = TRUE;
            }
        }
      g_value_reset (&item);
    }
  return found;
}

guint
md_jitter_adapter_update (MdJitterAdapter *self)
{
  guint64 jitter_ns = 0, late = 0;
  guint target_ms;

  if (!read_stats (self, &jitter_ns, &late))
    return self->latency_ms;

  target_ms = JITTER_FACTOR * (guint) (jitter_ns / GST_MSECOND) + HEADROOM_MS;
  /* Packets that came too late to be played say the buffer is too short,
   * whatever the average says. */
  if (late > self->last_late)
    target_ms = MAX (target_ms, self->latency_ms + STEP_UP_LATE_MS);
  self->last_late = late;
  target_ms = CLAMP (target_ms, MD_JITTER_MIN_MS, MD_JITTER_MAX_MS);
  /* Shrinking drops audio that is still queued: go down gently. */
  if (target_ms < self->latency_ms)
    target_ms = MAX (target_ms, self->latency_ms - STEP_DOWN_MS);

  /* Small wobbles of the average are not worth a change. */
  if (target_ms + STEP_DOWN_MS > self->latency_ms && target_ms < self->latency_ms + STEP_DOWN_MS &&
      target_ms != MD_JITTER_MIN_MS)
    return self->latency_ms;

  if (target_ms != self->latency_ms)
    {
      g_debug ("jitter %" G_GUINT64_FORMAT " ms, %" G_GUINT64_FORMAT " late: latency %u -> %u ms",
               jitter_ns / GST_MSECOND, late, self->latency_ms, target_ms);
      self->latency_ms = target_ms;
      /* rtpbin hands it on to its jitter buffers, present and future. */
      g_object_set (self->rtpbin, "latency", target_ms, NULL);
    }
  return self->latency_ms;
}

void
md_jitter_adapter_free (MdJitterAdapter *self)
{
  if (self == NULL)
    return;
  gst_object_unref (self->rtpbin);
  g_free (self);
}
