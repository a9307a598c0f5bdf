/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A server name that only the system's resolver knows ("pbx", "pbx.local")
 * can take the resolver's timeouts to look up. Meanwhile SIP goes on: a
 * call is hung up at once, and a name that is not found ends the call
 * saying which name. A name from the hosts file is found there, as every
 * other program finds it, not asked of DNS.
 *
 * The program runs in a network and mount namespace of its own (it needs
 * root): loopback only, and a resolver that asks 127.0.0.1:53, where a
 * socket takes the queries and never answers (a DNS server gone silent, as
 * behind a network that drops them). No SIP peer is needed. */
#define G_LOG_DOMAIN "test-slow-lookup"
#define _GNU_SOURCE

#include "config.h"

#include "md-phone.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <net/if.h>
#include <poll.h>
#include <netinet/in.h>
#include <sched.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <unistd.h>

#define SLOW_NAME         "meetdial-slow"
#define HOSTS_NAME        "pbx.meetdial.test"
#define RESOLVER_TIMEOUT_S 3
/* A step that waits on SIP while a lookup is under way must not. */
#define QUICK_US          (1500 * G_TIME_SPAN_MILLISECOND)

static int silent_dns = -1;

static void
bind_over (const char *dir,
           const char *name,
           const char *contents,
           const char *target)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  if (mount (path, target, NULL, MS_BIND, NULL) != 0)
    g_error ("cannot bind %s over %s: %s", path, target, g_strerror (errno));
}

/* Everything below runs in here: only loopback, and a DNS server on it
 * that never answers. */
static void
enter_silent_network (const char *dir)
{
  struct sockaddr_in dns = { .sin_family = AF_INET, .sin_port = htons (53),
                             .sin_addr.s_addr = htonl (INADDR_LOOPBACK) };
  struct ifreq ifr = { 0 };
  int fd;

  if (unshare (CLONE_NEWNET | CLONE_NEWNS) != 0)
    g_error ("this test needs root, for a network namespace of its own (unshare: %s)",
             g_strerror (errno));
  /* Else the bind mounts below would show in the whole system. */
  if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
    g_error ("cannot make the mounts private: %s%s", g_strerror (errno),
             errno == EINVAL ? " (“/” is not a mount point, as in a chroot: bind-mount "
                               "the root onto itself first, as build-aux/fresh-debian does)"
                             : "");

  fd = socket (AF_INET, SOCK_DGRAM, 0);
  g_strlcpy (ifr.ifr_name, "lo", sizeof (ifr.ifr_name));
  if (fd < 0 || ioctl (fd, SIOCGIFFLAGS, &ifr) != 0)
    g_error ("cannot read loopback's flags: %s", g_strerror (errno));
  ifr.ifr_flags |= IFF_UP;
  if (ioctl (fd, SIOCSIFFLAGS, &ifr) != 0)
    g_error ("cannot bring loopback up: %s", g_strerror (errno));
  close (fd);

  silent_dns = socket (AF_INET, SOCK_DGRAM, 0);
  if (silent_dns < 0 || bind (silent_dns, (struct sockaddr *) &dns, sizeof (dns)) != 0)
    g_error ("cannot take 127.0.0.1:53: %s", g_strerror (errno));

  /* The resolver reads these at each process start (and /etc/hosts at each
   * lookup); "files dns" whatever the machine's own order. */
  bind_over (dir, "hosts",
             "127.0.0.1 localhost\n"
             "# an office server\n"
             "127.0.0.1\tpbx " HOSTS_NAME "  # to override DNS\n",
             "/etc/hosts");
  bind_over (dir, "nsswitch.conf", "hosts: files dns\n", "/etc/nsswitch.conf");
  {
    g_autofree char *resolv =
      g_strdup_printf ("nameserver 127.0.0.1\noptions timeout:%d attempts:1\n",
                       RESOLVER_TIMEOUT_S);

    bind_over (dir, "resolv.conf", resolv, "/etc/resolv.conf");
  }
}

static gboolean
on_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* The call's end, within @limit_s seconds. */
static void
wait_ended (MdCall *call,
            guint   limit_s)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (limit_s, on_timeout, &timed_out);

  while (md_call_get_state (call) != MD_CALL_STATE_ENDED && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);
}

static void
on_shut_down (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_assert_true (md_phone_shutdown_finish (MD_PHONE (source), result, NULL));
  *(gboolean *) user_data = TRUE;
}

static MdPhone *
start_phone (void)
{
  g_autoptr(GError) error = NULL;
  MdPhone *phone = md_phone_new (NULL);

  g_assert_true (md_phone_start (phone, "127.0.0.1", &error));
  g_assert_no_error (error);
  return phone;
}

static void
shut_down (MdPhone *phone)
{
  gboolean done = FALSE;

  md_phone_shutdown_async (phone, NULL, on_shut_down, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_object_unref (phone);
}

static MdCall *
dial (MdPhone      *phone,
      const char   *target,
      MdSipAccount *account)
{
  MdCallAudio audio = { .mic_spec = "null", .speaker_spec = "null" };
  g_autoptr(MdDialPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  MdCall *call;

  plan = md_dial_plan_parse (target, 1000, &error);
  g_assert_no_error (error);
  call = md_phone_dial (phone, plan, account, &audio, &error);
  g_assert_no_error (error);
  return call;
}

static MdSipAccount *
add_account (MdPhone    *phone,
             const char *server)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdAccount) account = md_account_new ("work", server, "alice", NULL, "udp", NULL,
                                                 &error);
  MdSipAccount *sip_account;

  g_assert_no_error (error);
  sip_account = md_phone_add_account (phone, account, "not-used", &error);
  g_assert_no_error (error);
  return sip_account;
}

static void
hang_up_quickly (MdCall *call)
{
  gint64 asked = g_get_monotonic_time ();

  md_call_hangup (call);
  wait_ended (call, 10);
  g_assert_cmpstr (md_call_get_end_reason (call), ==, "hung up");
  g_assert_cmpint (g_get_monotonic_time () - asked, <, QUICK_US);
}

/* A call to sip:room@NAME, hung up while NAME is looked up. */
static void
test_hang_up_while_looking_up (void)
{
  MdPhone *phone = start_phone ();
  g_autoptr(MdCall) call = dial (phone, "sip:room@" SLOW_NAME, NULL);

  hang_up_quickly (call);
  shut_down (phone);
}

/* The same name not found: the call ends as unreachable, saying which. */
static void
test_name_not_found (void)
{
  MdPhone *phone = start_phone ();
  g_autoptr(MdCall) call = dial (phone, "sip:room@" SLOW_NAME, NULL);
  gint64 dialed = g_get_monotonic_time ();

  wait_ended (call, RESOLVER_TIMEOUT_S * 4);
  g_assert_cmpstr (md_call_get_end_reason (call), ==, "unreachable");
  g_assert_nonnull (strstr (md_call_get_end_message (call), SLOW_NAME));
  /* It did wait for the resolver: the lookup was slow indeed. */
  g_assert_cmpint (g_get_monotonic_time () - dialed, >=,
                   (RESOLVER_TIMEOUT_S - 1) * G_TIME_SPAN_SECOND);
  shut_down (phone);
}

/* An account on such a server registers after its lookup; a call through
 * it meanwhile is hung up at once all the same. */
static void
test_account_looking_up (void)
{
  MdPhone *phone = start_phone ();
  g_autoptr(MdSipAccount) sip_account = add_account (phone, SLOW_NAME ":5060");
  g_autoptr(MdCall) call = NULL;

  call = dial (phone, "tel:+15550100", sip_account);
  hang_up_quickly (call);
  g_assert_cmpint (md_sip_account_get_state (sip_account), ==, MD_SIP_ACCOUNT_REGISTERING);
  shut_down (phone);
}

/* A socket on loopback that only takes what comes: where a SIP request
 * must arrive. Its port in @port. */
static int
bind_listener (guint *port)
{
  struct sockaddr_in addr = { .sin_family = AF_INET,
                              .sin_addr.s_addr = htonl (INADDR_LOOPBACK) };
  socklen_t len = sizeof (addr);
  int fd = socket (AF_INET, SOCK_DGRAM, 0);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (bind (fd, (struct sockaddr *) &addr, sizeof (addr)), ==, 0);
  g_assert_cmpint (getsockname (fd, (struct sockaddr *) &addr, &len), ==, 0);
  *port = ntohs (addr.sin_port);
  return fd;
}

/* The first line of the first request to arrive within a few seconds
 * (DNS, here, would never answer). */
static char *
first_request_line (int fd)
{
  struct pollfd pfd = { .fd = fd, .events = POLLIN };
  char buf[2048];
  ssize_t n;

  g_assert_cmpint (poll (&pfd, 1, 5000), ==, 1);
  n = recv (fd, buf, sizeof (buf) - 1, 0);
  g_assert_cmpint (n, >, 0);
  buf[n] = '\0';
  buf[strcspn (buf, "\r\n")] = '\0';
  return g_strdup (buf);
}

/* A dotted name from the hosts file: the account's REGISTER and a call's
 * INVITE go to its address there, and still name it. */
static void
test_name_in_hosts_file (void)
{
  MdPhone *phone = start_phone ();
  g_autoptr(MdSipAccount) sip_account = NULL;
  g_autoptr(MdCall) call = NULL;
  g_autofree char *server = NULL;
  g_autofree char *target = NULL;
  g_autofree char *line = NULL;
  guint port;
  int fd = bind_listener (&port);

  server = g_strdup_printf (HOSTS_NAME ":%u", port);
  sip_account = add_account (phone, server);
  line = first_request_line (fd);
  g_assert_true (g_str_has_prefix (line, "REGISTER sip:" HOSTS_NAME ":"));
  g_clear_pointer (&line, g_free);

  target = g_strdup_printf ("sip:room@" HOSTS_NAME ":%u", port);
  call = dial (phone, target, NULL);
  line = first_request_line (fd);
  g_assert_true (g_str_has_prefix (line, "INVITE sip:room@" HOSTS_NAME ":"));
  hang_up_quickly (call);

  close (fd);
  shut_down (phone);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  dir = g_dir_make_tmp ("meetdial-slow-lookup-XXXXXX", &error);
  g_assert_no_error (error);
  enter_silent_network (dir);

  g_test_add_func ("/phone/lookup/hang-up-while-looking-up", test_hang_up_while_looking_up);
  g_test_add_func ("/phone/lookup/name-not-found", test_name_not_found);
  g_test_add_func ("/phone/lookup/account-looking-up", test_account_looking_up);
  g_test_add_func ("/phone/lookup/name-in-hosts-file", test_name_in_hosts_file);

  status = g_test_run ();
  close (silent_dns);
  for (const char *const *name = (const char *const[]) { "hosts", "nsswitch.conf", "resolv.conf", NULL };
       *name != NULL; name++)
    {
      g_autofree char *path = g_build_filename (dir, *name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
  return status;
}
