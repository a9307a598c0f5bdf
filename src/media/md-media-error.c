/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "md-media-session.h"

G_DEFINE_QUARK (md-media-error-quark, md_media_error)
