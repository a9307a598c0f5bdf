/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What `call` and `listen` share: account loading, events on stdout, keys
 * from stdin, Ctrl+C. */

#include "md-phone.h"

G_BEGIN_DECLS

typedef struct _MdCliSession MdCliSession;

typedef void (*MdCliKeyFunc) (MdCliSession *session, char key, gpointer user_data);

MdCliSession *md_cli_session_new          (gboolean      json_events);
void          md_cli_session_free         (MdCliSession *session);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MdCliSession, md_cli_session_free)

/* The app settings, or NULL (defaults) when the schema is not installed. */
GSettings    *md_cli_session_get_settings (MdCliSession *session);
MdPhone      *md_cli_session_get_phone    (MdCliSession *session);

/* Finds @name (or the default account when NULL), fetches its password from
 * the Secret Service and starts registering. NULL with a printed error.
 * @check: the account registers even if it only calls out (a check of its
 * settings); else such an account is refused, as no call can come in. */
MdSipAccount *md_cli_session_add_account  (MdCliSession *session,
                                           const char   *name,
                                           gboolean      check,
                                           GError      **error);
/* For a call: adds the account at once and looks its password up
 * meanwhile, so that the INVITE need not wait for the Secret Service. If
 * no password can be had, md_cli_session_get_failure() says why and the
 * session is interrupted: the call ends, "no password" its reason. */
MdSipAccount *md_cli_session_add_account_for_call (MdCliSession *session,
                                                   const char   *name,
                                                   GError      **error);
/* What ended the session other than the call itself, or NULL. */
const GError *md_cli_session_get_failure  (MdCliSession *session);

/* Prints one event: {"event": @event, …members…, "t_ms": N} with
 * --json-events, else @human (when not NULL) on stdout. With @event NULL,
 * a line for people only: nothing with --json-events. */
void          md_cli_session_event        (MdCliSession *session,
                                           const char   *human,
                                           const char   *event,
                                           const char   *first_member,
                                           ...) G_GNUC_NULL_TERMINATED;
void          md_cli_session_watch_call   (MdCliSession *session,
                                           MdCall       *call);
/* Prints "registered" / "registration" events as @account's state changes;
 * with @quit_on_final_failure a refused password or server certificate ends
 * the session. */
void          md_cli_session_watch_account (MdCliSession *session,
                                            MdSipAccount *account,
                                            gboolean      quit_on_final_failure);
/* "meetdial-cli: WHAT: the server's certificate could not be verified: …"
 * for @account's failed registration, and how to trust a private CA. */
void          md_cli_print_account_certificate_error (const char   *what,
                                                      MdSipAccount *account);

/* Calls @func for every byte on stdin but newlines, until end of input. */
void          md_cli_session_read_keys    (MdCliSession *session,
                                           MdCliKeyFunc  func,
                                           gpointer      user_data);
/* The key handling `call` and `listen` share: digits, m, h, c (the route
 * keys are md_cli_call_route_key()). */
void          md_cli_session_call_key     (MdCliSession *session,
                                           MdCall       *call,
                                           char          key);

/* Runs the main loop until md_cli_session_quit(); Ctrl+C and SIGTERM call
 * @on_interrupt first (e.g. to hang up). */
void          md_cli_session_run          (MdCliSession *session,
                                           GCallback     on_interrupt,
                                           gpointer      user_data);
/* Shuts the phone down cleanly (BYE, unREGISTER), then ends the loop. */
void          md_cli_session_quit         (MdCliSession *session);

G_END_DECLS
