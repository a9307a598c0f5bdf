/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The route switch of the media core: two real RTP calls on loopback, one
 * of them bridged into the other ("call me"), as md-call-route.c does it. */
#include "config.h"

#include "media-test-util.h"

typedef struct {
  gboolean bridge_audio;
} BridgeWait;

static void
on_bridge_audio (BridgeWait *wait)
{
  wait->bridge_audio = TRUE;
}

static gboolean
bridge_audio_arrived (gpointer data)
{
  return ((BridgeWait *) data)->bridge_audio;
}

/* A is the meeting (440 Hz), B our meeting leg (mic 1000 Hz); C our phone
 * leg, D the phone (880 Hz). Once B and C are bridged and B's route is the
 * bridge, A hears the phone and the phone hears A; before, A heard B's mic. */
static void
test_bridge (Fixture       *fixture,
             gconstpointer  data)
{
  const MdMediaCodec *codec = codec_or_fail ("PCMU", 8000);
  g_autofree char *wav_a = fixture_path (fixture, "a.wav");
  g_autofree char *wav_d = fixture_path (fixture, "d.wav");
  g_autofree char *speaker_a = g_strconcat ("file:", wav_a, NULL);
  g_autofree char *speaker_d = g_strconcat ("file:", wav_d, NULL);
  g_autoptr(MdMediaSession) c = new_session (fixture);
  g_autoptr(MdMediaSession) d = new_session (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(TestWav) heard_by_a = NULL;
  g_autoptr(TestWav) heard_by_d = NULL;
  MdMediaParams to_c = params_for (codec, md_media_session_get_local_rtp_port (c));
  MdMediaParams to_d = params_for (codec, md_media_session_get_local_rtp_port (d));
  BridgeWait wait = { FALSE };
  gsize quarter;

  start_pair (fixture, codec, "tone:440", speaker_a, "tone:1000", "null");
  md_media_session_set_route (c, MD_MEDIA_ROUTE_BRIDGE);
  g_assert_true (md_media_session_start (c, &to_d, "null", "null", &error));
  g_assert_no_error (error);
  g_assert_true (md_media_session_start (d, &to_c, "tone:880", speaker_d, &error));
  g_assert_no_error (error);
  run_for (600);

  g_signal_connect_swapped (fixture->b, "bridge-audio", G_CALLBACK (on_bridge_audio), &wait);
  g_assert_true (md_media_session_bridge (fixture->b, c, &error));
  g_assert_no_error (error);
  wait_until (bridge_audio_arrived, &wait, WAIT_TIMEOUT_MS, "the phone's audio in the meeting leg");
  md_media_session_set_route (fixture->b, MD_MEDIA_ROUTE_BRIDGE);
  g_assert_cmpint (md_media_session_get_route (fixture->b), ==, MD_MEDIA_ROUTE_BRIDGE);
  run_for (1000);

  md_media_session_stop (fixture->a);
  md_media_session_stop (d);
  md_media_session_stop (c);
  heard_by_a = test_wav_load (wav_a);
  heard_by_d = test_wav_load (wav_d);

  quarter = heard_by_a->n_samples / 4;
  g_assert_cmpfloat (test_wav_dominant (heard_by_a, quarter / 2, quarter, 300, 1200), ==, 1000);
  g_assert_cmpfloat (test_wav_dominant (heard_by_a, heard_by_a->n_samples - quarter, quarter,
                                        300, 1200), ==, 880);
  quarter = heard_by_d->n_samples / 4;
  g_assert_cmpfloat (test_wav_dominant (heard_by_d, heard_by_d->n_samples - quarter, quarter,
                                        300, 1200), ==, 440);
  g_assert_no_error (fixture->failure);
}

/* A session stopped while bridged leaves its peer running and unbridged. */
static void
test_bridge_stop (Fixture       *fixture,
                  gconstpointer  data)
{
  const MdMediaCodec *codec = codec_or_fail ("PCMU", 8000);
  g_autoptr(MdMediaSession) not_started = new_session (fixture);
  g_autoptr(GError) error = NULL;

  start_pair (fixture, codec, "tone:440", "null", "tone:1000", "null");
  g_assert_false (md_media_session_bridge (fixture->a, not_started, &error));
  g_assert_error (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_true (md_media_session_bridge (fixture->a, fixture->b, &error));
  md_media_session_set_route (fixture->a, MD_MEDIA_ROUTE_BRIDGE);
  run_for (300);
  md_media_session_stop (fixture->b);
  md_media_session_set_route (fixture->a, MD_MEDIA_ROUTE_LOCAL);
  md_media_session_unbridge (fixture->a);
  run_for (200);
  g_assert_no_error (fixture->failure);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/media/bridge/call-me", Fixture, NULL, fixture_set_up, test_bridge,
              fixture_tear_down);
  g_test_add ("/media/bridge/stop", Fixture, NULL, fixture_set_up, test_bridge_stop,
              fixture_tear_down);
  return g_test_run ();
}
