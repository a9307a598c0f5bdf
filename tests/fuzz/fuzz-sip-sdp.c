/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target for what the far end's SDP can do to a call: any bytes as
 * the answer to our offer, and as an offer in an incoming INVITE. Never a
 * crash or leak, and a negotiation that succeeds always names a codec we
 * offered, a port and an address the media core can use. */

#include <glib.h>
#include <re.h>

#include "md-sip-sdp.h"

#include <string.h>

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static const struct md_sdp_codec codecs[] = {
  { "opus", -1, 48000, 2 },
  { "G722", 9, 8000, 1 },
  { "PCMU", 0, 8000, 1 },
  { "PCMA", 8, 8000, 1 },
};

/* The same bytes again, as the far end's re-offer in the running call:
 * taken, it keeps the codec; taken or refused, our next offer still names
 * it. */
static void
renegotiate (struct sdp_session        *sdp,
             struct sdp_media          *m,
             struct mbuf               *mb,
             const char                *key,
             const struct md_sdp_media *current)
{
  struct md_sdp_media media;
  struct mbuf *desc = NULL;
  g_autofree char *text = NULL;
  g_autofree char *rtpmap = NULL;
  int err;

  err = md_sdp_negotiate_srtp (sdp, m, mb, TRUE, key, current, &media);
  g_assert_true (err == 0 || err == ENOENT || err == EBADMSG || err == ENOTSUP);
  if (err == 0)
    g_assert_cmpstr (media.codec.encoding, ==, current->codec.encoding);

  g_assert_cmpint (sdp_encode (&desc, sdp, true), ==, 0);
  text = g_strndup ((const char *) mbuf_buf (desc), mbuf_get_left (desc));
  rtpmap = g_strdup_printf (" %s/%u", current->codec.encoding, current->codec.srate);
  g_assert_nonnull (strstr (text, rtpmap));
  mem_deref (desc);
}

static void
negotiate (const guint8 *data,
           size_t        size,
           gboolean      offer,
           gboolean      srtp)
{
  char key[MD_SDP_SRTP_KEY_SIZE] = "";
  struct sdp_session *sdp = NULL;
  struct sdp_media *m = NULL;
  struct md_sdp_media media;
  struct mbuf *mb;
  struct sa laddr;
  int err;

  sa_set_str (&laddr, "127.0.0.1", 0);
  if (srtp)
    g_assert_cmpint (md_sdp_alloc_srtp (&sdp, &m, &laddr, 40000, codecs, G_N_ELEMENTS (codecs), key), ==, 0);
  else
    g_assert_cmpint (md_sdp_alloc (&sdp, &m, &laddr, 40000, codecs, G_N_ELEMENTS (codecs)), ==, 0);

  /* As answer: our offer has gone out (libre lists the media an answer
   * may name only then). */
  if (!offer)
    {
      g_assert_cmpint (sdp_encode (&mb, sdp, true), ==, 0);
      mem_deref (mb);
    }

  mb = mbuf_alloc (size + 1);
  mbuf_write_mem (mb, data, size);
  mb->pos = 0;

  err = md_sdp_negotiate_srtp (sdp, m, mb, offer, srtp ? key : NULL, NULL, &media);
  g_assert_true (err == 0 || err == ENOENT || err == EBADMSG);
  /* The body is left where it was, for a second look (183, then 200). */
  g_assert_cmpuint (mb->pos, ==, 0);

  if (err == 0)
    {
      gboolean offered = FALSE;

      for (gsize i = 0; i < G_N_ELEMENTS (codecs); i++)
        offered |= g_ascii_strcasecmp (codecs[i].encoding, media.codec.encoding) == 0;
      g_assert_true (offered);
      g_assert_cmpint (media.codec.pt, >=, 0);
      g_assert_cmpint (media.codec.pt, <=, 127);
      g_assert_cmpint (media.telev_pt, >=, -1);
      g_assert_cmpint (media.telev_pt, <=, 127);
      g_assert_cmpuint (sa_port (&media.raddr), !=, 0);
      /* SRTP: the far end's key is a whole one, ours is what we offered. */
      g_assert_cmpuint (strlen (media.srtp_remote_key), ==, srtp ? 40 : 0);
      g_assert_cmpstr (media.srtp_local_key, ==, key);
      g_assert_true (sa_isset (&media.raddr, SA_ADDR));
      renegotiate (sdp, m, mb, srtp ? key : NULL, &media);
    }

  mem_deref (mb);
  mem_deref (sdp);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  negotiate (data, size, FALSE, FALSE);
  negotiate (data, size, TRUE, FALSE);
  negotiate (data, size, FALSE, TRUE);
  return 0;
}
