/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "md-lookup-result.h"
#include "md-provider.h"

G_BEGIN_DECLS

/* Default time a provider API may stay silent before the lookup gives up. */
#define MD_PROVIDER_API_TIMEOUT_MS 10000

#define MD_TYPE_PROVIDER_API (md_provider_api_get_type ())
G_DECLARE_FINAL_TYPE (MdProviderApi, md_provider_api, MD, PROVIDER_API, GObject)

/* A connection to one provider's REST API with one bearer @token. The base
 * URL is the provider's, or $MEETDIAL_<PROVIDER>_API; the timeout is
 * MD_PROVIDER_API_TIMEOUT_MS, or $MEETDIAL_HTTP_TIMEOUT_MS. Its requests
 * block, so it belongs to one worker thread (see md-remote-lookup.h). */
MdProviderApi *md_provider_api_new          (MdProvider      provider,
                                             const char     *token,
                                             GError        **error);

MdProvider     md_provider_api_get_provider (MdProviderApi  *self);

/* GETs @path (already escaped, starting with '/') with @query (already
 * escaped, or NULL) and returns the parsed JSON body. Waits out a 429 as
 * Retry-After says, a bounded number of times. Fails with an
 * MD_LOOKUP_ERROR whose message is a sentence for the user and never
 * contains the token. */
JsonNode      *md_provider_api_get          (MdProviderApi  *self,
                                             const char     *path,
                                             const char     *query,
                                             GCancellable   *cancellable,
                                             GError        **error);

/* Overwrites a token (or a header holding one), then frees it. The lookup
 * layer keeps its own copy of this so it needs nothing from store/. */
void           md_provider_api_free_token   (char           *token);

/* Completes a @result built from this provider's answer: fails with
 * MD_LOOKUP_ERROR_MALFORMED_RESPONSE when it has no usable number or no PIN,
 * else picks the preferred number for @country. */
gboolean       md_provider_api_complete_result (MdProviderApi  *self,
                                                MdLookupResult *result,
                                                const char     *country,
                                                GError        **error);

G_END_DECLS
