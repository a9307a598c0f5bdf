/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "md-media-session.h"

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

#define WAIT_TIMEOUT_MS 5000

/* One or two sessions under test; stopped in tear-down even when a test fails. */
typedef struct {
  char            *dir;
  MdMediaSession  *a;
  MdMediaSession  *b;
  guint            first_packets;
  GError          *failure;
  gint64           failed_at_us;
  guint            rtp_timeout_ms;   /* for new sessions; 0: the default */
} Fixture;

void                fixture_set_up    (Fixture            *fixture,
                                       gconstpointer       data);
void                fixture_tear_down (Fixture            *fixture,
                                       gconstpointer       data);
/* Removes @path and everything below it. */
void                fixture_remove_dir (const char        *path);
/* A file name inside the fixture's own temporary directory. */
char               *fixture_path      (Fixture            *fixture,
                                       const char         *name);
/* Iterates the main context until @done returns TRUE; fails after @timeout_ms. */
void                wait_until        (gboolean          (*done) (gpointer),
                                       gpointer            data,
                                       guint               timeout_ms,
                                       const char         *what);
/* Lets audio flow for @ms: the length of a recording, not a synchronisation. */
void                run_for           (guint               ms);
MdMediaParams       params_for        (const MdMediaCodec *codec,
                                       guint               remote_port);
/* A session on @address (127.0.0.1 for new_session()) whose signals are
 * counted in @fixture. */
MdMediaSession     *new_session_at    (Fixture            *fixture,
                                       const char         *address);
MdMediaSession     *new_session       (Fixture            *fixture);
gboolean            both_heard        (gpointer            fixture);
/* Starts A and B against each other and waits until each has heard the other. */
void                start_pair        (Fixture            *fixture,
                                       const MdMediaCodec *codec,
                                       const char         *mic_a,
                                       const char         *speaker_a,
                                       const char         *mic_b,
                                       const char         *speaker_b);
/* The codec, or a failed test naming the packages to install. */
const MdMediaCodec *codec_or_fail     (const char         *encoding,
                                       guint               clock_rate);

/* Reads RTP from a plain socket: what goes on the wire, not what a peer makes of it. */
typedef struct {
  gint64  arrival_us;
  guint8  pt;
  gboolean marker;
  guint16 seq;
  guint32 timestamp;
  guint32 ssrc;
  guint8  payload[4];
  gsize   payload_len;
} WirePacket;

typedef struct {
  GSocket *socket;
  GArray  *packets;
} WireTap;

/* A UDP socket on 127.0.0.1 that records every RTP packet sent to it. */
WireTap            *wire_tap_new      (GSource           **source_out);
void                wire_tap_free     (WireTap            *tap,
                                       GSource            *source);
guint               wire_tap_port     (WireTap            *tap);

/* Forwards UDP packets from its own port to @dest_port on 127.0.0.1, each
 * after a random delay up to @max_delay_ms: network jitter (and reordering)
 * between two real sessions. */
typedef struct _JitterRelay JitterRelay;

JitterRelay        *jitter_relay_new  (guint               dest_port,
                                       guint               max_delay_ms);
guint               jitter_relay_port (JitterRelay        *relay);
void                jitter_relay_free (JitterRelay        *relay);

G_END_DECLS
