/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* libre side only: the client TLS context of one SIP stack, with real
 * certificate checks. libre 1.1.0 itself accepts any certificate and sends
 * no host name to check, so this file sets OpenSSL's verification on the
 * context libre hands out, checks the host name in the verify callback and
 * names the server (SNI) when the stack has one host.
 * Runs on the libre thread. */

#include <re.h>

struct md_tls;

/* A context that trusts the system's CA store. */
int md_tls_alloc(struct md_tls **mtp);

/* Also trusts the CA certificates in @ca_file (PEM), for private CAs. */
int md_tls_add_ca(struct md_tls *mt, const char *ca_file);

/* A host name or IP address (an IPv6 one with or without brackets) that a
 * server certificate may name. A stack has one TLS context for all its
 * connections, so a certificate naming any added host is accepted; while
 * the only host is a name, every handshake sends it (SNI). */
int md_tls_add_host(struct md_tls *mt, const char *host);

struct tls *md_tls_context(const struct md_tls *mt);

/* Why the last certificate check failed, or NULL when the last check
 * passed or none failed yet: "untrusted", "expired", "not-yet-valid",
 * "revoked", "wrong-host HOST" or "other OPENSSL-TEXT"; the GLib side puts
 * it in words (md_sip_certificate_dup_reason()). */
const char *md_tls_failure(const struct md_tls *mt);
