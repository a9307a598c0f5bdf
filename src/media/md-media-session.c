/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-media"

#include "config.h"

#include "md-media-session.h"
#include "md-media-codec-private.h"

#include <glib/gi18n.h>

enum {
  PROP_0,
  PROP_MUTED,
  N_PROPS
};

enum {
  SIGNAL_FAILED,
  SIGNAL_FIRST_PACKET,
  N_SIGNALS
};

static GParamSpec *props[N_PROPS];
static guint signals[N_SIGNALS];

struct _MdMediaSession {
  GObject   parent_instance;

  char     *local_address;
  GSocket  *rtp_socket;
  GSocket  *rtcp_socket;
  guint     local_rtp_port;
  gboolean  muted;
};

G_DEFINE_TYPE (MdMediaSession, md_media_session, G_TYPE_OBJECT)

G_DEFINE_QUARK (md-media-error-quark, md_media_error)

static void
md_media_session_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MdMediaSession *self = MD_MEDIA_SESSION (object);

  switch (prop_id)
    {
    case PROP_MUTED:
      g_value_set_boolean (value, self->muted);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_media_session_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  MdMediaSession *self = MD_MEDIA_SESSION (object);

  switch (prop_id)
    {
    case PROP_MUTED:
      md_media_session_set_muted (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_media_session_dispose (GObject *object)
{
  md_media_session_stop (MD_MEDIA_SESSION (object));

  G_OBJECT_CLASS (md_media_session_parent_class)->dispose (object);
}

static void
md_media_session_finalize (GObject *object)
{
  MdMediaSession *self = MD_MEDIA_SESSION (object);

  g_free (self->local_address);

  G_OBJECT_CLASS (md_media_session_parent_class)->finalize (object);
}

static void
md_media_session_class_init (MdMediaSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = md_media_session_get_property;
  object_class->set_property = md_media_session_set_property;
  object_class->dispose = md_media_session_dispose;
  object_class->finalize = md_media_session_finalize;

  props[PROP_MUTED] =
    g_param_spec_boolean ("muted", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);

  signals[SIGNAL_FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
  signals[SIGNAL_FIRST_PACKET] =
    g_signal_new ("first-packet", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
md_media_session_init (MdMediaSession *self)
{
}

MdMediaSession *
md_media_session_new (const char  *local_address,
                      GError     **error)
{
  g_return_val_if_fail (local_address != NULL, NULL);

  md_media_ensure_gst ();
  g_set_error (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_FAILED,
               _("Audio for calls is not available yet."));
  return NULL;
}

const char *
md_media_session_get_local_address (MdMediaSession *self)
{
  g_return_val_if_fail (MD_IS_MEDIA_SESSION (self), NULL);

  return self->local_address;
}

guint
md_media_session_get_local_rtp_port (MdMediaSession *self)
{
  g_return_val_if_fail (MD_IS_MEDIA_SESSION (self), 0);

  return self->local_rtp_port;
}

gboolean
md_media_session_start (MdMediaSession       *self,
                        const MdMediaParams  *params,
                        const char           *mic_spec,
                        const char           *speaker_spec,
                        GError              **error)
{
  g_set_error (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_FAILED,
               _("Audio for calls is not available yet."));
  return FALSE;
}

gboolean
md_media_session_update (MdMediaSession       *self,
                         const MdMediaParams  *params,
                         GError              **error)
{
  g_set_error (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_FAILED,
               _("Audio for calls is not available yet."));
  return FALSE;
}

void
md_media_session_set_muted (MdMediaSession *self,
                            gboolean        muted)
{
  g_return_if_fail (MD_IS_MEDIA_SESSION (self));

  muted = !!muted;
  if (self->muted == muted)
    return;
  self->muted = muted;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_MUTED]);
}

gboolean
md_media_session_get_muted (MdMediaSession *self)
{
  g_return_val_if_fail (MD_IS_MEDIA_SESSION (self), FALSE);

  return self->muted;
}

void
md_media_session_send_dtmf_async (MdMediaSession      *self,
                                  char                 digit,
                                  MdDtmfMethod         method,
                                  guint                duration_ms,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, md_media_session_send_dtmf_async);
  g_task_return_new_error (task, MD_MEDIA_ERROR, MD_MEDIA_ERROR_FAILED,
                           _("Audio for calls is not available yet."));
}

gboolean
md_media_session_send_dtmf_finish (MdMediaSession  *self,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
md_media_session_stop (MdMediaSession *self)
{
  g_return_if_fail (MD_IS_MEDIA_SESSION (self));

  g_clear_object (&self->rtp_socket);
  g_clear_object (&self->rtcp_socket);
}
