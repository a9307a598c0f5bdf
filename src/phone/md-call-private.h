/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* How MdPhone makes calls; not for front ends. */

#include "md-call.h"

G_BEGIN_DECLS

MdCall *_md_call_new (MdSipCall      *sip_call,
                      MdMediaSession *media,
                      MdDialPlan     *plan,       /* NULL for incoming calls */
                      const char     *mic_spec,
                      const char     *speaker_spec,
                      MdCallDtmfMode  dtmf_mode);
/* The call's audio, for the route switch (md-call-route.c). */
MdMediaSession *_md_call_get_media (MdCall *self);

G_END_DECLS
