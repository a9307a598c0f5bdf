/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What our offer settles on for answers a far end may send: libre's own SDP
 * parser reads them, md_sdp_negotiate() picks the call's codec and the
 * payload type of keypad tones. */

#include <glib.h>
#include <re.h>

#include "md-sip-sdp.h"

#include <string.h>

static const struct md_sdp_codec codecs[] = {
  { "opus", -1, 48000, 2 },
  { "PCMU", 0, 8000, 1 },
};

/* @lines follow the session header: the m= line and its attributes. */
static int
answer (const char          *lines,
        struct md_sdp_media *media)
{
  g_autofree char *text = g_strdup_printf ("v=0\r\n"
                                           "o=- 1 1 IN IP4 127.0.0.1\r\n"
                                           "s=-\r\n"
                                           "c=IN IP4 127.0.0.1\r\n"
                                           "t=0 0\r\n"
                                           "%s", lines);
  struct sdp_session *sdp = NULL;
  struct sdp_media *m = NULL;
  struct mbuf *mb;
  struct sa laddr;
  int err;

  sa_set_str (&laddr, "127.0.0.1", 0);
  g_assert_cmpint (md_sdp_alloc (&sdp, &m, &laddr, 40000, codecs, G_N_ELEMENTS (codecs)), ==, 0);
  /* Our offer goes out first (libre makes the answer's media list then). */
  g_assert_cmpint (sdp_encode (&mb, sdp, true), ==, 0);
  mem_deref (mb);

  mb = mbuf_alloc (strlen (text));
  mbuf_write_str (mb, text);
  mb->pos = 0;
  err = md_sdp_negotiate (sdp, m, mb, FALSE, NULL, media);

  mem_deref (mb);
  mem_deref (sdp);
  return err;
}

/* @err, and on success the codec (its name and the far end's number) and
 * the payload type of keypad tones. */
struct answer_case {
  const char *path;
  const char *lines;
  int err;
  const char *encoding;
  int pt;
  int telev_pt;
};

static const struct answer_case cases[] = {
  { "/sip-sdp/telev",
    "m=audio 5000 RTP/AVP 0 101\r\n"
    "a=rtpmap:0 PCMU/8000\r\n"
    "a=rtpmap:101 telephone-event/8000\r\n",
    0, "PCMU", 0, 101 },
  /* RTP carries payload types 0 to 127: keypad tones cannot go as 202, so
   * the call goes on without telephone-events (SIP INFO takes over). */
  { "/sip-sdp/telev-out-of-range",
    "m=audio 5000 RTP/AVP 0 202\r\n"
    "a=rtpmap:0 PCMU/8000\r\n"
    "a=rtpmap:202 telephone-event/8000\r\n",
    0, "PCMU", 0, -1 },
  /* A codec under a number RTP cannot carry is passed over for the next. */
  { "/sip-sdp/codec-out-of-range",
    "m=audio 5000 RTP/AVP 200 0\r\n"
    "a=rtpmap:200 opus/48000/2\r\n"
    "a=rtpmap:0 PCMU/8000\r\n",
    0, "PCMU", 0, -1 },
  /* With nothing else the answer cannot be used: "bad answer from far
   * end", not "no common codec". */
  { "/sip-sdp/only-codec-out-of-range",
    "m=audio 5000 RTP/AVP 200\r\n"
    "a=rtpmap:200 opus/48000/2\r\n",
    EBADMSG, NULL, 0, 0 },
  { "/sip-sdp/no-common-codec",
    "m=audio 5000 RTP/AVP 18\r\n"
    "a=rtpmap:18 G729/8000\r\n",
    ENOENT, NULL, 0, 0 },
};

static void
test_answer (gconstpointer data)
{
  const struct answer_case *c = data;
  struct md_sdp_media media;

  g_assert_cmpint (answer (c->lines, &media), ==, c->err);
  if (c->err)
    return;
  g_assert_cmpstr (media.codec.encoding, ==, c->encoding);
  g_assert_cmpint (media.codec.pt, ==, c->pt);
  g_assert_cmpint (media.telev_pt, ==, c->telev_pt);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    g_test_add_data_func (cases[i].path, &cases[i], test_answer);
  return g_test_run ();
}
