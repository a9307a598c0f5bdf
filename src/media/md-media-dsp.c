/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-media"

#include "config.h"

#include "md-media-dsp.h"
#include "md-media-util.h"

GstElement *
md_media_dsp_add (GstElement *pipeline,
                  GstElement *upstream,
                  MdMediaDsp  dsp,
                  const char *probe_name)
{
  GstElement *element = md_media_add_element (pipeline, "webrtcdsp", NULL);

  /* Delay-agnostic: the delay from speaker to mic is unknown (Bluetooth,
   * PulseAudio buffering) and drifts; the canceller finds it itself. */
  g_object_set (element,
                "probe", probe_name,
                "echo-cancel", (dsp & MD_MEDIA_DSP_ECHO) != 0,
                "delay-agnostic", TRUE,
                "extended-filter", TRUE,
                "noise-suppression", (dsp & MD_MEDIA_DSP_NOISE) != 0,
                "gain-control", (dsp & MD_MEDIA_DSP_GAIN) != 0,
                "high-pass-filter", TRUE,
                NULL);
  gst_element_link (upstream, element);
  return element;
}

GstElement *
md_media_dsp_add_probe (GstElement *pipeline,
                        const char *probe_name)
{
  return md_media_add_element (pipeline, "webrtcechoprobe", probe_name);
}
