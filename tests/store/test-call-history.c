/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "md-call-history.h"
#include "md-secret-store.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define DIAL "tel:+16465550100,,84512345678#,,,,*731904#"
#define PIN "84512345678"

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("meetdial-history-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "sub", "history.db", NULL);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  for (gsize i = 0; i + strlen (needle) <= length; i++)
    if (memcmp (contents + i, needle, strlen (needle)) == 0)
      return TRUE;
  return FALSE;
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdCallHistory) history = md_call_history_new (fixture->path, &error);
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  const MdCallRecord *record;
  gint64 first, second;

  g_assert_no_error (error);

  first = md_call_history_add (history, DIAL, "Weekly sync", "zoom", &error);
  g_assert_no_error (error);
  g_assert_cmpint (first, >, 0);
  g_assert_true (md_call_history_finish (history, first, "hung up", 754, &error));
  g_assert_no_error (error);
  second = md_call_history_add (history, "sip:room@example.com", NULL, NULL, &error);
  g_assert_no_error (error);

  records = md_call_history_list (history, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 2);

  /* Newest first. */
  record = g_ptr_array_index (records, 0);
  g_assert_cmpint (record->id, ==, second);
  g_assert_cmpstr (record->target, ==, "sip:room@example.com");
  g_assert_null (record->outcome);

  record = g_ptr_array_index (records, 1);
  g_assert_cmpint (record->id, ==, first);
  g_assert_cmpstr (record->title, ==, "Weekly sync");
  g_assert_cmpstr (record->provider, ==, "zoom");
  g_assert_cmpstr (record->target, ==, "+16465550100");
  g_assert_cmpstr (record->masked_dial, ==, "tel:+16465550100,,•••••••••••#,,,,*••••••#");
  g_assert_cmpuint (record->duration_s, ==, 754);
  g_assert_cmpstr (record->outcome, ==, "hung up");
  g_assert_cmpint (ABS (record->started_at - g_get_real_time () / G_USEC_PER_SEC), <, 60);

  /* The PIN is nowhere on disk, neither in the database nor in its log. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (file_contains (fixture->path, PIN));
  g_assert_false (file_contains (wal, PIN));
  g_assert_false (file_contains (wal, "731904"));

  g_assert_true (md_call_history_remove (history, first, &error));
  g_clear_pointer (&records, g_ptr_array_unref);
  records = md_call_history_list (history, 1, &error);
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpint (((MdCallRecord *) g_ptr_array_index (records, 0))->id, ==, second);
}

static void
test_wal_mode (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdCallHistory) history = md_call_history_new (fixture->path, &error);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (history);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* The app is killed with SIGKILL while a call runs: the call is still there
 * when it starts again, marked as interrupted. */
static void
test_survives_kill (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdCallHistory) history = NULL;
  g_autoptr(GPtrArray) records = NULL;
  int status = 0;
  pid_t child = fork ();

  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      MdCallHistory *doomed = md_call_history_new (fixture->path, NULL);

      if (doomed == NULL || md_call_history_add (doomed, DIAL, "Killed", "zoom", NULL) == 0)
        _exit (3);
      raise (SIGKILL);
      _exit (4);
    }

  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

  history = md_call_history_new (fixture->path, &error);
  g_assert_no_error (error);
  records = md_call_history_list (history, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpstr (((MdCallRecord *) g_ptr_array_index (records, 0))->title, ==, "Killed");
  g_assert_cmpstr (((MdCallRecord *) g_ptr_array_index (records, 0))->outcome, ==, "interrupted");
}

static void
test_unknown_call (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdCallHistory) history = md_call_history_new (fixture->path, &error);

  g_assert_false (md_call_history_finish (history, 4242, "busy", 0, &error));
  g_assert_error (error, MD_CALL_HISTORY_ERROR, MD_CALL_HISTORY_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "4242"));
}

static void
test_unwritable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *blocker = g_build_filename (fixture->dir, "file", NULL);
  g_autofree char *path = g_build_filename (blocker, "history.db", NULL);
  g_autoptr(MdCallHistory) history = NULL;

  /* A file where the folder should be: a clear error, no crash. */
  g_assert_true (g_file_set_contents (blocker, "x", 1, NULL));
  history = md_call_history_new (path, &error);
  g_assert_null (history);
  g_assert_error (error, MD_CALL_HISTORY_ERROR, MD_CALL_HISTORY_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "call history"));
}

static void
test_mask (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "tel:+14155550100,,123#", "tel:+14155550100,,•••#" },
    { "tel:+14155550100", "tel:+14155550100" },
    { "tel:+14155550100;ext=42", "tel:+14155550100;ext=••" },
    { "callto://+4930123p4567", "callto://+4930123p••••" },
    { "sip:1234@host.example;transport=tcp", "sip:1234@host.example;transport=tcp" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *masked = md_call_history_mask_dial (cases[i].in);
      g_assert_cmpstr (masked, ==, cases[i].out);
    }
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

/* Redial needs the PIN back: it lives in the keyring, and goes with its
 * history entry. Needs the Secret Service (tests/harness/keyring-session). */
static void
test_dial_secret (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdCallHistory) history = md_call_history_new (fixture->path, &error);
  g_autoptr(GAsyncResult) saved = NULL;
  g_autoptr(GAsyncResult) found = NULL;
  g_autoptr(GAsyncResult) forgotten = NULL;
  g_autoptr(GAsyncResult) gone = NULL;
  g_autoptr(MdSecret) dial = NULL;
  g_autoptr(MdSecret) after = NULL;
  gint64 id = md_call_history_add (history, DIAL, NULL, NULL, &error);

  g_assert_no_error (error);
  md_call_history_save_dial_async (history, id, DIAL, NULL, on_done, &saved);
  g_assert_true (md_call_history_save_dial_finish (history, wait_for (&saved), &error));
  g_assert_no_error (error);

  md_call_history_lookup_dial_async (history, id, NULL, on_done, &found);
  wait_for (&found);
  /* callers find the history through the result, as with any async call */
  {
    g_autoptr(GObject) source = g_async_result_get_source_object (found);
    g_assert_true (source == G_OBJECT (history));
  }
  dial = md_call_history_lookup_dial_finish (history, found, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dial, ==, DIAL);

  g_assert_true (md_call_history_remove (history, id, &error));
  md_call_history_forget_dial_async (history, id, NULL, on_done, &forgotten);
  g_assert_true (md_call_history_forget_dial_finish (history, wait_for (&forgotten), &error));
  g_assert_no_error (error);
  md_call_history_lookup_dial_async (history, id, NULL, on_done, &gone);
  after = md_call_history_lookup_dial_finish (history, wait_for (&gone), &error);
  g_assert_no_error (error);
  g_assert_null (after);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/call-history/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/call-history/wal", Fixture, NULL, fixture_set_up, test_wal_mode, fixture_tear_down);
  g_test_add ("/call-history/survives-kill", Fixture, NULL, fixture_set_up, test_survives_kill, fixture_tear_down);
  g_test_add ("/call-history/unknown-call", Fixture, NULL, fixture_set_up, test_unknown_call, fixture_tear_down);
  g_test_add ("/call-history/unwritable", Fixture, NULL, fixture_set_up, test_unwritable, fixture_tear_down);
  g_test_add_func ("/call-history/mask", test_mask);
  g_test_add ("/call-history/dial-secret", Fixture, NULL, fixture_set_up, test_dial_secret, fixture_tear_down);

  return g_test_run ();
}
