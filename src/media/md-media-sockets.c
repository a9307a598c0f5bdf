/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-media"

#include "config.h"

#include "md-media-sockets.h"
#include "md-media-session.h"

#include <glib/gi18n.h>

#define MAX_ATTEMPTS 64

static GSocket *
bind_udp (GInetAddress  *address,
          guint          port,
          GError       **error)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) socket_address = NULL;

  socket = g_socket_new (g_inet_address_get_family (address), G_SOCKET_TYPE_DATAGRAM,
                         G_SOCKET_PROTOCOL_UDP, error);
  if (socket == NULL)
    return NULL;

  socket_address = g_inet_socket_address_new (address, port);
  if (!g_socket_bind (socket, socket_address, FALSE, error))
    return NULL;

  return g_steal_pointer (&socket);
}

guint
md_media_socket_get_port (GSocket *socket)
{
  g_autoptr(GSocketAddress) local = g_socket_get_local_address (socket, NULL);

  return local != NULL ? g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local)) : 0;
}

gboolean
md_media_bind_rtp_pair (const char  *address,
                        GSocket    **rtp_out,
                        GSocket    **rtcp_out,
                        GError     **error)
{
  g_autoptr(GInetAddress) given = g_inet_address_new_from_string (address);
  g_autoptr(GInetAddress) inet_address = NULL;

  if (given == NULL)
    {
      g_set_error (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_FAILED,
                   _("“%s” is not a local IP address"), address);
      return FALSE;
    }
  /* On every address of its family, not only @address: when the network
   * changes mid-call the audio goes on from the new one (the kernel picks
   * the source by route, as it picks SIP's) while the re-INVITE tells the
   * far end. */
  inet_address = g_inet_address_new_any (g_inet_address_get_family (given));

  /* Let the kernel pick a free port, keep it when it is even and its odd
   * neighbour is free too, otherwise try again. */
  for (guint attempt = 0; attempt < MAX_ATTEMPTS; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GSocket) rtp = bind_udp (inet_address, 0, &local_error);
      g_autoptr(GSocket) rtcp = NULL;
      guint port;

      if (rtp == NULL)
        {
          g_set_error (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_FAILED,
                       _("Cannot open a port for call audio on %s: %s"),
                       address, local_error->message);
          return FALSE;
        }

      port = md_media_socket_get_port (rtp);
      if (port == 0 || port % 2 != 0 || port == G_MAXUINT16)
        continue;

      rtcp = bind_udp (inet_address, port + 1, NULL);
      if (rtcp == NULL)
        continue;

      *rtp_out = g_steal_pointer (&rtp);
      *rtcp_out = g_steal_pointer (&rtcp);
      return TRUE;
    }

  g_set_error (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_FAILED,
               _("Cannot open a pair of ports for call audio on %s: all tried were taken"),
               address);
  return FALSE;
}
