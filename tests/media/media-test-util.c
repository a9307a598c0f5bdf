/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "media-test-util.h"

#include <glib/gstdio.h>
#include <gst/gst.h>

#include <math.h>
#include <string.h>

static guint32
read_le32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

static guint16
read_le16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

TestWav *
test_wav_load (const char *path)
{
  g_autofree guint8 *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TestWav) wav = g_new0 (TestWav, 1);
  gsize length = 0, offset = 12;
  gboolean have_format = FALSE;
  guint bits = 0;

  g_file_get_contents (path, (char **) &data, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >=, 44);
  g_assert_true (memcmp (data, "RIFF", 4) == 0);
  g_assert_true (memcmp (data + 8, "WAVE", 4) == 0);
  /* A header that was never rewritten at EOS says 0 or a placeholder here. */
  g_assert_cmpuint (read_le32 (data + 4), ==, length - 8);

  while (offset + 8 <= length)
    {
      const guint8 *chunk = data + offset;
      guint32 size = read_le32 (chunk + 4);

      g_assert_cmpuint (offset + 8 + size, <=, length);
      if (memcmp (chunk, "fmt ", 4) == 0)
        {
          g_assert_cmpuint (read_le16 (chunk + 8), ==, 1); /* PCM */
          wav->channels = read_le16 (chunk + 10);
          wav->rate = read_le32 (chunk + 12);
          bits = read_le16 (chunk + 22);
          have_format = TRUE;
        }
      else if (memcmp (chunk, "data", 4) == 0)
        {
          gsize frame;

          g_assert_true (have_format);
          g_assert_cmpuint (bits, ==, 16);
          g_assert_cmpuint (wav->channels, >=, 1);
          frame = 2 * wav->channels;
          wav->n_samples = size / frame;
          wav->samples = g_new0 (gint16, MAX (wav->n_samples, 1));
          for (gsize i = 0; i < wav->n_samples; i++)
            wav->samples[i] = (gint16) read_le16 (chunk + 8 + i * frame);
        }
      offset += 8 + size + (size & 1);
    }
  g_assert_true (have_format);
  g_assert_nonnull (wav->samples);
  return g_steal_pointer (&wav);
}

void
test_wav_free (TestWav *wav)
{
  g_free (wav->samples);
  g_free (wav);
}

double
test_wav_power_at (const TestWav *wav,
                   gsize          first,
                   gsize          n,
                   double         freq_hz)
{
  double coeff = 2.0 * cos (2.0 * G_PI * freq_hz / wav->rate);
  double s1 = 0, s2 = 0;

  g_assert_cmpuint (first + n, <=, wav->n_samples);
  for (gsize i = first; i < first + n; i++)
    {
      double s0 = wav->samples[i] / 32768.0 + coeff * s1 - s2;

      s2 = s1;
      s1 = s0;
    }
  return (s1 * s1 + s2 * s2 - coeff * s1 * s2) / ((double) n * n);
}

double
test_wav_dominant (const TestWav *wav,
                   gsize          first,
                   gsize          n,
                   double         low_hz,
                   double         high_hz)
{
  double best_freq = 0, best_power = -1;

  for (double f = low_hz; f <= high_hz; f += 5)
    {
      double power = test_wav_power_at (wav, first, n, f);

      if (power > best_power)
        best_power = power, best_freq = f;
    }
  return best_freq;
}

double
test_wav_rms (const TestWav *wav,
              gsize          first,
              gsize          n)
{
  double sum = 0;

  g_assert_cmpuint (first + n, <=, wav->n_samples);
  for (gsize i = first; i < first + n; i++)
    sum += (double) wav->samples[i] * wav->samples[i];
  return n > 0 ? sqrt (sum / n) : 0;
}

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("meetdial-media-XXXXXX", &error);
  g_assert_no_error (error);
}

void
fixture_remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        fixture_remove_dir (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Stopped here too, so a failed assertion never leaves a pipeline running. */
  if (fixture->a != NULL)
    md_media_session_stop (fixture->a);
  if (fixture->b != NULL)
    md_media_session_stop (fixture->b);
  g_clear_object (&fixture->a);
  g_clear_object (&fixture->b);
  g_clear_error (&fixture->failure);
  fixture_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static gboolean
on_deadline (gpointer user_data)
{
  gboolean *expired = user_data;

  *expired = TRUE;
  return G_SOURCE_REMOVE;
}

void
wait_until (gboolean  (*done) (gpointer),
            gpointer    data,
            guint       timeout_ms,
            const char *what)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add (timeout_ms, on_deadline, &expired);

  while (!done (data) && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (id);
  if (!done (data))
    g_error ("timed out after %u ms waiting for %s", timeout_ms, what);
}

void
run_for (guint ms)
{
  gboolean expired = FALSE;

  g_timeout_add (ms, on_deadline, &expired);
  while (!expired)
    g_main_context_iteration (NULL, TRUE);
}

static void
on_first_packet (MdMediaSession *session,
                 Fixture        *fixture)
{
  fixture->first_packets++;
}

static void
on_failed (MdMediaSession *session,
           GError         *error,
           Fixture        *fixture)
{
  g_assert_null (fixture->failure);
  fixture->failure = g_error_copy (error);
  fixture->failed_at_us = g_get_monotonic_time ();
}

MdMediaParams
params_for (const MdMediaCodec *codec,
            guint               remote_port)
{
  MdMediaParams params = {
    .remote_address = "127.0.0.1",
    .remote_rtp_port = remote_port,
    .remote_rtcp_port = remote_port + 1,
    .codec = *codec,
    .telephone_event_pt = 101,
    .ptime_ms = 20,
    .send = TRUE,
    .receive = TRUE,
  };
  return params;
}

MdMediaSession *
new_session_at (Fixture    *fixture,
                const char *address)
{
  g_autoptr(GError) error = NULL;
  MdMediaSession *session = md_media_session_new (address, &error);

  g_assert_no_error (error);
  g_assert_nonnull (session);
  if (fixture->rtp_timeout_ms > 0)
    g_object_set (session, "rtp-timeout-ms", fixture->rtp_timeout_ms, NULL);
  g_signal_connect (session, "first-packet", G_CALLBACK (on_first_packet), fixture);
  g_signal_connect (session, "failed", G_CALLBACK (on_failed), fixture);
  return session;
}

MdMediaSession *
new_session (Fixture *fixture)
{
  return new_session_at (fixture, "127.0.0.1");
}

gboolean
both_heard (gpointer data)
{
  return ((Fixture *) data)->first_packets >= 2;
}

void
start_pair (Fixture            *fixture,
            const MdMediaCodec *codec,
            const char         *mic_a,
            const char         *speaker_a,
            const char         *mic_b,
            const char         *speaker_b)
{
  g_autoptr(GError) error = NULL;
  MdMediaParams params_a, params_b;

  fixture->a = new_session (fixture);
  fixture->b = new_session (fixture);
  params_a = params_for (codec, md_media_session_get_local_rtp_port (fixture->b));
  params_b = params_for (codec, md_media_session_get_local_rtp_port (fixture->a));

  g_assert_true (md_media_session_start (fixture->a, &params_a, mic_a, speaker_a, &error));
  g_assert_no_error (error);
  g_assert_true (md_media_session_start (fixture->b, &params_b, mic_b, speaker_b, &error));
  g_assert_no_error (error);

  wait_until (both_heard, fixture, WAIT_TIMEOUT_MS, "both sessions to hear each other");
  g_assert_cmpuint (fixture->first_packets, ==, 2);
}

const MdMediaCodec *
codec_or_fail (const char *encoding,
               guint       clock_rate)
{
  const MdMediaCodec *codec = md_media_codec_find (encoding, clock_rate);

  if (codec == NULL)
    g_error ("codec %s/%u is not available: install gstreamer1.0-plugins-good, "
             "gstreamer1.0-plugins-base and gstreamer1.0-libav", encoding, clock_rate);
  return codec;
}

static gboolean
on_wire_readable (GSocket      *socket,
                  GIOCondition  condition,
                  gpointer      user_data)
{
  WireTap *tap = user_data;
  guint8 buffer[2048];
  gssize n;

  while ((n = g_socket_receive (socket, (char *) buffer, sizeof buffer, NULL, NULL)) > 0)
    {
      WirePacket packet = { 0 };

      g_assert_cmpint (n, >=, 12);
      g_assert_cmpuint (buffer[0] >> 6, ==, 2);
      packet.arrival_us = g_get_monotonic_time ();
      packet.marker = buffer[1] >> 7;
      packet.pt = buffer[1] & 0x7f;
      packet.seq = (buffer[2] << 8) | buffer[3];
      memcpy (&packet.timestamp, buffer + 4, 4);
      memcpy (&packet.ssrc, buffer + 8, 4);
      packet.timestamp = GUINT32_FROM_BE (packet.timestamp);
      packet.ssrc = GUINT32_FROM_BE (packet.ssrc);
      packet.payload_len = n - 12;
      memcpy (packet.payload, buffer + 12, MIN (4, packet.payload_len));
      g_array_append_val (tap->packets, packet);
    }
  return G_SOURCE_CONTINUE;
}

WireTap *
wire_tap_new (GSource **source_out)
{
  WireTap *tap = g_new0 (WireTap, 1);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GError) error = NULL;

  tap->socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM,
                              G_SOCKET_PROTOCOL_UDP, &error);
  g_assert_no_error (error);
  g_socket_bind (tap->socket, address, FALSE, &error);
  g_assert_no_error (error);
  g_socket_set_blocking (tap->socket, FALSE);
  tap->packets = g_array_new (FALSE, TRUE, sizeof (WirePacket));
  *source_out = g_socket_create_source (tap->socket, G_IO_IN, NULL);
  g_source_set_callback (*source_out, G_SOURCE_FUNC (on_wire_readable), tap, NULL);
  g_source_attach (*source_out, NULL);
  return tap;
}

void
wire_tap_free (WireTap *tap,
               GSource *source)
{
  g_source_destroy (source);
  g_source_unref (source);
  g_socket_close (tap->socket, NULL);
  g_object_unref (tap->socket);
  g_array_unref (tap->packets);
  g_free (tap);
}

guint
wire_tap_port (WireTap *tap)
{
  g_autoptr(GSocketAddress) address = g_socket_get_local_address (tap->socket, NULL);

  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address));
}

struct _JitterRelay {
  GSocket        *socket;
  GSocketAddress *dest;
  GSource        *source;
  guint           max_delay_ms;
  GList          *pending;     /* of GSource, delayed packets */
};

typedef struct {
  JitterRelay *relay;
  GBytes      *packet;
  GSource     *source;
} DelayedPacket;

static gboolean
on_delay_over (gpointer user_data)
{
  DelayedPacket *delayed = user_data;
  JitterRelay *relay = delayed->relay;
  gsize size;
  const char *data = g_bytes_get_data (delayed->packet, &size);

  g_socket_send_to (relay->socket, relay->dest, data, size, NULL, NULL);
  relay->pending = g_list_remove (relay->pending, delayed->source);
  g_source_unref (delayed->source);
  return G_SOURCE_REMOVE;
}

static void
delayed_packet_free (gpointer data)
{
  DelayedPacket *delayed = data;

  g_bytes_unref (delayed->packet);
  g_free (delayed);
}

static gboolean
on_relay_readable (GSocket      *socket,
                   GIOCondition  condition,
                   gpointer      user_data)
{
  JitterRelay *relay = user_data;
  char buffer[2048];
  gssize n;

  while ((n = g_socket_receive (socket, buffer, sizeof buffer, NULL, NULL)) > 0)
    {
      DelayedPacket *delayed = g_new0 (DelayedPacket, 1);

      delayed->relay = relay;
      delayed->packet = g_bytes_new (buffer, n);
      delayed->source = g_timeout_source_new (g_test_rand_int_range (0, relay->max_delay_ms + 1));
      g_source_set_callback (delayed->source, on_delay_over, delayed, delayed_packet_free);
      g_source_attach (delayed->source, NULL);
      relay->pending = g_list_prepend (relay->pending, delayed->source);
    }
  return G_SOURCE_CONTINUE;
}

JitterRelay *
jitter_relay_new (guint dest_port,
                  guint max_delay_ms)
{
  JitterRelay *relay = g_new0 (JitterRelay, 1);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GError) error = NULL;

  relay->max_delay_ms = max_delay_ms;
  relay->dest = g_inet_socket_address_new (loopback, dest_port);
  relay->socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM,
                                G_SOCKET_PROTOCOL_UDP, &error);
  g_assert_no_error (error);
  g_socket_bind (relay->socket, address, FALSE, &error);
  g_assert_no_error (error);
  g_socket_set_blocking (relay->socket, FALSE);
  relay->source = g_socket_create_source (relay->socket, G_IO_IN, NULL);
  g_source_set_callback (relay->source, G_SOURCE_FUNC (on_relay_readable), relay, NULL);
  g_source_attach (relay->source, NULL);
  return relay;
}

guint
jitter_relay_port (JitterRelay *relay)
{
  g_autoptr(GSocketAddress) address = g_socket_get_local_address (relay->socket, NULL);

  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address));
}

void
jitter_relay_free (JitterRelay *relay)
{
  for (GList *l = relay->pending; l != NULL; l = l->next)
    {
      g_source_destroy (l->data);
      g_source_unref (l->data);
    }
  g_list_free (relay->pending);
  g_source_destroy (relay->source);
  g_source_unref (relay->source);
  g_socket_close (relay->socket, NULL);
  g_object_unref (relay->socket);
  g_object_unref (relay->dest);
  g_free (relay);
}
