/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <gmodule.h>

G_BEGIN_DECLS

/* What the lookup layer needs from libxml2, libical and libsoup, in the
 * meetdial-lookup module (md-invite-html-backend.c, md-invite-ics-backend.c,
 * md-http-backend.c). */
typedef struct {
  char    *(*html_to_text)     (const char *html, gsize length, char **title);
  char    *(*ics_to_text)      (const char *ics, gsize length, char **title,
                                char **alt_description);
  GObject *(*http_session_new) (guint timeout_s, const char *user_agent);
  GBytes  *(*http_get)         (GObject *session, const char *url, const char *authorization,
                                GCancellable *cancellable, guint *status, guint64 *wait_ms,
                                GError **error);
} MdLookupBackends;

const MdLookupBackends *md_lookup_backends_get (GError **error);

/* The module's own names for them. */
char    *md_lookup_html_to_text_impl     (const char *, gsize, char **);
char    *md_lookup_ics_to_text_impl      (const char *, gsize, char **, char **);
GObject *md_lookup_http_session_new_impl (guint, const char *);
GBytes  *md_lookup_http_get_impl         (GObject *, const char *, const char *, GCancellable *,
                                          guint *, guint64 *, GError **);

G_END_DECLS
