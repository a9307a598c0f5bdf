/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Meeting providers whose invitations and dial strings Meetdial knows. */
typedef enum {
  MD_PROVIDER_GENERIC,
  MD_PROVIDER_ZOOM,
  MD_PROVIDER_TEAMS,
  MD_PROVIDER_MEET,
  MD_PROVIDER_WEBEX,
  MD_PROVIDER_GOTOMEETING,
  MD_PROVIDER_WHEREBY,
  MD_PROVIDER_DAILY,
} MdProvider;

/* "zoom", "teams", … as in `--json` output. */
const char *md_provider_to_string   (MdProvider  provider);

/* The provider named @name; FALSE when there is none by that name. */
gboolean    md_provider_from_string (const char *name,
                                     MdProvider *provider);

/* The name a person reads ("Whereby"). */
const char *md_provider_display_name (MdProvider provider);

/* The canonical `tel:` link for @number (E.164) with the provider's own
 * convention for @pin and @passcode (PROVIDERS.md); either may be NULL. */
char       *md_provider_build_dial  (MdProvider  provider,
                                     const char *number,
                                     const char *pin,
                                     const char *passcode);

G_END_DECLS
