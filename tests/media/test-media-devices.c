/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "auto" audio against a real sound server: a private PulseAudio daemon with
 * a null sink, started and stopped by the test. Its sink's monitor is the
 * default source, so what a session plays comes back as its microphone. */
#include "config.h"

#include "md-media-session.h"
#include "media-test-util.h"

#include <gst/gst.h>
#include <signal.h>
#include <sys/prctl.h>
#include <string.h>

static char *server_dir;

typedef struct {
  GSubprocess      *process;
  GDataInputStream *log;
  gboolean          exited;
} SoundServer;

static void
on_server_exited (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SoundServer *server = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  server->exited = TRUE;
}

static gboolean
server_exited (gpointer data)
{
  return ((SoundServer *) data)->exited;
}

/* In the child, before exec: the sound server goes when the test does, even
 * when a failed assertion ends the test before sound_server_stop(). */
static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

/* Starts pulseaudio and returns once it says it is ready (or fails the test). */
static SoundServer *
sound_server_start (void)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *runtime = g_build_filename (server_dir, "run", NULL);
  g_autofree char *socket_module = g_strdup_printf (
    "module-native-protocol-unix socket=%s/pa.sock auth-anonymous=1", server_dir);
  g_autofree char *binary = g_find_program_in_path ("pulseaudio");
  SoundServer *server = g_new0 (SoundServer, 1);
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  if (binary == NULL)
    g_error ("pulseaudio is not installed: install the pulseaudio package");
  g_mkdir_with_parents (runtime, 0700);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  /* Only the child's environment: everything it writes stays in server_dir. */
  g_subprocess_launcher_setenv (launcher, "HOME", server_dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", runtime, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", server_dir, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "DBUS_SESSION_BUS_ADDRESS");
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  server->process = g_subprocess_launcher_spawn (launcher, &error, binary,
                                                 "-n", "--daemonize=no", "--exit-idle-time=-1",
                                                 "--disable-shm=yes", "--use-pid-file=no",
                                                 "--log-target=stderr", "--log-level=info",
                                                 "-L", socket_module,
                                                 "-L", "module-null-sink sink_name=md_null",
                                                 "-L", "module-null-sink sink_name=md_other",
                                                 NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (server->process, NULL, on_server_exited, server);
  server->log = g_data_input_stream_new (g_subprocess_get_stderr_pipe (server->process));

  /* Its own word that it is ready; a closed pipe (it died) ends the wait too. */
  while (g_get_monotonic_time () < deadline)
    {
      g_autofree char *line = g_data_input_stream_read_line (server->log, NULL, NULL, &error);

      g_assert_no_error (error);
      if (line == NULL)
        g_error ("pulseaudio exited at start");
      if (strstr (line, "Daemon startup complete") != NULL)
        return server;
    }
  g_error ("pulseaudio did not start within 10 s");
}

static void
sound_server_stop (SoundServer *server)
{
  if (server == NULL)
    return;
  if (!server->exited)
    {
      g_subprocess_send_signal (server->process, SIGTERM);
      wait_until (server_exited, server, 5000, "pulseaudio to exit");
    }
  g_object_unref (server->log);
  g_object_unref (server->process);
  g_free (server);
}

/* No sound server running: "auto" fails in words, not with a crash. */
static void
test_no_server (Fixture       *fixture,
                gconstpointer  data)
{
  const MdMediaCodec *codec = codec_or_fail ("PCMU", 8000);
  MdMediaParams params = params_for (codec, 40000);
  const char *specs[][2] = { { "auto", "null" }, { "null", "auto" } };

  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      g_autoptr(MdMediaSession) session = new_session (fixture);
      g_autoptr(GError) error = NULL;

      g_assert_false (md_media_session_start (session, &params, specs[i][0], specs[i][1],
                                              &error));
      g_assert_error (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_NO_DEVICE);
      g_assert_nonnull (strstr (error->message, "PipeWire or PulseAudio"));
      md_media_session_stop (session);
    }
}

static gboolean
has_failed (gpointer data)
{
  return ((Fixture *) data)->failure != NULL;
}

/* A uses the system devices: B's 660 Hz tone goes to A's speaker, comes back
 * through the sound server as A's mic, and B hears it. Then the sound server
 * goes away mid-call: A fails with NO_DEVICE. */
static void
test_auto_devices (Fixture       *fixture,
                   gconstpointer  data)
{
  const MdMediaCodec *codec = codec_or_fail ("PCMU", 8000);
  g_autofree char *wav_b = fixture_path (fixture, "b.wav");
  g_autofree char *speaker_b = g_strconcat ("file:", wav_b, NULL);
  g_autoptr(TestWav) heard = NULL;
  SoundServer *server = sound_server_start ();
  gsize window;
  guint echo_steps = 0;

  start_pair (fixture, codec, "auto", "auto", "tone:660", speaker_b);
  run_for (2000);
  g_assert_no_error (fixture->failure);

  g_subprocess_send_signal (server->process, SIGKILL);
  wait_until (has_failed, fixture, 5000, "the lost sound server to be reported");
  g_assert_error (fixture->failure, MD_MEDIA_ERROR, MD_MEDIA_ERROR_NO_DEVICE);
  g_assert_nonnull (strstr (fixture->failure->message, "sound device"));
  g_test_message ("%s", fixture->failure->message);
  sound_server_stop (server);

  md_media_session_stop (fixture->b);
  heard = test_wav_load (wav_b);
  window = heard->rate / 5;
  for (gsize first = 0; first + window <= heard->n_samples; first += window / 2)
    {
      if (test_wav_rms (heard, first, window) > 300 &&
          test_wav_dominant (heard, first, window, 100, 3000) > 650 &&
          test_wav_dominant (heard, first, window, 100, 3000) < 670)
        echo_steps++;
    }
  g_test_message ("%u steps of 100 ms hold the echo", echo_steps);
  g_assert_cmpuint (echo_steps, >=, 3);
}

/* How much of @wav's last @seconds holds B's 660 Hz tone come back: in
 * steps of 100 ms, those loud enough and at that pitch. */
static guint
echo_steps_at_end (const TestWav *wav,
                   guint          seconds)
{
  gsize window = wav->rate / 10;
  gsize first = wav->n_samples > seconds * wav->rate ? wav->n_samples - seconds * wav->rate : 0;
  guint steps = 0;

  for (; first + window <= wav->n_samples; first += window)
    {
      double pitch = test_wav_dominant (wav, first, window, 100, 3000);

      if (test_wav_rms (wav, first, window) > 300 && pitch > 650 && pitch < 670)
        steps++;
    }
  return steps;
}

/* The user picks other devices while the call's audio is still starting
 * (the sound server has not opened the mic's stream yet): both streams go
 * to the new devices, and the far end goes on hearing us to the end of the
 * call. A's speaker and mic are the same null sink and its monitor, so B's
 * tone comes back to B only through the devices A moved to. */
static void
test_move_while_starting (Fixture       *fixture,
                          gconstpointer  data)
{
  const MdMediaCodec *codec = codec_or_fail ("PCMU", 8000);
  MdMediaParams params_a, params_b;
  g_autofree char *wav_b = fixture_path (fixture, "b.wav");
  g_autofree char *speaker_b = g_strconcat ("file:", wav_b, NULL);
  g_autoptr(TestWav) heard = NULL;
  g_autoptr(GError) error = NULL;
  SoundServer *server = sound_server_start ();
  guint steps;

  fixture->a = new_session (fixture);
  fixture->b = new_session (fixture);
  params_a = params_for (codec, md_media_session_get_local_rtp_port (fixture->b));
  params_b = params_for (codec, md_media_session_get_local_rtp_port (fixture->a));
  g_assert_true (md_media_session_start (fixture->b, &params_b, "tone:660", speaker_b, &error));
  g_assert_true (md_media_session_start (fixture->a, &params_a, "auto", "auto", &error));
  g_assert_no_error (error);
  md_media_session_set_devices (fixture->a, NULL, "md_other");
  run_for (100);
  md_media_session_set_devices (fixture->a, "md_other.monitor", "md_other");

  run_for (5000);
  g_assert_no_error (fixture->failure);
  md_media_session_stop (fixture->b);
  md_media_session_stop (fixture->a);
  sound_server_stop (server);

  heard = test_wav_load (wav_b);
  steps = echo_steps_at_end (heard, 2);
  g_test_message ("B heard %.2f s; %u of the last 20 steps of 100 ms hold the echo",
                  (double) heard->n_samples / heard->rate, steps);
  g_assert_cmpuint (steps, >=, 15);
}

/* `pactl list short WHAT` as rows of tab-separated fields. */
static GPtrArray *
pactl_list (const char *what)
{
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pactl", "list", "short", what, NULL };
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, NULL, &error))
    g_error ("pactl cannot run: %s (install pulseaudio-utils)", error->message);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      g_ptr_array_add (rows, g_strsplit (lines[i], "\t", -1));
  return rows;
}

/* Whether the call's one recording stream is on the source @data names:
 * a source-output row's second field is its source's index. */
static gboolean
mic_stream_is_on (gpointer data)
{
  g_autoptr(GPtrArray) sources = pactl_list ("sources");
  g_autoptr(GPtrArray) outputs = pactl_list ("source-outputs");
  const char *source = NULL;

  for (guint i = 0; i < sources->len; i++)
    {
      char **fields = g_ptr_array_index (sources, i);

      if (g_strv_length (fields) >= 2 && g_str_equal (fields[1], data))
        source = fields[0];
    }
  for (guint i = 0; source != NULL && i < outputs->len; i++)
    {
      char **fields = g_ptr_array_index (outputs, i);

      if (g_strv_length (fields) >= 2 && g_str_equal (fields[1], source))
        return TRUE;
    }
  return FALSE;
}

/* Back to "the system default" mid-call: A's mic stream was moved to the
 * other sink's monitor; when the setting goes back to the default, the
 * stream goes to the default source (md_null's monitor) as the sound server
 * sees it. A stream the setting once moved does not follow the default by
 * itself. */
static void
test_back_to_default (Fixture       *fixture,
                      gconstpointer  data)
{
  const MdMediaCodec *codec = codec_or_fail ("PCMU", 8000);
  SoundServer *server = sound_server_start ();

  start_pair (fixture, codec, "auto", "null", "tone:660", "null");
  wait_until (mic_stream_is_on, (gpointer) "md_null.monitor", 10000,
              "the mic stream on the default source");
  md_media_session_set_devices (fixture->a, "md_other.monitor", NULL);
  wait_until (mic_stream_is_on, (gpointer) "md_other.monitor", 10000,
              "the mic stream on the chosen source");
  md_media_session_set_devices (fixture->a, NULL, NULL);
  wait_until (mic_stream_is_on, (gpointer) "md_null.monitor", 10000,
              "the mic stream back on the default source");
  g_assert_no_error (fixture->failure);
  md_media_session_stop (fixture->b);
  md_media_session_stop (fixture->a);
  sound_server_stop (server);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *server = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  server_dir = g_dir_make_tmp ("meetdial-pulse-XXXXXX", NULL);
  g_assert_nonnull (server_dir);
  /* Set before any thread exists; no sound server of the machine is used. */
  server = g_strdup_printf ("unix:%s/pa.sock", server_dir);
  g_setenv ("PULSE_SERVER", server, TRUE);
  gst_init (&argc, &argv);

  g_test_add ("/media/device/no-server", Fixture, NULL, fixture_set_up, test_no_server,
              fixture_tear_down);
  g_test_add ("/media/device/auto", Fixture, NULL, fixture_set_up, test_auto_devices,
              fixture_tear_down);
  g_test_add ("/media/device/back-to-default", Fixture, NULL, fixture_set_up,
              test_back_to_default, fixture_tear_down);
  g_test_add ("/media/device/move-while-starting", Fixture, NULL, fixture_set_up,
              test_move_while_starting, fixture_tear_down);
  status = g_test_run ();
  fixture_remove_dir (server_dir);
  g_free (server_dir);
  return status;
}
