/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-gui"

#include "config.h"

#include "md-lookup-task.h"
#include "md-invite-reader.h"
#include "md-lookup-error.h"
#include "md-remote-lookup.h"
#include "md-secret-store.h"

#include <glib/gi18n.h>
#include <string.h>

typedef struct {
  GBytes     *text;
  char       *country;
  MdProvider  provider;
} LookupData;

static void
lookup_data_free (LookupData *data)
{
  g_bytes_unref (data->text);
  g_free (data->country);
  g_free (data);
}

static void
read_invite_in_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  LookupData *data = task_data;
  GError *error = NULL;
  gsize length;
  const char *text = g_bytes_get_data (data->text, &length);
  MdLookupResult *result = md_invite_read (text, length, data->country, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, g_object_unref);
}

static void
on_remote_lookup_done (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  MdLookupResult *lookup_result = md_remote_lookup_finish (result, &error);

  if (lookup_result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, lookup_result, g_object_unref);
}

static void
on_token_looked_up (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LookupData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(MdSecret) token = md_secret_store_lookup_finish (result, &error);
  g_autofree char *link = NULL;

  if (error != NULL)
    {
      g_task_return_new_error (task, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_NO_TOKEN,
                               "%s", error->message);
      return;
    }

  if (token == NULL)
    {
      /* Translators: %s is a meeting provider, e.g. Whereby */
      g_task_return_new_error (task, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_NO_TOKEN,
                               _("Meetdial needs a %s API token to look up this meeting. "
                                 "Add one in Preferences, or paste the invitation instead."),
                               md_provider_display_name (data->provider));
      return;
    }

  link = g_strndup (g_bytes_get_data (data->text, NULL), g_bytes_get_size (data->text));
  md_remote_lookup_async (data->provider, g_strstrip (link), token, data->country,
                          g_task_get_cancellable (task), on_remote_lookup_done,
                          g_object_ref (task));
}

void
md_lookup_task_run_async (const char          *text,
                          gsize                length,
                          const char          *country,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  LookupData *data = g_new0 (LookupData, 1);
  g_autofree char *link = NULL;

  g_task_set_source_tag (task, md_lookup_task_run_async);
  data->text = g_bytes_new (text, length);
  data->country = g_strdup (country);
  g_task_set_task_data (task, data, (GDestroyNotify) lookup_data_free);

  /* Only a short single line can be a meeting link. */
  if (length < 2048 && memchr (text, '\n', length) == NULL)
    {
      link = g_strstrip (g_strndup (text, length));
      if (md_remote_lookup_parse_link (link, &data->provider))
        {
          md_secret_store_lookup_async (MD_SECRET_PROVIDER_TOKEN,
                                        md_provider_to_string (data->provider),
                                        cancellable, on_token_looked_up,
                                        g_steal_pointer (&task));
          return;
        }
    }

  g_task_run_in_thread (task, read_invite_in_thread);
}

MdLookupResult *
md_lookup_task_run_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
