/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "media-test-util.h"

#include <math.h>
#include <string.h>

static guint32
read_le32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

static guint16
read_le16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

TestWav *
test_wav_load (const char *path)
{
  g_autofree guint8 *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TestWav) wav = g_new0 (TestWav, 1);
  gsize length = 0, offset = 12;
  gboolean have_format = FALSE;
  guint bits = 0;

  g_file_get_contents (path, (char **) &data, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >=, 44);
  g_assert_true (memcmp (data, "RIFF", 4) == 0);
  g_assert_true (memcmp (data + 8, "WAVE", 4) == 0);
  /* A header that was never rewritten at EOS says 0 or a placeholder here. */
  g_assert_cmpuint (read_le32 (data + 4), ==, length - 8);

  while (offset + 8 <= length)
    {
      const guint8 *chunk = data + offset;
      guint32 size = read_le32 (chunk + 4);

      g_assert_cmpuint (offset + 8 + size, <=, length);
      if (memcmp (chunk, "fmt ", 4) == 0)
        {
          g_assert_cmpuint (read_le16 (chunk + 8), ==, 1); /* PCM */
          wav->channels = read_le16 (chunk + 10);
          wav->rate = read_le32 (chunk + 12);
          bits = read_le16 (chunk + 22);
          have_format = TRUE;
        }
      else if (memcmp (chunk, "data", 4) == 0)
        {
          gsize frame;

          g_assert_true (have_format);
          g_assert_cmpuint (bits, ==, 16);
          g_assert_cmpuint (wav->channels, >=, 1);
          frame = 2 * wav->channels;
          wav->n_samples = size / frame;
          wav->samples = g_new0 (gint16, MAX (wav->n_samples, 1));
          for (gsize i = 0; i < wav->n_samples; i++)
            wav->samples[i] = (gint16) read_le16 (chunk + 8 + i * frame);
        }
      offset += 8 + size + (size & 1);
    }
  g_assert_true (have_format);
  g_assert_nonnull (wav->samples);
  return g_steal_pointer (&wav);
}

void
test_wav_free (TestWav *wav)
{
  g_free (wav->samples);
  g_free (wav);
}

double
test_wav_power_at (const TestWav *wav,
                   gsize          first,
                   gsize          n,
                   double         freq_hz)
{
  double coeff = 2.0 * cos (2.0 * G_PI * freq_hz / wav->rate);
  double s1 = 0, s2 = 0;

  g_assert_cmpuint (first + n, <=, wav->n_samples);
  for (gsize i = first; i < first + n; i++)
    {
      double s0 = wav->samples[i] / 32768.0 + coeff * s1 - s2;

      s2 = s1;
      s1 = s0;
    }
  return (s1 * s1 + s2 * s2 - coeff * s1 * s2) / ((double) n * n);
}

double
test_wav_dominant (const TestWav *wav,
                   gsize          first,
                   gsize          n,
                   double         low_hz,
                   double         high_hz)
{
  double best_freq = 0, best_power = -1;

  for (double f = low_hz; f <= high_hz; f += 5)
    {
      double power = test_wav_power_at (wav, first, n, f);

      if (power > best_power)
        best_power = power, best_freq = f;
    }
  return best_freq;
}

double
test_wav_rms (const TestWav *wav,
              gsize          first,
              gsize          n)
{
  double sum = 0;

  g_assert_cmpuint (first + n, <=, wav->n_samples);
  for (gsize i = first; i < first + n; i++)
    sum += (double) wav->samples[i] * wav->samples[i];
  return n > 0 ? sqrt (sum / n) : 0;
}
