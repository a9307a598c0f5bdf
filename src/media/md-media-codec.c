/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-media"

#include "config.h"

#include "md-media-codec.h"
#include "md-media-codec-private.h"

#include <errno.h>
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
static gint probe_done;          /* atomic: supported[] is final */

/* What the probe found at the last start, from the user's cache folder:
 * an outgoing call offers it while GStreamer is still starting. */
static MdMediaCodec remembered[G_N_ELEMENTS (codec_table)];
static guint n_remembered;

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

static char *
remembered_path (void)
{
  return g_build_filename (g_get_user_cache_dir (), "meetdial", "codecs", NULL);
}

/* One "ENCODING/RATE" line per codec, as in SDP's rtpmap. */
static char *
codec_line (const MdMediaCodec *codec)
{
  return g_strdup_printf ("%s/%u", codec->encoding, codec->clock_rate);
}

static void
remember_supported (void)
{
  g_autofree char *path = remembered_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *before = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_supported; i++)
    {
      g_autofree char *line = codec_line (&supported[i]);

      g_string_append_printf (text, "%s\n", line);
    }

  if (g_file_get_contents (path, &before, NULL, NULL) && g_str_equal (before, text->str))
    return;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    g_debug ("Cannot remember the codecs in %s: %s", dir, g_strerror (errno));
  else if (!g_file_set_contents (path, text->str, (gssize) text->len, &error))
    g_debug ("Cannot remember the codecs: %s", error->message);
}

/* Lines that name no codec of ours are left out; the order is ours. */
static void
load_remembered (void)
{
  g_autofree char *path = remembered_path ();
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return;

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; i < G_N_ELEMENTS (codec_table); i++)
    {
      g_autofree char *line = codec_line (&codec_table[i].codec);

      if (g_strv_contains ((const char * const *) lines, line))
        remembered[n_remembered++] = codec_table[i].codec;
    }
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
      g_atomic_int_set (&probe_done, TRUE);
      remember_supported ();
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
md_media_codec_get_offered (guint *n_codecs)
{
  static gsize loaded = 0;

  if (!g_atomic_int_get (&probe_done))
    {
      if (g_once_init_enter (&loaded))
        {
          load_remembered ();
          g_once_init_leave (&loaded, 1);
        }
      if (n_remembered > 0)
        {
          if (n_codecs != NULL)
            *n_codecs = n_remembered;
          return remembered;
        }
    }
  return md_media_codec_get_supported (n_codecs);
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
