/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A QR code of @text (a `tel:` link) for a phone's camera: black modules on
 * white with the quiet zone the standard asks for, @module_px pixels each.
 * NULL with an error when @text does not fit in a QR code. */
GdkTexture *md_qr_code_new_texture (const char  *text,
                                    guint        module_px,
                                    GError     **error);

G_END_DECLS
