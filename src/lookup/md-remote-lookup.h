/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "md-lookup-result.h"

G_BEGIN_DECLS

/* TRUE when @provider has a REST API Meetdial can ask (Whereby, Daily,
 * Webex). */
gboolean        md_remote_lookup_supports   (MdProvider           provider);

/* The provider of a meeting link whose API can be asked; FALSE for other
 * links and for text that is not an http(s) link. */
gboolean        md_remote_lookup_parse_link (const char          *link,
                                             MdProvider          *provider);

/* Asks @provider's API, with @token, for the dial-in of @reference (a
 * meeting link or the provider's own meeting ID). @country picks the
 * preferred number. The request runs in a worker thread; the token is
 * wiped from memory when done. */
void            md_remote_lookup_async      (MdProvider           provider,
                                             const char          *reference,
                                             const char          *token,
                                             const char          *country,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
MdLookupResult *md_remote_lookup_finish     (GAsyncResult        *result,
                                             GError             **error);

G_END_DECLS
