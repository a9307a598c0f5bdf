/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Pieces of the dial-string parser shared between its files; not installed. */

#include "md-dial-plan.h"

G_BEGIN_DECLS

typedef enum {
  MD_DIAL_SCHEME_NONE,   /* a bare dial string */
  MD_DIAL_SCHEME_TEL,
  MD_DIAL_SCHEME_CALLTO,
  MD_DIAL_SCHEME_SIP,
  MD_DIAL_SCHEME_SIPS,
} MdDialScheme;

/* Runs the checks that apply to any input, in DESIGN.md's order, up to and
 * including nested-scheme. Returns the percent-decoded text; what follows
 * the scheme (and the `//` of tel:// and callto://) starts at @body_offset. */
char *md_dial_input_read      (const char    *input,
                               MdDialScheme  *scheme,
                               gsize         *body_offset,
                               GError       **error);

/* "“x” (U+0078)"-style description of the character at @p, for messages. */
char *md_dial_describe_char   (const char    *p);

/* Reads a tel:/callto: body or bare dial string into a number and steps;
 * @text is the whole link, for positions in messages. */
gboolean md_dial_tel_parse    (const char        *text,
                               const char        *body,
                               guint              pause_ms,
                               MdDialTargetKind  *kind,
                               char             **number,
                               GArray            *steps,
                               GError           **error);

/* Checks and normalises a sip:/sips: body; returns the whole URI. */
char *md_dial_sip_normalise   (const char    *text,
                               gboolean       secure,
                               GError       **error);

/* Appends a step to @steps (an array of MdDialStep owning their digits). */
void  md_dial_steps_add_pause (GArray     *steps,
                               guint       pause_ms);
void  md_dial_steps_add_wait  (GArray     *steps);
void  md_dial_steps_add_dtmf  (GArray     *steps,
                               const char *digits,
                               gssize      len);

G_END_DECLS
