/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "md-call-controller.h"

G_BEGIN_DECLS

#define MD_TYPE_APPLICATION (md_application_get_type ())
G_DECLARE_FINAL_TYPE (MdApplication, md_application, MD, APPLICATION, AdwApplication)

/* The single instance of io.github.meetdial.Meetdial; a second launch hands
 * its links to the running one over D-Bus. */
MdApplication *md_application_new          (void);

/* The app's settings; NULL only when the schema is not installed. */
GSettings     *md_application_get_settings (MdApplication *self);

/* Shows a desktop notification unless a Meetdial window has the focus.
 * @id replaces an earlier notification with the same id. */
void           md_application_notify       (MdApplication *self,
                                            const char    *id,
                                            const char    *title,
                                            const char    *body);
void           md_application_withdraw_notification (MdApplication *self,
                                                     const char    *id);

/* The app's calls: current call, history, account. */
MdCallController *md_application_get_calls (MdApplication *self);

/* Calls @dial_uri through the default SIP account and shows the call;
 * @title and @provider (either may be NULL) go into the call history. */
void           md_application_dial         (MdApplication *self,
                                            const char    *dial_uri,
                                            const char    *title,
                                            const char    *provider);

G_END_DECLS
