/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define MD_CALL_HISTORY_ERROR (md_call_history_error_quark ())

typedef enum {
  MD_CALL_HISTORY_ERROR_FAILED,   /* the database could not be opened or written */
  MD_CALL_HISTORY_ERROR_NOT_FOUND,
} MdCallHistoryError;

GQuark md_call_history_error_quark (void);

/* One call as the history keeps it. @masked_dial is the dial link with every
 * digit after the number shown as "•": PINs are never stored in plain text. */
typedef struct {
  gint64  id;
  gint64  started_at;   /* Unix time, seconds */
  char   *title;        /* meeting title, or NULL */
  char   *provider;     /* "zoom", …, or NULL */
  char   *target;       /* "+14155550100" or "sip:room@example.com" */
  char   *masked_dial;  /* "tel:+14155550100,,•••#" */
  guint   duration_s;   /* time connected */
  char   *outcome;      /* an end reason ("hung up", "busy", …), "handed-off", "interrupted"
                           when the app ended during the call; NULL while it runs */
} MdCallRecord;

#define MD_TYPE_CALL_RECORD (md_call_record_get_type ())
GType         md_call_record_get_type (void);
MdCallRecord *md_call_record_copy     (const MdCallRecord *record);
void          md_call_record_free     (MdCallRecord       *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MdCallRecord, md_call_record_free)

#define MD_TYPE_CALL_HISTORY (md_call_history_get_type ())
G_DECLARE_FINAL_TYPE (MdCallHistory, md_call_history, MD, CALL_HISTORY, GObject)

/* Opens (creating it when needed) the SQLite history at @path, or at
 * $XDG_DATA_HOME/meetdial/history.db for NULL. Every write is committed at
 * once in WAL mode, so a killed app loses nothing; calls it left open are
 * marked "interrupted". Signal "changed" after every write. */
MdCallHistory *md_call_history_new          (const char     *path,
                                             GError        **error);

/* Records the start of a call to @dial_uri (its digits after the number are
 * masked before they are written). Returns the new id, or 0 on error. */
gint64         md_call_history_add          (MdCallHistory  *self,
                                             const char     *dial_uri,
                                             const char     *title,
                                             const char     *provider,
                                             GError        **error);

/* Records how call @id ended. */
gboolean       md_call_history_finish       (MdCallHistory  *self,
                                             gint64          id,
                                             const char     *outcome,
                                             guint           duration_s,
                                             GError        **error);

/* The @limit newest calls (0: all), newest first, as MdCallRecord. */
GPtrArray     *md_call_history_list         (MdCallHistory  *self,
                                             guint           limit,
                                             GError        **error);

/* Removes call @id from the database (see also forget_dial). */
gboolean       md_call_history_remove       (MdCallHistory  *self,
                                             gint64          id,
                                             GError        **error);

/* Keeps the full @dial_uri of call @id (with its PIN) in the Secret Service
 * for a later redial. */
void           md_call_history_save_dial_async    (MdCallHistory       *self,
                                                   gint64               id,
                                                   const char          *dial_uri,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean       md_call_history_save_dial_finish   (MdCallHistory       *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

/* The full dial link of call @id from the Secret Service, or NULL with no
 * error when none was kept. Free with md_secret_free(). */
void           md_call_history_lookup_dial_async  (MdCallHistory       *self,
                                                   gint64               id,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
char          *md_call_history_lookup_dial_finish (MdCallHistory       *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

/* Removes the dial link of call @id from the Secret Service; succeeds also
 * when none was kept. */
void           md_call_history_forget_dial_async  (MdCallHistory       *self,
                                                   gint64               id,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean       md_call_history_forget_dial_finish (MdCallHistory       *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

/* @dial_uri with every digit after its number replaced by "•". */
char          *md_call_history_mask_dial    (const char     *dial_uri);

G_END_DECLS
