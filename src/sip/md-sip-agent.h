/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "md-sip-account.h"
#include "md-sip-call.h"

G_BEGIN_DECLS

#define MD_SIP_ERROR (md_sip_error_quark ())
GQuark md_sip_error_quark (void);

typedef enum {
  MD_SIP_ERROR_FAILED,
  MD_SIP_ERROR_BAD_ADDRESS,     /* no route to the server, bad host */
  MD_SIP_ERROR_UNSUPPORTED,     /* e.g. a transport we cannot do safely */
  MD_SIP_ERROR_SHUT_DOWN,
} MdSipError;

#define MD_TYPE_SIP_AGENT (md_sip_agent_get_type ())
G_DECLARE_FINAL_TYPE (MdSipAgent, md_sip_agent, MD, SIP_AGENT, GObject)

/* Starts libre (sockets, OpenSSL and its random generator) once per
 * process; FALSE when it cannot start. md_sip_agent_new() waits for it: a
 * front end may run it before, in a thread of its own, so that the first
 * call need not (it takes a few milliseconds). Any thread. */
gboolean      md_sip_library_start            (void);

/* Starts the SIP thread with UDP and TCP bound on @local_address (any free
 * port) and returns without waiting for it: a failure to bind is reported
 * by the first add_account() or call(). Signal "incoming-call"
 * (MdSipCall *call) on the main context. */
MdSipAgent   *md_sip_agent_new                (const char   *local_address,
                                               GError      **error);
/* The local address that routes to @host ("127.0.0.1" for a loopback
 * server), IPv4 where @host has both families; nothing is sent. */
char         *md_sip_agent_pick_local_address (const char   *host,
                                               GError      **error);
const char   *md_sip_agent_get_local_address  (MdSipAgent   *self);
/* Moves SIP to @local_address (the network changed) as soon as no call is
 * being set up: new sockets there, a re-INVITE for each call that runs
 * (its audio goes on: the RTP sockets are on every local address), and
 * every account registers again from there. A move asked for meanwhile
 * replaces this one. */
gboolean      md_sip_agent_move               (MdSipAgent   *self,
                                               const char   *local_address,
                                               GError      **error);
guint         md_sip_agent_get_local_port     (MdSipAgent   *self);

/* Adds an account and starts registering it. */
MdSipAccount *md_sip_agent_add_account        (MdSipAgent               *self,
                                               const MdSipAccountConfig *config,
                                               GError                  **error);
/* The password of an account added with password_later: it registers,
 * and its calls challenged meanwhile go on. Not kept after this call. */
void          md_sip_agent_set_password       (MdSipAgent   *self,
                                               MdSipAccount *account,
                                               const char   *password);
/* Unregisters and forgets @account. */
void          md_sip_agent_remove_account     (MdSipAgent   *self,
                                               MdSipAccount *account);

typedef enum {
  MD_SIP_SRTP_AUTO,     /* when the signalling uses TLS */
  MD_SIP_SRTP_ALWAYS,
  MD_SIP_SRTP_NEVER,
} MdSipSrtpMode;

/* Whether later calls offer SDES-SRTP (the "srtp" setting). */
void          md_sip_agent_set_srtp_mode      (MdSipAgent    *self,
                                               MdSipSrtpMode  mode);

/* Calls @uri (through @account, or directly when NULL) offering our media on
 * @local_rtp_port; gives up after @no_answer_ms of ringing (0: never). */
MdSipCall    *md_sip_agent_call               (MdSipAgent   *self,
                                               MdSipAccount *account,
                                               const char   *uri,
                                               guint         local_rtp_port,
                                               guint         no_answer_ms,
                                               GError      **error);

/* Hangs up every call, unregisters every account and stops the thread. */
void          md_sip_agent_shutdown_async     (MdSipAgent          *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean      md_sip_agent_shutdown_finish    (MdSipAgent          *self,
                                               GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS
