/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "md-lookup-result.h"
#include "md-provider-api.h"

G_BEGIN_DECLS

/* Asks the Whereby API (@api) for the dial-in of the meeting @reference (see
 * md-whereby-client.c for what a reference may be). Blocks: call it from a
 * worker thread. @country picks the preferred number. */
MdLookupResult *md_whereby_lookup (MdProviderApi  *api,
                                const char     *reference,
                                const char     *country,
                                GCancellable   *cancellable,
                                GError        **error);

G_END_DECLS
