/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-media"

#include "config.h"

#include "md-media-spec.h"
#include "md-media-session.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#define TONE_VOLUME 0.5

typedef enum {
  SPEC_AUTO,
  SPEC_TONE,
  SPEC_FILE,
  SPEC_NULL,
  SPEC_ECHO_LOOP,
} SpecKind;

#define ECHO_LOOP_MAX_MS 1000

static gboolean
parse_spec (const char  *spec,
            SpecKind    *kind,
            const char **argument,
            GError     **error)
{
  if (spec == NULL || g_strcmp0 (spec, "auto") == 0)
    *kind = SPEC_AUTO;
  else if (g_strcmp0 (spec, "null") == 0)
    *kind = SPEC_NULL;
  else if (g_str_has_prefix (spec, "tone:"))
    *kind = SPEC_TONE, *argument = spec + strlen ("tone:");
  else if (g_str_has_prefix (spec, "file:"))
    *kind = SPEC_FILE, *argument = spec + strlen ("file:");
  else if (g_str_has_prefix (spec, "echo-loop:"))
    *kind = SPEC_ECHO_LOOP, *argument = spec + strlen ("echo-loop:");
  else
    {
      g_set_error (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_BAD_SPEC,
                   _("“%s” is not an audio device: use auto, tone:FREQ, file:PATH.wav or null"),
                   spec);
      return FALSE;
    }

  if (*kind == SPEC_FILE && **argument == '\0')
    {
      g_set_error (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_BAD_SPEC,
                   _("“%s” names no file: write file:PATH.wav"), spec);
      return FALSE;
    }
  return TRUE;
}

static GstElement *
make (const char *factory)
{
  GstElement *element = gst_element_factory_make (factory, NULL);

  /* The codec and element list is checked up front; a missing base plugin
   * here means a broken GStreamer installation, not a user error. */
  if (element == NULL)
    g_critical ("GStreamer element %s is missing", factory);
  return element;
}

/* Exposes @edge's pad @pad_name as @bin's own pad of that name. */
static GstElement *
finish_bin (GstElement *bin,
            GstElement *edge,
            const char *pad_name)
{
  g_autoptr(GstPad) pad = gst_element_get_static_pad (edge, pad_name);

  gst_element_add_pad (bin, gst_ghost_pad_new (pad_name, pad));
  return bin;
}

static GstElement *
make_tone (const char  *spec,
           const char  *argument,
           GError     **error)
{
  GstElement *src;
  char *end = NULL;
  double freq;

  freq = g_ascii_strtod (argument, &end);
  if (end == argument || *end != '\0' || !(freq >= 1.0 && freq <= 20000.0))
    {
      g_set_error (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_BAD_SPEC,
                   _("“%s” is not a tone: write tone:FREQ with FREQ in hertz between 1 and 20000"),
                   spec);
      return NULL;
    }

  src = make ("audiotestsrc");
  g_object_set (src, "is-live", TRUE, "wave", 0 /* sine */, "freq", freq,
                "volume", TONE_VOLUME, NULL);
  return src;
}

static gboolean
check_wav_file (const char  *path,
                GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  char header[12];
  FILE *file;
  size_t n_read;

  file = fopen (path, "rb");
  if (file == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_BAD_SPEC,
                   _("Cannot play “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }
  n_read = fread (header, 1, sizeof header, file);
  fclose (file);

  if (n_read != sizeof header || memcmp (header, "RIFF", 4) != 0 ||
      memcmp (header + 8, "WAVE", 4) != 0)
    {
      g_set_error (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_BAD_SPEC,
                   _("Cannot play “%s”: it is not a WAV file"), display);
      return FALSE;
    }
  return TRUE;
}

static GstElement *
make_file_source (const char  *path,
                  GError     **error)
{
  GstElement *bin, *filesrc, *wavparse, *convert, *resample;

  if (!check_wav_file (path, error))
    return NULL;

  bin = gst_bin_new ("mic-file");
  filesrc = make ("filesrc");
  wavparse = make ("wavparse");
  convert = make ("audioconvert");
  resample = make ("audioresample");
  g_object_set (filesrc, "location", path, NULL);
  gst_bin_add_many (GST_BIN (bin), filesrc, wavparse, convert, resample, NULL);
  gst_element_link_many (filesrc, wavparse, convert, resample, NULL);
  return finish_bin (bin, resample, "src");
}

static GstElement *
make_file_sink (const char  *path,
                GstElement **eos_sink_out,
                GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  GstElement *bin, *convert, *wavenc, *filesink;
  FILE *file;

  /* Fail now, in words, rather than later on the bus. */
  file = fopen (path, "wb");
  if (file == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_BAD_SPEC,
                   _("Cannot record to “%s”: %s"), display, g_strerror (saved_errno));
      return NULL;
    }
  fclose (file);

  bin = gst_bin_new ("speaker-file");
  convert = make ("audioconvert");
  wavenc = make ("wavenc");
  filesink = make ("filesink");
  g_object_set (filesink, "location", path, "sync", FALSE, "async", FALSE, NULL);
  gst_bin_add_many (GST_BIN (bin), convert, wavenc, filesink, NULL);
  gst_element_link_many (convert, wavenc, filesink, NULL);
  *eos_sink_out = filesink;
  return finish_bin (bin, convert, "sink");
}

/* Opens the system device now, so that a missing sound server is reported
 * by start() in words instead of as a bus error later. */
static GstElement *
make_device (const char  *pulse_factory,
             const char  *auto_factory,
             const char  *name,
             const char  *device_id,
             GError     **error)
{
  g_autoptr(GstElementFactory) pulse = gst_element_factory_find (pulse_factory);
  GstElement *device;

  device = make (pulse != NULL ? pulse_factory : auto_factory);
  gst_object_set_name (GST_OBJECT (device), name);
  /* A chosen device (settings); the system default otherwise. */
  if (pulse != NULL && device_id != NULL && *device_id != '\0')
    g_object_set (device, "device", device_id, NULL);
  if (gst_element_set_state (device, GST_STATE_READY) == GST_STATE_CHANGE_FAILURE)
    {
      gst_element_set_state (device, GST_STATE_NULL);
      gst_object_unref (gst_object_ref_sink (device));
      g_set_error (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_NO_DEVICE,
                   _("No sound device is available: start PipeWire or PulseAudio, "
                     "or choose another audio device (tone:FREQ, file:PATH.wav or null)"));
      return NULL;
    }
  return device;
}

/* A room as a test sees it: the mic hears only what the speaker played,
 * @argument ms later. The pipeline feeds the input (by its name); a queue
 * that holds that much audio before it lets any out is the delay. */
static GstElement *
make_echo_loop (const char  *spec,
                const char  *argument,
                GError     **error)
{
  GstElement *bin, *input, *delay, *convert;
  guint64 delay_ms;

  if (!g_ascii_string_to_unsigned (argument, 10, 0, ECHO_LOOP_MAX_MS, &delay_ms, NULL))
    {
      g_set_error (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_BAD_SPEC,
                   _("“%s” is not an echo loop: write echo-loop:MS with MS between 0 and %u"),
                   spec, ECHO_LOOP_MAX_MS);
      return NULL;
    }

  bin = gst_bin_new ("mic-echo-loop");
  input = gst_element_factory_make ("appsrc", MD_MEDIA_SPEC_ECHO_LOOP_INPUT);
  delay = make ("queue");
  convert = make ("audioconvert");
  g_object_set (delay, "min-threshold-time", delay_ms * GST_MSECOND,
                "max-size-time", (delay_ms + 500) * GST_MSECOND,
                "max-size-buffers", 0, "max-size-bytes", 0, NULL);
  /* No caps until the played audio brings its own: a rate change on a
   * running resampler overflows its buffers in GStreamer 1.22 (ASan). */
  g_object_set (input, "is-live", TRUE, "format", GST_FORMAT_TIME,
                "do-timestamp", TRUE, "min-latency", (gint64) 20 * GST_MSECOND,
                "max-latency", (gint64) -1, NULL);
  gst_bin_add_many (GST_BIN (bin), input, delay, convert, NULL);
  gst_element_link_many (input, delay, convert, NULL);
  return finish_bin (bin, convert, "src");
}

gboolean
md_media_spec_is_room (const char *spec)
{
  return spec == NULL || g_strcmp0 (spec, "auto") == 0 || g_str_has_prefix (spec, "echo-loop:");
}

GstElement *
md_media_spec_make_source (const char  *spec,
                           const char  *device_id,
                           gboolean    *is_live_out,
                           GError     **error)
{
  SpecKind kind;
  const char *argument = NULL;
  GstElement *src;

  if (!parse_spec (spec, &kind, &argument, error))
    return NULL;

  *is_live_out = kind != SPEC_FILE;
  switch (kind)
    {
    case SPEC_TONE:
      return make_tone (spec, argument, error);
    case SPEC_FILE:
      return make_file_source (argument, error);
    case SPEC_ECHO_LOOP:
      return make_echo_loop (spec, argument, error);
    case SPEC_NULL:
      src = make ("audiotestsrc");
      g_object_set (src, "is-live", TRUE, "wave", 4 /* silence */, NULL);
      return src;
    case SPEC_AUTO:
    default:
      return make_device ("pulsesrc", "autoaudiosrc", MD_MEDIA_SPEC_MIC_DEVICE, device_id, error);
    }
}

GstElement *
md_media_spec_make_sink (const char  *spec,
                         const char  *device_id,
                         GstElement **eos_sink_out,
                         GError     **error)
{
  SpecKind kind;
  const char *argument = NULL;
  GstElement *sink;

  *eos_sink_out = NULL;
  if (!parse_spec (spec, &kind, &argument, error))
    return NULL;

  switch (kind)
    {
    case SPEC_TONE:
    case SPEC_ECHO_LOOP:
      g_set_error (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_BAD_SPEC,
                   _("“%s” can only be a microphone: use auto, file:PATH.wav or null for the speaker"),
                   spec);
      return NULL;
    case SPEC_FILE:
      return make_file_sink (argument, eos_sink_out, error);
    case SPEC_NULL:
      sink = make ("fakesink");
      g_object_set (sink, "sync", FALSE, "async", FALSE, NULL);
      return sink;
    case SPEC_AUTO:
    default:
      return make_device ("pulsesink", "autoaudiosink", MD_MEDIA_SPEC_SPEAKER_DEVICE, device_id, error);
    }
}
