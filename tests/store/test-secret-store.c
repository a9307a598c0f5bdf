/* SPDX-License-Identifier: GPL-3.0-or-later */

/* MdSecretStore against a real gnome-keyring-daemon on a private D-Bus
 * session: run through tests/harness/keyring-session. */

#include "config.h"

#include "md-secret-store.h"

#include <libsecret/secret.h>
#include <string.h>

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;
  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
save (MdSecretKind  kind,
      const char   *key,
      const char   *secret)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  md_secret_store_save_async (kind, key, secret, NULL, on_done, &result);
  g_assert_true (md_secret_store_save_finish (wait_for (&result), &error));
  g_assert_no_error (error);
}

static char *
lookup (MdSecretKind  kind,
        const char   *key)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *secret;

  md_secret_store_lookup_async (kind, key, NULL, on_done, &result);
  secret = md_secret_store_lookup_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  return secret;
}

static void
clear (MdSecretKind  kind,
       const char   *key)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  md_secret_store_clear_async (kind, key, NULL, on_done, &result);
  g_assert_true (md_secret_store_clear_finish (wait_for (&result), &error));
  g_assert_no_error (error);
}

static void
test_store_read_clear (void)
{
  g_autoptr(MdSecret) token = NULL;
  g_autoptr(MdSecret) replaced = NULL;
  g_autoptr(MdSecret) gone = NULL;

  g_assert_null (lookup (MD_SECRET_PROVIDER_TOKEN, "whereby"));

  save (MD_SECRET_PROVIDER_TOKEN, "whereby", "wb-token-1");
  token = lookup (MD_SECRET_PROVIDER_TOKEN, "whereby");
  g_assert_cmpstr (token, ==, "wb-token-1");

  save (MD_SECRET_PROVIDER_TOKEN, "whereby", "wb-token-2");
  replaced = lookup (MD_SECRET_PROVIDER_TOKEN, "whereby");
  g_assert_cmpstr (replaced, ==, "wb-token-2");

  clear (MD_SECRET_PROVIDER_TOKEN, "whereby");
  gone = lookup (MD_SECRET_PROVIDER_TOKEN, "whereby");
  g_assert_null (gone);

  /* Clearing what is not there is not an error. */
  clear (MD_SECRET_PROVIDER_TOKEN, "whereby");
}

static void
test_kinds_are_separate (void)
{
  g_autoptr(MdSecret) password = NULL;
  g_autoptr(MdSecret) token = NULL;

  /* A SIP account called "daily" must not meet the Daily API token. */
  save (MD_SECRET_PROVIDER_TOKEN, "daily", "daily-token");
  save (MD_SECRET_SIP_PASSWORD, "daily", "sip-password");
  token = lookup (MD_SECRET_PROVIDER_TOKEN, "daily");
  password = lookup (MD_SECRET_SIP_PASSWORD, "daily");
  g_assert_cmpstr (token, ==, "daily-token");
  g_assert_cmpstr (password, ==, "sip-password");
  clear (MD_SECRET_PROVIDER_TOKEN, "daily");
  clear (MD_SECRET_SIP_PASSWORD, "daily");
}

static void
test_label_and_schema (void)
{
  static const SecretSchema schema = {
    "io.github.meetdial.Meetdial.Secret", SECRET_SCHEMA_NONE,
    { { "kind", SECRET_SCHEMA_ATTRIBUTE_STRING }, { "key", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 } }
  };
  g_autoptr(GError) error = NULL;
  GList *items;
  g_autofree char *label = NULL;

  save (MD_SECRET_PROVIDER_TOKEN, "webex", "webex-token");
  items = secret_password_search_sync (&schema, SECRET_SEARCH_ALL, NULL, &error,
                                       "kind", "provider-token", "key", "webex", NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  label = secret_retrievable_get_label (items->data);
  g_assert_cmpstr (label, ==, "Meetdial: Webex API token");
  g_list_free_full (items, g_object_unref);

  save (MD_SECRET_SIP_PASSWORD, "work", "pw");
  items = secret_password_search_sync (&schema, SECRET_SEARCH_ALL, NULL, &error,
                                       "kind", "sip-password", "key", "work", NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  g_free (label);
  label = secret_retrievable_get_label (items->data);
  g_assert_cmpstr (label, ==, "Meetdial: SIP password for work");
  g_list_free_full (items, g_object_unref);

  clear (MD_SECRET_PROVIDER_TOKEN, "webex");
  clear (MD_SECRET_SIP_PASSWORD, "work");
}

static void
test_empty_secret_refused (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  md_secret_store_save_async (MD_SECRET_PROVIDER_TOKEN, "whereby", "", NULL, on_done, &result);
  g_assert_false (md_secret_store_save_finish (wait_for (&result), &error));
  g_assert_error (error, MD_SECRET_STORE_ERROR, MD_SECRET_STORE_ERROR_EMPTY);
}

static char *
read_line (const char  *bytes,
           gssize       length,
           GError     **error)
{
  g_autoptr(GInputStream) stream =
    g_memory_input_stream_new_from_data (bytes, length < 0 ? (gssize) strlen (bytes) : length, NULL);
  return md_secret_read_from_stream (stream, error);
}

static void
test_read_from_stream (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdSecret) plain = read_line ("tok en\nsecond line\n", -1, &error);
  g_autoptr(MdSecret) crlf = NULL;
  g_autoptr(MdSecret) no_newline = NULL;
  g_autofree char *huge = NULL;
  char *none;

  g_assert_no_error (error);
  g_assert_cmpstr (plain, ==, "tok en");

  crlf = read_line ("abc\r\n", -1, &error);
  g_assert_cmpstr (crlf, ==, "abc");
  no_newline = read_line ("xyz", -1, &error);
  g_assert_cmpstr (no_newline, ==, "xyz");

  none = read_line ("\n", -1, &error);
  g_assert_null (none);
  g_assert_error (error, MD_SECRET_STORE_ERROR, MD_SECRET_STORE_ERROR_EMPTY);
  g_clear_error (&error);

  none = read_line ("", 0, &error);
  g_assert_null (none);
  g_assert_error (error, MD_SECRET_STORE_ERROR, MD_SECRET_STORE_ERROR_EMPTY);
  g_clear_error (&error);

  huge = g_strnfill (20000, 'a');
  none = read_line (huge, -1, &error);
  g_assert_null (none);
  g_assert_error (error, MD_SECRET_STORE_ERROR, MD_SECRET_STORE_ERROR_EMPTY);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/secret/store-read-clear", test_store_read_clear);
  g_test_add_func ("/store/secret/kinds-are-separate", test_kinds_are_separate);
  g_test_add_func ("/store/secret/label-and-schema", test_label_and_schema);
  g_test_add_func ("/store/secret/empty-secret-refused", test_empty_secret_refused);
  g_test_add_func ("/store/secret/read-from-stream", test_read_from_stream);

  return g_test_run ();
}
