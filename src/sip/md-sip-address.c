/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-sip"
/* getaddrinfo() and friends are POSIX, not C11. */
#define _POSIX_C_SOURCE 200809L

#include "config.h"

#include "md-sip-agent.h"

#include <arpa/inet.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

/* The local address the kernel would send from to @ai, in @addr; FALSE when
 * it has no route there. connect() on UDP only asks for the route: nothing
 * is sent. */
static gboolean
route_to (const struct addrinfo *ai,
          char                   addr[INET6_ADDRSTRLEN])
{
  struct sockaddr_storage local;
  socklen_t len = sizeof (local);
  int fd, rc;

  fd = socket (ai->ai_family, SOCK_DGRAM, 0);
  rc = fd < 0 ? -1 : connect (fd, ai->ai_addr, ai->ai_addrlen);
  if (rc == 0)
    rc = getsockname (fd, (struct sockaddr *) &local, &len);
  if (fd >= 0)
    close (fd);

  if (rc == 0 && local.ss_family == AF_INET)
    return inet_ntop (AF_INET, &((struct sockaddr_in *) &local)->sin_addr,
                      addr, INET6_ADDRSTRLEN) != NULL;
  if (rc == 0 && local.ss_family == AF_INET6)
    return inet_ntop (AF_INET6, &((struct sockaddr_in6 *) &local)->sin6_addr,
                      addr, INET6_ADDRSTRLEN) != NULL;
  return FALSE;
}

/* A provider's SIP domain may have no address of its own, only SRV records
 * naming its servers (RFC 3263), which the SIP stack follows when it sends:
 * the route is then the one to the first server they name. */
static char *
srv_target (const char *domain)
{
  static const char *const services[][2] = {
    { "sip", "udp" }, { "sip", "tcp" }, { "sips", "tcp" },
  };
  g_autoptr(GResolver) resolver = g_resolver_get_default ();

  for (gsize i = 0; i < G_N_ELEMENTS (services); i++)
    {
      GList *targets = g_resolver_lookup_service (resolver, services[i][0], services[i][1],
                                                  domain, NULL, NULL);
      char *target = NULL;

      /* Sorted by priority and weight; "." would mean no service. */
      if (targets && g_strcmp0 (g_srv_target_get_hostname (targets->data), ".") != 0)
        target = g_strdup (g_srv_target_get_hostname (targets->data));
      g_resolver_free_targets (targets);
      if (target)
        return target;
    }

  return NULL;
}

/* IPv4 first where the server has both families, as baresip does by default:
 * SIP providers serve IPv4, while a name with an IPv6 address does not
 * promise SIP there (a PBX at "pbx.local" or "localhost" often listens on
 * IPv4 only), and a registration has no second try on the other family the
 * way a web browser has. The system's order decides only among addresses
 * of one family; IPv6 is used when it is all the server has a route for. */
char *
md_sip_agent_pick_local_address (const char  *host,
                                 GError     **error)
{
  struct addrinfo hints = { .ai_socktype = SOCK_DGRAM };
  struct addrinfo *res = NULL;
  char addr[INET6_ADDRSTRLEN] = "";
  char fallback[INET6_ADDRSTRLEN] = "";
  int rc;

  g_return_val_if_fail (host != NULL, NULL);

  rc = getaddrinfo (host, "5060", &hints, &res);
  if (rc != 0 && rc != EAI_AGAIN)
    {
      g_autofree char *target = srv_target (host);

      if (target && getaddrinfo (target, "5060", &hints, &res) == 0)
        rc = 0;
    }
  if (rc != 0 || !res)
    {
      g_set_error (error, MD_SIP_ERROR, MD_SIP_ERROR_BAD_ADDRESS,
                   _("Cannot find the server “%s”: %s"), host, gai_strerror (rc));
      return NULL;
    }

  for (const struct addrinfo *ai = res; ai != NULL && !*addr; ai = ai->ai_next)
    {
      if (ai->ai_family == AF_INET)
        route_to (ai, addr);
      else if (!*fallback)
        route_to (ai, fallback);
    }
  freeaddrinfo (res);

  if (!*addr && *fallback)
    return g_strdup (fallback);
  if (!*addr)
    {
      g_set_error (error, MD_SIP_ERROR, MD_SIP_ERROR_BAD_ADDRESS,
                   _("No network route to “%s”"), host);
      return NULL;
    }

  return g_strdup (addr);
}
