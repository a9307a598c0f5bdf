/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The codecs an outgoing call offers before GStreamer has started: those
 * the last start found, kept in the user's cache folder. Each case runs in
 * a process of its own (the lists are per process) with a cache folder of
 * its own. */
#include "config.h"

#include "md-media-codec.h"
#include "media-test-util.h"

#include <gst/gst.h>

static char *
remembered_path (void)
{
  return g_build_filename (g_get_user_cache_dir (), "meetdial", "codecs", NULL);
}

/* The parent's side of each case: the child sees a new, empty cache
 * folder (GStreamer builds its registry there too). */
static void
run_case_in_own_cache (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cache = g_dir_make_tmp ("meetdial-codecs-XXXXXX", &error);

  g_assert_no_error (error);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  fixture_remove_dir (cache);
  g_test_trap_assert_passed ();
}

static void
remember (const char *contents)
{
  g_autofree char *path = remembered_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
assert_remembers_probe (void)
{
  g_autofree char *path = remembered_path ();
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "opus/48000\nG722/8000\nPCMU/8000\nPCMA/8000\n");
}

/* The remembered list, in our order, without what is not ours; and
 * GStreamer not started for it. Then the probe's list takes over. */
static void
test_remembered (void)
{
  if (g_test_subprocess ())
    {
      const MdMediaCodec *offered;
      const MdMediaCodec *supported;
      guint n = 0;
      guint n_supported = 0;

      remember ("PCMA/8000\nG729/8000\n\001\377 not a codec\nopus/48000\nPCMU/16000\n");
      offered = md_media_codec_get_offered (&n);
      g_assert_false (gst_is_initialized ());
      g_assert_cmpuint (n, ==, 2);
      g_assert_cmpstr (offered[0].encoding, ==, "opus");
      g_assert_cmpuint (offered[0].channels, ==, 2);
      g_assert_cmpstr (offered[1].encoding, ==, "PCMA");
      g_assert_cmpuint (offered[1].payload_type, ==, 8);

      supported = md_media_codec_get_supported (&n_supported);
      g_assert_true (gst_is_initialized ());
      g_assert_cmpuint (n_supported, ==, 4);
      assert_remembers_probe ();
      g_assert_true (md_media_codec_get_offered (&n) == supported);
      g_assert_cmpuint (n, ==, 4);
      return;
    }

  run_case_in_own_cache ();
}

/* Nothing remembered (a first start, or a file that names nothing of
 * ours): the offer waits for the probe, which is then remembered. */
static void
test_nothing_remembered (gconstpointer data)
{
  const char *contents = data;

  if (g_test_subprocess ())
    {
      const MdMediaCodec *offered;
      guint n = 0;

      if (contents != NULL)
        remember (contents);
      offered = md_media_codec_get_offered (&n);
      g_assert_true (gst_is_initialized ());
      g_assert_cmpuint (n, ==, 4);
      g_assert_cmpstr (offered[0].encoding, ==, "opus");
      g_assert_cmpstr (offered[3].encoding, ==, "PCMA");
      assert_remembers_probe ();
      return;
    }

  run_case_in_own_cache ();
}

/* A cache folder that cannot be written: the offer is still made. */
static void
test_unwritable (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *path = remembered_path ();
      guint n = 0;

      /* A folder where the file would be: reading and writing fail. */
      g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
      md_media_codec_get_offered (&n);
      g_assert_cmpuint (n, ==, 4);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
      return;
    }

  run_case_in_own_cache ();
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/media/codecs/remembered", test_remembered);
  g_test_add_data_func ("/media/codecs/first-start", NULL, test_nothing_remembered);
  g_test_add_data_func ("/media/codecs/nothing-of-ours", "G729/8000\nAMR/8000\n",
                        test_nothing_remembered);
  g_test_add_func ("/media/codecs/unwritable", test_unwritable);
  return g_test_run ();
}
