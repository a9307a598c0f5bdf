/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MD_DIAL_ERROR (md_dial_error_quark ())

/**
 * MdDialError:
 *
 * Why a link or dial string was rejected. The order is the order in which
 * the checks run (up to %MD_DIAL_ERROR_NESTED_SCHEME); each code has a stable
 * name for machine-readable output, see md_dial_error_code_name().
 */
typedef enum {
  MD_DIAL_ERROR_EMPTY,
  MD_DIAL_ERROR_TOO_LONG,
  MD_DIAL_ERROR_CONTROL_CHARACTER,
  MD_DIAL_ERROR_BAD_PERCENT_ENCODING,
  MD_DIAL_ERROR_UNSUPPORTED_SCHEME,
  MD_DIAL_ERROR_NESTED_SCHEME,
  MD_DIAL_ERROR_NO_NUMBER,
  MD_DIAL_ERROR_LETTERS_IN_NUMBER,
  MD_DIAL_ERROR_INVALID_CHARACTER,
  MD_DIAL_ERROR_NUMBER_TOO_LONG,
  MD_DIAL_ERROR_CREDENTIALS_IN_URI,
  MD_DIAL_ERROR_SIP_HEADERS_NOT_ALLOWED,
  MD_DIAL_ERROR_INVALID_SIP_URI,
} MdDialError;

GQuark      md_dial_error_quark     (void);

/* The stable kebab-case name of @code ("too-long", …), or "unknown". */
const char *md_dial_error_code_name (int code);

G_END_DECLS
