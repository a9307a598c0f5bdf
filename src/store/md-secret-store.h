/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Secrets (provider API tokens, SIP passwords) in the Secret Service. One
 * libsecret schema, "io.github.meetdial.Meetdial.Secret", with the attributes
 * "kind" and "key"; nothing here ever writes a secret to a file or a log. */

#include <gio/gio.h>

G_BEGIN_DECLS

#define MD_SECRET_STORE_ERROR (md_secret_store_error_quark ())

typedef enum {
  MD_SECRET_STORE_ERROR_UNAVAILABLE,  /* no Secret Service, or it is locked */
  MD_SECRET_STORE_ERROR_EMPTY,        /* an empty secret was offered */
} MdSecretStoreError;

typedef enum {
  MD_SECRET_PROVIDER_TOKEN,  /* key: "whereby", "daily", "webex" */
  MD_SECRET_SIP_PASSWORD,    /* key: the SIP account name */
  MD_SECRET_CALL_DIAL,       /* key: a call history id; the secret is the
                                dial link with its PIN, for redial */
} MdSecretKind;

GQuark    md_secret_store_error_quark   (void);

/* Stores @secret under (@kind, @key), replacing what was there. */
void      md_secret_store_save_async    (MdSecretKind         kind,
                                         const char          *key,
                                         const char          *secret,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean  md_secret_store_save_finish   (GAsyncResult        *result,
                                         GError             **error);

void      md_secret_store_lookup_async  (MdSecretKind         kind,
                                         const char          *key,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
/* The stored secret, or NULL with no error when nothing is stored.
 * Free with md_secret_free(). */
char     *md_secret_store_lookup_finish (GAsyncResult        *result,
                                         GError             **error);

/* Removes the secret; succeeds also when nothing was stored. */
void      md_secret_store_clear_async   (MdSecretKind         kind,
                                         const char          *key,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean  md_secret_store_clear_finish  (GAsyncResult        *result,
                                         GError             **error);

/* Overwrites the memory of @secret, then frees it. NULL is allowed. */
void      md_secret_free                (char                *secret);

/* Reads one line from @stream (e.g. stdin for --token-stdin), without its
 * line ending. Fails when the line is empty. Free with md_secret_free(). */
char     *md_secret_read_from_stream    (GInputStream        *stream,
                                         GError             **error);

/* g_autoptr(MdSecret) token = …; wipes and frees on scope exit. */
typedef char MdSecret;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MdSecret, md_secret_free)

G_END_DECLS
