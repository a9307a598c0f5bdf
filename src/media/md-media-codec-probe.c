/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-media"

#include "config.h"

#include "md-media-codec-private.h"

#include <gst/gst.h>

/* The GStreamer side of the codecs: which ones can be built here, and how. */

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

gboolean
md_media_codec_probe (gboolean  *available,
                      GError   **error)
{
  g_return_val_if_fail (available != NULL, FALSE);

  md_media_ensure_gst ();
  for (guint i = 0; i < MD_MEDIA_N_CODECS; i++)
    available[i] = codec_elements_exist (&md_media_codec_table[i]);
  return TRUE;
}

const MdMediaCodecInfo *
md_media_codec_info_lookup (const char *encoding,
                            guint       clock_rate)
{
  g_return_val_if_fail (encoding != NULL, NULL);

  md_media_ensure_gst ();
  for (guint i = 0; i < MD_MEDIA_N_CODECS; i++)
    {
      const MdMediaCodecInfo *info = &md_media_codec_table[i];

      if (g_ascii_strcasecmp (info->codec.encoding, encoding) == 0 &&
          info->codec.clock_rate == clock_rate &&
          codec_elements_exist (info))
        return info;
    }
  return NULL;
}
