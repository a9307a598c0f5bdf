/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "md-dial-error.h"

G_BEGIN_DECLS

/* Used for a pause (`,` or `p`) when the caller has no setting of its own. */
#define MD_DIAL_DEFAULT_PAUSE_MS 2000

/* Links and dial strings longer than this many bytes are refused. */
#define MD_DIAL_MAX_INPUT_BYTES 256

typedef enum {
  MD_DIAL_TARGET_E164,   /* "+14155550100" */
  MD_DIAL_TARGET_LOCAL,  /* digits with no country: "5550100" */
  MD_DIAL_TARGET_SIP,    /* "sip:room@example.com" */
} MdDialTargetKind;

typedef enum {
  MD_DIAL_STEP_PAUSE,    /* wait pause_ms, counted from answer */
  MD_DIAL_STEP_WAIT,     /* wait until the user says go */
  MD_DIAL_STEP_DTMF,     /* send digits, one by one */
} MdDialStepKind;

typedef struct {
  MdDialStepKind kind;
  guint          pause_ms;  /* MD_DIAL_STEP_PAUSE only */
  char          *digits;    /* MD_DIAL_STEP_DTMF only: [0-9*#]+ */
} MdDialStep;

#define MD_TYPE_DIAL_PLAN (md_dial_plan_get_type ())
G_DECLARE_FINAL_TYPE (MdDialPlan, md_dial_plan, MD, DIAL_PLAN, GObject)

/* Reads a tel:, sip:, sips: or callto: link, or a bare dial string, into a
 * target and the steps to run after answer. Each pause lasts @pause_ms.
 * On failure sets an %MD_DIAL_ERROR whose message names the bad part. */
MdDialPlan       *md_dial_plan_parse          (const char *input,
                                               guint       pause_ms,
                                               GError    **error);

MdDialTargetKind  md_dial_plan_get_target_kind (MdDialPlan *self);

/* The E.164 number or local digits; NULL for a SIP target. */
const char       *md_dial_plan_get_number     (MdDialPlan *self);

/* The normalised SIP URI; NULL for a phone number. */
const char       *md_dial_plan_get_sip_uri    (MdDialPlan *self);

/* The SIP URI's host, to look up: "sip:room@host:5062;transport=tcp" →
 * "host", "[::1]" → "::1"; NULL for a phone number. */
char             *md_dial_plan_dup_sip_host   (MdDialPlan *self);

guint             md_dial_plan_get_n_steps    (MdDialPlan *self);
const MdDialStep *md_dial_plan_get_step       (MdDialPlan *self,
                                               guint       index);

/* The canonical link for this plan ("tel:+14155550100,,123#"), with `,` for
 * each pause and `;` for each wait. */
char             *md_dial_plan_to_uri         (MdDialPlan *self);

/* Like md_dial_plan_to_uri() but every DTMF digit is shown as "•", for logs
 * and events. */
char             *md_dial_plan_to_masked_uri  (MdDialPlan *self);

/* Every DTMF digit of the plan joined ("123456789#"); empty when none. */
char             *md_dial_plan_dup_all_digits (MdDialPlan *self);

G_END_DECLS
