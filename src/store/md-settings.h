/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A new reference to the app's settings (schema io.github.meetdial.Meetdial),
 * or NULL with a G_IO_ERROR_NOT_FOUND error that says how to install it. */
GSettings *md_settings_dup (GError **error);

G_END_DECLS
