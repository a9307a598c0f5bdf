/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-lookup"

#include "config.h"

#include "md-provider-api.h"

#include "md-json-util.h"
#include "md-lookup-backends.h"
#include "md-lookup-error.h"

#include <glib/gi18n.h>

/* 429 answers are waited out at most this often, and never longer than
 * this in total: a person is waiting at the terminal. */
#define MAX_RATE_LIMIT_RETRIES 2
#define MAX_RATE_LIMIT_WAIT_MS 10000
/* First back-off when a 429 gives no Retry-After; doubles each time. */
#define DEFAULT_BACKOFF_MS 1000

struct _MdProviderApi
{
  GObject      parent_instance;

  MdProvider   provider;
  char        *base_url;
  char        *token;        /* wiped on finalize */
  guint        timeout_ms;
  guint        backoff_ms;
  const MdLookupBackends *backends;
  GObject     *session;      /* the HTTP backend's */
};

G_DEFINE_FINAL_TYPE (MdProviderApi, md_provider_api, G_TYPE_OBJECT)

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *value = g_getenv (name);
  guint64 number;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, G_MAXUINT, &number, NULL))
    return fallback;
  return (guint) number;
}

static char *
dup_base_url (MdProvider provider)
{
  static const struct { MdProvider provider; const char *env; const char *url; } bases[] = {
    { MD_PROVIDER_WHEREBY, "MEETDIAL_WHEREBY_API", "https://api.whereby.dev/v1" },
    { MD_PROVIDER_DAILY, "MEETDIAL_DAILY_API", "https://api.daily.co/v1" },
    { MD_PROVIDER_WEBEX, "MEETDIAL_WEBEX_API", "https://webexapis.com/v1" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bases); i++)
    if (bases[i].provider == provider)
      {
        const char *override = g_getenv (bases[i].env);
        const char *url = (override != NULL && *override != '\0') ? override : bases[i].url;
        gsize length = strlen (url);

        while (length > 0 && url[length - 1] == '/')
          length--;
        return g_strndup (url, length);
      }
  g_return_val_if_reached (NULL);
}

static void
md_provider_api_finalize (GObject *object)
{
  MdProviderApi *self = MD_PROVIDER_API (object);

  g_clear_pointer (&self->token, md_provider_api_free_token);
  g_free (self->base_url);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (md_provider_api_parent_class)->finalize (object);
}

static void
md_provider_api_class_init (MdProviderApiClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = md_provider_api_finalize;
}

static void
md_provider_api_init (MdProviderApi *self)
{
}

/* Waits @ms or until @cancellable fires; FALSE when cancelled. */
static gboolean
wait_cancellable (guint          ms,
                  GCancellable  *cancellable,
                  GError       **error)
{
  GPollFD fd;
  gboolean have_fd = g_cancellable_make_pollfd (cancellable, &fd);

  g_poll (have_fd ? &fd : NULL, have_fd ? 1 : 0, (int) ms);
  if (have_fd)
    g_cancellable_release_fd (cancellable);
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/* How long a 429's body asks us to wait, in ms; 0 when it does not say. */
static guint64
body_retry_after_ms (JsonNode *body)
{
  /* Whereby: {"error": …, "data": {"msLeft": 40000}} */
  if (body != NULL && JSON_NODE_HOLDS_OBJECT (body))
    {
      JsonObject *data = md_json_get_object (json_node_get_object (body), "data");
      gint64 ms;

      if (md_json_get_int (data, "msLeft", &ms) && ms > 0)
        return (guint64) ms;
    }
  return 0;
}

/* Daily ({error, info}) and Webex ({message}) put a reason in the body. */
static const char *
get_error_detail (JsonNode *body)
{
  JsonObject *object;

  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    return NULL;
  object = json_node_get_object (body);
  if (md_json_get_string (object, "info") != NULL)
    return md_json_get_string (object, "info");
  return md_json_get_string (object, "message");
}

static const char *
get_error_name (JsonNode *body)
{
  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    return NULL;
  return md_json_get_string (json_node_get_object (body), "error");
}

static JsonNode *
parse_body (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (data == NULL || size == 0 || !json_parser_load_from_data (parser, data, size, NULL))
    return NULL;
  return json_parser_steal_root (parser);
}

static void
set_transport_error (MdProviderApi  *self,
                     GError         *transport_error,
                     GError        **error)
{
  const char *name = md_provider_display_name (self->provider);

  if (g_error_matches (transport_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (transport_error));
  else if (g_error_matches (transport_error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_set_error (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_TIMEOUT,
                 _("The %s API did not answer within %u seconds; check the network "
                   "and try again"), name, (self->timeout_ms + 999) / 1000);
  else
    g_set_error (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_NETWORK,
                 _("The %s API could not be reached: %s"), name, transport_error->message);
}

static JsonNode *
check_status (MdProviderApi  *self,
              guint           status,
              JsonNode       *body,
              GError        **error)
{
  const char *name = md_provider_display_name (self->provider);
  const char *key = md_provider_to_string (self->provider);
  const char *error_name = get_error_name (body);
  const char *detail = get_error_detail (body);

  if (status >= 200 && status < 300)
    {
      if (body == NULL)
        g_set_error (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_MALFORMED_RESPONSE,
                     _("The %s API sent an answer that is not valid JSON"), name);
      return body != NULL ? json_node_ref (body) : NULL;
    }

  if (status == 401 || status == 403 ||
      g_strcmp0 (error_name, "authorization-header-error") == 0 ||
      g_strcmp0 (error_name, "authentication-error") == 0)
    g_set_error (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_AUTH,
                 _("The %s API refused the stored token: it is wrong or has expired. "
                   "Store a new one with “meetdial-cli token set %s --token-stdin”"),
                 name, key);
  else if (status == 404 || status == 410 || g_strcmp0 (error_name, "not-found") == 0)
    g_set_error (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_NOT_FOUND,
                 _("%s knows no such meeting; check the link or the ID"), name);
  else if (status >= 500)
    g_set_error (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_NETWORK,
                 _("The %s API has a problem of its own (HTTP %u); try again later"),
                 name, status);
  else if (detail != NULL)
    g_set_error (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_MALFORMED_RESPONSE,
                 _("The %s API turned the request down (HTTP %u): %s"), name, status, detail);
  else
    g_set_error (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_MALFORMED_RESPONSE,
                 _("The %s API gave an unexpected answer (HTTP %u)"), name, status);
  return NULL;
}

void
md_provider_api_free_token (char *token)
{
  if (token == NULL)
    return;
  /* volatile: the stores must happen although the memory is freed next */
  for (volatile char *p = token; *p != '\0'; p++)
    *p = '\0';
  g_free (token);
}

MdProviderApi *
md_provider_api_new (MdProvider   provider,
                     const char  *token,
                     GError     **error)
{
  const MdLookupBackends *backends = md_lookup_backends_get (error);
  MdProviderApi *self;

  g_return_val_if_fail (token != NULL, NULL);

  if (backends == NULL)
    return NULL;
  self = g_object_new (MD_TYPE_PROVIDER_API, NULL);
  self->provider = provider;
  self->token = g_strdup (token);
  self->base_url = dup_base_url (provider);
  self->timeout_ms = env_uint ("MEETDIAL_HTTP_TIMEOUT_MS", MD_PROVIDER_API_TIMEOUT_MS);
  self->backoff_ms = env_uint ("MEETDIAL_HTTP_BACKOFF_MS", DEFAULT_BACKOFF_MS);
  self->backends = backends;
  /* libsoup's timeout counts whole seconds of silence */
  self->session = backends->http_session_new ((self->timeout_ms + 999) / 1000,
                                              "Meetdial/" PACKAGE_VERSION);
  return self;
}

MdProvider
md_provider_api_get_provider (MdProviderApi *self)
{
  g_return_val_if_fail (MD_IS_PROVIDER_API (self), MD_PROVIDER_GENERIC);
  return self->provider;
}

JsonNode *
md_provider_api_get (MdProviderApi  *self,
                     const char     *path,
                     const char     *query,
                     GCancellable   *cancellable,
                     GError        **error)
{
  const char *name;
  g_autofree char *url = NULL;
  g_autofree char *authorization = NULL;
  guint64 waited_ms = 0;
  guint64 backoff_ms;

  g_return_val_if_fail (MD_IS_PROVIDER_API (self), NULL);
  g_return_val_if_fail (path != NULL && path[0] == '/', NULL);

  name = md_provider_display_name (self->provider);
  backoff_ms = self->backoff_ms;
  url = g_strconcat (self->base_url, path, query != NULL ? "?" : "", query, NULL);

  for (guint attempt = 0; ; attempt++)
    {
      g_autoptr(GError) transport_error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(JsonNode) body = NULL;
      guint status = 0;
      guint64 wait_ms = 0;

      authorization = g_strconcat ("Bearer ", self->token, NULL);
      g_debug ("GET %s%s (attempt %u)", self->base_url, path, attempt + 1);
      bytes = self->backends->http_get (self->session, url, authorization, cancellable,
                                        &status, &wait_ms, &transport_error);
      g_clear_pointer (&authorization, md_provider_api_free_token);
      if (g_error_matches (transport_error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT))
        {
          g_set_error (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_NETWORK,
                       _("The %s API address is not a valid URL: %s"), name, self->base_url);
          return NULL;
        }
      if (bytes == NULL)
        {
          set_transport_error (self, transport_error, error);
          return NULL;
        }

      body = parse_body (bytes);
      g_debug ("%s answered HTTP %u", name, status);
      if (status != 429)
        return check_status (self, status, body, error);

      if (wait_ms == 0)
        wait_ms = body_retry_after_ms (body);
      if (wait_ms == 0)
        {
          wait_ms = backoff_ms;
          backoff_ms *= 2;
        }

      if (attempt >= MAX_RATE_LIMIT_RETRIES || waited_ms + wait_ms > MAX_RATE_LIMIT_WAIT_MS)
        {
          guint seconds = (guint) MAX ((wait_ms + 999) / 1000, 1);

          g_set_error (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_RATE_LIMITED,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "The %s API is limiting how often it may be asked; "
                                    "try again in %u second",
                                    "The %s API is limiting how often it may be asked; "
                                    "try again in %u seconds", seconds),
                       name, seconds);
          return NULL;
        }

      g_debug ("%s rate limit: waiting %" G_GUINT64_FORMAT " ms", name, wait_ms);
      if (!wait_cancellable ((guint) wait_ms, cancellable, error))
        return NULL;
      waited_ms += wait_ms;
    }
}

gboolean
md_provider_api_complete_result (MdProviderApi   *self,
                                 MdLookupResult  *result,
                                 const char      *country,
                                 GError         **error)
{
  const char *name;

  g_return_val_if_fail (MD_IS_PROVIDER_API (self), FALSE);
  g_return_val_if_fail (MD_IS_LOOKUP_RESULT (result), FALSE);

  name = md_provider_display_name (self->provider);
  if (md_lookup_result_get_n_dial_ins (result) == 0)
    {
      g_set_error (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_MALFORMED_RESPONSE,
                   _("The %s API listed dial-in numbers that are not phone numbers"), name);
      return FALSE;
    }
  if (md_lookup_result_get_pin (result) == NULL)
    {
      g_set_error (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_MALFORMED_RESPONSE,
                   _("The %s API gave dial-in numbers but no PIN or code"), name);
      return FALSE;
    }

  md_lookup_result_choose_preferred (result, country);
  return TRUE;
}
