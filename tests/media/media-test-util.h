/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A mono 16-bit PCM recording read back from a WAV file. */
typedef struct {
  guint    rate;
  guint    channels;
  gint16  *samples;     /* first channel only */
  gsize    n_samples;
} TestWav;

/* Reads @path and checks that its RIFF/WAVE header is complete and agrees
 * with the file's length; fails the test otherwise. */
TestWav *test_wav_load       (const char    *path);
void     test_wav_free       (TestWav       *wav);

/* Power of @freq_hz in samples [@first, @first + @n) (Goertzel). */
double   test_wav_power_at   (const TestWav *wav,
                              gsize          first,
                              gsize          n,
                              double         freq_hz);
/* The strongest frequency between @low_hz and @high_hz, in 5 Hz steps. */
double   test_wav_dominant   (const TestWav *wav,
                              gsize          first,
                              gsize          n,
                              double         low_hz,
                              double         high_hz);
double   test_wav_rms        (const TestWav *wav,
                              gsize          first,
                              gsize          n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestWav, test_wav_free)

G_END_DECLS
