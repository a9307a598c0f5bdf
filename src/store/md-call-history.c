/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-store"

#include "config.h"

#include "md-call-history.h"
#include "md-secret-store.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <sqlite3.h>
#include <string.h>

#define SCHEMA_VERSION 1

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

struct _MdCallHistory
{
  GObject  parent_instance;

  sqlite3 *db;
  char    *path;
};

G_DEFINE_TYPE (MdCallHistory, md_call_history, G_TYPE_OBJECT)
G_DEFINE_QUARK (md-call-history-error-quark, md_call_history_error)
G_DEFINE_BOXED_TYPE (MdCallRecord, md_call_record, md_call_record_copy, md_call_record_free)

/* The full dial link of a history entry, its PIN included, lives only in the
 * Secret Service, under this key. */
static char *
dial_key (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

/* Hands the secret store's result on inside a task of this history, so that
 * callers see the history as the source, as with any of its async calls; the
 * _finish functions unwrap it. */
static void
on_secret_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  g_task_return_pointer (task, g_object_ref (result), g_object_unref);
}

static GTask *
secret_task_new (MdCallHistory       *self,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data,
                 gpointer             source_tag)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  return task;
}

static GAsyncResult *
secret_result (MdCallHistory *self,
               GAsyncResult  *result)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), NULL);
}

static gboolean
set_db_error (MdCallHistory  *self,
              GError        **error,
              const char     *what)
{
  /* @what is a whole sentence; SQLite's reason follows it. */
  g_set_error (error, MD_CALL_HISTORY_ERROR, MD_CALL_HISTORY_ERROR_FAILED,
               "%s: %s", what, sqlite3_errmsg (self->db));
  return FALSE;
}

static gboolean
exec_sql (MdCallHistory  *self,
          const char     *sql,
          GError        **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return set_db_error (self, error, _("The call history could not be set up"));
  return TRUE;
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text ? g_strdup ((const char *) text) : NULL;
}

/* Where the number ends and the steps after answer begin. */
static const char *
find_steps (const char *dial_uri)
{
  const char *colon = strchr (dial_uri, ':');
  const char *body = colon ? colon + 1 : dial_uri;
  gboolean phone = colon == NULL
                   || g_ascii_strncasecmp (dial_uri, "tel:", 4) == 0
                   || g_ascii_strncasecmp (dial_uri, "callto:", 7) == 0;

  return body + strcspn (body, phone ? ",;pPwW" : ",;");
}

char *
md_call_history_mask_dial (const char *dial_uri)
{
  const char *steps;
  GString *masked;

  g_return_val_if_fail (dial_uri != NULL, NULL);

  steps = find_steps (dial_uri);
  masked = g_string_new_len (dial_uri, steps - dial_uri);
  for (const char *c = steps; *c != '\0'; c++)
    {
      if (g_ascii_isdigit (*c))
        g_string_append (masked, "•");
      else
        g_string_append_c (masked, *c);
    }

  return g_string_free (masked, FALSE);
}

static char *
dup_target (const char *dial_uri)
{
  const char *colon = strchr (dial_uri, ':');
  const char *start = dial_uri;

  /* Phone numbers lose their scheme; SIP addresses keep it. */
  if (colon != NULL && (g_ascii_strncasecmp (dial_uri, "tel:", 4) == 0
                        || g_ascii_strncasecmp (dial_uri, "callto:", 7) == 0))
    {
      start = colon + 1;
      if (g_str_has_prefix (start, "//"))
        start += 2;
    }

  return g_strndup (start, find_steps (dial_uri) - start);
}

MdCallRecord *
md_call_record_copy (const MdCallRecord *record)
{
  MdCallRecord *copy = g_new0 (MdCallRecord, 1);

  *copy = *record;
  copy->title = g_strdup (record->title);
  copy->provider = g_strdup (record->provider);
  copy->target = g_strdup (record->target);
  copy->masked_dial = g_strdup (record->masked_dial);
  copy->outcome = g_strdup (record->outcome);
  return copy;
}

void
md_call_record_free (MdCallRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->title);
  g_free (record->provider);
  g_free (record->target);
  g_free (record->masked_dial);
  g_free (record->outcome);
  g_free (record);
}

static void
md_call_history_finalize (GObject *object)
{
  MdCallHistory *self = MD_CALL_HISTORY (object);

  g_clear_pointer (&self->db, sqlite3_close);
  g_free (self->path);

  G_OBJECT_CLASS (md_call_history_parent_class)->finalize (object);
}

static void
md_call_history_class_init (MdCallHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = md_call_history_finalize;

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
md_call_history_init (MdCallHistory *self)
{
}

static gboolean
open_database (MdCallHistory  *self,
               GError        **error)
{
  g_autofree char *dir = g_path_get_dirname (self->path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, MD_CALL_HISTORY_ERROR, MD_CALL_HISTORY_ERROR_FAILED,
                   _("Could not create the folder for the call history “%s”: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  if (sqlite3_open_v2 (self->path, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                       NULL) != SQLITE_OK)
    return set_db_error (self, error, _("The call history could not be opened"));

  /* WAL keeps every committed call when the app is killed mid-call; NORMAL
   * sync is durable across app crashes, which is the failure that matters. */
  sqlite3_busy_timeout (self->db, 2000);
  return exec_sql (self,
                   "PRAGMA journal_mode=WAL;"
                   "PRAGMA synchronous=NORMAL;"
                   "CREATE TABLE IF NOT EXISTS calls ("
                   "  id INTEGER PRIMARY KEY,"
                   "  started_at INTEGER NOT NULL,"
                   "  title TEXT,"
                   "  provider TEXT,"
                   "  target TEXT NOT NULL,"
                   "  masked_dial TEXT NOT NULL,"
                   "  duration_s INTEGER NOT NULL DEFAULT 0,"
                   "  outcome TEXT);"
                   "PRAGMA user_version=1;"
                   "UPDATE calls SET outcome = 'interrupted' WHERE outcome IS NULL;",
                   error);
}

MdCallHistory *
md_call_history_new (const char  *path,
                     GError     **error)
{
  g_autoptr(MdCallHistory) self = g_object_new (MD_TYPE_CALL_HISTORY, NULL);

  G_STATIC_ASSERT (SCHEMA_VERSION == 1);

  self->path = path ? g_strdup (path)
                    : g_build_filename (g_get_user_data_dir (), "meetdial", "history.db", NULL);
  if (!open_database (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

gint64
md_call_history_add (MdCallHistory  *self,
                     const char     *dial_uri,
                     const char     *title,
                     const char     *provider,
                     GError        **error)
{
  g_autofree char *masked = NULL;
  g_autofree char *target = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;

  g_return_val_if_fail (MD_IS_CALL_HISTORY (self), 0);
  g_return_val_if_fail (dial_uri != NULL, 0);

  masked = md_call_history_mask_dial (dial_uri);
  target = dup_target (dial_uri);

  if (sqlite3_prepare_v2 (self->db,
                          "INSERT INTO calls (started_at, title, provider, target, masked_dial)"
                          " VALUES (?, ?, ?, ?, ?)", -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (self, error, _("The call could not be saved in the call history"));
      return 0;
    }

  sqlite3_bind_int64 (stmt, 1, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, provider, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, target, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, masked, -1, SQLITE_TRANSIENT);

  if (sqlite3_step (stmt) == SQLITE_DONE)
    id = sqlite3_last_insert_rowid (self->db);
  else
    set_db_error (self, error, _("The call could not be saved in the call history"));
  sqlite3_finalize (stmt);

  if (id != 0)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return id;
}

/* Runs @sql with the int64 @id bound to ?1 and, when not NULL, @text to ?2
 * and @number to ?3; fails when no row had that id. */
static gboolean
update_call (MdCallHistory  *self,
             const char     *sql,
             gint64          id,
             const char     *text,
             gint64          number,
             const char     *what,
             GError        **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return set_db_error (self, error, what);

  sqlite3_bind_int64 (stmt, 1, id);
  if (text != NULL)
    {
      sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, number);
    }

  ok = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  if (!ok)
    return set_db_error (self, error, what);

  if (sqlite3_changes (self->db) == 0)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, MD_CALL_HISTORY_ERROR, MD_CALL_HISTORY_ERROR_NOT_FOUND,
                   _("There is no call %s in the call history"), id_text);
      return FALSE;
    }

  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return TRUE;
}

gboolean
md_call_history_finish (MdCallHistory  *self,
                        gint64          id,
                        const char     *outcome,
                        guint           duration_s,
                        GError        **error)
{
  g_return_val_if_fail (MD_IS_CALL_HISTORY (self), FALSE);
  g_return_val_if_fail (outcome != NULL, FALSE);

  return update_call (self, "UPDATE calls SET outcome = ?2, duration_s = ?3 WHERE id = ?1",
                      id, outcome, duration_s,
                      _("How the call ended could not be saved in the call history"), error);
}

gboolean
md_call_history_remove (MdCallHistory  *self,
                        gint64          id,
                        GError        **error)
{
  g_return_val_if_fail (MD_IS_CALL_HISTORY (self), FALSE);

  return update_call (self, "DELETE FROM calls WHERE id = ?1", id, NULL, 0,
                      _("The call could not be removed from the call history"), error);
}

void
md_call_history_forget_dial_async (MdCallHistory       *self,
                                   gint64               id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *key = dial_key (id);

  g_return_if_fail (MD_IS_CALL_HISTORY (self));

  md_secret_store_clear_async (MD_SECRET_CALL_DIAL, key, cancellable, on_secret_done,
                               secret_task_new (self, cancellable, callback, user_data,
                                                md_call_history_forget_dial_async));
}

gboolean
md_call_history_forget_dial_finish (MdCallHistory  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  g_autoptr(GAsyncResult) inner = secret_result (self, result);

  return inner != NULL && md_secret_store_clear_finish (inner, error);
}

GPtrArray *
md_call_history_list (MdCallHistory  *self,
                      guint           limit,
                      GError        **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) md_call_record_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (MD_IS_CALL_HISTORY (self), NULL);

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT id, started_at, title, provider, target, masked_dial,"
                          " duration_s, outcome FROM calls ORDER BY started_at DESC, id DESC"
                          " LIMIT ?", -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (self, error, _("The call history could not be read"));
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, limit > 0 ? (gint64) limit : -1);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MdCallRecord *record = g_new0 (MdCallRecord, 1);

      record->id = sqlite3_column_int64 (stmt, 0);
      record->started_at = sqlite3_column_int64 (stmt, 1);
      record->title = dup_column (stmt, 2);
      record->provider = dup_column (stmt, 3);
      record->target = dup_column (stmt, 4);
      record->masked_dial = dup_column (stmt, 5);
      record->duration_s = (guint) sqlite3_column_int64 (stmt, 6);
      record->outcome = dup_column (stmt, 7);
      g_ptr_array_add (records, record);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_db_error (self, error, _("The call history could not be read"));
      return NULL;
    }

  return g_steal_pointer (&records);
}

void
md_call_history_save_dial_async (MdCallHistory       *self,
                                 gint64               id,
                                 const char          *dial_uri,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *key = dial_key (id);

  g_return_if_fail (MD_IS_CALL_HISTORY (self));
  g_return_if_fail (dial_uri != NULL);

  md_secret_store_save_async (MD_SECRET_CALL_DIAL, key, dial_uri, cancellable, on_secret_done,
                              secret_task_new (self, cancellable, callback, user_data,
                                               md_call_history_save_dial_async));
}

gboolean
md_call_history_save_dial_finish (MdCallHistory  *self,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  g_autoptr(GAsyncResult) inner = secret_result (self, result);

  return inner != NULL && md_secret_store_save_finish (inner, error);
}

void
md_call_history_lookup_dial_async (MdCallHistory       *self,
                                   gint64               id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *key = dial_key (id);

  g_return_if_fail (MD_IS_CALL_HISTORY (self));

  md_secret_store_lookup_async (MD_SECRET_CALL_DIAL, key, cancellable, on_secret_done,
                                secret_task_new (self, cancellable, callback, user_data,
                                                 md_call_history_lookup_dial_async));
}

char *
md_call_history_lookup_dial_finish (MdCallHistory  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  g_autoptr(GAsyncResult) inner = secret_result (self, result);

  return inner != NULL ? md_secret_store_lookup_finish (inner, error) : NULL;
}
