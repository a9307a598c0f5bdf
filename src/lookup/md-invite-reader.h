/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "md-lookup-result.h"

G_BEGIN_DECLS

/* Invitations larger than this are refused. */
#define MD_INVITE_MAX_BYTES (16 * 1024 * 1024)

/* Reads an invitation — plain text, an HTML body, an .ics calendar file or
 * a whole e-mail (.eml) — and finds its provider, title, dial-in numbers,
 * PIN, passcode and SIP address. @country (ISO code or NULL) reads national
 * numbers with no country in their label and picks the preferred number.
 * Fails with MD_LOOKUP_ERROR_BAD_INPUT for input that is not an invitation
 * at all, and MD_LOOKUP_ERROR_NO_DIAL_IN when it has no phone number. */
MdLookupResult *md_invite_read (const char  *data,
                                gsize        length,
                                const char  *country,
                                GError     **error);

G_END_DECLS
