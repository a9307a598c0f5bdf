/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CPU time and peak memory of one PCMU call's media, both ends in this
 * process: two MdMediaSessions on 127.0.0.1, each sending a generated tone
 * and recording what it receives to a WAV file, as a meeting bridge and a
 * caller would. Prints figures; never passes or fails.
 *
 * Usage: media-cpu [SECONDS]   (default 30) */
#include "config.h"

#include "md-media-session.h"

#include <glib/gstdio.h>
#include <gst/gst.h>
#include <stdlib.h>
#include <sys/resource.h>

typedef struct {
  guint    first_packets;
  gboolean failed;
} BenchState;

static void
on_first_packet (MdMediaSession *session,
                 BenchState     *state)
{
  state->first_packets++;
}

static void
on_failed (MdMediaSession *session,
           GError         *error,
           BenchState     *state)
{
  g_printerr ("media-cpu: the call's audio failed: %s\n", error->message);
  state->failed = TRUE;
}

static gboolean
on_deadline (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static double
cpu_seconds (const struct rusage *usage)
{
  return usage->ru_utime.tv_sec + usage->ru_utime.tv_usec / 1e6 +
         usage->ru_stime.tv_sec + usage->ru_stime.tv_usec / 1e6;
}

static MdMediaSession *
new_session (BenchState *state)
{
  g_autoptr(GError) error = NULL;
  MdMediaSession *session = md_media_session_new ("127.0.0.1", &error);

  if (session == NULL)
    g_error ("media-cpu: %s", error->message);
  g_signal_connect (session, "first-packet", G_CALLBACK (on_first_packet), state);
  g_signal_connect (session, "failed", G_CALLBACK (on_failed), state);
  return session;
}

static void
start (MdMediaSession *session,
       MdMediaSession *peer,
       const char     *mic,
       const char     *speaker)
{
  g_autoptr(GError) error = NULL;
  guint port = md_media_session_get_local_rtp_port (peer);
  MdMediaParams params = {
    .remote_address = "127.0.0.1",
    .remote_rtp_port = port,
    .remote_rtcp_port = port + 1,
    .codec = *md_media_codec_find ("PCMU", 8000),
    .telephone_event_pt = 101,
    .ptime_ms = 20,
    .send = TRUE,
    .receive = TRUE,
  };

  if (!md_media_session_start (session, &params, mic, speaker, &error))
    g_error ("media-cpu: %s", error->message);
}

int
main (int    argc,
      char **argv)
{
  guint seconds = argc > 1 ? (guint) atoi (argv[1]) : 30;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("meetdial-bench-XXXXXX", &error);
  g_autofree char *wav_a = g_build_filename (dir, "a.wav", NULL);
  g_autofree char *wav_b = g_build_filename (dir, "b.wav", NULL);
  g_autofree char *speaker_a = g_strconcat ("file:", wav_a, NULL);
  g_autofree char *speaker_b = g_strconcat ("file:", wav_b, NULL);
  g_autoptr(MdMediaSession) a = NULL;
  g_autoptr(MdMediaSession) b = NULL;
  BenchState state = { 0 };
  struct rusage before, after;
  gint64 started_us, elapsed_us;
  gboolean expired = FALSE, call_over = FALSE;
  guint deadline_id;
  double cpu;

  gst_init (&argc, &argv);
  if (seconds == 0 || dir == NULL)
    {
      g_printerr ("usage: media-cpu [SECONDS]\n");
      return 2;
    }

  a = new_session (&state);
  b = new_session (&state);
  start (a, b, "tone:440", speaker_a);
  start (b, a, "tone:660", speaker_b);

  /* Measured from the moment both ends hear each other, like a call from answer. */
  deadline_id = g_timeout_add_seconds (5, on_deadline, &expired);
  while (state.first_packets < 2 && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (state.first_packets < 2)
    g_error ("media-cpu: the two sessions did not hear each other within 5 s");
  g_source_remove (deadline_id);

  getrusage (RUSAGE_SELF, &before);
  started_us = g_get_monotonic_time ();
  g_timeout_add (seconds * 1000, on_deadline, &call_over);
  while (!call_over && !state.failed)
    g_main_context_iteration (NULL, TRUE);
  getrusage (RUSAGE_SELF, &after);
  elapsed_us = g_get_monotonic_time () - started_us;

  md_media_session_stop (a);
  md_media_session_stop (b);
  g_remove (wav_a);
  g_remove (wav_b);
  g_rmdir (dir);
  if (state.failed)
    return 1;

  cpu = cpu_seconds (&after) - cpu_seconds (&before);
  g_print ("PCMU session pair (both ends: tone in, WAV out) for %.1f s\n", elapsed_us / 1e6);
  g_print ("  CPU in call: %.0f ms for both ends, %.0f ms per end per 30 s (%.2f %% of one core)\n",
           cpu * 1000, cpu * 1000 / 2 * 30e6 / elapsed_us, 100.0 * cpu / (elapsed_us / 1e6));
  g_print ("  peak RSS: %.1f MiB (one process, both ends)\n", after.ru_maxrss / 1024.0);
  /* One line for scripts. */
  g_print ("{\"seconds\": %.3f, \"cpu_s\": %.4f, \"peak_rss_kib\": %ld}\n",
           elapsed_us / 1e6, cpu, after.ru_maxrss);
  return 0;
}
