/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-store"

#include "config.h"

#include "md-secret-store.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>
#include <string.h>

/* A line from stdin longer than this is not a token or a password. */
#define MAX_SECRET_BYTES 8192

G_DEFINE_QUARK (md-secret-store-error-quark, md_secret_store_error)

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

static const char *
kind_to_string (MdSecretKind kind)
{
  switch (kind)
    {
    case MD_SECRET_SIP_PASSWORD:
      return "sip-password";
    case MD_SECRET_CALL_DIAL:
      return "call-dial";
    case MD_SECRET_PROVIDER_TOKEN:
    default:
      return "provider-token";
    }
}

/* The label Seahorse shows: a person should recognise what it is. */
static char *
make_label (MdSecretKind  kind,
            const char   *key)
{
  static const struct { const char *key; const char *name; } providers[] = {
    { "whereby", "Whereby" }, { "daily", "Daily" }, { "webex", "Webex" },
  };

  if (kind == MD_SECRET_SIP_PASSWORD)
    return g_strdup_printf (_("Meetdial: SIP password for %s"), key);
  if (kind == MD_SECRET_CALL_DIAL)
    return g_strdup_printf (_("Meetdial: dial link of call %s"), key);

  for (gsize i = 0; i < G_N_ELEMENTS (providers); i++)
    if (g_str_equal (key, providers[i].key))
      return g_strdup_printf (_("Meetdial: %s API token"), providers[i].name);
  return g_strdup_printf (_("Meetdial: %s API token"), key);
}

/* libsecret's errors talk about D-Bus; say what it means for the user. */
static void
return_error (GTask  *task,
              GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_new_error (task, MD_SECRET_STORE_ERROR,
                           MD_SECRET_STORE_ERROR_UNAVAILABLE,
                           _("The keyring (Secret Service) could not be used: %s"),
                           error->message);
  g_error_free (error);
}

static void
on_store_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (secret_password_store_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    return_error (task, error);
}

void
md_secret_store_save_async (MdSecretKind         kind,
                            const char          *key,
                            const char          *secret,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (key != NULL && *key != '\0');
  g_return_if_fail (secret != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, md_secret_store_save_async);

  if (*secret == '\0')
    {
      g_task_return_new_error (task, MD_SECRET_STORE_ERROR, MD_SECRET_STORE_ERROR_EMPTY,
                               _("The secret is empty"));
      return;
    }

  label = make_label (kind, key);
  secret_password_store (get_schema (), SECRET_COLLECTION_DEFAULT, label, secret,
                         cancellable, on_store_done, g_steal_pointer (&task),
                         "kind", kind_to_string (kind), "key", key, NULL);
}

gboolean
md_secret_store_save_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_lookup_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *found;

  found = secret_password_lookup_finish (result, &error);
  if (error != NULL)
    {
      return_error (task, error);
      return;
    }

  /* Copy into memory that md_secret_free() knows how to wipe. */
  g_task_return_pointer (task, found != NULL ? g_strdup (found) : NULL,
                         (GDestroyNotify) md_secret_free);
  secret_password_free (found);
}

void
md_secret_store_lookup_async (MdSecretKind         kind,
                              const char          *key,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (key != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, md_secret_store_lookup_async);
  secret_password_lookup (get_schema (), cancellable, on_lookup_done, task,
                          "kind", kind_to_string (kind), "key", key, NULL);
}

char *
md_secret_store_lookup_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_clear_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* FALSE without an error means there was nothing to remove: fine. */
  secret_password_clear_finish (result, &error);
  if (error != NULL)
    return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
md_secret_store_clear_async (MdSecretKind         kind,
                             const char          *key,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (key != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, md_secret_store_clear_async);
  secret_password_clear (get_schema (), cancellable, on_clear_done, task,
                         "kind", kind_to_string (kind), "key", key, NULL);
}

gboolean
md_secret_store_clear_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
md_secret_free (char *secret)
{
  if (secret == NULL)
    return;

  /* volatile keeps the compiler from dropping a store to memory about to be freed */
  for (volatile char *p = secret; *p != '\0'; p++)
    *p = '\0';
  g_free (secret);
}

char *
md_secret_read_from_stream (GInputStream  *stream,
                            GError       **error)
{
  char *line = g_malloc0 (MAX_SECRET_BYTES + 1);
  gsize length = 0;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  /* Byte by byte, so nothing after the first line is consumed or buffered. */
  while (length < MAX_SECRET_BYTES)
    {
      char c;
      gssize n = g_input_stream_read (stream, &c, 1, NULL, error);

      if (n < 0)
        {
          md_secret_free (line);
          return NULL;
        }
      if (n == 0 || c == '\n')
        break;
      line[length++] = c;
    }

  if (length == MAX_SECRET_BYTES)
    {
      md_secret_free (line);
      g_set_error (error, MD_SECRET_STORE_ERROR, MD_SECRET_STORE_ERROR_EMPTY,
                   _("The secret on standard input is longer than %d bytes"),
                   MAX_SECRET_BYTES);
      return NULL;
    }

  if (length > 0 && line[length - 1] == '\r')
    line[--length] = '\0';

  if (length == 0)
    {
      md_secret_free (line);
      g_set_error_literal (error, MD_SECRET_STORE_ERROR, MD_SECRET_STORE_ERROR_EMPTY,
                           _("No secret was given on standard input"));
      return NULL;
    }

  return line;
}
