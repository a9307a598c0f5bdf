/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-media"

#include "config.h"

#include "md-media-srtp.h"

static void
free_closure_string (gpointer  data,
                     GClosure *closure)
{
  g_free (data);
}

static void
unref_closure_object (gpointer  data,
                      GClosure *closure)
{
  gst_object_unref (data);
}

static GstBuffer *
key_buffer (const char *base64)
{
  gsize len = 0;
  guchar *raw = g_base64_decode (base64, &len);

  return gst_buffer_new_wrapped (raw, len);
}

static void
set_suite (GstStructure *structure,
           GstBuffer    *key)
{
  gst_structure_set (structure,
                     "srtp-key", GST_TYPE_BUFFER, key,
                     "srtp-cipher", G_TYPE_STRING, "aes-128-icm",
                     "srtp-auth", G_TYPE_STRING, "hmac-sha1-80",
                     "srtcp-cipher", G_TYPE_STRING, "aes-128-icm",
                     "srtcp-auth", G_TYPE_STRING, "hmac-sha1-80",
                     NULL);
}

/* rtpbin asks for the encoder of a session and looks for its src pad
 * first; srtpenc has one only once the matching sink pad was requested.
 * One srtpenc serves RTP and RTCP alike, through pads of each kind. */
static GstElement *
request_encoder (GstElement *encoder,
                 const char *kind,
                 guint       session)
{
  g_autofree char *name = g_strdup_printf ("%s_sink_%u", kind, session);
  g_autoptr(GstPad) sink = gst_element_get_static_pad (encoder, name);

  if (sink == NULL)
    sink = gst_element_request_pad_simple (encoder, name);
  return gst_object_ref (encoder);
}

static GstElement *
on_request_rtp_encoder (GstElement *rtpbin,
                        guint       session,
                        gpointer    user_data)
{
  return request_encoder (user_data, "rtp", session);
}

static GstElement *
on_request_rtcp_encoder (GstElement *rtpbin,
                         guint       session,
                         gpointer    user_data)
{
  return request_encoder (user_data, "rtcp", session);
}

static GstElement *
on_request_decoder (GstElement *rtpbin,
                    guint       session,
                    gpointer    user_data)
{
  return gst_object_ref (GST_ELEMENT (user_data));
}

static GstCaps *
on_request_key (GstElement *srtpdec,
                guint       ssrc,
                gpointer    user_data)
{
  GstCaps *caps = gst_caps_new_empty_simple ("application/x-srtp");
  g_autoptr(GstBuffer) key = key_buffer (user_data);

  /* A new SSRC from the far end: the same SDES key covers all of them. */
  set_suite (gst_caps_get_structure (caps, 0), key);
  return caps;
}

void
md_media_srtp_setup (GstElement *rtpbin,
                     const char *send_key,
                     const char *recv_key)
{
  GstElement *encoder = gst_element_factory_make ("srtpenc", NULL);
  GstElement *decoder = gst_element_factory_make ("srtpdec", NULL);
  g_autoptr(GstBuffer) key = key_buffer (send_key);

  if (encoder == NULL || decoder == NULL)
    {
      g_critical ("GStreamer's srtpenc/srtpdec are missing (gstreamer1.0-plugins-bad)");
      return;
    }
  g_object_set (encoder, "key", key, NULL);
  gst_util_set_object_arg (G_OBJECT (encoder), "rtp-cipher", "aes-128-icm");
  gst_util_set_object_arg (G_OBJECT (encoder), "rtp-auth", "hmac-sha1-80");
  gst_util_set_object_arg (G_OBJECT (encoder), "rtcp-cipher", "aes-128-icm");
  gst_util_set_object_arg (G_OBJECT (encoder), "rtcp-auth", "hmac-sha1-80");
  g_signal_connect_data (decoder, "request-key", G_CALLBACK (on_request_key),
                         g_strdup (recv_key), free_closure_string, 0);

  /* The closures own one reference each and hand out new ones. */
  gst_object_ref_sink (encoder);
  gst_object_ref_sink (decoder);
  g_signal_connect_data (rtpbin, "request-rtp-encoder", G_CALLBACK (on_request_rtp_encoder),
                         gst_object_ref (encoder), unref_closure_object, 0);
  g_signal_connect_data (rtpbin, "request-rtcp-encoder", G_CALLBACK (on_request_rtcp_encoder),
                         encoder, unref_closure_object, 0);
  g_signal_connect_data (rtpbin, "request-rtp-decoder", G_CALLBACK (on_request_decoder),
                         gst_object_ref (decoder), unref_closure_object, 0);
  g_signal_connect_data (rtpbin, "request-rtcp-decoder", G_CALLBACK (on_request_decoder),
                         decoder, unref_closure_object, 0);
}

GstCaps *
md_media_srtp_caps (GstCaps    *rtp_caps,
                    const char *recv_key,
                    gboolean    rtcp)
{
  g_autoptr(GstBuffer) key = key_buffer (recv_key);
  GstCaps *caps = rtp_caps != NULL && !rtcp ? gst_caps_copy (rtp_caps)
                                            : gst_caps_new_empty_simple ("application/x-srtcp");
  GstStructure *structure = gst_caps_get_structure (caps, 0);

  gst_structure_set_name (structure, rtcp ? "application/x-srtcp" : "application/x-srtp");
  set_suite (structure, key);
  return caps;
}
