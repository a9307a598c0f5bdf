/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "md-lookup-result.h"

G_BEGIN_DECLS

/* Reads the PIN (meeting ID, access code, conference ID… as the provider
 * of @result calls it) and the numeric phone passcode from normalised
 * invitation @text into @result, per PROVIDERS.md. Host, chair and
 * moderator codes and alphanumeric web passcodes are never taken. */
void md_invite_find_codes   (const char     *text,
                             MdLookupResult *result);

/* Sets the SIP address of @result from @text: a sip:/sips: URI, or an
 * address offered for video systems ("Dial 123456@example.webex.com"). */
void md_invite_find_sip_uri (const char     *text,
                             MdLookupResult *result);

G_END_DECLS
