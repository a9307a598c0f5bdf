/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "md-lookup-result.h"

G_BEGIN_DECLS

/* Finds every dial-in number in normalised invitation @text and adds it to
 * @result, in order of first appearance: E.164 form, country, toll-free flag
 * and label. Meeting IDs, codes, ticket numbers, dates, IP and SIP addresses
 * are left out. A national number whose label names no country is read as a
 * number of @default_region (may be NULL: then it is skipped). */
void md_invite_find_numbers (const char     *text,
                             const char     *default_region,
                             MdLookupResult *result);

/* A dial-in from a number as written (E.164 or national form) and its
 * @label, which names its country and may say it is toll-free; national
 * forms whose label names no country use @default_region. NULL when it is
 * not a phone number. */
MdDialIn *md_invite_make_dial_in (const char *written,
                                  const char *label,
                                  const char *default_region,
                                  gboolean    toll_free);

G_END_DECLS
