/* SPDX-License-Identifier: GPL-3.0-or-later */
/* md_phone_start_async(): the server's name is looked up off the main
 * thread, SIP starts once it is known, and a phone shut down meanwhile
 * does not start. */
#define G_LOG_DOMAIN "test-phone-start"

#include "config.h"

#include "md-phone.h"

typedef struct {
  gboolean  done;
  gboolean  started;
  GError   *error;
} Started;

static void
on_started (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Started *started = user_data;

  started->started = md_phone_start_finish (MD_PHONE (source), result, &started->error);
  started->done = TRUE;
}

static void
on_shut_down (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *done = user_data;

  g_assert_true (md_phone_shutdown_finish (MD_PHONE (source), result, NULL));
  *done = TRUE;
}

static void
test_start_async (void)
{
  g_autoptr(MdPhone) phone = md_phone_new (NULL);
  g_autoptr(GError) error = NULL;
  Started started = { FALSE, FALSE, NULL };
  gboolean shut_down = FALSE;

  md_phone_start_async (phone, "127.0.0.1", NULL, on_started, &started);
  /* It returns before the lookup's answer: that comes on the main loop. */
  g_assert_false (started.done);
  while (!started.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (started.error);
  g_assert_true (started.started);

  /* Started: a second start has nothing left to do. */
  g_assert_true (md_phone_start (phone, "127.0.0.1", &error));
  g_assert_no_error (error);

  md_phone_shutdown_async (phone, NULL, on_shut_down, &shut_down);
  while (!shut_down)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_shut_down_while_looking_up (void)
{
  g_autoptr(MdPhone) phone = md_phone_new (NULL);
  Started started = { FALSE, FALSE, NULL };
  gboolean shut_down = FALSE;

  md_phone_start_async (phone, "127.0.0.1", NULL, on_started, &started);
  md_phone_shutdown_async (phone, NULL, on_shut_down, &shut_down);
  while (!started.done || !shut_down)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (started.started);
  g_assert_error (started.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&started.error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/phone/start/async", test_start_async);
  g_test_add_func ("/phone/start/shut-down-while-looking-up", test_shut_down_while_looking_up);

  return g_test_run ();
}
