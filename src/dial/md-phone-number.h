/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A small C face on libphonenumber. The library's metadata is loaded on the
 * first call, so code paths that never need it never pay for it. */

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when @country_code (e.g. 44) is a country calling code in use. */
gboolean  md_phone_number_is_country_code (guint country_code);

/* Turns @text, a number as written (national form or with a leading '+',
 * visual separators allowed), into E.164 ("+442079460987") using @region
 * (ISO 3166-1 alpha-2, e.g. "GB") for national forms. NULL when it cannot be
 * read as a phone number or would have more than 15 digits. */
char     *md_phone_number_to_e164         (const char *text,
                                           const char *region);

/* Resolves @local_digits against a global prefix such as "+44" or "+4420"
 * (RFC 3966 phone-context), dropping a national trunk prefix where the
 * country uses one. Returns E.164, or NULL when @prefix is not usable. */
char     *md_phone_number_resolve_local   (const char *local_digits,
                                           const char *prefix);

/* @e164 grouped for people to read and check ("+1 646-555-0100"), in the
 * international form; a copy of @e164 when it can't be read as a number. */
char     *md_phone_number_format      (const char *e164);

/* The ISO region of an E.164 number ("US", "CA", "GB"), or NULL when unknown.
 * For +1 this uses the area code, so Canadian numbers give "CA". */
char     *md_phone_number_region          (const char *e164);

/* TRUE when libphonenumber classes @e164 as toll-free. */
gboolean  md_phone_number_is_toll_free    (const char *e164);

/* The country calling code as a string ("1", "44"), or NULL. */
char     *md_phone_number_country_code    (const char *e164);

/* The region whose calling code is @country_code's main country ("GB" for 44). */
char     *md_phone_number_region_for_country_code (guint country_code);

G_END_DECLS
