/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-lookup"

#include "config.h"

#include "md-remote-lookup.h"

#include "md-daily-client.h"
#include "md-provider-api.h"
#include "md-webex-client.h"
#include "md-whereby-client.h"

#include <string.h>

typedef struct {
  MdProvider  provider;
  char       *reference;
  char       *token;
  char       *country;
} LookupData;

static void
lookup_data_free (LookupData *data)
{
  g_free (data->reference);
  md_provider_api_free_token (data->token);
  g_free (data->country);
  g_free (data);
}

static gboolean
host_is (const char *host,
         const char *domain)
{
  gsize host_length = strlen (host);
  gsize domain_length = strlen (domain);

  if (g_ascii_strcasecmp (host, domain) == 0)
    return TRUE;
  return host_length > domain_length &&
         host[host_length - domain_length - 1] == '.' &&
         g_ascii_strcasecmp (host + host_length - domain_length, domain) == 0;
}

gboolean
md_remote_lookup_supports (MdProvider provider)
{
  return provider == MD_PROVIDER_WHEREBY || provider == MD_PROVIDER_DAILY ||
         provider == MD_PROVIDER_WEBEX;
}

gboolean
md_remote_lookup_parse_link (const char *link,
                             MdProvider *provider)
{
  g_autoptr(GUri) uri = NULL;
  const char *host;

  if (!g_str_has_prefix (link, "https://") && !g_str_has_prefix (link, "http://"))
    return FALSE;
  uri = g_uri_parse (link, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || (host = g_uri_get_host (uri)) == NULL)
    return FALSE;

  if (host_is (host, "whereby.com"))
    *provider = MD_PROVIDER_WHEREBY;
  else if (host_is (host, "daily.co"))
    *provider = MD_PROVIDER_DAILY;
  else if (host_is (host, "webex.com"))
    *provider = MD_PROVIDER_WEBEX;
  else
    return FALSE;
  return TRUE;
}

static void
lookup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  LookupData *data = task_data;
  GError *error = NULL;
  g_autoptr(MdProviderApi) api = md_provider_api_new (data->provider, data->token, &error);
  MdLookupResult *result = NULL;

  if (api == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  switch (data->provider)
    {
    case MD_PROVIDER_WHEREBY:
      result = md_whereby_lookup (api, data->reference, data->country, cancellable, &error);
      break;
    case MD_PROVIDER_DAILY:
      result = md_daily_lookup (api, data->reference, data->country, cancellable, &error);
      break;
    case MD_PROVIDER_WEBEX:
      result = md_webex_lookup (api, data->reference, data->country, cancellable, &error);
      break;
    case MD_PROVIDER_GENERIC:
    case MD_PROVIDER_ZOOM:
    case MD_PROVIDER_TEAMS:
    case MD_PROVIDER_MEET:
    case MD_PROVIDER_GOTOMEETING:
    default:
      g_assert_not_reached ();
    }

  if (result != NULL)
    g_task_return_pointer (task, result, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
md_remote_lookup_async (MdProvider           provider,
                        const char          *reference,
                        const char          *token,
                        const char          *country,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LookupData *data;

  g_return_if_fail (md_remote_lookup_supports (provider));
  g_return_if_fail (reference != NULL);
  g_return_if_fail (token != NULL);

  data = g_new0 (LookupData, 1);
  data->provider = provider;
  data->reference = g_strdup (reference);
  data->token = g_strdup (token);
  data->country = g_strdup (country);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, md_remote_lookup_async);
  g_task_set_task_data (task, data, (GDestroyNotify) lookup_data_free);
  g_task_run_in_thread (task, lookup_thread);
}

MdLookupResult *
md_remote_lookup_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
