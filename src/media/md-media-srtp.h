/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gst/gst.h>

G_BEGIN_DECLS

/* SDES-SRTP (AES_CM_128_HMAC_SHA1_80, RFC 4568) for one rtpbin session,
 * private to src/media. Keys are base64 master keys from the SDP; they are
 * never logged. */

/* Makes @rtpbin encrypt what it sends with @send_key and decrypt what it
 * receives with @recv_key (RTP and RTCP alike). */
void     md_media_srtp_setup (GstElement *rtpbin,
                              const char *send_key,
                              const char *recv_key);
/* The caps for the receiving udpsrc: @rtp_caps as application/x-srtp (or
 * x-srtcp for @rtcp, @rtp_caps NULL) with the far end's key. */
GstCaps *md_media_srtp_caps  (GstCaps    *rtp_caps,
                              const char *recv_key,
                              gboolean    rtcp);

G_END_DECLS
