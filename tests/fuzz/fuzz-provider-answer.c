/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target for what the meeting providers' REST APIs send back: a
 * SoupServer on 127.0.0.1, in a thread of its own, answers every request
 * with the input, and the real client code (HTTP, JSON, the Whereby, Daily
 * and Webex mappings) reads it. The first byte picks the provider, the
 * reference asked for and the HTTP status; the rest is the body. Never a
 * crash or a hang; a result is well formed, an error is in words. */

#include "fuzz-check-result.h"
#include "md-daily-client.h"
#include "md-provider-api.h"
#include "md-webex-client.h"
#include "md-whereby-client.h"

#include <libsoup/soup.h>

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

typedef struct {
  GMutex   lock;
  GBytes  *body;       /* what every request gets */
  guint    status;
  GCond    ready;
  char    *base_url;
} Server;

static Server server;

static void
on_request (SoupServer        *soup_server,
            SoupServerMessage *message,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  g_mutex_lock (&server.lock);
  soup_server_message_set_status (message, server.status, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (server.body, NULL),
                                    g_bytes_get_size (server.body));
  g_mutex_unlock (&server.lock);
}

static gpointer
server_thread (gpointer data)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (context, FALSE);
  g_autoptr(SoupServer) soup_server = NULL;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (context);
  soup_server = soup_server_new (NULL, NULL);
  soup_server_add_handler (soup_server, NULL, on_request, NULL, NULL);
  if (!soup_server_listen_local (soup_server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("the fuzz server cannot listen on 127.0.0.1: %s", error->message);

  uris = soup_server_get_uris (soup_server);
  g_mutex_lock (&server.lock);
  server.base_url = g_uri_to_string (uris->data);
  g_cond_signal (&server.ready);
  g_mutex_unlock (&server.lock);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_main_loop_run (loop);
  return NULL;
}

static void
start_server (void)
{
  static const struct { const char *env; const char *path; } apis[] = {
    { "MEETDIAL_WHEREBY_API", "whereby" },
    { "MEETDIAL_DAILY_API", "daily" },
    { "MEETDIAL_WEBEX_API", "webex" },
  };

  g_mutex_lock (&server.lock);
  g_thread_unref (g_thread_new ("fuzz-server", server_thread, NULL));
  while (server.base_url == NULL)
    g_cond_wait (&server.ready, &server.lock);
  g_mutex_unlock (&server.lock);

  for (gsize i = 0; i < G_N_ELEMENTS (apis); i++)
    {
      g_autofree char *url = g_strconcat (server.base_url, apis[i].path, NULL);
      g_setenv (apis[i].env, url, TRUE);
    }
  g_setenv ("MEETDIAL_HTTP_TIMEOUT_MS", "5000", TRUE);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  /* Not 429: a rate limit's wait (up to 10 s) is the provider-api tests'
   * business, and would slow fuzzing to a crawl. */
  static const guint statuses[] = { 200, 200, 200, 404, 400, 401, 403, 503 };
  static const MdProvider providers[] = {
    MD_PROVIDER_WHEREBY, MD_PROVIDER_DAILY, MD_PROVIDER_WEBEX,
  };
  static gsize started = 0;
  /* One client per provider for the whole run, as in a lookup that asks
   * several times: its HTTP connection stays open. */
  static MdProviderApi *apis[G_N_ELEMENTS (providers)];
  MdProviderApi *api;
  g_autoptr(MdLookupResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (size == 0)
    return 0;
  if (g_once_init_enter (&started))
    {
      start_server ();
      for (gsize i = 0; i < G_N_ELEMENTS (providers); i++)
        {
          apis[i] = md_provider_api_new (providers[i], "fuzz-token", &error);
          g_assert_no_error (error);
        }
      g_once_init_leave (&started, 1);
    }

  g_mutex_lock (&server.lock);
  g_clear_pointer (&server.body, g_bytes_unref);
  server.body = g_bytes_new (data + 1, size - 1);
  server.status = statuses[(data[0] >> 3) % G_N_ELEMENTS (statuses)];
  g_mutex_unlock (&server.lock);

  api = apis[(data[0] % 6) / 2];
  switch (data[0] % 6)
    {
    case 0:
      result = md_whereby_lookup (api, "https://acme.whereby.com/standup", "US", NULL, &error);
      break;
    case 1:
      result = md_whereby_lookup (api, "1234", "US", NULL, &error);
      break;
    case 2:
      result = md_daily_lookup (api, "https://acme.daily.co/standup", "US", NULL, &error);
      break;
    case 3:
      result = md_daily_lookup (api, "standup", "GB", NULL, &error);
      break;
    case 4:
      result = md_webex_lookup (api, "2550 123 4567", "US", NULL, &error);
      break;
    default:
      result = md_webex_lookup (api, "https://acme.webex.com/meet/standup", "DE", NULL, &error);
      break;
    }

  if (result != NULL)
    fuzz_check_result (result);
  else
    fuzz_check_error (error);
  return 0;
}
