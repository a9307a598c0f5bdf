/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-media"

#include "config.h"

#include "md-media-codec-private.h"
#include "md-media-devices.h"
#include "md-media-session.h"
#include "md-module.h"

#include <glib/gi18n.h>

/* GStreamer and the libraries behind it (nine of them) cost a start about
 * a millisecond of loading before main(), and a process that only looks up
 * a meeting or lists accounts never needs them. So the media core is the
 * meetdial-media module, and the functions below stand in for it under the
 * same names, forwarding to the module once it is open. The thread that
 * starts GStreamer opens it (md_media_codec_probe(), from md-phone.c); a
 * dial binds its RTP ports first (md-media-sockets.c is linked in too), so
 * the INVITE waits for neither.
 *
 * Builds where LeakSanitizer runs link the media core in instead, and this
 * file is left out (see meson.build). */

/* Functions reached only through a session or a device the module made:
 * the module is open by then. Name, return type, parameters, arguments. */
#define FORWARDED(F, V) \
  F (md_media_session_get_local_address, const char *, (MdMediaSession *self), (self)) \
  F (md_media_session_get_local_rtp_port, guint, (MdMediaSession *self), (self)) \
  F (md_media_session_start, gboolean, \
     (MdMediaSession *self, const MdMediaParams *params, const char *mic_spec, \
      const char *speaker_spec, GError **error), \
     (self, params, mic_spec, speaker_spec, error)) \
  F (md_media_session_update, gboolean, \
     (MdMediaSession *self, const MdMediaParams *params, GError **error), (self, params, error)) \
  V (md_media_session_set_muted, (MdMediaSession *self, gboolean muted), (self, muted)) \
  F (md_media_session_get_muted, gboolean, (MdMediaSession *self), (self)) \
  F (md_media_session_can_send_dtmf, gboolean, \
     (MdMediaSession *self, MdDtmfMethod method, GError **error), (self, method, error)) \
  V (md_media_session_send_dtmf_async, \
     (MdMediaSession *self, char digit, MdDtmfMethod method, guint duration_ms, \
      GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data), \
     (self, digit, method, duration_ms, cancellable, callback, user_data)) \
  F (md_media_session_send_dtmf_finish, gboolean, \
     (MdMediaSession *self, GAsyncResult *result, GError **error), (self, result, error)) \
  V (md_media_session_set_dsp, (MdMediaSession *self, MdMediaDsp dsp), (self, dsp)) \
  V (md_media_session_set_devices, \
     (MdMediaSession *self, const char *input_id, const char *output_id), \
     (self, input_id, output_id)) \
  V (md_media_session_set_route, (MdMediaSession *self, MdMediaRoute route), (self, route)) \
  F (md_media_session_get_route, MdMediaRoute, (MdMediaSession *self), (self)) \
  V (md_media_session_set_ring, \
     (MdMediaSession *self, const char *speaker_spec, MdRingToneKind kind), \
     (self, speaker_spec, kind)) \
  F (md_media_session_bridge, gboolean, \
     (MdMediaSession *self, MdMediaSession *peer, GError **error), (self, peer, error)) \
  V (md_media_session_unbridge, (MdMediaSession *self), (self)) \
  V (md_media_session_stop, (MdMediaSession *self), (self)) \
  F (md_media_session_get_jitter_latency_ms, guint, (MdMediaSession *self), (self)) \
  V (md_media_device_free, (MdMediaDevice *device), (device))

/* Functions that may come first, written out below: they say when the
 * module can't be opened. */
#define FIRST(F, V) \
  F (md_media_session_get_type, GType, (void), ()) \
  F (md_media_session_new, MdMediaSession *, (const char *local_address, GError **error), \
     (local_address, error)) \
  F (md_media_session_new_for_sockets, MdMediaSession *, \
     (const char *local_address, GSocket *rtp_socket, GSocket *rtcp_socket, GError **error), \
     (local_address, rtp_socket, rtcp_socket, error)) \
  F (md_media_devices_list, GPtrArray *, (void), ()) \
  F (md_media_codec_probe, gboolean, (gboolean *available, GError **error), (available, error))

typedef struct {
#define FIELD(name, type, params, args) type (*name) params;
#define VOID_FIELD(name, params, args) void (*name) params;
  FORWARDED (FIELD, VOID_FIELD)
  FIRST (FIELD, VOID_FIELD)
#undef FIELD
#undef VOID_FIELD
} MdMediaCore;

static const MdMediaCore *
get_core (GError **error)
{
  static const MdModuleSymbol symbols[] = {
#define SYMBOL(name, ...) MD_MODULE_SYMBOL (MdMediaCore, name, #name),
    FORWARDED (SYMBOL, SYMBOL)
    FIRST (SYMBOL, SYMBOL)
#undef SYMBOL
  };
  static MdModuleOnce once;
  static MdMediaCore functions;
  const char *why;

  if (!md_module_load_once (&once, "meetdial-media", symbols, G_N_ELEMENTS (symbols),
                            &functions, &why))
    {
      g_set_error (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_FAILED,
                   _("Meetdial is not installed completely: calls can’t have audio (%s)"),
                   why);
      return NULL;
    }
  return &functions;
}

/* For the functions only an open module leads to. */
static const MdMediaCore *
open_core (void)
{
  g_autoptr(GError) error = NULL;
  const MdMediaCore *core = get_core (&error);

  if (core == NULL)
    g_error ("The media core was used before it was opened: %s", error->message);
  return core;
}

#define FORWARD(name, type, params, args) \
  type name params { return open_core ()->name args; }
#define FORWARD_VOID(name, params, args) \
  void name params { open_core ()->name args; }
FORWARDED (FORWARD, FORWARD_VOID)
#undef FORWARD
#undef FORWARD_VOID

GType
md_media_session_get_type (void)
{
  g_autoptr(GError) error = NULL;
  const MdMediaCore *core = get_core (&error);

  if (core == NULL)
    {
      g_critical ("%s", error->message);
      return G_TYPE_INVALID;
    }
  return core->md_media_session_get_type ();
}

MdMediaSession *
md_media_session_new (const char  *local_address,
                      GError     **error)
{
  const MdMediaCore *core = get_core (error);

  return core != NULL ? core->md_media_session_new (local_address, error) : NULL;
}

MdMediaSession *
md_media_session_new_for_sockets (const char  *local_address,
                                  GSocket     *rtp_socket,
                                  GSocket     *rtcp_socket,
                                  GError     **error)
{
  const MdMediaCore *core = get_core (error);

  if (core == NULL)
    {
      g_object_unref (rtp_socket);
      g_object_unref (rtcp_socket);
      return NULL;
    }
  return core->md_media_session_new_for_sockets (local_address, rtp_socket, rtcp_socket, error);
}

GPtrArray *
md_media_devices_list (void)
{
  g_autoptr(GError) error = NULL;
  const MdMediaCore *core = get_core (&error);

  if (core == NULL)
    {
      g_warning ("%s", error->message);
      return g_ptr_array_new ();
    }
  return core->md_media_devices_list ();
}

gboolean
md_media_codec_probe (gboolean  *available,
                      GError   **error)
{
  const MdMediaCore *core = get_core (error);

  return core != NULL && core->md_media_codec_probe (available, error);
}
