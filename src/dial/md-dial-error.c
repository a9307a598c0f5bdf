/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "md-dial-error.h"

G_DEFINE_QUARK (md-dial-error-quark, md_dial_error)

/* Indexed by MdDialError; these names are a stable part of `parse --json`. */
static const char * const code_names[] = {
  [MD_DIAL_ERROR_EMPTY] = "empty",
  [MD_DIAL_ERROR_TOO_LONG] = "too-long",
  [MD_DIAL_ERROR_CONTROL_CHARACTER] = "control-character",
  [MD_DIAL_ERROR_BAD_PERCENT_ENCODING] = "bad-percent-encoding",
  [MD_DIAL_ERROR_UNSUPPORTED_SCHEME] = "unsupported-scheme",
  [MD_DIAL_ERROR_NESTED_SCHEME] = "nested-scheme",
  [MD_DIAL_ERROR_NO_NUMBER] = "no-number",
  [MD_DIAL_ERROR_LETTERS_IN_NUMBER] = "letters-in-number",
  [MD_DIAL_ERROR_INVALID_CHARACTER] = "invalid-character",
  [MD_DIAL_ERROR_NUMBER_TOO_LONG] = "number-too-long",
  [MD_DIAL_ERROR_CREDENTIALS_IN_URI] = "credentials-in-uri",
  [MD_DIAL_ERROR_SIP_HEADERS_NOT_ALLOWED] = "sip-headers-not-allowed",
  [MD_DIAL_ERROR_INVALID_SIP_URI] = "invalid-sip-uri",
};

const char *
md_dial_error_code_name (int code)
{
  if (code < 0 || (gsize) code >= G_N_ELEMENTS (code_names))
    return "unknown";
  return code_names[code];
}
