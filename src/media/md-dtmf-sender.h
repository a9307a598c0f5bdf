/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <gst/gst.h>

#include "md-media-session.h"

G_BEGIN_DECLS

/* Plays DTMF digits into a running media pipeline, one at a time: as RFC 4733
 * telephone-event packets through an appsrc, or as in-band tone pairs added
 * to the raw audio before the encoder. Private to src/media. */
#define MD_TYPE_DTMF_SENDER (md_dtmf_sender_get_type ())
G_DECLARE_FINAL_TYPE (MdDtmfSender, md_dtmf_sender, MD, DTMF_SENDER, GObject)

/* The RFC 4733 event code of @digit (0-9, * = 10, # = 11), or -1. */
int           md_dtmf_event_code              (char digit);
/* The low and high frequencies of @digit's tone pair; FALSE if not a digit. */
gboolean      md_dtmf_tone_pair               (char   digit,
                                               guint *low_hz,
                                               guint *high_hz);

MdDtmfSender *md_dtmf_sender_new              (GstElement *pipeline,
                                               guint       ptime_ms);
/* Where telephone-events go; @payload_type -1 when none were negotiated. */
void          md_dtmf_sender_set_rtp          (MdDtmfSender *self,
                                               GstElement   *appsrc,
                                               int           payload_type,
                                               guint         clock_rate);
void          md_dtmf_sender_set_payload_type (MdDtmfSender *self,
                                               int           payload_type);
/* The pad carrying raw S16 mono audio at @rate into a G.711 encoder, where
 * in-band tones are added. */
void          md_dtmf_sender_set_tone_pad     (MdDtmfSender *self,
                                               GstPad       *pad,
                                               guint         rate);
/* Whether digits can go by @method in this call (the far end took
 * telephone-events; in-band needs G.711); if not, why. */
gboolean      md_dtmf_sender_can_send         (MdDtmfSender  *self,
                                               MdDtmfMethod   method,
                                               GError       **error);
void          md_dtmf_sender_send_async       (MdDtmfSender        *self,
                                               char                 digit,
                                               MdDtmfMethod         method,
                                               guint                duration_ms,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean      md_dtmf_sender_send_finish      (MdDtmfSender  *self,
                                               GAsyncResult  *result,
                                               GError       **error);
/* Fails the digit in progress and all queued ones; sends nothing more. */
void          md_dtmf_sender_shutdown         (MdDtmfSender *self);

G_END_DECLS
