/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "md-provider.h"

G_BEGIN_DECLS

/* Which provider an invitation's text comes from: the provider of the
 * first meeting link in it, else the first provider it names, else
 * %MD_PROVIDER_GENERIC. */
MdProvider md_invite_detect_provider (const char *text);

G_END_DECLS
