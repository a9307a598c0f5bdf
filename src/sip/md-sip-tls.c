/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libre is built with OpenSSL; this declares tls_openssl_context(). */
#define USE_OPENSSL 1

#include "md-sip-tls.h"

#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum {
	MAX_HOSTS = 8,
};

struct md_tls {
	struct tls *tls;
	char *hosts[MAX_HOSTS];
	size_t n_hosts;
	char failure[160];
};

/* Where the verify callback finds its md_tls on the SSL_CTX. */
static int ctx_index = -1;
static pthread_once_t ctx_index_once = PTHREAD_ONCE_INIT;


static void ctx_index_init(void)
{
	ctx_index = SSL_CTX_get_ex_new_index(0, NULL, NULL, NULL, NULL);
}


static void destructor(void *arg)
{
	struct md_tls *mt = arg;
	SSL_CTX *ctx = tls_openssl_context(mt->tls);

	/* The SIP transport may keep the context a little longer. */
	if (ctx)
		SSL_CTX_set_ex_data(ctx, ctx_index, NULL);

	for (size_t i = 0; i < mt->n_hosts; i++)
		mem_deref(mt->hosts[i]);

	mem_deref(mt->tls);
}


/* Why, as md_tls_failure() gives it: a word the GLib side puts into the
 * user's language (md-sip-certificate.c); OpenSSL's own words after
 * "other " for the rest. */
static void set_failure(struct md_tls *mt, int error)
{
	switch (error) {

	case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
	case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
	case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
	case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
	case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
		str_ncpy(mt->failure, "untrusted", sizeof(mt->failure));
		break;

	case X509_V_ERR_CERT_HAS_EXPIRED:
		str_ncpy(mt->failure, "expired", sizeof(mt->failure));
		break;

	case X509_V_ERR_CERT_NOT_YET_VALID:
		str_ncpy(mt->failure, "not-yet-valid", sizeof(mt->failure));
		break;

	case X509_V_ERR_CERT_REVOKED:
		str_ncpy(mt->failure, "revoked", sizeof(mt->failure));
		break;

	default:
		re_snprintf(mt->failure, sizeof(mt->failure), "other %s",
			    X509_verify_cert_error_string(error));
		break;
	}
}


static bool names_host(X509 *cert, const char *host)
{
	char ip[64];
	size_t len = strlen(host);

	/* "[::1]" as written in a SIP URI */
	if (host[0] == '[' && len > 2 && len < sizeof(ip) + 2) {
		memcpy(ip, host + 1, len - 2);
		ip[len - 2] = '\0';
		return X509_check_ip_asc(cert, ip, 0) == 1;
	}

	if (X509_check_ip_asc(cert, host, 0) == 1)
		return true;

	return X509_check_host(cert, host, len,
			       X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS,
			       NULL) == 1;
}


/* The first host name @cert is for (a DNS name of its subjectAltName,
 * else its Common Name), to tell the user; the server chose it, so only
 * the characters of a host name pass. */
static void first_name(X509 *cert, char *buf, size_t size)
{
	GENERAL_NAMES *names = X509_get_ext_d2i(cert, NID_subject_alt_name,
						NULL, NULL);
	size_t n = 0;

	buf[0] = '\0';
	for (int i = 0; names && i < sk_GENERAL_NAME_num(names); i++) {
		const GENERAL_NAME *name = sk_GENERAL_NAME_value(names, i);

		if (name->type != GEN_DNS)
			continue;

		str_ncpy(buf, (const char *)ASN1_STRING_get0_data(name->d.dNSName),
			 min(size, (size_t)ASN1_STRING_length(name->d.dNSName) + 1));
		break;
	}
	GENERAL_NAMES_free(names);

	if (!buf[0])
		(void)X509_NAME_get_text_by_NID(X509_get_subject_name(cert),
						NID_commonName, buf, (int)size);

	for (n = 0; buf[n]; n++) {
		if (!isalnum((unsigned char)buf[n]) && !strchr(".-*", buf[n]))
			buf[n] = '?';
	}
}


static int verify_handler(int ok, X509_STORE_CTX *store)
{
	SSL *ssl = X509_STORE_CTX_get_ex_data(store,
				SSL_get_ex_data_X509_STORE_CTX_idx());
	struct md_tls *mt = ssl ? SSL_CTX_get_ex_data(SSL_get_SSL_CTX(ssl),
						      ctx_index) : NULL;
	X509 *cert;
	char name[64] = "";

	if (!mt)
		return 0;

	if (!ok) {
		set_failure(mt, X509_STORE_CTX_get_error(store));
		return 0;
	}

	/* The chain is checked link by link; the host only on the leaf. */
	if (X509_STORE_CTX_get_error_depth(store) > 0)
		return 1;

	cert = X509_STORE_CTX_get_current_cert(store);
	for (size_t i = 0; i < mt->n_hosts; i++) {
		if (cert && names_host(cert, mt->hosts[i])) {
			mt->failure[0] = '\0';
			return 1;
		}
	}

	X509_STORE_CTX_set_error(store, X509_V_ERR_HOSTNAME_MISMATCH);
	if (cert)
		first_name(cert, name, sizeof(name));
	re_snprintf(mt->failure, sizeof(mt->failure), "wrong-host %s %s",
		    mt->n_hosts ? mt->hosts[0] : "", name);

	return 0;
}


static bool is_address(const char *host)
{
	struct pl addr;
	struct sa sa;

	pl_set_str(&addr, host);
	if (addr.l > 2 && host[0] == '[' && host[addr.l - 1] == ']') {
		addr.p++;
		addr.l -= 2;
	}

	return sa_set(&sa, &addr, 0) == 0;
}


/* The server name (SNI, RFC 6066) that a server with several certificates
 * picks one by; libre 1.1.0 sends none. libre makes the connections, so
 * which host one is for is not known here: only while the stack has a
 * single host is it certain, and only a name (not an address) is sent. */
static void info_handler(const SSL *ssl, int where, int ret)
{
	struct md_tls *mt;
	SSL *conn = (SSL *)ssl;   /* OpenSSL hands every callback a const */

	(void)ret;

	if (!(where & SSL_CB_HANDSHAKE_START) || SSL_is_server(ssl))
		return;

	mt = SSL_CTX_get_ex_data(SSL_get_SSL_CTX(ssl), ctx_index);
	if (!mt || mt->n_hosts != 1 || is_address(mt->hosts[0]) ||
	    SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name))
		return;

	SSL_set_tlsext_host_name(conn, mt->hosts[0]);
}


/* The hashed directory ($SSL_CERT_DIR, /etc/ssl/certs) is read one CA at
 * a time as a chain needs it; the bundle file would be parsed whole, ~150
 * certificates, before the first handshake. The file only where there is
 * no directory. */
static bool trust_system_cas(SSL_CTX *ctx)
{
	const char *dir = getenv(X509_get_default_cert_dir_env());
	struct stat st;

	if (!dir)
		dir = X509_get_default_cert_dir();

	if (!stat(dir, &st) && S_ISDIR(st.st_mode))
		return SSL_CTX_set_default_verify_dir(ctx) == 1;

	return SSL_CTX_set_default_verify_file(ctx) == 1;
}


int md_tls_alloc(struct md_tls **mtp)
{
	struct md_tls *mt;
	SSL_CTX *ctx;
	int err;

	if (!mtp)
		return EINVAL;

	pthread_once(&ctx_index_once, ctx_index_init);
	if (ctx_index < 0)
		return ENOMEM;

	mt = mem_zalloc(sizeof(*mt), destructor);
	if (!mt)
		return ENOMEM;

	err = tls_alloc(&mt->tls, TLS_METHOD_SSLV23, NULL, NULL);
	if (err)
		goto out;

	ctx = tls_openssl_context(mt->tls);
	if (!ctx) {
		err = ENOSYS;
		goto out;
	}

	/* Nothing older than TLS 1.2 (RFC 8996). */
	SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);

	if (!trust_system_cas(ctx) ||
	    !SSL_CTX_set_ex_data(ctx, ctx_index, mt)) {
		err = ENOMEM;
		goto out;
	}

	SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, verify_handler);
	SSL_CTX_set_info_callback(ctx, info_handler);

 out:
	if (err)
		mem_deref(mt);
	else
		*mtp = mt;

	return err;
}


int md_tls_add_ca(struct md_tls *mt, const char *ca_file)
{
	if (!mt || !ca_file)
		return EINVAL;

	return tls_add_ca(mt->tls, ca_file);
}


int md_tls_add_host(struct md_tls *mt, const char *host)
{
	int err;

	if (!mt || !host || !*host)
		return EINVAL;

	for (size_t i = 0; i < mt->n_hosts; i++) {
		if (!str_casecmp(mt->hosts[i], host))
			return 0;
	}

	if (mt->n_hosts >= MAX_HOSTS)
		return EOVERFLOW;

	err = str_dup(&mt->hosts[mt->n_hosts], host);
	if (!err)
		mt->n_hosts++;

	return err;
}


struct tls *md_tls_context(const struct md_tls *mt)
{
	return mt ? mt->tls : NULL;
}


const char *md_tls_failure(const struct md_tls *mt)
{
	return mt && mt->failure[0] ? mt->failure : NULL;
}
