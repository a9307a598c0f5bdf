/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-media"

#include "config.h"

#include "md-media-codec.h"
#include "md-media-codec-private.h"
#include "md-media-session.h"

#include <errno.h>
#include <glib/gi18n.h>

/* The SDP side of the codecs, without GStreamer: what the SIP layer offers
 * and accepts. Which of them GStreamer can build comes from
 * md_media_codec_probe() (md-media-codec-probe.c). */

static MdMediaCodec supported[MD_MEDIA_N_CODECS];
static guint n_supported;
static char *probe_error;        /* why the probe could not run */
static gint probe_done;          /* atomic: supported[] is final */

/* What the probe found at the last start, from the user's cache folder:
 * an outgoing call offers it while GStreamer is still starting. */
static MdMediaCodec remembered[MD_MEDIA_N_CODECS];
static guint n_remembered;

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
  for (guint i = 0; i < MD_MEDIA_N_CODECS; i++)
    {
      g_autofree char *line = codec_line (&md_media_codec_table[i].codec);

      if (g_strv_contains ((const char * const *) lines, line))
        remembered[n_remembered++] = md_media_codec_table[i].codec;
    }
}

/* The probe runs in the media core, which starts GStreamer for it; when
 * the core can't be loaded, nothing is supported and the remembered list is
 * left as it was. */
static void
ensure_supported (void)
{
  static gsize probed = 0;

  if (g_once_init_enter (&probed))
    {
      gboolean available[MD_MEDIA_N_CODECS] = { FALSE };
      g_autoptr(GError) error = NULL;
      gboolean probed_ok = md_media_codec_probe (available, &error);

      if (!probed_ok)
        probe_error = g_strdup (error->message);
      for (guint i = 0; i < MD_MEDIA_N_CODECS; i++)
        {
          if (available[i])
            supported[n_supported++] = md_media_codec_table[i].codec;
          else if (probed_ok)
            g_debug ("codec %s left out: a GStreamer element is missing",
                     md_media_codec_table[i].codec.encoding);
        }
      g_atomic_int_set (&probe_done, TRUE);
      if (probed_ok)
        remember_supported ();
      g_once_init_leave (&probed, 1);
    }
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

gboolean
md_media_codec_check_supported (GError **error)
{
  ensure_supported ();
  if (n_supported > 0)
    return TRUE;

  if (probe_error != NULL)
    g_set_error_literal (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_NO_CODEC, probe_error);
  else
    g_set_error_literal (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_NO_CODEC,
                         _("No audio codec can be used: GStreamer has none of the elements "
                           "for Opus, G.722 or G.711 (G.711’s are in gstreamer1.0-plugins-good)"));
  return FALSE;
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
