/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-media"

#include "config.h"

#include "md-dtmf-sender.h"
#include "md-dtmf-tone.h"

#include <glib/gi18n.h>
#include <gst/app/gstappsrc.h>
#include <gst/rtp/gstrtpbuffer.h>

/* Silence after each digit before the next may start (the brief's >= 60 ms). */
#define MIN_GAP_MS        60
/* RFC 4733 §2.5.1.4: the final packet is sent three times. */
#define N_END_PACKETS     3
/* -10 dBm0, a usual level for telephone-events. */
#define EVENT_VOLUME      10

typedef struct {
  char         digit;
  MdDtmfMethod method;
  guint        duration_ms;
} DigitRequest;

struct _MdDtmfSender {
  GObject     parent_instance;

  GstElement *pipeline;
  guint       ptime_ms;

  GstElement *rtp_src;
  int         payload_type;
  guint       clock_rate;

  MdDtmfTone *tone;             /* NULL unless the codec is G.711 */

  GQueue      queue;            /* of GTask, waiting their turn */
  GTask      *current;
  GSource    *timer;
  gint64      started_us;       /* monotonic time the current digit began */
  guint32     rtp_timestamp;    /* one timestamp for all packets of an event */
  guint       packets_sent;
  gboolean    shut_down;
};

G_DEFINE_TYPE (MdDtmfSender, md_dtmf_sender, G_TYPE_OBJECT)

static const struct {
  char  digit;
  guint low_hz;
  guint high_hz;
} tone_pairs[] = {
  { '1', 697, 1209 }, { '2', 697, 1336 }, { '3', 697, 1477 },
  { '4', 770, 1209 }, { '5', 770, 1336 }, { '6', 770, 1477 },
  { '7', 852, 1209 }, { '8', 852, 1336 }, { '9', 852, 1477 },
  { '*', 941, 1209 }, { '0', 941, 1336 }, { '#', 941, 1477 },
};

static void start_next (MdDtmfSender *self);

static GstClockTime
running_time_now (MdDtmfSender *self)
{
  g_autoptr(GstClock) clock = gst_element_get_clock (self->pipeline);

  if (clock == NULL)
    return 0;
  return gst_clock_get_time (clock) - gst_element_get_base_time (self->pipeline);
}

static void
clear_timer (MdDtmfSender *self)
{
  if (self->timer != NULL)
    {
      g_source_destroy (self->timer);
      g_clear_pointer (&self->timer, g_source_unref);
    }
}

static void
schedule (MdDtmfSender *self,
          guint         delay_ms,
          GSourceFunc   func)
{
  clear_timer (self);
  self->timer = g_timeout_source_new (delay_ms);
  g_source_set_callback (self->timer, func, self, NULL);
  g_source_attach (self->timer, g_main_context_get_thread_default ());
}

static void
push_event_packet (MdDtmfSender *self,
                   guint8        event_code,
                   gboolean      marker,
                   gboolean      end,
                   guint         duration_units,
                   GstClockTime  buffer_duration)
{
  GstRTPBuffer rtp = GST_RTP_BUFFER_INIT;
  GstBuffer *buffer = gst_rtp_buffer_new_allocate (4, 0, 0);
  guint8 *payload;

  gst_rtp_buffer_map (buffer, GST_MAP_WRITE, &rtp);
  gst_rtp_buffer_set_payload_type (&rtp, self->payload_type);
  gst_rtp_buffer_set_marker (&rtp, marker);
  gst_rtp_buffer_set_timestamp (&rtp, self->rtp_timestamp);
  payload = gst_rtp_buffer_get_payload (&rtp);
  payload[0] = event_code;
  payload[1] = (end ? 0x80 : 0x00) | EVENT_VOLUME;
  payload[2] = (duration_units >> 8) & 0xff;
  payload[3] = duration_units & 0xff;
  gst_rtp_buffer_unmap (&rtp);

  /* The mux holds back audio until PTS + duration, so the event is not
   * interleaved with voice packets. */
  GST_BUFFER_PTS (buffer) = running_time_now (self);
  GST_BUFFER_DURATION (buffer) = buffer_duration;
  gst_app_src_push_buffer (GST_APP_SRC (self->rtp_src), buffer);
}

static DigitRequest *
current_request (MdDtmfSender *self)
{
  return g_task_get_task_data (self->current);
}

static gboolean
on_gap_done (gpointer user_data)
{
  MdDtmfSender *self = user_data;
  g_autoptr(GTask) task = g_steal_pointer (&self->current);

  g_clear_pointer (&self->timer, g_source_unref);
  if (!g_task_return_error_if_cancelled (task))
    g_task_return_boolean (task, TRUE);
  start_next (self);
  return G_SOURCE_REMOVE;
}

/* Waits out the rest of the tone and then the inter-digit gap. */
static void
finish_digit (MdDtmfSender *self)
{
  DigitRequest *request = current_request (self);
  gint64 elapsed_ms = (g_get_monotonic_time () - self->started_us) / 1000;
  gint64 wait_ms = (gint64) request->duration_ms + MIN_GAP_MS - elapsed_ms;

  schedule (self, MAX (wait_ms, MIN_GAP_MS), on_gap_done);
}

static gboolean
on_rtp_tick (gpointer user_data)
{
  MdDtmfSender *self = user_data;
  DigitRequest *request = current_request (self);
  guint8 code = md_dtmf_event_code (request->digit);
  guint units_per_packet = self->ptime_ms * self->clock_rate / 1000;
  guint duration_units;
  guint n_packets;

  /* The packet sent at k * ptime covers the tone up to (k + 1) * ptime. */
  n_packets = MAX (1, (request->duration_ms + self->ptime_ms - 1) / self->ptime_ms);
  self->packets_sent++;
  duration_units = MIN (self->packets_sent, n_packets) * units_per_packet;

  if (self->packets_sent < n_packets)
    {
      /* Holds voice back past the next tick even if the timer runs late, so
       * no voice packet slips in between events or before the end packets. */
      push_event_packet (self, code, self->packets_sent == 1, FALSE, duration_units,
                         3 * self->ptime_ms * GST_MSECOND);
      return G_SOURCE_CONTINUE;
    }

  for (guint i = 0; i < N_END_PACKETS; i++)
    push_event_packet (self, code, self->packets_sent == 1 && i == 0, TRUE, duration_units,
                       (self->ptime_ms + MIN_GAP_MS) * GST_MSECOND);

  g_clear_pointer (&self->timer, g_source_unref);
  finish_digit (self);
  return G_SOURCE_REMOVE;
}

static gboolean
on_tone_done (gpointer user_data)
{
  MdDtmfSender *self = user_data;

  md_dtmf_tone_silence (self->tone);
  g_clear_pointer (&self->timer, g_source_unref);
  finish_digit (self);
  return G_SOURCE_REMOVE;
}

static void
start_digit (MdDtmfSender *self)
{
  DigitRequest *request = current_request (self);

  self->started_us = g_get_monotonic_time ();
  self->packets_sent = 0;

  if (request->method == MD_DTMF_METHOD_RFC4733)
    {
      guint64 ticks = gst_util_uint64_scale_int (running_time_now (self), self->clock_rate,
                                                 GST_SECOND);

      self->rtp_timestamp = (guint32) ticks;
      /* The first tick sends at once; later ones come from the repeating timer. */
      if (on_rtp_tick (self) == G_SOURCE_CONTINUE)
        schedule (self, self->ptime_ms, on_rtp_tick);
    }
  else
    {
      guint low_hz, high_hz;

      md_dtmf_tone_pair (request->digit, &low_hz, &high_hz);
      md_dtmf_tone_play (self->tone, low_hz, high_hz);
      schedule (self, request->duration_ms, on_tone_done);
    }
}

static void
start_next (MdDtmfSender *self)
{
  while (self->current == NULL && !g_queue_is_empty (&self->queue))
    {
      g_autoptr(GTask) task = g_queue_pop_head (&self->queue);

      if (g_task_return_error_if_cancelled (task))
        continue;
      self->current = g_steal_pointer (&task);
      start_digit (self);
    }
}

static gboolean
check_request (MdDtmfSender  *self,
               DigitRequest  *request,
               GError       **error)
{
  if (md_dtmf_event_code (request->digit) < 0)
    {
      g_set_error (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_FAILED,
                   _("“%c” is not a key on a phone keypad: use 0-9, * or #"),
                   g_ascii_isprint (request->digit) ? request->digit : '?');
      return FALSE;
    }
  return md_dtmf_sender_can_send (self, request->method, error);
}

gboolean
md_dtmf_sender_can_send (MdDtmfSender  *self,
                         MdDtmfMethod   method,
                         GError       **error)
{
  g_return_val_if_fail (MD_IS_DTMF_SENDER (self), FALSE);

  if (method == MD_DTMF_METHOD_RFC4733 &&
      (self->rtp_src == NULL || self->payload_type < 0))
    {
      g_set_error (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_NO_CODEC,
                   _("The far end does not take keypad events in the audio stream"));
      return FALSE;
    }
  if (method == MD_DTMF_METHOD_INBAND && self->tone == NULL)
    {
      g_set_error (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_NO_CODEC,
                   _("Keypad tones in the audio need the G.711 codec, which this call does not use"));
      return FALSE;
    }
  return TRUE;
}

static void
md_dtmf_sender_dispose (GObject *object)
{
  MdDtmfSender *self = MD_DTMF_SENDER (object);

  md_dtmf_sender_shutdown (self);
  g_clear_object (&self->pipeline);
  g_clear_object (&self->rtp_src);
  g_clear_pointer (&self->tone, md_dtmf_tone_free);

  G_OBJECT_CLASS (md_dtmf_sender_parent_class)->dispose (object);
}

static void
md_dtmf_sender_class_init (MdDtmfSenderClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = md_dtmf_sender_dispose;
}

static void
md_dtmf_sender_init (MdDtmfSender *self)
{
  self->payload_type = -1;
  self->clock_rate = 8000;
  g_queue_init (&self->queue);
}

int
md_dtmf_event_code (char digit)
{
  if (digit >= '0' && digit <= '9')
    return digit - '0';
  if (digit == '*')
    return 10;
  if (digit == '#')
    return 11;
  return -1;
}

gboolean
md_dtmf_tone_pair (char   digit,
                   guint *low_hz,
                   guint *high_hz)
{
  for (guint i = 0; i < G_N_ELEMENTS (tone_pairs); i++)
    {
      if (tone_pairs[i].digit == digit)
        {
          *low_hz = tone_pairs[i].low_hz;
          *high_hz = tone_pairs[i].high_hz;
          return TRUE;
        }
    }
  return FALSE;
}

MdDtmfSender *
md_dtmf_sender_new (GstElement *pipeline,
                    guint       ptime_ms)
{
  MdDtmfSender *self = g_object_new (MD_TYPE_DTMF_SENDER, NULL);

  self->pipeline = gst_object_ref (pipeline);
  self->ptime_ms = ptime_ms > 0 ? ptime_ms : 20;
  return self;
}

void
md_dtmf_sender_set_rtp (MdDtmfSender *self,
                        GstElement   *appsrc,
                        int           payload_type,
                        guint         clock_rate)
{
  g_return_if_fail (MD_IS_DTMF_SENDER (self));

  g_set_object (&self->rtp_src, appsrc);
  self->payload_type = payload_type;
  self->clock_rate = clock_rate > 0 ? clock_rate : 8000;
}

void
md_dtmf_sender_set_payload_type (MdDtmfSender *self,
                                 int           payload_type)
{
  g_return_if_fail (MD_IS_DTMF_SENDER (self));

  self->payload_type = payload_type;
}

void
md_dtmf_sender_set_tone_pad (MdDtmfSender *self,
                             GstPad       *pad,
                             guint         rate)
{
  g_return_if_fail (MD_IS_DTMF_SENDER (self));
  g_return_if_fail (self->tone == NULL);

  self->tone = md_dtmf_tone_attach (pad, rate);
}

void
md_dtmf_sender_send_async (MdDtmfSender        *self,
                           char                 digit,
                           MdDtmfMethod         method,
                           guint                duration_ms,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  DigitRequest *request;

  g_return_if_fail (MD_IS_DTMF_SENDER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, md_dtmf_sender_send_async);
  request = g_new0 (DigitRequest, 1);
  request->digit = digit;
  request->method = method;
  request->duration_ms = duration_ms > 0 ? duration_ms : 100;
  g_task_set_task_data (task, request, g_free);

  if (self->shut_down)
    {
      g_task_return_new_error (task, MD_MEDIA_ERROR, MD_MEDIA_ERROR_FAILED,
                               _("The call’s audio has stopped"));
      return;
    }
  if (!check_request (self, request, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_queue_push_tail (&self->queue, g_steal_pointer (&task));
  start_next (self);
}

gboolean
md_dtmf_sender_send_finish (MdDtmfSender  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
md_dtmf_sender_shutdown (MdDtmfSender *self)
{
  GTask *task;

  g_return_if_fail (MD_IS_DTMF_SENDER (self));

  self->shut_down = TRUE;
  clear_timer (self);
  if (self->tone != NULL)
    md_dtmf_tone_silence (self->tone);
  if (self->current != NULL)
    g_queue_push_head (&self->queue, g_steal_pointer (&self->current));
  while ((task = g_queue_pop_head (&self->queue)) != NULL)
    {
      g_task_return_new_error (task, MD_MEDIA_ERROR, MD_MEDIA_ERROR_FAILED,
                               _("The call’s audio stopped before the keypad tone was sent"));
      g_object_unref (task);
    }
}
