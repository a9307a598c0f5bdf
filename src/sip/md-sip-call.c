/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-sip"

#include "config.h"

#include "md-sip-call.h"
#include "md-sip-private.h"

enum {
  SIGNAL_RINGING,
  SIGNAL_EARLY,
  SIGNAL_ANSWERED,
  SIGNAL_MODIFIED,
  SIGNAL_SILENT,
  SIGNAL_HEARD,
  SIGNAL_DTMF,
  SIGNAL_ENDED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

struct _MdSipCall
{
  GObject         parent_instance;

  MdSipAgent     *agent;          /* weak */
  guint           id;
  gboolean        incoming;
  gboolean        ended;
  char           *remote_uri;
  MdMediaParams   media;
  char           *media_address;
  char           *media_encoding;
  MdSipEndReason  end_reason;
  char           *end_detail;
};

G_DEFINE_TYPE (MdSipCall, md_sip_call, G_TYPE_OBJECT)

static void
md_sip_call_dispose (GObject *object)
{
  MdSipCall *self = MD_SIP_CALL (object);

  g_clear_weak_pointer (&self->agent);

  G_OBJECT_CLASS (md_sip_call_parent_class)->dispose (object);
}

static void
md_sip_call_finalize (GObject *object)
{
  MdSipCall *self = MD_SIP_CALL (object);

  g_free (self->remote_uri);
  g_free (self->media_address);
  g_free (self->media_encoding);
  g_free (self->end_detail);

  G_OBJECT_CLASS (md_sip_call_parent_class)->finalize (object);
}

static void
md_sip_call_class_init (MdSipCallClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const char *plain[] = { "ringing", "early", "answered", "modified", "silent", "heard" };

  object_class->dispose = md_sip_call_dispose;
  object_class->finalize = md_sip_call_finalize;

  for (guint i = 0; i < G_N_ELEMENTS (plain); i++)
    signals[SIGNAL_RINGING + i] =
      g_signal_new (plain[i], G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_DTMF] =
    g_signal_new ("dtmf", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_CHAR);
  signals[SIGNAL_ENDED] =
    g_signal_new ("ended", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
md_sip_call_init (MdSipCall *self)
{
  self->end_detail = g_strdup ("");
  self->media.telephone_event_pt = -1;
}

MdSipCall *
_md_sip_call_new (MdSipAgent *agent,
                  guint       id,
                  gboolean    incoming,
                  const char *remote_uri)
{
  MdSipCall *self = g_object_new (MD_TYPE_SIP_CALL, NULL);

  g_set_weak_pointer (&self->agent, agent);
  self->id = id;
  self->incoming = incoming;
  self->remote_uri = g_strdup (remote_uri);
  return self;
}

guint
_md_sip_call_get_id (MdSipCall *self)
{
  return self->id;
}

void
_md_sip_call_set_media (MdSipCall           *self,
                        const MdMediaParams *params)
{
  g_free (self->media_address);
  g_free (self->media_encoding);
  self->media = *params;
  self->media_address = g_strdup (params->remote_address);
  self->media_encoding = g_strdup (params->codec.encoding);
  self->media.remote_address = self->media_address;
  self->media.codec.encoding = self->media_encoding;
}

void
_md_sip_call_emit (MdSipCall  *self,
                   const char *signal_name)
{
  g_signal_emit_by_name (self, signal_name);
}

void
_md_sip_call_dtmf (MdSipCall *self,
                   char       digit)
{
  g_signal_emit (self, signals[SIGNAL_DTMF], 0, digit);
}

void
_md_sip_call_end (MdSipCall      *self,
                  MdSipEndReason  reason,
                  const char     *detail)
{
  if (self->ended)
    return;

  self->ended = TRUE;
  self->end_reason = reason;
  g_free (self->end_detail);
  self->end_detail = g_strdup (detail ? detail : "");
  g_signal_emit (self, signals[SIGNAL_ENDED], 0);
}

gboolean
md_sip_call_is_incoming (MdSipCall *self)
{
  g_return_val_if_fail (MD_IS_SIP_CALL (self), FALSE);
  return self->incoming;
}

const char *
md_sip_call_get_remote_uri (MdSipCall *self)
{
  g_return_val_if_fail (MD_IS_SIP_CALL (self), NULL);
  return self->remote_uri;
}

const MdMediaParams *
md_sip_call_get_media_params (MdSipCall *self)
{
  g_return_val_if_fail (MD_IS_SIP_CALL (self), NULL);
  return self->media_address ? &self->media : NULL;
}

MdSipEndReason
md_sip_call_get_end_reason (MdSipCall *self)
{
  g_return_val_if_fail (MD_IS_SIP_CALL (self), MD_SIP_END_NONE);
  return self->end_reason;
}

const char *
md_sip_call_get_end_detail (MdSipCall *self)
{
  g_return_val_if_fail (MD_IS_SIP_CALL (self), NULL);
  return self->end_detail;
}

void
md_sip_call_answer (MdSipCall *self,
                    guint      local_rtp_port)
{
  g_return_if_fail (MD_IS_SIP_CALL (self));

  if (self->agent && !self->ended)
    _md_sip_agent_answer (self->agent, self->id, local_rtp_port);
}

void
md_sip_call_hangup (MdSipCall *self)
{
  g_return_if_fail (MD_IS_SIP_CALL (self));

  if (self->agent && !self->ended)
    _md_sip_agent_hangup (self->agent, self->id);
}

void
md_sip_call_hold (MdSipCall *self,
                  gboolean   hold)
{
  g_return_if_fail (MD_IS_SIP_CALL (self));

  if (self->agent && !self->ended)
    _md_sip_agent_hold (self->agent, self->id, hold);
}

void
md_sip_call_send_info_dtmf (MdSipCall *self,
                            char       digit,
                            guint      duration_ms)
{
  g_return_if_fail (MD_IS_SIP_CALL (self));

  if (self->agent && !self->ended)
    _md_sip_agent_info_dtmf (self->agent, self->id, digit, duration_ms);
}
