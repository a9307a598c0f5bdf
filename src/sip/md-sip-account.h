/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  MD_SIP_ACCOUNT_UNREGISTERED,
  MD_SIP_ACCOUNT_REGISTERING,
  MD_SIP_ACCOUNT_REGISTERED,
  MD_SIP_ACCOUNT_WRONG_PASSWORD,
  MD_SIP_ACCOUNT_FAILED,
  /* The server's TLS certificate could not be verified; the status says
   * why. Not retried until the account is added again. */
  MD_SIP_ACCOUNT_CERTIFICATE_FAILED,
} MdSipAccountState;

/* What an account needs to register; the password is only passed through to
 * the SIP thread and never kept in a GObject. */
typedef struct {
  const char *name;
  const char *server;        /* host[:port] */
  const char *user;
  const char *auth_user;     /* signs in with; NULL or "": the user */
  const char *outbound_proxy; /* host[:port] requests go to; NULL or "": the server */
  const char *domain;        /* NULL or "": the server's host */
  const char *international_prefix; /* digits dialled for "+"; NULL or "": "+" */
  const char *display_name;  /* may be NULL */
  const char *transport;     /* "udp", "tcp" or "tls" */
  const char *ca_file;       /* TLS: PEM file of a private CA, or NULL */
  const char *password;
  /* No password yet: md_sip_agent_set_password() gives it. Until then the
   * account does not register, and a call through it that the server
   * challenges waits for it. */
  gboolean    password_later;
  guint       expires_s;     /* 0: 600 */
  /* Never registers (its state stays unregistered): it only calls out. */
  gboolean    no_register;
} MdSipAccountConfig;

#define MD_TYPE_SIP_ACCOUNT (md_sip_account_get_type ())
G_DECLARE_FINAL_TYPE (MdSipAccount, md_sip_account, MD, SIP_ACCOUNT, GObject)

const char        *md_sip_account_get_name   (MdSipAccount *self);
/* The registration state; notify::state fires on every change. */
MdSipAccountState  md_sip_account_get_state  (MdSipAccount *self);
/* The registrar's last answer in words ("403 Forbidden"), or "". */
const char        *md_sip_account_get_status (MdSipAccount *self);
/* "sip:NUMBER@DOMAIN;user=phone": a phone number through this account;
 * "sip:00…@DOMAIN" when the account dials "+" as an international prefix. */
char              *md_sip_account_dup_number_uri (MdSipAccount *self,
                                                  const char   *number);
/* A short stable word for the state: "registered", "wrong-password", … */
const char        *md_sip_account_state_to_string (MdSipAccountState state);

G_END_DECLS
