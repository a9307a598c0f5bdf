/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Binds a UDP socket on an even port of every address of @address's family
 * (the local address SIP advertises) and a second one on the next (odd)
 * port for RTCP, as RFC 3550 asks; retries when another program holds
 * either port. Needs no GStreamer: a dial binds the pair before the media
 * core is loaded (md_media_session_new_for_sockets()). */
gboolean md_media_bind_rtp_pair (const char  *address,
                                 GSocket    **rtp_out,
                                 GSocket    **rtcp_out,
                                 GError     **error);

/* The local port @socket is bound to, or 0. */
guint    md_media_socket_get_port (GSocket    *socket);

G_END_DECLS
