/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-sip"
/* getaddrinfo() and friends are POSIX, not C11. */
#define _POSIX_C_SOURCE 200809L

#include "config.h"

#include "md-sip-agent.h"

#include <arpa/inet.h>
#include <glib/gi18n.h>
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

char *
md_sip_agent_pick_local_address (const char  *host,
                                 GError     **error)
{
  struct addrinfo hints = { .ai_socktype = SOCK_DGRAM };
  struct addrinfo *res = NULL;
  struct sockaddr_storage local;
  socklen_t len = sizeof (local);
  char addr[INET6_ADDRSTRLEN] = "";
  int fd, rc;

  g_return_val_if_fail (host != NULL, NULL);

  rc = getaddrinfo (host, "5060", &hints, &res);
  if (rc != 0 || !res)
    {
      g_set_error (error, MD_SIP_ERROR, MD_SIP_ERROR_BAD_ADDRESS,
                   _("Cannot find the server “%s”: %s"), host, gai_strerror (rc));
      return NULL;
    }

  /* connect() on UDP only asks the kernel for a route. */
  fd = socket (res->ai_family, SOCK_DGRAM, 0);
  rc = fd < 0 ? -1 : connect (fd, res->ai_addr, res->ai_addrlen);
  if (rc == 0)
    rc = getsockname (fd, (struct sockaddr *) &local, &len);
  if (fd >= 0)
    close (fd);
  freeaddrinfo (res);

  if (rc == 0 && local.ss_family == AF_INET)
    inet_ntop (AF_INET, &((struct sockaddr_in *) &local)->sin_addr, addr, sizeof (addr));
  else if (rc == 0 && local.ss_family == AF_INET6)
    inet_ntop (AF_INET6, &((struct sockaddr_in6 *) &local)->sin6_addr, addr, sizeof (addr));

  if (!*addr)
    {
      g_set_error (error, MD_SIP_ERROR, MD_SIP_ERROR_BAD_ADDRESS,
                   _("No network route to “%s”"), host);
      return NULL;
    }

  return g_strdup (addr);
}

