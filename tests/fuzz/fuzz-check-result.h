/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "md-lookup-result.h"

/* What every lookup result must be, however hostile its source: valid
 * UTF-8, digit-only codes, E.164 numbers, at least one of them. */
void fuzz_check_result (MdLookupResult *result);

/* What every lookup error must be: of the lookup domain, in valid UTF-8. */
void fuzz_check_error (const GError *error);
