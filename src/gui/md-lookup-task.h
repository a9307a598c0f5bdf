/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "md-lookup-result.h"

G_BEGIN_DECLS

/* Finds a meeting's dial-in in @text: a Whereby, Daily or Webex link is
 * asked from the provider's API with the token kept for it; anything else
 * is read as an invitation (text, HTML, .ics or e-mail) in a worker
 * thread. @country (or NULL) picks the preferred number. Errors are
 * MD_LOOKUP_ERROR with a message for people. */
void            md_lookup_task_run_async  (const char          *text,
                                           gsize                length,
                                           const char          *country,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
MdLookupResult *md_lookup_task_run_finish (GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
