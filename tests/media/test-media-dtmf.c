/* SPDX-License-Identifier: GPL-3.0-or-later */
/* DTMF from a real media session: RFC 4733 events as they go on the wire
 * (read by the test from a plain UDP socket), in-band tones as a second
 * session records them; and hold. */
#include "config.h"

#include "md-media-session.h"
#include "media-test-util.h"

#include <gst/gst.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  MdMediaSession *session;
  const char     *digits;
  guint           next;
  gboolean        done;
  GError         *error;
  MdDtmfMethod    method;
} DigitRun;

static void send_next_digit (DigitRun *run);

static gboolean
digits_done (gpointer data)
{
  return ((DigitRun *) data)->done;
}

static void
on_digit_sent (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  DigitRun *run = user_data;

  if (!md_media_session_send_dtmf_finish (MD_MEDIA_SESSION (source), result, &run->error))
    run->done = TRUE;
  else
    send_next_digit (run);
}

static void
send_next_digit (DigitRun *run)
{
  if (run->digits[run->next] == '\0')
    {
      run->done = TRUE;
      return;
    }
  md_media_session_send_dtmf_async (run->session, run->digits[run->next++], run->method,
                                    100, NULL, on_digit_sent, run);
}

static void
test_rfc4733 (Fixture       *fixture,
              gconstpointer  data)
{
  const char *const *codec_name = data;
  const MdMediaCodec *codec = codec_or_fail (codec_name[0], atoi (codec_name[1]));
  g_autoptr(GError) error = NULL;
  GSource *source;
  WireTap *tap = wire_tap_new (&source);
  MdMediaParams params = params_for (codec, wire_tap_port (tap));
  DigitRun run = { .digits = "1#", .method = MD_DTMF_METHOD_RFC4733 };
  guint32 ssrc = 0;
  guint16 last_seq = 0;
  guint n_events[2] = { 0 };
  guint n_ends[2] = { 0 };
  guint32 event_ts[2] = { 0 };
  gint64 start_us[2] = { 0 }, last_end_us[2] = { 0 };
  guint final_duration[2] = { 0 };
  int digit = -1;
  guint expected_codes[2] = { 1, 11 };

  fixture->a = new_session (fixture);
  g_assert_true (md_media_session_start (fixture->a, &params, "tone:440", "null", &error));
  g_assert_no_error (error);
  run_for (200);

  run.session = fixture->a;
  send_next_digit (&run);
  wait_until (digits_done, &run, WAIT_TIMEOUT_MS, "the digits to be sent");
  g_assert_no_error (run.error);
  run_for (100);
  md_media_session_stop (fixture->a);

  g_assert_cmpuint (tap->packets->len, >, 10);
  for (guint i = 0; i < tap->packets->len; i++)
    {
      WirePacket *p = &g_array_index (tap->packets, WirePacket, i);

      /* One stream: same SSRC and consecutive sequence numbers throughout. */
      if (i == 0)
        ssrc = p->ssrc;
      else
        g_assert_cmpuint ((guint16) (last_seq + 1), ==, p->seq);
      g_assert_cmpuint (p->ssrc, ==, ssrc);
      last_seq = p->seq;

      if (p->pt == codec->payload_type)
        {
          if (codec->payload_type == 0)
            g_assert_cmpuint (p->payload_len, ==, 160);
          continue;
        }
      g_assert_cmpuint (p->pt, ==, 101);
      g_assert_cmpuint (p->payload_len, ==, 4);

      if (p->marker)
        {
          digit++;
          g_assert_cmpint (digit, <, 2);
          start_us[digit] = p->arrival_us;
          event_ts[digit] = p->timestamp;
          g_assert_cmpuint (p->payload[1] & 0x80, ==, 0);
        }
      g_assert_cmpint (digit, >=, 0);
      g_assert_cmpuint (p->payload[0], ==, expected_codes[digit]);
      g_assert_cmpuint (p->timestamp, ==, event_ts[digit]);
      n_events[digit]++;
      if (p->payload[1] & 0x80)
        {
          guint duration = (p->payload[2] << 8) | p->payload[3];

          if (n_ends[digit] > 0)
            g_assert_cmpuint (duration, ==, final_duration[digit]);
          final_duration[digit] = duration;
          n_ends[digit]++;
          last_end_us[digit] = p->arrival_us;
        }
      else
        g_assert_cmpuint (n_ends[digit], ==, 0);
    }

  for (guint d = 0; d < 2; d++)
    {
      g_test_message ("digit %u: %u packets, duration %u, on the wire %" G_GINT64_FORMAT " ms",
                      d, n_events[d], final_duration[d], (last_end_us[d] - start_us[d]) / 1000);
      g_assert_cmpuint (n_ends[d], ==, 3);
      /* start + continuations + 3 ends */
      g_assert_cmpuint (n_events[d], >=, 3 + 3);
      g_assert_cmpuint (final_duration[d], >=, 100 * 8 - 160);
      g_assert_cmpuint (final_duration[d], <=, 100 * 8 + 160);
    }
  /* The second digit starts >= 60 ms after the first one's tone has ended:
   * exactly by the RTP clock, which is what the far end plays; on arrival,
   * less one packet time the sender's and our scheduling may take (under
   * valgrind on a busy machine the end packets came 4 ms late). */
  g_assert_cmpuint (event_ts[1] - event_ts[0], >=, final_duration[0] + 60 * 8);
  g_assert_cmpint (start_us[1] - last_end_us[0], >=, (60 - 20) * 1000);

  wire_tap_free (tap, source);
}

static void
test_inband (Fixture       *fixture,
             gconstpointer  data)
{
  const MdMediaCodec *codec = codec_or_fail ("PCMA", 8000);
  g_autofree char *wav_b = fixture_path (fixture, "b.wav");
  g_autofree char *speaker_b = g_strconcat ("file:", wav_b, NULL);
  g_autoptr(TestWav) heard = NULL;
  DigitRun run = { .digits = "5", .method = MD_DTMF_METHOD_INBAND };
  double on_low, on_high, off_a, off_b;

  start_pair (fixture, codec, "null", "null", "null", speaker_b);
  run.session = fixture->a;
  send_next_digit (&run);
  wait_until (digits_done, &run, WAIT_TIMEOUT_MS, "the in-band digit");
  g_assert_no_error (run.error);
  /* Long enough for the tone to cross B's jitter buffer, which may have grown
   * to its 300 ms maximum on a busy machine. */
  run_for (1000);
  md_media_session_stop (fixture->b);

  heard = test_wav_load (wav_b);
  on_low = test_wav_power_at (heard, 0, heard->n_samples, 770);
  on_high = test_wav_power_at (heard, 0, heard->n_samples, 1336);
  off_a = test_wav_power_at (heard, 0, heard->n_samples, 697);
  off_b = test_wav_power_at (heard, 0, heard->n_samples, 1477);
  g_test_message ("770: %g 1336: %g 697: %g 1477: %g", on_low, on_high, off_a, off_b);
  g_assert_cmpfloat (on_low, >, 20 * off_a);
  g_assert_cmpfloat (on_high, >, 20 * off_b);
  g_assert_cmpfloat (on_low, >, 1e-6);
}

static void
test_dtmf_errors (Fixture       *fixture,
                  gconstpointer  data)
{
  const MdMediaCodec *codec = codec_or_fail ("G722", 8000);
  g_autoptr(GError) error = NULL;
  MdMediaParams params;
  DigitRun run = { .digits = "5", .method = MD_DTMF_METHOD_INBAND };

  fixture->a = new_session (fixture);
  params = params_for (codec, md_media_session_get_local_rtp_port (fixture->a) + 10);
  params.telephone_event_pt = -1;
  g_assert_true (md_media_session_start (fixture->a, &params, "null", "null", &error));

  run.session = fixture->a;
  send_next_digit (&run);
  wait_until (digits_done, &run, WAIT_TIMEOUT_MS, "in-band on G.722 to fail");
  g_assert_error (run.error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_NO_CODEC);
  g_assert_nonnull (strstr (run.error->message, "G.711"));
  g_clear_error (&run.error);

  run = (DigitRun) { .session = fixture->a, .digits = "5", .method = MD_DTMF_METHOD_RFC4733 };
  send_next_digit (&run);
  wait_until (digits_done, &run, WAIT_TIMEOUT_MS, "RFC 4733 without telephone-event to fail");
  g_assert_error (run.error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_NO_CODEC);
  g_clear_error (&run.error);

  params.telephone_event_pt = 101;
  g_assert_true (md_media_session_update (fixture->a, &params, &error));
  run = (DigitRun) { .session = fixture->a, .digits = "x", .method = MD_DTMF_METHOD_RFC4733 };
  send_next_digit (&run);
  wait_until (digits_done, &run, WAIT_TIMEOUT_MS, "a bad digit to fail");
  g_assert_error (run.error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_FAILED);
  g_assert_nonnull (strstr (run.error->message, "“x”"));
  g_clear_error (&run.error);

  md_media_session_stop (fixture->a);
  run = (DigitRun) { .session = fixture->a, .digits = "1", .method = MD_DTMF_METHOD_RFC4733 };
  send_next_digit (&run);
  wait_until (digits_done, &run, WAIT_TIMEOUT_MS, "a digit after stop to fail");
  g_assert_error (run.error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_FAILED);
  g_clear_error (&run.error);
}

static guint
count_rtp (WireTap *tap)
{
  guint n = 0;

  for (guint i = 0; i < tap->packets->len; i++)
    if (g_array_index (tap->packets, WirePacket, i).pt == 0)
      n++;
  return n;
}

static gboolean
tap_has_packets (gpointer user_data)
{
  return count_rtp (user_data) > 0;
}

static void
test_hold (Fixture       *fixture,
           gconstpointer  data)
{
  const MdMediaCodec *codec = codec_or_fail ("PCMU", 8000);
  g_autoptr(GError) error = NULL;
  GSource *source;
  WireTap *tap = wire_tap_new (&source);
  MdMediaParams params = params_for (codec, wire_tap_port (tap));
  DigitRun run = { .digits = "1", .method = MD_DTMF_METHOD_RFC4733 };

  params.send = FALSE;
  params.receive = FALSE;
  fixture->a = new_session (fixture);
  g_assert_true (md_media_session_start (fixture->a, &params, "tone:440", "null", &error));
  g_assert_no_error (error);
  /* An observation window: held means nothing at all goes out in it. */
  run_for (500);
  g_assert_cmpuint (count_rtp (tap), ==, 0);

  run.session = fixture->a;
  send_next_digit (&run);
  wait_until (digits_done, &run, WAIT_TIMEOUT_MS, "DTMF on hold to fail");
  g_assert_error (run.error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_HELD);
  g_clear_error (&run.error);

  params.send = TRUE;
  g_assert_true (md_media_session_update (fixture->a, &params, &error));
  g_assert_no_error (error);
  wait_until (tap_has_packets, tap, WAIT_TIMEOUT_MS, "audio after resume");
  g_assert_cmpuint (count_rtp (tap), >, 0);
  /* Receive was off all along: no "network lost" for a held call. */
  g_assert_no_error (fixture->failure);

  md_media_session_stop (fixture->a);
  wire_tap_free (tap, source);
}

int
main (int    argc,
      char **argv)
{
  static const char *pcmu[] = { "PCMU", "8000" };
  static const char *opus[] = { "opus", "48000" };

  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

#define ADD(path, data, func) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("/media/dtmf/rfc4733/PCMU", pcmu, test_rfc4733);
  ADD ("/media/dtmf/rfc4733/opus", opus, test_rfc4733);
  ADD ("/media/dtmf/inband", NULL, test_inband);
  ADD ("/media/dtmf/errors", NULL, test_dtmf_errors);
  ADD ("/media/hold", NULL, test_hold);
#undef ADD

  return g_test_run ();
}

