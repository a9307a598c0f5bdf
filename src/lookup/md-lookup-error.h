/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MD_LOOKUP_ERROR (md_lookup_error_quark ())

/**
 * MdLookupError:
 *
 * Why a lookup found no dial-in. Each code has a stable name for `--json`
 * output (CLI.md), see md_lookup_error_code_name().
 */
typedef enum {
  MD_LOOKUP_ERROR_BAD_INPUT,           /* "bad-input": unreadable invitation or link */
  MD_LOOKUP_ERROR_NO_DIAL_IN,          /* "no-dial-in" */
  MD_LOOKUP_ERROR_AUTH,                /* "auth" */
  MD_LOOKUP_ERROR_NOT_FOUND,           /* "not-found" */
  MD_LOOKUP_ERROR_RATE_LIMITED,        /* "rate-limited" */
  MD_LOOKUP_ERROR_MALFORMED_RESPONSE,  /* "malformed-response" */
  MD_LOOKUP_ERROR_TIMEOUT,             /* "timeout" */
  MD_LOOKUP_ERROR_NETWORK,             /* "network" */
  MD_LOOKUP_ERROR_NO_TOKEN,            /* "no-token" */
} MdLookupError;

GQuark      md_lookup_error_quark     (void);

/* The stable kebab-case name of @code, or "unknown". */
const char *md_lookup_error_code_name (int code);

G_END_DECLS
