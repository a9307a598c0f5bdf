/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "md-media-devices.h"

G_BEGIN_DECLS

/* The sound devices calls can use, for both front ends to offer: the
 * system's inputs then outputs as MdMediaDevice; empty when no sound server
 * runs. Asking the sound server can take a moment. */
GPtrArray *md_sound_devices_list        (void);

/* The same without blocking the caller: the sound server is asked in a
 * thread. */
void       md_sound_devices_list_async  (GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
GPtrArray *md_sound_devices_list_finish (GAsyncResult        *result,
                                         GError             **error);

G_END_DECLS
