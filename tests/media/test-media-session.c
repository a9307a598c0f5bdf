/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Two real media sessions (GStreamer pipelines) talking RTP over loopback:
 * codecs, files, mute, network loss, bad input, clean stop. */
#include "config.h"

#include "md-media-session.h"
#include "media-test-util.h"

#include <gst/gst.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static void
test_codec_list (void)
{
  const MdMediaCodec *codecs;
  const MdMediaCodec *pcmu;
  guint n = 0;

  codecs = md_media_codec_get_supported (&n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpstr (codecs[0].encoding, ==, "opus");
  g_assert_cmpuint (codecs[0].clock_rate, ==, 48000);
  g_assert_cmpuint (codecs[0].channels, ==, 2);
  g_assert_cmpstr (codecs[1].encoding, ==, "G722");
  g_assert_cmpuint (codecs[1].payload_type, ==, 9);
  g_assert_cmpuint (codecs[1].clock_rate, ==, 8000);
  g_assert_cmpstr (codecs[2].encoding, ==, "PCMU");
  g_assert_cmpstr (codecs[3].encoding, ==, "PCMA");

  pcmu = md_media_codec_find ("pcmu", 8000);
  g_assert_nonnull (pcmu);
  g_assert_cmpuint (pcmu->payload_type, ==, 0);
  g_assert_null (md_media_codec_find ("PCMU", 16000));
  g_assert_null (md_media_codec_find ("G729", 8000));
}

static gboolean
port_is_free (guint port)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM,
                                            G_SOCKET_PROTOCOL_UDP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, port);

  return g_socket_bind (socket, address, FALSE, NULL);
}

static void
test_ports (Fixture       *fixture,
            gconstpointer  data)
{
  guint port;

  fixture->a = new_session (fixture);
  port = md_media_session_get_local_rtp_port (fixture->a);
  g_assert_cmpuint (port % 2, ==, 0);
  g_assert_cmpstr (md_media_session_get_local_address (fixture->a), ==, "127.0.0.1");
  g_assert_false (port_is_free (port));
  g_assert_false (port_is_free (port + 1));

  md_media_session_stop (fixture->a);
  md_media_session_stop (fixture->a);
  g_assert_true (port_is_free (port));
  g_assert_true (port_is_free (port + 1));
}

/* A plays 440 Hz, B plays 660 Hz; each records the other. */
static void
test_loopback (Fixture       *fixture,
               gconstpointer  data)
{
  const char *const *codec_name = data;
  const MdMediaCodec *codec = codec_or_fail (codec_name[0], atoi (codec_name[1]));
  g_autofree char *wav_a = fixture_path (fixture, "a.wav");
  g_autofree char *wav_b = fixture_path (fixture, "b.wav");
  g_autofree char *speaker_a = g_strconcat ("file:", wav_a, NULL);
  g_autofree char *speaker_b = g_strconcat ("file:", wav_b, NULL);
  g_autoptr(TestWav) heard_by_a = NULL;
  g_autoptr(TestWav) heard_by_b = NULL;

  start_pair (fixture, codec, "tone:440", speaker_a, "tone:660", speaker_b);
  run_for (1000);
  md_media_session_stop (fixture->a);
  md_media_session_stop (fixture->b);
  g_assert_no_error (fixture->failure);

  heard_by_b = test_wav_load (wav_b);
  heard_by_a = test_wav_load (wav_a);
  g_assert_cmpuint (heard_by_b->channels, ==, 1);
  g_assert_cmpuint (heard_by_a->channels, ==, 1);
  g_assert_cmpuint (heard_by_b->n_samples, >=, heard_by_b->rate * 6 / 10);
  g_assert_cmpuint (heard_by_a->n_samples, >=, heard_by_a->rate * 6 / 10);

  /* Skip the first 200 ms: jitter buffer fill and codec start-up. */
  {
    gsize skip_b = heard_by_b->rate / 5, skip_a = heard_by_a->rate / 5;
    gsize n_b = heard_by_b->n_samples - skip_b, n_a = heard_by_a->n_samples - skip_a;

    g_assert_cmpfloat (test_wav_rms (heard_by_b, skip_b, n_b), >, 1000);
    g_assert_cmpfloat (test_wav_rms (heard_by_a, skip_a, n_a), >, 1000);
    g_assert_cmpfloat_with_epsilon (test_wav_dominant (heard_by_b, skip_b, n_b, 100, 3000),
                                    440, 10);
    g_assert_cmpfloat_with_epsilon (test_wav_dominant (heard_by_a, skip_a, n_a, 100, 3000),
                                    660, 10);
  }
}

static void
write_tone_wav (const char *path,
                guint       rate,
                double      freq_hz,
                double      seconds)
{
  gsize n = (gsize) (rate * seconds);
  g_autofree guint8 *data = g_malloc0 (44 + 2 * n);
  guint32 data_size = 2 * n;
  const guint32 fields32[] = { 36 + data_size, 16, rate, rate * 2, data_size };

  memcpy (data, "RIFF", 4);
  memcpy (data + 8, "WAVEfmt ", 8);
  memcpy (data + 36, "data", 4);
  for (guint i = 0; i < 4; i++)
    data[4 + i] = (fields32[0] >> (8 * i)) & 0xff,
    data[16 + i] = (fields32[1] >> (8 * i)) & 0xff,
    data[24 + i] = (fields32[2] >> (8 * i)) & 0xff,
    data[28 + i] = (fields32[3] >> (8 * i)) & 0xff,
    data[40 + i] = (fields32[4] >> (8 * i)) & 0xff;
  data[20] = 1;   /* PCM */
  data[22] = 1;   /* mono */
  data[32] = 2;   /* block align */
  data[34] = 16;  /* bits per sample */
  for (gsize i = 0; i < n; i++)
    {
      gint16 sample = (gint16) (8000 * sin (2 * G_PI * freq_hz * i / rate));

      data[44 + 2 * i] = sample & 0xff;
      data[45 + 2 * i] = (sample >> 8) & 0xff;
    }
  g_assert_true (g_file_set_contents (path, (char *) data, 44 + 2 * n, NULL));
}

/* A WAV file as the mic: played, then silence, and the stream keeps going
 * after the file has ended. */
static void
test_file_mic (Fixture       *fixture,
               gconstpointer  data)
{
  const MdMediaCodec *codec = codec_or_fail ("PCMU", 8000);
  g_autofree char *prompt = fixture_path (fixture, "prompt.wav");
  g_autofree char *mic_a = NULL;
  g_autofree char *wav_b = fixture_path (fixture, "b.wav");
  g_autofree char *speaker_b = g_strconcat ("file:", wav_b, NULL);
  g_autoptr(TestWav) heard = NULL;
  guint prompt_steps = 0;
  gsize window;

  /* 16 kHz in the file: the session resamples to the codec's 8 kHz. */
  write_tone_wav (prompt, 16000, 880, 1.0);
  mic_a = g_strconcat ("file:", prompt, NULL);
  start_pair (fixture, codec, mic_a, "null", "null", speaker_b);
  run_for (2000);
  g_assert_no_error (fixture->failure);
  md_media_session_stop (fixture->b);
  g_assert_no_error (fixture->failure);

  heard = test_wav_load (wav_b);
  window = heard->rate / 5;
  g_assert_cmpuint (heard->n_samples, >=, heard->rate * 15 / 10);
  /* The whole 1 s prompt is in there (where depends on how fast both ends
   * started): nine 200 ms windows in 100 ms steps fit in it… */
  for (gsize first = 0; first + window <= heard->n_samples; first += window / 2)
    {
      if (test_wav_rms (heard, first, window) > 1000 &&
          fabs (test_wav_dominant (heard, first, window, 100, 3000) - 880) <= 10)
        prompt_steps++;
    }
  g_test_message ("%u steps of 100 ms hold the prompt", prompt_steps);
  g_assert_cmpuint (prompt_steps, >=, 8);
  /* …and after its end the stream goes on, silent. */
  g_assert_cmpfloat (test_wav_rms (heard, heard->n_samples - window, window), <, 50);
}

/* Nothing ever arrives: the recording is still a valid, empty WAV file. */
static void
test_record_nothing (Fixture       *fixture,
                     gconstpointer  data)
{
  const MdMediaCodec *codec = codec_or_fail ("PCMU", 8000);
  g_autofree char *wav = fixture_path (fixture, "nothing.wav");
  g_autofree char *speaker = g_strconcat ("file:", wav, NULL);
  g_autoptr(TestWav) heard = NULL;
  g_autoptr(GError) error = NULL;
  MdMediaParams params;

  fixture->a = new_session (fixture);
  params = params_for (codec, md_media_session_get_local_rtp_port (fixture->a) + 2);
  g_assert_true (md_media_session_start (fixture->a, &params, "null", speaker, &error));
  g_assert_no_error (error);
  run_for (300);
  md_media_session_stop (fixture->a);
  g_assert_cmpuint (fixture->first_packets, ==, 0);

  heard = test_wav_load (wav);
  g_assert_cmpuint (heard->n_samples, ==, 0);
  g_assert_cmpuint (heard->rate, ==, 8000);
}

/* The same call over IPv6 loopback. */
static void
test_ipv6 (Fixture       *fixture,
           gconstpointer  data)
{
  const MdMediaCodec *codec = codec_or_fail ("PCMU", 8000);
  g_autoptr(GError) error = NULL;
  MdMediaParams params_a, params_b;

  fixture->a = new_session_at (fixture, "::1");
  fixture->b = new_session_at (fixture, "::1");
  params_a = params_for (codec, md_media_session_get_local_rtp_port (fixture->b));
  params_b = params_for (codec, md_media_session_get_local_rtp_port (fixture->a));
  params_a.remote_address = params_b.remote_address = "::1";

  g_assert_true (md_media_session_start (fixture->a, &params_a, "tone:440", "null", &error));
  g_assert_no_error (error);
  g_assert_true (md_media_session_start (fixture->b, &params_b, "tone:660", "null", &error));
  g_assert_no_error (error);
  wait_until (both_heard, fixture, WAIT_TIMEOUT_MS, "both sessions to hear each other on ::1");
}

/* A's packets reach B through a relay that delays each by 0–120 ms; B's
 * reach A directly. B's jitter buffer grows to absorb it and still plays
 * A's tone; A's stays small. */
static void
test_jitter_adapts (Fixture       *fixture,
                    gconstpointer  data)
{
  const MdMediaCodec *codec = codec_or_fail ("PCMU", 8000);
  g_autofree char *wav_b = fixture_path (fixture, "b.wav");
  g_autofree char *speaker_b = g_strconcat ("file:", wav_b, NULL);
  g_autoptr(TestWav) heard = NULL;
  g_autoptr(GError) error = NULL;
  JitterRelay *relay;
  MdMediaParams params_a, params_b;
  guint latency_b, latency_a;
  gsize second;

  fixture->a = new_session (fixture);
  fixture->b = new_session (fixture);
  relay = jitter_relay_new (md_media_session_get_local_rtp_port (fixture->b), 120);
  params_a = params_for (codec, jitter_relay_port (relay));
  params_a.remote_rtcp_port = md_media_session_get_local_rtp_port (fixture->b) + 1;
  params_b = params_for (codec, md_media_session_get_local_rtp_port (fixture->a));

  g_assert_true (md_media_session_start (fixture->a, &params_a, "tone:440", "null", &error));
  g_assert_no_error (error);
  g_assert_true (md_media_session_start (fixture->b, &params_b, "null", speaker_b, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (md_media_session_get_jitter_latency_ms (fixture->b), ==, 60);
  wait_until (both_heard, fixture, WAIT_TIMEOUT_MS, "both sessions to hear each other");
  run_for (5000);

  latency_b = md_media_session_get_jitter_latency_ms (fixture->b);
  latency_a = md_media_session_get_jitter_latency_ms (fixture->a);
  g_test_message ("jitter buffer: %u ms behind the jittery path, %u ms on the clean one",
                  latency_b, latency_a);
  g_assert_cmpuint (latency_b, >=, 120);
  g_assert_cmpuint (latency_a, <=, 60);
  md_media_session_stop (fixture->b);
  jitter_relay_free (relay);

  /* The last second, once adapted: A's tone came through the jitter. */
  heard = test_wav_load (wav_b);
  second = heard->rate;
  g_assert_cmpuint (heard->n_samples, >, 2 * second);
  g_assert_cmpfloat (test_wav_rms (heard, heard->n_samples - second, second), >, 1000);
  g_assert_cmpfloat_with_epsilon (test_wav_dominant (heard, heard->n_samples - second, second,
                                                     100, 3000), 440, 10);
}

static void
test_mute (Fixture       *fixture,
           gconstpointer  data)
{
  const MdMediaCodec *codec = codec_or_fail ("PCMU", 8000);
  g_autofree char *wav_b = fixture_path (fixture, "b.wav");
  g_autofree char *speaker_b = g_strconcat ("file:", wav_b, NULL);
  g_autoptr(TestWav) heard_by_b = NULL;
  guint notifies = 0;
  gsize half;

  fixture->a = NULL;
  start_pair (fixture, codec, "tone:440", "null", "null", speaker_b);
  g_signal_connect_swapped (fixture->a, "notify::muted", G_CALLBACK (g_atomic_int_inc),
                            &notifies);
  run_for (600);
  md_media_session_set_muted (fixture->a, TRUE);
  md_media_session_set_muted (fixture->a, TRUE);
  g_assert_true (md_media_session_get_muted (fixture->a));
  g_assert_cmpuint (notifies, ==, 1);
  run_for (800);
  md_media_session_stop (fixture->b);

  heard_by_b = test_wav_load (wav_b);
  /* Before mute: the tone. The last 400 ms: silence, although packets kept coming
   * (B did not fail). */
  half = heard_by_b->rate * 4 / 10;
  g_assert_cmpuint (heard_by_b->n_samples, >, 3 * half);
  g_assert_cmpfloat (test_wav_rms (heard_by_b, half / 2, half / 2), >, 1000);
  g_assert_cmpfloat (test_wav_rms (heard_by_b, heard_by_b->n_samples - half, half), <, 50);
  g_assert_no_error (fixture->failure);
}

static gboolean
has_failed (gpointer data)
{
  return ((Fixture *) data)->failure != NULL;
}

static void
test_rtp_timeout (Fixture       *fixture,
                  gconstpointer  data)
{
  const MdMediaCodec *codec = codec_or_fail ("PCMU", 8000);
  guint timeout_ms = 0;
  gint64 stopped_us;

  fixture->rtp_timeout_ms = 1500;
  start_pair (fixture, codec, "tone:440", "null", "tone:660", "null");
  g_object_get (fixture->a, "rtp-timeout-ms", &timeout_ms, NULL);
  g_assert_cmpuint (timeout_ms, ==, 1500);
  g_assert_no_error (fixture->failure);

  md_media_session_stop (fixture->b);
  stopped_us = g_get_monotonic_time ();
  wait_until (has_failed, fixture, 4000, "network lost");
  g_assert_error (fixture->failure, MD_MEDIA_ERROR, MD_MEDIA_ERROR_NETWORK_LOST);
  g_assert_nonnull (strstr (fixture->failure->message, "network connection was lost"));
  g_test_message ("network lost reported %" G_GINT64_FORMAT " ms after the peer stopped",
                  (fixture->failed_at_us - stopped_us) / 1000);
  /* 1500 ms after the last packet in: that came shortly before the stop
   * (later under a slow sanitizer build), and checks run every 150 ms. */
  g_assert_cmpint (fixture->failed_at_us - stopped_us, >=, 1000 * 1000);
  g_assert_cmpint (fixture->failed_at_us - stopped_us, <=, 2500 * 1000);
}

static void
assert_start_fails (Fixture    *fixture,
                    const char *mic,
                    const char *speaker,
                    int         code,
                    const char *mentioned)
{
  const MdMediaCodec *codec = codec_or_fail ("PCMU", 8000);
  g_autoptr(MdMediaSession) session = new_session (fixture);
  MdMediaParams params = params_for (codec, 40000);
  g_autoptr(GError) error = NULL;

  g_assert_false (md_media_session_start (session, &params, mic, speaker, &error));
  g_assert_error (error, MD_MEDIA_ERROR, code);
  g_test_message ("%s / %s: %s", mic, speaker, error->message);
  if (mentioned != NULL)
    g_assert_nonnull (strstr (error->message, mentioned));
  md_media_session_stop (session);
}

static void
test_bad_spec (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *not_wav = fixture_path (fixture, "not-a.wav");
  g_autofree char *not_wav_spec = g_strconcat ("file:", not_wav, NULL);

  g_file_set_contents (not_wav, "hello, this is text", -1, NULL);
  assert_start_fails (fixture, "tone:abc", "null", MD_MEDIA_ERROR_BAD_SPEC, "tone:abc");
  assert_start_fails (fixture, "tone:0", "null", MD_MEDIA_ERROR_BAD_SPEC, "tone:0");
  assert_start_fails (fixture, "tone:", "null", MD_MEDIA_ERROR_BAD_SPEC, "FREQ");
  assert_start_fails (fixture, "speakers", "null", MD_MEDIA_ERROR_BAD_SPEC, "speakers");
  assert_start_fails (fixture, "file:", "null", MD_MEDIA_ERROR_BAD_SPEC, "file:");
  assert_start_fails (fixture, "file:/nonexistent/x.wav", "null", MD_MEDIA_ERROR_BAD_SPEC,
                      "/nonexistent/x.wav");
  assert_start_fails (fixture, not_wav_spec, "null", MD_MEDIA_ERROR_BAD_SPEC, "not a WAV");
  assert_start_fails (fixture, "null", "tone:440", MD_MEDIA_ERROR_BAD_SPEC, "microphone");
  assert_start_fails (fixture, "null", "file:/nonexistent/out.wav", MD_MEDIA_ERROR_BAD_SPEC,
                      "/nonexistent/out.wav");

  /* "auto" without a sound server: tests/media/test-media-devices.c. */
}

static void
test_bad_params (Fixture       *fixture,
                 gconstpointer  data)
{
  MdMediaCodec g729 = { "G729", 18, 8000, 1 };
  const MdMediaCodec *pcmu = codec_or_fail ("PCMU", 8000);
  g_autoptr(GError) error = NULL;
  MdMediaParams params;

  fixture->a = new_session (fixture);
  params = params_for (&g729, 40000);
  g_assert_false (md_media_session_start (fixture->a, &params, "null", "null", &error));
  g_assert_error (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_NO_CODEC);
  g_assert_nonnull (strstr (error->message, "G729"));
  g_clear_error (&error);

  params = params_for (pcmu, 40000);
  params.remote_address = "not an address";
  g_assert_false (md_media_session_start (fixture->a, &params, "null", "null", &error));
  g_assert_error (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_FAILED);
  g_clear_error (&error);

  params = params_for (pcmu, 40000);
  g_assert_false (md_media_session_update (fixture->a, &params, &error));
  g_assert_error (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_FAILED);
  g_clear_error (&error);
}

static guint
count_threads (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/task", 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* Ends the threads GStreamer and GLib keep parked for reuse and counts what
 * is left; parked threads leave asynchronously, hence the bounded polling
 * (no event tells when a thread has exited). */
static guint
count_threads_settled (guint at_most)
{
  gint64 deadline = g_get_monotonic_time () + 2 * G_TIME_SPAN_SECOND;
  guint n;

  gst_task_cleanup_all ();
  g_thread_pool_stop_unused_threads ();
  while ((n = count_threads ()) > at_most && g_get_monotonic_time () < deadline)
    g_usleep (10 * 1000);
  return n;
}

static void
test_stop_leaves_nothing (Fixture       *fixture,
                          gconstpointer  data)
{
  const MdMediaCodec *codec = codec_or_fail ("PCMU", 8000);
  g_autoptr(GError) error = NULL;
  MdMediaParams params;
  guint threads_before, threads_running;
  guint port;

  threads_before = count_threads_settled (1);
  fixture->a = new_session (fixture);
  port = md_media_session_get_local_rtp_port (fixture->a);
  params = params_for (codec, port + 2);
  g_assert_true (md_media_session_start (fixture->a, &params, "tone:440", "null", &error));
  g_assert_no_error (error);
  run_for (200);
  threads_running = count_threads ();
  g_assert_cmpuint (threads_running, >, threads_before);

  md_media_session_stop (fixture->a);
  md_media_session_stop (fixture->a);
  g_assert_false (md_media_session_start (fixture->a, &params, "null", "null", &error));
  g_assert_error (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_FAILED);
  g_clear_object (&fixture->a);

  g_assert_cmpuint (count_threads_settled (threads_before), ==, threads_before);
  g_assert_true (port_is_free (port));
}

int
main (int    argc,
      char **argv)
{
  static const char *pcmu[] = { "PCMU", "8000" };
  static const char *pcma[] = { "PCMA", "8000" };
  static const char *g722[] = { "G722", "8000" };
  static const char *opus[] = { "opus", "48000" };

  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);
  /* Finished threads exit instead of waiting in GLib's pool, so the stop
   * test can see that none is left. */
  g_thread_pool_set_max_unused_threads (0);

  g_test_add_func ("/media/codec/list", test_codec_list);
#define ADD(path, data, func) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("/media/session/ports", NULL, test_ports);
  ADD ("/media/loopback/PCMU", pcmu, test_loopback);
  ADD ("/media/loopback/PCMA", pcma, test_loopback);
  ADD ("/media/loopback/G722", g722, test_loopback);
  ADD ("/media/loopback/opus", opus, test_loopback);
  ADD ("/media/file-mic", NULL, test_file_mic);
  ADD ("/media/record-nothing", NULL, test_record_nothing);
  ADD ("/media/loopback/ipv6", NULL, test_ipv6);
  ADD ("/media/mute", NULL, test_mute);
  ADD ("/media/jitter/adapts", NULL, test_jitter_adapts);
  ADD ("/media/rtp-timeout", NULL, test_rtp_timeout);
  ADD ("/media/spec/bad", NULL, test_bad_spec);
  ADD ("/media/params/bad", NULL, test_bad_params);
  ADD ("/media/stop", NULL, test_stop_leaves_nothing);
#undef ADD

  return g_test_run ();
}

