/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Binds a UDP socket on an even port of @address and a second one on the next
 * (odd) port for RTCP, as RFC 3550 asks; retries when another program holds
 * either port. */
gboolean md_media_bind_rtp_pair (const char  *address,
                                 GSocket    **rtp_out,
                                 GSocket    **rtcp_out,
                                 GError     **error);

G_END_DECLS
