/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-store"

#include "config.h"

#include "md-secret-backend.h"

#include <gmodule.h>
#include <libsecret/secret.h>

/* libsecret, and libgcrypt behind it for the Secret Service session's
 * keys, take longer to load than the rest of a call's start: only the
 * threads that touch the keyring load them (md-secret-store.c). */

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.meetdial.Meetdial.Secret", SECRET_SCHEMA_NONE,
    {
      { "kind", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "key", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };
  return &schema;
}

G_MODULE_EXPORT gboolean
md_secret_backend_store_impl (const char    *kind,
                              const char    *key,
                              const char    *label,
                              const char    *secret,
                              GCancellable  *cancellable,
                              GError       **error)
{
  return secret_password_store_sync (get_schema (), SECRET_COLLECTION_DEFAULT, label, secret,
                                     cancellable, error, "kind", kind, "key", key, NULL);
}

G_MODULE_EXPORT char *
md_secret_backend_lookup_impl (const char    *kind,
                               const char    *key,
                               GCancellable  *cancellable,
                               GError       **error)
{
  char *found = secret_password_lookup_sync (get_schema (), cancellable, error,
                                             "kind", kind, "key", key, NULL);
  char *copy;

  if (found == NULL)
    return NULL;
  /* Into memory that md_secret_free() knows how to wipe; libsecret wipes its own. */
  copy = g_strdup (found);
  secret_password_free (found);
  return copy;
}

G_MODULE_EXPORT gboolean
md_secret_backend_clear_impl (const char    *kind,
                              const char    *key,
                              GCancellable  *cancellable,
                              GError       **error)
{
  GError *local_error = NULL;

  /* FALSE without an error means there was nothing to remove: fine. */
  secret_password_clear_sync (get_schema (), cancellable, &local_error,
                              "kind", kind, "key", key, NULL);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}
