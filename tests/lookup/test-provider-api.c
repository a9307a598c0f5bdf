/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Whereby, Daily and Webex clients against a real HTTP server
 * (libsoup's SoupServer on 127.0.0.1, a free port) that answers with each
 * provider's documented shapes, error bodies, rate limits and delays. */

#include "config.h"

#include "md-lookup-error.h"
#include "md-remote-lookup.h"

#include <libsoup/soup.h>
#include <string.h>

#define TOKEN "test-token-5f1c9a"

typedef struct {
  guint       status;
  const char *body;
  const char *retry_after;  /* header value, or NULL */
  guint       delay_ms;     /* answer only after this long */
} Answer;

typedef struct {
  char *method;
  char *path;
  char *query;
  char *authorization;
} Request;

typedef struct {
  SoupServer *server;
  GHashTable *routes;     /* "/path?query" or "/path" → GQueue of Answer* */
  GPtrArray  *requests;   /* of Request */
  GHashTable *delayed;    /* SoupServerMessage → its timeout source id */
  char       *base;       /* http://127.0.0.1:PORT */
} Fixture;

static void
request_free (Request *request)
{
  g_free (request->method);
  g_free (request->path);
  g_free (request->query);
  g_free (request->authorization);
  g_free (request);
}

typedef struct {
  Fixture           *fixture;
  SoupServerMessage *message;
} Delayed;

static gboolean
on_delay_done (gpointer user_data)
{
  Delayed *delayed = user_data;

  g_hash_table_remove (delayed->fixture->delayed, delayed->message);
  soup_server_message_unpause (delayed->message);
  return G_SOURCE_REMOVE;
}

static void
delayed_free (gpointer user_data)
{
  Delayed *delayed = user_data;

  g_object_unref (delayed->message);
  g_free (delayed);
}

static void
on_request (SoupServer        *server,
            SoupServerMessage *message,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  Fixture *fixture = user_data;
  GUri *uri = soup_server_message_get_uri (message);
  Request *request = g_new0 (Request, 1);
  g_autofree char *key = NULL;
  GQueue *answers;
  const Answer *answer;

  request->method = g_strdup (soup_server_message_get_method (message));
  request->path = g_strdup (path);
  request->query = g_strdup (g_uri_get_query (uri));
  request->authorization = g_strdup (soup_message_headers_get_one (
    soup_server_message_get_request_headers (message), "Authorization"));
  g_ptr_array_add (fixture->requests, request);

  key = request->query != NULL ? g_strconcat (path, "?", request->query, NULL) : g_strdup (path);
  answers = g_hash_table_lookup (fixture->routes, key);
  if (answers == NULL)
    answers = g_hash_table_lookup (fixture->routes, path);
  if (answers == NULL)
    {
      soup_server_message_set_status (message, 404, NULL);
      return;
    }

  /* The last answer repeats; earlier ones are used once each. */
  answer = g_queue_get_length (answers) > 1 ? g_queue_pop_head (answers) : g_queue_peek_head (answers);
  soup_server_message_set_status (message, answer->status, NULL);
  if (answer->retry_after != NULL)
    soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                  "Retry-After", answer->retry_after);
  if (answer->body != NULL)
    soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC,
                                      answer->body, strlen (answer->body));
  if (answer->delay_ms > 0)
    {
      Delayed *delayed = g_new0 (Delayed, 1);
      guint id;

      delayed->fixture = fixture;
      delayed->message = g_object_ref (message);
      soup_server_message_pause (message);
      id = g_timeout_add_full (G_PRIORITY_DEFAULT, answer->delay_ms, on_delay_done,
                               delayed, delayed_free);
      g_hash_table_insert (fixture->delayed, message, GUINT_TO_POINTER (id));
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;
  g_autofree char *whereby = NULL, *daily = NULL, *webex = NULL;

  fixture->routes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) g_queue_free);
  fixture->requests = g_ptr_array_new_with_free_func ((GDestroyNotify) request_free);
  fixture->delayed = g_hash_table_new (NULL, NULL);
  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, on_request, fixture, NULL);
  soup_server_listen_local (fixture->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (fixture->server);
  g_assert_nonnull (uris);
  fixture->base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  whereby = g_strconcat (fixture->base, "/whereby/v1", NULL);
  daily = g_strconcat (fixture->base, "/daily/v1", NULL);
  webex = g_strconcat (fixture->base, "/webex/v1/", NULL);  /* a trailing / is fine */
  g_setenv ("MEETDIAL_WHEREBY_API", whereby, TRUE);
  g_setenv ("MEETDIAL_DAILY_API", daily, TRUE);
  g_setenv ("MEETDIAL_WEBEX_API", webex, TRUE);
  g_setenv ("MEETDIAL_HTTP_TIMEOUT_MS", "1000", TRUE);
  g_setenv ("MEETDIAL_HTTP_BACKOFF_MS", "100", TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GHashTableIter iter;
  gpointer id;

  /* Answers still held back must not fire into the next test. */
  g_hash_table_iter_init (&iter, fixture->delayed);
  while (g_hash_table_iter_next (&iter, NULL, &id))
    g_source_remove (GPOINTER_TO_UINT (id));
  g_hash_table_unref (fixture->delayed);

  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_hash_table_unref (fixture->routes);
  g_ptr_array_unref (fixture->requests);
  g_free (fixture->base);
}

/* Queues the answers @path gets, in order; the last one repeats. */
static void
route (Fixture      *fixture,
       const char   *path,
       const Answer *answers,
       guint         n_answers)
{
  GQueue *queue = g_queue_new ();

  for (guint i = 0; i < n_answers; i++)
    g_queue_push_tail (queue, (gpointer) &answers[i]);
  g_hash_table_replace (fixture->routes, g_strdup (path), queue);
}

#define ROUTE(fixture, path, ...) \
  G_STMT_START { \
    static const Answer answers_[] = { __VA_ARGS__ }; \
    route (fixture, path, answers_, G_N_ELEMENTS (answers_)); \
  } G_STMT_END

static void
on_lookup_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;
  *out = g_object_ref (result);
}

static MdLookupResult *
run_lookup (MdProvider     provider,
            const char    *reference,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  md_remote_lookup_async (provider, reference, TOKEN, "US", cancellable, on_lookup_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return md_remote_lookup_finish (result, error);
}

static char *
to_json (MdLookupResult *result)
{
  g_autoptr(JsonNode) node = md_lookup_result_to_json (result);
  return json_to_string (node, FALSE);
}

static void
assert_json_equal (const char *got,
                   const char *expected)
{
  g_autoptr(JsonNode) a = json_from_string (got, NULL);
  g_autoptr(JsonNode) b = json_from_string (expected, NULL);

  g_assert_nonnull (a);
  g_assert_nonnull (b);
  if (!json_node_equal (a, b))
    g_error ("JSON differs:\n got      %s\n expected %s", got, expected);
}

static void
assert_request (Fixture    *fixture,
                guint       index,
                const char *path,
                const char *query)
{
  Request *request;

  g_assert_cmpuint (fixture->requests->len, >, index);
  request = g_ptr_array_index (fixture->requests, index);
  g_assert_cmpstr (request->method, ==, "GET");
  g_assert_cmpstr (request->path, ==, path);
  g_assert_cmpstr (request->query, ==, query);
  g_assert_cmpstr (request->authorization, ==, "Bearer " TOKEN);
}

/* Every error is a sentence, and never shows the token. */
static void
assert_lookup_error (GError     *error,
                     int         code,
                     const char *words)
{
  g_assert_error (error, MD_LOOKUP_ERROR, code);
  g_assert_null (strstr (error->message, TOKEN));
  g_assert_nonnull (strstr (error->message, words));
}

/* ---- Whereby ---------------------------------------------------------- */

#define WHEREBY_MEETING \
  "{\"meetingId\": \"1234\", \"roomName\": \"/standup-4f2a\"," \
  " \"roomUrl\": \"https://acme.whereby.com/standup-4f2a\"," \
  " \"startDate\": \"2026-11-24T10:00:00.000Z\", \"endDate\": \"2099-03-25T13:30:00.000Z\"," \
  " \"hostRoomUrl\": \"https://acme.whereby.com/standup-4f2a?roomKey=x\"," \
  " \"dialIn\": {\"code\": \"1234567890\", \"phoneNumbers\": [" \
  "   {\"countryCode\": \"US\", \"phoneNumber\": \"646-555-0199\"}," \
  "   {\"countryCode\": \"GB\", \"phoneNumber\": \"+44 20 7946 0111\", \"newField\": 1}]}," \
  " \"roomPreferences\": {\"dialIn\": true}, \"somethingNew\": [1, 2, 3]}"

#define WHEREBY_EXPECTED \
  "{\"provider\": \"whereby\", \"title\": \"standup-4f2a\", \"pin\": \"1234567890\"," \
  " \"passcode\": null, \"sip_uri\": null, \"preferred\": 0, \"numbers\": [" \
  " {\"number\": \"+16465550199\", \"country\": \"US\", \"toll_free\": false, \"label\": null," \
  "  \"dial\": \"tel:+16465550199,,1234567890\"}," \
  " {\"number\": \"+442079460111\", \"country\": \"GB\", \"toll_free\": false, \"label\": null," \
  "  \"dial\": \"tel:+442079460111,,1234567890\"}]}"

static void
test_whereby_link (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdLookupResult) result = NULL;
  g_autofree char *json = NULL;

  ROUTE (fixture, "/whereby/v1/meetings?fields=dialIn",
         { 200, "{\"results\": [{\"meetingId\": \"1\", \"roomUrl\": \"https://acme.whereby.com/other\"}],"
                " \"cursor\": \"page2\"}" });
  ROUTE (fixture, "/whereby/v1/meetings?fields=dialIn&cursor=page2",
         { 200, "{\"results\": [" WHEREBY_MEETING "], \"cursor\": null}" });

  result = run_lookup (MD_PROVIDER_WHEREBY, "https://acme.whereby.com/standup-4f2a/", NULL, &error);
  g_assert_no_error (error);
  json = to_json (result);
  assert_json_equal (json, WHEREBY_EXPECTED);

  g_assert_cmpuint (fixture->requests->len, ==, 2);
  assert_request (fixture, 0, "/whereby/v1/meetings", "fields=dialIn");
  assert_request (fixture, 1, "/whereby/v1/meetings", "fields=dialIn&cursor=page2");
}

static void
test_whereby_id (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdLookupResult) result = NULL;
  g_autofree char *json = NULL;

  ROUTE (fixture, "/whereby/v1/meetings/1234", { 200, WHEREBY_MEETING });
  result = run_lookup (MD_PROVIDER_WHEREBY, "1234", NULL, &error);
  g_assert_no_error (error);
  json = to_json (result);
  assert_json_equal (json, WHEREBY_EXPECTED);
  assert_request (fixture, 0, "/whereby/v1/meetings/1234", "fields=dialIn");
}

static void
test_whereby_link_not_listed (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdLookupResult) result = NULL;

  ROUTE (fixture, "/whereby/v1/meetings",
         { 200, "{\"results\": [{\"roomUrl\": \"https://acme.whereby.com/other\"}]}" });
  result = run_lookup (MD_PROVIDER_WHEREBY, "https://acme.whereby.com/standup-4f2a", NULL, &error);
  g_assert_null (result);
  assert_lookup_error (error, MD_LOOKUP_ERROR_NOT_FOUND, "https://acme.whereby.com/standup-4f2a");
}

static void
test_whereby_no_dial_in (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdLookupResult) result = NULL;

  ROUTE (fixture, "/whereby/v1/meetings/1234",
         { 200, "{\"meetingId\": \"1234\", \"roomUrl\": \"https://acme.whereby.com/x\"}" });
  result = run_lookup (MD_PROVIDER_WHEREBY, "1234", NULL, &error);
  g_assert_null (result);
  assert_lookup_error (error, MD_LOOKUP_ERROR_NO_DIAL_IN, "no phone dial-in");
}

static void
test_whereby_unauthorised (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdLookupResult) result = NULL;

  /* Whereby's 401 body is not documented: only the status counts. */
  ROUTE (fixture, "/whereby/v1/meetings/1234", { 401, "Unauthorized " TOKEN });
  result = run_lookup (MD_PROVIDER_WHEREBY, "1234", NULL, &error);
  g_assert_null (result);
  assert_lookup_error (error, MD_LOOKUP_ERROR_AUTH, "token set whereby");
}

static void
test_whereby_not_found (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdLookupResult) result = NULL;

  ROUTE (fixture, "/whereby/v1/meetings/999", { 404, NULL });
  result = run_lookup (MD_PROVIDER_WHEREBY, "999", NULL, &error);
  g_assert_null (result);
  assert_lookup_error (error, MD_LOOKUP_ERROR_NOT_FOUND, "no such meeting");
}

static void
test_whereby_rate_limited_then_ok (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdLookupResult) result = NULL;
  gint64 start = g_get_monotonic_time ();

  ROUTE (fixture, "/whereby/v1/meetings/1234",
         { 429, "{\"error\": \"Too many requests\", \"data\": {\"msLeft\": 900}}", "1" },
         { 200, WHEREBY_MEETING });
  result = run_lookup (MD_PROVIDER_WHEREBY, "1234", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_cmpuint (fixture->requests->len, ==, 2);
  /* Retry-After: 1 was honoured before asking again. */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 1 * G_USEC_PER_SEC);
}

static void
test_whereby_rate_limited_long (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdLookupResult) result = NULL;

  /* Longer than a person waits: no retry, and the error says when. */
  ROUTE (fixture, "/whereby/v1/meetings/1234", { 429, NULL, "40" });
  result = run_lookup (MD_PROVIDER_WHEREBY, "1234", NULL, &error);
  g_assert_null (result);
  assert_lookup_error (error, MD_LOOKUP_ERROR_RATE_LIMITED, "try again in 40 seconds");
  g_assert_cmpuint (fixture->requests->len, ==, 1);
}

static void
test_whereby_rate_limited_body_only (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdLookupResult) result = NULL;

  /* No header: Whereby's documented msLeft in the body says how long. */
  ROUTE (fixture, "/whereby/v1/meetings/1234",
         { 429, "{\"error\": \"Too many requests\", \"data\": {\"msLeft\": 30000}}" });
  result = run_lookup (MD_PROVIDER_WHEREBY, "1234", NULL, &error);
  g_assert_null (result);
  assert_lookup_error (error, MD_LOOKUP_ERROR_RATE_LIMITED, "try again in 30 seconds");
}

static void
test_whereby_malformed (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdLookupResult) result = NULL;

  ROUTE (fixture, "/whereby/v1/meetings/1234", { 200, "{\"meetingId\": \"1234\", \"dialIn\": " });
  result = run_lookup (MD_PROVIDER_WHEREBY, "1234", NULL, &error);
  g_assert_null (result);
  assert_lookup_error (error, MD_LOOKUP_ERROR_MALFORMED_RESPONSE, "not valid JSON");
}

static void
test_whereby_wrong_shape (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdLookupResult) result = NULL;

  ROUTE (fixture, "/whereby/v1/meetings", { 200, "{\"results\": {\"not\": \"a list\"}}" });
  result = run_lookup (MD_PROVIDER_WHEREBY, "https://acme.whereby.com/x", NULL, &error);
  g_assert_null (result);
  assert_lookup_error (error, MD_LOOKUP_ERROR_MALFORMED_RESPONSE, "unexpected shape");

  g_clear_error (&error);
  ROUTE (fixture, "/whereby/v1/meetings/7",
         { 200, "{\"dialIn\": {\"code\": \"12\", \"phoneNumbers\": [{\"phoneNumber\": 5}, \"x\"]}}" });
  result = run_lookup (MD_PROVIDER_WHEREBY, "7", NULL, &error);
  g_assert_null (result);
  assert_lookup_error (error, MD_LOOKUP_ERROR_MALFORMED_RESPONSE, "not phone numbers");
}

/* ---- Daily ------------------------------------------------------------ */

static void
test_daily_room_numbers (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdLookupResult) result = NULL;
  g_autofree char *json = NULL;

  ROUTE (fixture, "/daily/v1/rooms/planning",
         { 200, "{\"id\": \"5e3c\", \"name\": \"planning\", \"privacy\": \"private\","
                " \"url\": \"https://acme.daily.co/planning\", \"config\": {\"exp\": 1900000000,"
                " \"dialin_code\": \"12345678987\", \"dialin\": {\"display_name\": \"Phone\","
                " \"wait_for_meeting_start\": true, \"room_numbers\": ["
                " {\"phone_number\": \"+12095550140\"}, {\"phone_number\": \"12095550141\"}]}}}" });
  result = run_lookup (MD_PROVIDER_DAILY, "https://acme.daily.co/planning?t=abc", NULL, &error);
  g_assert_no_error (error);
  json = to_json (result);
  assert_json_equal (json,
    "{\"provider\": \"daily\", \"title\": \"planning\", \"pin\": \"12345678987\","
    " \"passcode\": null, \"sip_uri\": null, \"preferred\": 0, \"numbers\": ["
    " {\"number\": \"+12095550140\", \"country\": \"US\", \"toll_free\": false, \"label\": null,"
    "  \"dial\": \"tel:+12095550140,,12345678987\"},"
    " {\"number\": \"+12095550141\", \"country\": \"US\", \"toll_free\": false, \"label\": null,"
    "  \"dial\": \"tel:+12095550141,,12345678987\"}]}");
  g_assert_cmpuint (fixture->requests->len, ==, 1);
  assert_request (fixture, 0, "/daily/v1/rooms/planning", NULL);
}

static void
test_daily_domain_numbers (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdLookupResult) result = NULL;

  ROUTE (fixture, "/daily/v1/rooms/planning",
         { 200, "{\"name\": \"planning\", \"config\": {\"dialin_code\": 55512345678}}" });
  ROUTE (fixture, "/daily/v1/",
         { 200, "{\"domain_name\": \"acme\", \"config\": {\"pin_dialin\": ["
                " {\"phone_number\": \"+14155550142\", \"name_prefix\": \"x\"}]}}" });
  result = run_lookup (MD_PROVIDER_DAILY, "planning", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (md_lookup_result_get_pin (result), ==, "55512345678");
  g_assert_cmpuint (md_lookup_result_get_n_dial_ins (result), ==, 1);
  g_assert_cmpstr (md_dial_in_get_number (md_lookup_result_get_dial_in (result, 0)), ==,
                   "+14155550142");
  assert_request (fixture, 1, "/daily/v1/", NULL);
}

static void
test_daily_domain_config (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdLookupResult) result = NULL;

  ROUTE (fixture, "/daily/v1/rooms/planning",
         { 200, "{\"name\": \"planning\", \"config\": {\"dialin_code\": \"777\"}}" });
  ROUTE (fixture, "/daily/v1/", { 200, "{\"domain_name\": \"acme\", \"config\": {}}" });
  ROUTE (fixture, "/daily/v1/domain-dialin-config",
         { 200, "{\"total_count\": 2, \"data\": ["
                " {\"id\": \"a\", \"type\": \"pinless_dialin\", \"config\": {\"phone_number\": \"+12555599999\"}},"
                " {\"id\": \"b\", \"type\": \"pin_dialin\", \"config\": {\"phone_number\": \"+16175550143\"}}]}" });
  result = run_lookup (MD_PROVIDER_DAILY, "planning", NULL, &error);
  g_assert_no_error (error);
  /* Only the pin_dialin number takes a PIN; the pinless one is for bots. */
  g_assert_cmpuint (md_lookup_result_get_n_dial_ins (result), ==, 1);
  g_assert_cmpstr (md_dial_in_get_number (md_lookup_result_get_dial_in (result, 0)), ==,
                   "+16175550143");
  assert_request (fixture, 2, "/daily/v1/domain-dialin-config", NULL);
}

static void
test_daily_global_numbers (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdLookupResult) result = NULL;
  g_autofree char *json = NULL;

  ROUTE (fixture, "/daily/v1/rooms/planning",
         { 200, "{\"name\": \"planning\", \"config\": {\"dialin_code\": \"12345678987\"}}" });
  ROUTE (fixture, "/daily/v1/", { 200, "{\"config\": {\"pin_dialin\": []}}" });
  ROUTE (fixture, "/daily/v1/domain-dialin-config", { 200, "{\"total_count\": 0, \"data\": []}" });
  result = run_lookup (MD_PROVIDER_DAILY, "planning", NULL, &error);
  g_assert_no_error (error);
  json = to_json (result);
  assert_json_equal (json,
    "{\"provider\": \"daily\", \"title\": \"planning\", \"pin\": \"12345678987\","
    " \"passcode\": null, \"sip_uri\": null, \"preferred\": 0, \"numbers\": ["
    " {\"number\": \"+12095038039\", \"country\": \"US\", \"toll_free\": false,"
    "  \"label\": \"United States\", \"dial\": \"tel:+12095038039,,12345678987\"},"
    " {\"number\": \"+12268078039\", \"country\": \"CA\", \"toll_free\": false,"
    "  \"label\": \"Canada\", \"dial\": \"tel:+12268078039,,12345678987\"}]}");
}

static void
test_daily_no_dial_in (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdLookupResult) result = NULL;

  ROUTE (fixture, "/daily/v1/rooms/planning",
         { 200, "{\"name\": \"planning\", \"config\": {\"exp\": 1900000000}}" });
  result = run_lookup (MD_PROVIDER_DAILY, "planning", NULL, &error);
  g_assert_null (result);
  assert_lookup_error (error, MD_LOOKUP_ERROR_NO_DIAL_IN, "planning");
}

static void
test_daily_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdLookupResult) result = NULL;

  ROUTE (fixture, "/daily/v1/rooms/a",
         { 400, "{\"error\": \"authorization-header-error\", \"info\": \"Bearer token is invalid\"}" });
  result = run_lookup (MD_PROVIDER_DAILY, "a", NULL, &error);
  g_assert_null (result);
  assert_lookup_error (error, MD_LOOKUP_ERROR_AUTH, "wrong or has expired");
  g_clear_error (&error);

  ROUTE (fixture, "/daily/v1/rooms/b",
         { 404, "{\"error\": \"not-found\", \"info\": \"room b was not found\"}" });
  result = run_lookup (MD_PROVIDER_DAILY, "b", NULL, &error);
  g_assert_null (result);
  assert_lookup_error (error, MD_LOOKUP_ERROR_NOT_FOUND, "Daily");
  g_clear_error (&error);

  /* Daily does not promise Retry-After: back off on our own, a few times. */
  ROUTE (fixture, "/daily/v1/rooms/c",
         { 429, "{\"error\": \"rate-limit-error\", \"info\": \"slow down\"}" });
  result = run_lookup (MD_PROVIDER_DAILY, "c", NULL, &error);
  g_assert_null (result);
  assert_lookup_error (error, MD_LOOKUP_ERROR_RATE_LIMITED, "try again in");
  g_assert_cmpuint (fixture->requests->len, ==, 2 + 3);
  g_clear_error (&error);

  ROUTE (fixture, "/daily/v1/rooms/d",
         { 400, "{\"error\": \"invalid-request-error\", \"info\": \"name is too long\"}" });
  result = run_lookup (MD_PROVIDER_DAILY, "d", NULL, &error);
  g_assert_null (result);
  assert_lookup_error (error, MD_LOOKUP_ERROR_MALFORMED_RESPONSE, "name is too long");
}

/* ---- Webex ------------------------------------------------------------ */

#define WEBEX_MEETING(password) \
  "{\"id\": \"870f51ff287b41be84648412901e0402\", \"meetingNumber\": \"25501234567\"," \
  " \"title\": \"Platform review\", \"state\": \"active\"," \
  " \"webLink\": \"https://example.webex.com/example/j.php?MTID=m123\"," \
  " \"sipAddress\": \"25501234567@example.webex.com\"," \
  " \"phoneAndVideoSystemPassword\": \"" password "\"," \
  " \"telephony\": {\"accessCode\": \"25501234567\", \"callInNumbers\": [" \
  "   {\"label\": \"United States Toll\", \"callInNumber\": \"+1-415-655-0001\", \"tollType\": \"toll\"}," \
  "   {\"label\": \"United States Toll Free\", \"callInNumber\": \"1-855-555-0188\", \"tollType\": \"tollFree\"}]," \
  "  \"links\": [{\"rel\": \"globalCallinNumbers\", \"href\": \"/v1/meetings/x/globalCallinNumbers\", \"method\": \"GET\"}]}," \
  " \"unknownField\": {\"nested\": true}}"

static void
test_webex_link (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdLookupResult) result = NULL;
  g_autofree char *json = NULL;
  Request *request;

  ROUTE (fixture, "/webex/v1/meetings", { 200, "{\"items\": [" WEBEX_MEETING ("75287738") "]}" });
  result = run_lookup (MD_PROVIDER_WEBEX, "https://example.webex.com/example/j.php?MTID=m123",
                       NULL, &error);
  g_assert_no_error (error);
  json = to_json (result);
  assert_json_equal (json,
    "{\"provider\": \"webex\", \"title\": \"Platform review\", \"pin\": \"25501234567\","
    " \"passcode\": \"75287738\", \"sip_uri\": \"sip:25501234567@example.webex.com\","
    " \"preferred\": 1, \"numbers\": ["
    " {\"number\": \"+14156550001\", \"country\": \"US\", \"toll_free\": false,"
    "  \"label\": \"United States Toll\", \"dial\": \"tel:+14156550001,,25501234567#75287738#\"},"
    " {\"number\": \"+18555550188\", \"country\": \"US\", \"toll_free\": true,"
    "  \"label\": \"United States Toll Free\", \"dial\": \"tel:+18555550188,,25501234567#75287738#\"}]}");

  request = g_ptr_array_index (fixture->requests, 0);
  g_assert_cmpstr (request->path, ==, "/webex/v1/meetings");
  g_assert_true (g_str_has_prefix (request->query, "webLink="));
  {
    g_autofree char *link = g_uri_unescape_string (request->query + strlen ("webLink="), NULL);
    g_assert_cmpstr (link, ==, "https://example.webex.com/example/j.php?MTID=m123");
  }
  g_assert_cmpstr (request->authorization, ==, "Bearer " TOKEN);
}

static void
test_webex_number_and_id (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdLookupResult) result = NULL;
  g_autoptr(MdLookupResult) by_id = NULL;
  g_autofree char *dial = NULL;

  /* An alphanumeric password cannot be typed on a phone: "##" then. */
  ROUTE (fixture, "/webex/v1/meetings?meetingNumber=25501234567",
         { 200, "{\"items\": [" WEBEX_MEETING ("Pl4tRev") "]}" });
  result = run_lookup (MD_PROVIDER_WEBEX, "2550 123 4567", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (md_lookup_result_get_passcode (result));
  dial = md_lookup_result_dup_dial (result, 0);
  g_assert_cmpstr (dial, ==, "tel:+14156550001,,25501234567##");
  assert_request (fixture, 0, "/webex/v1/meetings", "meetingNumber=25501234567");

  ROUTE (fixture, "/webex/v1/meetings/870f51ff287b41be84648412901e0402",
         { 200, WEBEX_MEETING ("75287738") });
  by_id = run_lookup (MD_PROVIDER_WEBEX, "870f51ff287b41be84648412901e0402", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (md_lookup_result_get_passcode (by_id), ==, "75287738");
}

static void
test_webex_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdLookupResult) result = NULL;

  ROUTE (fixture, "/webex/v1/meetings", { 200, "{\"items\": []}" });
  result = run_lookup (MD_PROVIDER_WEBEX, "123456789", NULL, &error);
  g_assert_null (result);
  assert_lookup_error (error, MD_LOOKUP_ERROR_NOT_FOUND, "123456789");
  g_clear_error (&error);

  ROUTE (fixture, "/webex/v1/meetings/a",
         { 200, "{\"id\": \"a\", \"title\": \"Video only\", \"telephony\": {\"accessCode\": \"1\"}}" });
  result = run_lookup (MD_PROVIDER_WEBEX, "a", NULL, &error);
  g_assert_null (result);
  assert_lookup_error (error, MD_LOOKUP_ERROR_NO_DIAL_IN, "no call-in numbers");
  g_clear_error (&error);

  ROUTE (fixture, "/webex/v1/meetings/b",
         { 401, "{\"message\": \"The request requires a valid access token set in the "
                "Authorization request header.\", \"errors\": [{\"description\": \"x\"}],"
                " \"trackingId\": \"ROUTER_1\"}" });
  result = run_lookup (MD_PROVIDER_WEBEX, "b", NULL, &error);
  g_assert_null (result);
  assert_lookup_error (error, MD_LOOKUP_ERROR_AUTH, "token set webex");
  g_clear_error (&error);

  ROUTE (fixture, "/webex/v1/meetings/c",
         { 429, "{\"message\": \"Too Many Requests\", \"trackingId\": \"x\"}", "1" },
         { 429, "{\"message\": \"Too Many Requests\", \"trackingId\": \"x\"}", "1" },
         { 429, "{\"message\": \"Too Many Requests\", \"trackingId\": \"x\"}", "1" },
         { 200, WEBEX_MEETING ("1") });
  result = run_lookup (MD_PROVIDER_WEBEX, "c", NULL, &error);
  g_assert_null (result);
  /* Two retries at most, then the user is told when to try again. */
  assert_lookup_error (error, MD_LOOKUP_ERROR_RATE_LIMITED, "try again in 1 second");
  g_assert_cmpuint (fixture->requests->len, ==, 3 + 3);
  g_clear_error (&error);

  ROUTE (fixture, "/webex/v1/meetings/d", { 503, "<html>maintenance</html>" });
  result = run_lookup (MD_PROVIDER_WEBEX, "d", NULL, &error);
  g_assert_null (result);
  assert_lookup_error (error, MD_LOOKUP_ERROR_NETWORK, "HTTP 503");
}

/* ---- Transport -------------------------------------------------------- */

static void
test_timeout (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdLookupResult) result = NULL;
  gint64 start = g_get_monotonic_time ();

  ROUTE (fixture, "/whereby/v1/meetings/1234", { 200, WHEREBY_MEETING, NULL, 4000 });
  result = run_lookup (MD_PROVIDER_WHEREBY, "1234", NULL, &error);
  g_assert_null (result);
  assert_lookup_error (error, MD_LOOKUP_ERROR_TIMEOUT, "did not answer within 1 second");
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
}

static void
on_cancel_timeout (gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdLookupResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  g_setenv ("MEETDIAL_HTTP_TIMEOUT_MS", "20000", TRUE);
  ROUTE (fixture, "/whereby/v1/meetings/1234", { 200, WHEREBY_MEETING, NULL, 3000 });
  g_timeout_add_once (200, on_cancel_timeout, cancellable);
  result = run_lookup (MD_PROVIDER_WHEREBY, "1234", cancellable, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_no_network (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdLookupResult) result = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autofree char *url = NULL;

  /* A port that was free a moment ago and has nobody listening on it. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  address = g_inet_socket_address_new (loopback, 0);
  g_socket_bind (socket, address, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  url = g_strdup_printf ("http://127.0.0.1:%u/v1",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_close (socket, NULL);
  g_setenv ("MEETDIAL_WEBEX_API", url, TRUE);

  result = run_lookup (MD_PROVIDER_WEBEX, "1234", NULL, &error);
  g_assert_null (result);
  assert_lookup_error (error, MD_LOOKUP_ERROR_NETWORK, "could not be reached");
}

static void
test_parse_link (void)
{
  MdProvider provider;

  g_assert_true (md_remote_lookup_parse_link ("https://acme.whereby.com/room", &provider));
  g_assert_cmpint (provider, ==, MD_PROVIDER_WHEREBY);
  g_assert_true (md_remote_lookup_parse_link ("https://acme.daily.co/room", &provider));
  g_assert_cmpint (provider, ==, MD_PROVIDER_DAILY);
  g_assert_true (md_remote_lookup_parse_link ("https://x.webex.com/meet/jdoe", &provider));
  g_assert_cmpint (provider, ==, MD_PROVIDER_WEBEX);
  g_assert_false (md_remote_lookup_parse_link ("https://zoom.us/j/123", &provider));
  g_assert_false (md_remote_lookup_parse_link ("https://evilwebex.com/x", &provider));
  g_assert_false (md_remote_lookup_parse_link ("invite.txt", &provider));
}

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/lookup/api/whereby/link", test_whereby_link);
  ADD ("/lookup/api/whereby/id", test_whereby_id);
  ADD ("/lookup/api/whereby/link-not-listed", test_whereby_link_not_listed);
  ADD ("/lookup/api/whereby/no-dial-in", test_whereby_no_dial_in);
  ADD ("/lookup/api/whereby/unauthorised", test_whereby_unauthorised);
  ADD ("/lookup/api/whereby/not-found", test_whereby_not_found);
  ADD ("/lookup/api/whereby/rate-limited-then-ok", test_whereby_rate_limited_then_ok);
  ADD ("/lookup/api/whereby/rate-limited-long", test_whereby_rate_limited_long);
  ADD ("/lookup/api/whereby/rate-limited-body-only", test_whereby_rate_limited_body_only);
  ADD ("/lookup/api/whereby/malformed", test_whereby_malformed);
  ADD ("/lookup/api/whereby/wrong-shape", test_whereby_wrong_shape);
  ADD ("/lookup/api/daily/room-numbers", test_daily_room_numbers);
  ADD ("/lookup/api/daily/domain-numbers", test_daily_domain_numbers);
  ADD ("/lookup/api/daily/domain-config", test_daily_domain_config);
  ADD ("/lookup/api/daily/global-numbers", test_daily_global_numbers);
  ADD ("/lookup/api/daily/no-dial-in", test_daily_no_dial_in);
  ADD ("/lookup/api/daily/errors", test_daily_errors);
  ADD ("/lookup/api/webex/link", test_webex_link);
  ADD ("/lookup/api/webex/number-and-id", test_webex_number_and_id);
  ADD ("/lookup/api/webex/errors", test_webex_errors);
  ADD ("/lookup/api/timeout", test_timeout);
  ADD ("/lookup/api/cancel", test_cancel);
  ADD ("/lookup/api/no-network", test_no_network);
  g_test_add_func ("/lookup/api/parse-link", test_parse_link);

  return g_test_run ();
}
