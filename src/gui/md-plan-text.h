/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "md-dial-plan.h"

G_BEGIN_DECLS

/* What happens after answer, for people: "Wait 4 s · Send 12345#".
 * DTMF digits are shown as "•" unless @reveal; pauses in a row are summed.
 * "Nothing" for a plan with no steps. */
char *md_plan_text_describe (MdDialPlan *plan,
                             gboolean    reveal);

/* "+1 415-555-0100" or "sip:room@example.com": what the plan calls, as a
 * person reads it. */
char *md_plan_text_dup_target (MdDialPlan *plan);

/* "+1 415-555-0100" for "+14155550100"; what is not an international
 * number, as it is. */
char *md_plan_text_dup_number (const char *number);

G_END_DECLS
