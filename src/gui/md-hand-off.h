/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Gives the `tel:` link @uri to the system's phone app (the default
 * handler of tel: links, or another one when Meetdial is the default).
 * Fails with G_IO_ERROR_NOT_FOUND when no other app handles tel: links. */
void     md_hand_off_async  (GtkWindow           *parent,
                             const char          *uri,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data);
gboolean md_hand_off_finish (GAsyncResult        *result,
                             GError             **error);

/* Shows @uri as a QR code to scan with a phone, with @number in words. */
void     md_hand_off_show_qr (GtkWindow  *parent,
                              const char *uri,
                              const char *number);

G_END_DECLS
