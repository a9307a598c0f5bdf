/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What the secret store needs from libsecret, in the meetdial-secret module
 * (md-secret-backend.c). Blocking calls: md-secret-store.c runs them in a
 * worker thread, which also opens the module. */
typedef struct {
  gboolean  (*store)  (const char *kind, const char *key, const char *label,
                       const char *secret, GCancellable *cancellable, GError **error);
  /* NULL without an error when nothing is stored; free with md_secret_free(). */
  char     *(*lookup) (const char *kind, const char *key, GCancellable *cancellable,
                       GError **error);
  /* TRUE also when nothing was stored. */
  gboolean  (*clear)  (const char *kind, const char *key, GCancellable *cancellable,
                       GError **error);
} MdSecretBackend;

/* The module's own names for them. */
gboolean  md_secret_backend_store_impl  (const char *, const char *, const char *, const char *,
                                         GCancellable *, GError **);
char     *md_secret_backend_lookup_impl (const char *, const char *, GCancellable *, GError **);
gboolean  md_secret_backend_clear_impl  (const char *, const char *, GCancellable *, GError **);

G_END_DECLS
