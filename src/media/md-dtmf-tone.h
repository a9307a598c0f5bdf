/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gst/gst.h>

G_BEGIN_DECLS

/* Adds a DTMF tone pair into the raw audio (S16, mono) that flows through a
 * pad, from a pad probe: in-band keypad tones with no mixer and no extra
 * thread. Private to src/media. */
typedef struct _MdDtmfTone MdDtmfTone;

MdDtmfTone *md_dtmf_tone_attach  (GstPad     *pad,
                                  guint       rate);
/* Starts the pair at the next buffer; silence() ends it there. */
void        md_dtmf_tone_play    (MdDtmfTone *self,
                                  guint       low_hz,
                                  guint       high_hz);
void        md_dtmf_tone_silence (MdDtmfTone *self);
/* Drops the caller's handle; the probe keeps what it needs until removed. */
void        md_dtmf_tone_free    (MdDtmfTone *self);

G_END_DECLS
