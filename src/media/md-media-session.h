/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "md-media-codec.h"
#include "md-ring-tone.h"

G_BEGIN_DECLS

#define MD_MEDIA_ERROR (md_media_error_quark ())
GQuark md_media_error_quark (void);

typedef enum {
  MD_MEDIA_ERROR_FAILED,
  MD_MEDIA_ERROR_BAD_SPEC,
  MD_MEDIA_ERROR_NO_DEVICE,
  MD_MEDIA_ERROR_NETWORK_LOST,
  MD_MEDIA_ERROR_NO_CODEC,
  MD_MEDIA_ERROR_HELD,          /* the far end holds the call: nothing may be sent */
} MdMediaError;

typedef enum {
  MD_DTMF_METHOD_RFC4733,
  MD_DTMF_METHOD_INBAND,
} MdDtmfMethod;

/* Where a session's audio comes from and goes to (DESIGN.md, audio routes). */
typedef enum {
  MD_MEDIA_ROUTE_LOCAL,    /* the mic and speaker the specs name */
  MD_MEDIA_ROUTE_BRIDGE,   /* the bridged session's audio; mic and speaker silent */
  MD_MEDIA_ROUTE_NONE,     /* neither: the user listens and talks on another phone */
} MdMediaRoute;

/* Browser-style processing of computer audio (webrtcdsp); it applies to a
   microphone (the "auto" spec) and to the echo-loop room model, never to
   generated tones or files, which are sent as they are. */
typedef enum {
  MD_MEDIA_DSP_NONE  = 0,
  MD_MEDIA_DSP_ECHO  = 1 << 0,   /* echo cancellation */
  MD_MEDIA_DSP_NOISE = 1 << 1,   /* noise suppression */
  MD_MEDIA_DSP_GAIN  = 1 << 2,   /* automatic gain control */
} MdMediaDsp;

/* What the SDP offer/answer settled on; the media session copies what it keeps. */
typedef struct {
  const char   *remote_address;      /* "127.0.0.1" or "::1" */
  guint         remote_rtp_port;
  guint         remote_rtcp_port;    /* rtp+1 unless a=rtcp said otherwise */
  MdMediaCodec  codec;               /* the one the SDP answer chose */
  int           telephone_event_pt;  /* -1 when telephone-event was not negotiated */
  guint         ptime_ms;            /* 20 */
  gboolean      send;                /* FALSE while held / recvonly / inactive */
  gboolean      receive;
  /* SDES-SRTP, AES_CM_128_HMAC_SHA1_80: base64 master keys (key + salt) of
     our sending side and of the far end's; both "" for plain RTP. Secrets:
     never logged. */
  char          srtp_send_key[48];
  char          srtp_recv_key[48];
} MdMediaParams;

#define MD_TYPE_MEDIA_SESSION (md_media_session_get_type ())
G_DECLARE_FINAL_TYPE (MdMediaSession, md_media_session, MD, MEDIA_SESSION, GObject)

/* Binds an even RTP port and the next odd port for RTCP on @local_address (symmetric RTP:
   the same sockets send and receive). No pipeline runs yet. */
MdMediaSession *md_media_session_new            (const char *local_address, GError **error);
/* The same on a pair md_media_bind_rtp_pair() bound (md-media-sockets.h);
   takes both sockets, also when it fails. */
MdMediaSession *md_media_session_new_for_sockets (const char *local_address, GSocket *rtp_socket,
                                                  GSocket *rtcp_socket, GError **error);
const char     *md_media_session_get_local_address (MdMediaSession *self);
guint           md_media_session_get_local_rtp_port (MdMediaSession *self);
/* mic/speaker SPEC per CLI.md: "auto", "tone:FREQ", "file:PATH.wav", "null". */
gboolean        md_media_session_start          (MdMediaSession *self, const MdMediaParams *params,
                                                 const char *mic_spec, const char *speaker_spec,
                                                 GError **error);
gboolean        md_media_session_update         (MdMediaSession *self, const MdMediaParams *params,
                                                 GError **error);   /* re-INVITE: hold/resume, new address */
void            md_media_session_set_muted      (MdMediaSession *self, gboolean muted);
gboolean        md_media_session_get_muted      (MdMediaSession *self);
/* Whether a digit can go by @method now (audio running, not held, the way
 * of sending usable in this call); if not, why. */
gboolean        md_media_session_can_send_dtmf  (MdMediaSession *self, MdDtmfMethod method,
                                                 GError **error);
/* Sends one digit [0-9*#]: ~100 ms on (@duration_ms), then >= 60 ms of silence before the
   task completes. RFC 4733: start, continuation packets every ptime, 3 end packets, same
   timestamp. INBAND: the DTMF tone pair mixed into the encoded audio (G.711 only). */
void            md_media_session_send_dtmf_async (MdMediaSession *self, char digit, MdDtmfMethod method,
                                                  guint duration_ms, GCancellable *cancellable,
                                                  GAsyncReadyCallback callback, gpointer user_data);
gboolean        md_media_session_send_dtmf_finish (MdMediaSession *self, GAsyncResult *result, GError **error);
/* Before start: which processing the microphone gets (default: none). */
void            md_media_session_set_dsp        (MdMediaSession *self, MdMediaDsp dsp);
/* The devices "auto" opens, by the ids md_media_devices_list() gives; NULL
   or "" follows the system default. During a call, the audio moves to the
   named devices without dropping the call. */
void            md_media_session_set_devices    (MdMediaSession *self, const char *input_id,
                                                 const char *output_id);
/* Takes effect at once, without a gap: the encoder keeps running and the
   old source fades out only after the new one is in. May be set before start. */
void            md_media_session_set_route      (MdMediaSession *self, MdMediaRoute route);
MdMediaRoute    md_media_session_get_route      (MdMediaSession *self);
/* Rings on the speaker before the call's audio starts (MD_RING_TONE_NONE
   stops it; so does start()). Only a system device rings ("auto"): a file
   or null speaker is left to the call's audio alone. A ring that cannot
   play is only logged; the call goes on. */
void            md_media_session_set_ring       (MdMediaSession *self, const char *speaker_spec,
                                                 MdRingToneKind kind);
/* Connects two running sessions: each one's far-end audio becomes the
   other's bridge input (resampled and converted as needed). The route is not
   changed; "bridge-audio" tells when the peer's audio has arrived. Stopping
   either session disconnects them. */
gboolean        md_media_session_bridge         (MdMediaSession *self, MdMediaSession *peer,
                                                 GError **error);
void            md_media_session_unbridge       (MdMediaSession *self);
void            md_media_session_stop           (MdMediaSession *self);  /* idempotent; sockets closed */
/* The jitter buffer's latency now (ms): it adapts to the network, from 40 to
   300 ms, starting at 60. Property "jitter-latency-ms" (notify). */
guint           md_media_session_get_jitter_latency_ms (MdMediaSession *self);
/* Property "rtp-timeout-ms": how long without RTP means the network is lost;
   0 (the default) reads $MEETDIAL_RTP_TIMEOUT_MS, else 8000. Set before start. */

/* Signals (emitted on the main context only):
   "failed"       (GError *error)  — a bus error or RTP stopped arriving for
                                     $MEETDIAL_RTP_TIMEOUT_MS (default 8000 ms; MD_MEDIA_ERROR_NETWORK_LOST);
   "first-packet" ()               — the first RTP packet from the far end arrived;
   "bridge-audio" ()               — after md_media_session_bridge(), the peer's audio
                                     reached this session's bridge input.
   Property "muted" (notify). */

G_END_DECLS
