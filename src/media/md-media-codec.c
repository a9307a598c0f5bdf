/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-media"

#include "config.h"

#include "md-media-codec.h"
#include "md-media-codec-private.h"

#include <gst/gst.h>

/* Our order of preference: wideband first, then G.711. Element names are what
 * the pipeline builds from; a codec is offered only when all of them exist. */
static const MdMediaCodecInfo codec_table[] = {
  { { "opus", 96, 48000, 2 }, "OPUS", 48000, "opusenc", "rtpopuspay", "rtpopusdepay", "opusdec" },
  { { "G722",  9,  8000, 1 }, "G722", 16000, "avenc_g722", "rtpg722pay", "rtpg722depay", "avdec_g722" },
  { { "PCMU",  0,  8000, 1 }, "PCMU",  8000, "mulawenc", "rtppcmupay", "rtppcmudepay", "mulawdec" },
  { { "PCMA",  8,  8000, 1 }, "PCMA",  8000, "alawenc", "rtppcmapay", "rtppcmadepay", "alawdec" },
};

static MdMediaCodec supported[G_N_ELEMENTS (codec_table)];
static guint n_supported;

void
md_media_ensure_gst (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      gst_init (NULL, NULL);
      g_once_init_leave (&initialized, 1);
    }
}

static gboolean
element_exists (const char *name)
{
  g_autoptr(GstElementFactory) factory = gst_element_factory_find (name);

  return factory != NULL;
}

static gboolean
codec_elements_exist (const MdMediaCodecInfo *info)
{
  return element_exists (info->encoder) && element_exists (info->payloader) &&
         element_exists (info->depayloader) && element_exists (info->decoder);
}

static void
ensure_supported (void)
{
  static gsize probed = 0;

  if (g_once_init_enter (&probed))
    {
      md_media_ensure_gst ();
      for (guint i = 0; i < G_N_ELEMENTS (codec_table); i++)
        {
          if (codec_elements_exist (&codec_table[i]))
            supported[n_supported++] = codec_table[i].codec;
          else
            g_debug ("codec %s left out: a GStreamer element is missing",
                     codec_table[i].codec.encoding);
        }
      g_once_init_leave (&probed, 1);
    }
}

const MdMediaCodecInfo *
md_media_codec_info_lookup (const char *encoding,
                            guint       clock_rate)
{
  g_return_val_if_fail (encoding != NULL, NULL);

  ensure_supported ();
  for (guint i = 0; i < G_N_ELEMENTS (codec_table); i++)
    {
      const MdMediaCodecInfo *info = &codec_table[i];

      if (g_ascii_strcasecmp (info->codec.encoding, encoding) == 0 &&
          info->codec.clock_rate == clock_rate &&
          codec_elements_exist (info))
        return info;
    }
  return NULL;
}

const MdMediaCodec *
md_media_codec_get_supported (guint *n_codecs)
{
  ensure_supported ();
  if (n_codecs != NULL)
    *n_codecs = n_supported;
  return supported;
}

const MdMediaCodec *
md_media_codec_find (const char *encoding,
                     guint       clock_rate)
{
  guint n;
  const MdMediaCodec *codecs;

  g_return_val_if_fail (encoding != NULL, NULL);

  codecs = md_media_codec_get_supported (&n);
  for (guint i = 0; i < n; i++)
    {
      if (g_ascii_strcasecmp (codecs[i].encoding, encoding) == 0 &&
          codecs[i].clock_rate == clock_rate)
        return &codecs[i];
    }
  return NULL;
}
