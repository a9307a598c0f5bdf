/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-lookup"

#include "config.h"

#include "md-lookup-error.h"

G_DEFINE_QUARK (md-lookup-error-quark, md_lookup_error)

const char *
md_lookup_error_code_name (int code)
{
  static const char * const names[] = {
    [MD_LOOKUP_ERROR_BAD_INPUT] = "bad-input",
    [MD_LOOKUP_ERROR_NO_DIAL_IN] = "no-dial-in",
    [MD_LOOKUP_ERROR_AUTH] = "auth",
    [MD_LOOKUP_ERROR_NOT_FOUND] = "not-found",
    [MD_LOOKUP_ERROR_RATE_LIMITED] = "rate-limited",
    [MD_LOOKUP_ERROR_MALFORMED_RESPONSE] = "malformed-response",
    [MD_LOOKUP_ERROR_TIMEOUT] = "timeout",
    [MD_LOOKUP_ERROR_NETWORK] = "network",
    [MD_LOOKUP_ERROR_NO_TOKEN] = "no-token",
  };

  if (code < 0 || (gsize) code >= G_N_ELEMENTS (names))
    return "unknown";
  return names[code];
}
