/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "md-dial-in.h"
#include "md-provider.h"

G_BEGIN_DECLS

#define MD_TYPE_LOOKUP_RESULT (md_lookup_result_get_type ())
G_DECLARE_FINAL_TYPE (MdLookupResult, md_lookup_result, MD, LOOKUP_RESULT, GObject)

/* What a lookup found for one meeting: its dial-in numbers, PIN, passcode
 * and SIP address, read from an invitation or asked from a provider. */
MdLookupResult *md_lookup_result_new           (MdProvider      provider);

MdProvider      md_lookup_result_get_provider  (MdLookupResult *self);
const char     *md_lookup_result_get_title     (MdLookupResult *self);
const char     *md_lookup_result_get_pin       (MdLookupResult *self);
const char     *md_lookup_result_get_passcode  (MdLookupResult *self);
const char     *md_lookup_result_get_sip_uri   (MdLookupResult *self);

void            md_lookup_result_set_title     (MdLookupResult *self,
                                                const char     *title);
/* Keeps only the digits of @pin / @passcode; NULL or no digits clears it. */
void            md_lookup_result_set_pin       (MdLookupResult *self,
                                                const char     *pin);
void            md_lookup_result_set_passcode  (MdLookupResult *self,
                                                const char     *passcode);
void            md_lookup_result_set_sip_uri   (MdLookupResult *self,
                                                const char     *sip_uri);

/* Adds @dial_in unless its number is already listed; then the two are
 * merged and the first one keeps its place. */
void            md_lookup_result_add_dial_in   (MdLookupResult *self,
                                                MdDialIn       *dial_in);
guint           md_lookup_result_get_n_dial_ins (MdLookupResult *self);
MdDialIn       *md_lookup_result_get_dial_in   (MdLookupResult *self,
                                                guint           index);

/* The canonical `tel:` link of number @index (PROVIDERS.md). */
char           *md_lookup_result_dup_dial      (MdLookupResult *self,
                                                guint           index);

/* Picks the number for a caller in @country (ISO code, may be NULL):
 * the first toll-free one there, else the first toll one there, else the
 * first of all. -1 when there are no numbers. */
int             md_lookup_result_choose_preferred (MdLookupResult *self,
                                                   const char     *country);
int             md_lookup_result_get_preferred (MdLookupResult *self);

/* The `--json` document of CLI.md. */
JsonNode       *md_lookup_result_to_json       (MdLookupResult *self);

G_END_DECLS
