/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One SIP account as kept in the "sip-accounts" setting. The password is not
 * part of it: it lives in the Secret Service under the account's name. */
#define MD_TYPE_ACCOUNT (md_account_get_type ())
G_DECLARE_FINAL_TYPE (MdAccount, md_account, MD, ACCOUNT, GObject)

#define MD_ACCOUNT_ERROR (md_account_error_quark ())
GQuark md_account_error_quark (void);

typedef enum {
  MD_ACCOUNT_ERROR_INVALID,    /* a bad name, server or transport */
  MD_ACCOUNT_ERROR_NOT_FOUND,
} MdAccountError;

/* Checks every field and says which one is wrong. @domain, @transport
 * ("udp" when NULL) and @display_name may be NULL. @server may be given as
 * providers write it ("sip:host:port;lr", with spaces around): it is kept
 * as "host:port". */
MdAccount  *md_account_new              (const char *name,
                                         const char *server,
                                         const char *user,
                                         const char *domain,
                                         const char *transport,
                                         const char *display_name,
                                         GError    **error);

const char *md_account_get_name         (MdAccount *self);
const char *md_account_get_server       (MdAccount *self);
const char *md_account_get_user         (MdAccount *self);
const char *md_account_get_domain       (MdAccount *self);   /* "" when unset */
const char *md_account_get_transport    (MdAccount *self);
const char *md_account_get_display_name (MdAccount *self);   /* "" when unset */
/* TLS only: a PEM file of the CA that signed the server's certificate, for
 * private CAs (the system's CAs are always trusted); "" when unset. */
const char *md_account_get_ca_file      (MdAccount *self);
/* Sets the CA file (NULL or "": none); it must be a readable regular file
 * and the account's transport TLS. */
gboolean    md_account_set_ca_file      (MdAccount  *self,
                                         const char *ca_file,
                                         GError    **error);
/* The name the account signs in with when the provider gives one apart
 * from the user (an "auth ID", "authorization name"); "" when unset: the
 * user signs in. */
const char *md_account_get_auth_user    (MdAccount *self);
/* Sets it (NULL or "": the user); it may not hold quotes, backslashes or
 * control characters, as it goes into a quoted header field. */
gboolean    md_account_set_auth_user    (MdAccount  *self,
                                         const char *auth_user,
                                         GError    **error);
/* Where the account's requests go first when it is not the server itself
 * (a provider's "outbound proxy"): host and optional port; "" when unset.
 * The server stays the registrar the REGISTER is addressed to. */
const char *md_account_get_outbound_proxy (MdAccount *self);
/* Sets it (NULL or "": none); it must be a host name or address with an
 * optional port, and is taken as the server is. */
gboolean    md_account_set_outbound_proxy (MdAccount  *self,
                                           const char *outbound_proxy,
                                           GError    **error);
/* The digits the provider wants in place of the "+" of an international
 * number (00, 011), for providers that refuse "+"; "" when unset: numbers
 * go as "+" and the digits, as E.164 says. */
const char *md_account_get_international_prefix (MdAccount *self);
/* Sets it (NULL or "": none); up to six digits, spaces around them are
 * taken off. */
gboolean    md_account_set_international_prefix (MdAccount  *self,
                                                 const char *prefix,
                                                 GError    **error);
/* Whether the account registers, so calls to it ring here (TRUE unless
 * set). Off, it only calls out: for a provider that keeps one
 * registration per account, which a desk phone holds. */
gboolean    md_account_get_registers    (MdAccount *self);
void        md_account_set_registers    (MdAccount *self,
                                         gboolean   registers);
/* The host the account's requests go to first, without the port: the
 * outbound proxy's when there is one, else the server's. */
char       *md_account_dup_first_hop_host (MdAccount *self);

/* All stored accounts, in the order they were added. */
GPtrArray  *md_account_list_load        (GSettings  *settings);
/* The account called @name, or NULL with MD_ACCOUNT_ERROR_NOT_FOUND. */
MdAccount  *md_account_list_find        (GSettings  *settings,
                                         const char *name,
                                         GError    **error);
/* Adds @account, or replaces the one with the same name. */
gboolean    md_account_list_save        (GSettings  *settings,
                                         MdAccount  *account,
                                         GError    **error);
/* Removes the account called @name; MD_ACCOUNT_ERROR_NOT_FOUND if none. */
gboolean    md_account_list_remove      (GSettings  *settings,
                                         const char *name,
                                         GError    **error);

G_END_DECLS
