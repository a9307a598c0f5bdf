/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-lookup"

#include "config.h"

#include "md-lookup-backends.h"

#include <libsoup/soup.h>

/* Part of the meetdial-lookup module (md-lookup-backends.c): HTTP GETs to
 * the providers' REST APIs with libsoup. What the answers mean is
 * md-provider-api.c's business. */

G_MODULE_EXPORT GObject *
md_lookup_http_session_new_impl (guint       timeout_s,
                                 const char *user_agent)
{
  return G_OBJECT (soup_session_new_with_options ("timeout", timeout_s,
                                                  "user-agent", user_agent,
                                                  NULL));
}

/* How long an answer asks us to wait before asking again, in ms; 0 when
 * its headers do not say. */
static guint64
retry_after_ms (SoupMessage *message)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);
  const char *values[] = {
    soup_message_headers_get_one (headers, "Retry-After"),
    soup_message_headers_get_one (headers, "X-RateLimit-Reset"),
  };

  for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
    {
      guint64 seconds;
      g_autoptr(GDateTime) when = NULL;
      g_autofree char *value = NULL;

      if (values[i] == NULL)
        continue;
      value = g_strstrip (g_strdup (values[i]));
      if (g_ascii_string_to_unsigned (value, 10, 0, 86400 * 7, &seconds, NULL))
        return seconds * 1000;
      when = soup_date_time_new_from_http_string (values[i]);
      if (when != NULL)
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
          GTimeSpan span = g_date_time_difference (when, now);
          return span > 0 ? (guint64) (span / 1000) : 1000;
        }
    }
  return 0;
}

/* GET @url with an Authorization header; the body, with the HTTP status and
 * the wait a rate limit asks for. A @url that is not one is
 * G_IO_ERROR_INVALID_ARGUMENT; the rest are libsoup's and GIO's errors. */
G_MODULE_EXPORT GBytes *
md_lookup_http_get_impl (GObject       *session,
                         const char    *url,
                         const char    *authorization,
                         GCancellable  *cancellable,
                         guint         *status,
                         guint64       *wait_ms,
                         GError       **error)
{
  g_autoptr(SoupMessage) message = soup_message_new (SOUP_METHOD_GET, url);
  SoupMessageHeaders *request_headers;
  GBytes *bytes;

  if (message == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "%s", url);
      return NULL;
    }

  request_headers = soup_message_get_request_headers (message);
  soup_message_headers_replace (request_headers, "Authorization", authorization);
  soup_message_headers_replace (request_headers, "Accept", "application/json");
  bytes = soup_session_send_and_read (SOUP_SESSION (session), message, cancellable, error);
  if (bytes == NULL)
    return NULL;

  *status = soup_message_get_status (message);
  *wait_ms = retry_after_ms (message);
  return bytes;
}
