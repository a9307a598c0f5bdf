/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-store"

#include "config.h"

#include "md-secret-store.h"

#include "md-module.h"
#include "md-secret-backend.h"

#include <glib/gi18n.h>
#include <string.h>

/* A line from stdin longer than this is not a token or a password. */
#define MAX_SECRET_BYTES 8192

G_DEFINE_QUARK (md-secret-store-error-quark, md_secret_store_error)

#ifdef MD_SECRET_BACKEND_LINKED
/* Linked in (see src/store/meson.build): the module's functions are here. */
static const MdSecretBackend *
get_backend (G_GNUC_UNUSED GError **error)
{
  static const MdSecretBackend functions = {
    md_secret_backend_store_impl, md_secret_backend_lookup_impl, md_secret_backend_clear_impl,
  };

  return &functions;
}
#else
/* Opened by the first worker thread that needs it, so a call's start does
 * not wait for libsecret and libgcrypt to load. */
static const MdSecretBackend *
get_backend (GError **error)
{
  static const MdModuleSymbol symbols[] = {
#define SYMBOL(field) MD_MODULE_SYMBOL (MdSecretBackend, field, "md_secret_backend_" #field "_impl")
    SYMBOL (store), SYMBOL (lookup), SYMBOL (clear),
#undef SYMBOL
  };
  static MdModuleOnce once;
  static MdSecretBackend functions;
  const char *why;

  if (!md_module_load_once (&once, "meetdial-secret", symbols, G_N_ELEMENTS (symbols),
                            &functions, &why))
    {
      g_set_error (error, MD_SECRET_STORE_ERROR, MD_SECRET_STORE_ERROR_UNAVAILABLE,
                   _("Meetdial is not installed completely: the keyring can’t be used (%s)"),
                   why);
      return NULL;
    }
  return &functions;
}
#endif

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

/* What one request to the keyring needs, for its worker thread. */
typedef struct {
  const char *kind;
  char       *key;
  char       *label;    /* save only */
  char       *secret;   /* save only */
} Request;

static void
request_free (Request *request)
{
  g_free (request->key);
  g_free (request->label);
  md_secret_free (request->secret);
  g_free (request);
}

static GTask *
request_task_new (MdSecretKind         kind,
                  const char          *key,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data,
                  gpointer             source_tag)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Request *request = g_new0 (Request, 1);

  g_task_set_source_tag (task, source_tag);
  request->kind = kind_to_string (kind);
  request->key = g_strdup (key);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  return task;
}

/* libsecret's errors talk about D-Bus; say what it means for the user. */
static void
return_error (GTask  *task,
              GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      error->domain == MD_SECRET_STORE_ERROR)
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

/* A save when the request holds a secret, else a clear. */
static void
change_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Request *request = task_data;
  const MdSecretBackend *backend;
  GError *error = NULL;
  gboolean done = FALSE;

  if ((backend = get_backend (&error)) != NULL)
    done = request->secret != NULL
      ? backend->store (request->kind, request->key, request->label, request->secret,
                        cancellable, &error)
      : backend->clear (request->kind, request->key, cancellable, &error);

  if (done)
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
  Request *request;

  g_return_if_fail (key != NULL && *key != '\0');
  g_return_if_fail (secret != NULL);

  task = request_task_new (kind, key, cancellable, callback, user_data,
                           md_secret_store_save_async);
  if (*secret == '\0')
    {
      g_task_return_new_error (task, MD_SECRET_STORE_ERROR, MD_SECRET_STORE_ERROR_EMPTY,
                               _("The secret is empty"));
      return;
    }

  request = g_task_get_task_data (task);
  request->label = make_label (kind, key);
  request->secret = g_strdup (secret);
  g_task_run_in_thread (task, change_in_thread);
}

gboolean
md_secret_store_save_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
lookup_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Request *request = task_data;
  const MdSecretBackend *backend;
  GError *error = NULL;
  char *found = NULL;

  if ((backend = get_backend (&error)) != NULL)
    found = backend->lookup (request->kind, request->key, cancellable, &error);
  if (error != NULL)
    return_error (task, error);
  else
    g_task_return_pointer (task, found, (GDestroyNotify) md_secret_free);
}

void
md_secret_store_lookup_async (MdSecretKind         kind,
                              const char          *key,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (key != NULL);

  task = request_task_new (kind, key, cancellable, callback, user_data,
                           md_secret_store_lookup_async);
  g_task_run_in_thread (task, lookup_in_thread);
}

char *
md_secret_store_lookup_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
md_secret_store_clear_async (MdSecretKind         kind,
                             const char          *key,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (key != NULL);

  task = request_task_new (kind, key, cancellable, callback, user_data,
                           md_secret_store_clear_async);
  g_task_run_in_thread (task, change_in_thread);
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
