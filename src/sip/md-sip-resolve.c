/* SPDX-License-Identifier: GPL-3.0-or-later */
/* getaddrinfo() is POSIX, not C11. */
#define _POSIX_C_SOURCE 200809L

#include "md-sip-resolve.h"

#include <netdb.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What the SIP thread and the lookup thread share: plain memory with an
 * atomic count (libre's mem is for one thread), as the lookup thread may
 * finish after its md_resolve is gone. */
struct lookup {
	atomic_int refs;
	pthread_mutex_t lock;
	struct mqueue *mq;        /* NULL once the md_resolve is gone */
	char *name;
	int af;
	int socktype;
	int rc;                   /* getaddrinfo()'s */
	struct sockaddr_storage addr;
};

struct md_resolve {
	struct lookup *lookup;
	struct mqueue *mq;
	uint16_t port;
	enum sip_transp tp;
	md_resolve_h *h;
	void *arg;
};


static bool pl_ends_with(const struct pl *pl, const char *suffix)
{
	size_t n = strlen(suffix);
	struct pl tail;

	if (pl->l < n)
		return false;

	tail.p = pl->p + pl->l - n;
	tail.l = n;

	return !pl_strcasecmp(&tail, suffix);
}


/* Whether the hosts file names @host. The system's resolver answers from
 * it before asking DNS, for every other program too: a name put there, to
 * reach an office server or to override DNS, must count here as well. */
static bool in_hosts_file(const struct pl *host)
{
	FILE *f = fopen(_PATH_HOSTS, "r");
	char line[1024];
	bool found = false;

	if (!f)
		return false;

	while (!found && fgets(line, sizeof(line), f)) {
		char *save = NULL;
		char *word;

		line[strcspn(line, "#\n")] = '\0';
		/* The address, then its names. */
		word = strtok_r(line, " \t", &save);
		while (!found && word &&
		       (word = strtok_r(NULL, " \t", &save)))
			found = !pl_strcasecmp(host, word);
	}

	fclose(f);

	return found;
}


bool md_resolve_by_system(const struct pl *host)
{
	struct sa sa;

	if (!pl_isset(host) || host->p[0] == '[' ||
	    !sa_set(&sa, host, 0))
		return false;

	return !pl_strcasecmp(host, "localhost") ||
	       pl_ends_with(host, ".localhost") ||
	       pl_ends_with(host, ".local") ||
	       !pl_strchr(host, '.') ||
	       in_hosts_file(host);
}


static void lookup_unref(struct lookup *lk)
{
	if (atomic_fetch_sub(&lk->refs, 1) != 1)
		return;

	pthread_mutex_destroy(&lk->lock);
	free(lk->name);
	free(lk);
}


static void *lookup_thread(void *arg)
{
	struct lookup *lk = arg;
	struct addrinfo hints = {
		.ai_family = lk->af,
		.ai_socktype = lk->socktype,
	};
	struct addrinfo *res = NULL;
	int rc;

	rc = getaddrinfo(lk->name, NULL, &hints, &res);
	if (!rc && (!res || res->ai_addrlen > sizeof(lk->addr)))
		rc = EAI_NONAME;

	pthread_mutex_lock(&lk->lock);
	lk->rc = rc;
	if (!rc)
		memcpy(&lk->addr, res->ai_addr, res->ai_addrlen);
	if (lk->mq)
		(void)mqueue_push(lk->mq, 0, NULL);
	pthread_mutex_unlock(&lk->lock);

	if (res)
		freeaddrinfo(res);
	lookup_unref(lk);

	return NULL;
}


static void destructor(void *arg)
{
	struct md_resolve *res = arg;

	if (res->lookup) {
		pthread_mutex_lock(&res->lookup->lock);
		res->lookup->mq = NULL;
		pthread_mutex_unlock(&res->lookup->lock);
		lookup_unref(res->lookup);
	}

	mem_deref(res->mq);
}


/* SIP thread: the lookup thread is done. */
static void done_handler(int id, void *data, void *arg)
{
	struct md_resolve *res = arg;
	struct lookup *lk = res->lookup;
	char reason[160] = "";
	char *route = NULL;
	struct sa sa;
	int err, rc;

	(void)id;
	(void)data;

	pthread_mutex_lock(&lk->lock);
	rc = lk->rc;
	err = rc ? EADDRNOTAVAIL
		 : sa_set_sa(&sa, (struct sockaddr *)&lk->addr);
	pthread_mutex_unlock(&lk->lock);

	if (rc)
		re_snprintf(reason, sizeof(reason), "%s: %s", lk->name,
			    gai_strerror(rc));

	if (!err) {
		sa_set_port(&sa, sip_transp_port(res->tp, res->port));
		err = re_sdprintf(&route, "sip:%J%s", &sa,
				  res->tp == SIP_TRANSP_UDP ? ""
				  : sip_transp_param(res->tp));
	}

	if (err && !reason[0])
		re_snprintf(reason, sizeof(reason), "%s: %m", lk->name, err);

	/* Last: the handler may free @res. */
	res->h(err, route, reason, res->arg);
	mem_deref(route);
}


int md_resolve_route(struct md_resolve **resp, const struct pl *host,
		     uint16_t port, enum sip_transp tp, int af,
		     md_resolve_h *h, void *arg)
{
	struct md_resolve *res;
	struct lookup *lk;
	pthread_attr_t attr;
	pthread_t thread;
	int err;

	if (!resp || !pl_isset(host) || !h)
		return EINVAL;

	res = mem_zalloc(sizeof(*res), destructor);
	if (!res)
		return ENOMEM;

	res->port = port;
	res->tp = tp;
	res->h = h;
	res->arg = arg;

	err = mqueue_alloc(&res->mq, done_handler, res);
	if (err)
		goto out;

	lk = calloc(1, sizeof(*lk));
	if (!lk || !(lk->name = malloc(host->l + 1))) {
		free(lk);
		err = ENOMEM;
		goto out;
	}
	pl_strcpy(host, lk->name, host->l + 1);
	pthread_mutex_init(&lk->lock, NULL);
	atomic_init(&lk->refs, 2);   /* ours, and the lookup thread's */
	lk->mq = res->mq;
	lk->af = af;
	lk->socktype = tp == SIP_TRANSP_UDP ? SOCK_DGRAM : SOCK_STREAM;
	res->lookup = lk;

	/* Nobody waits for it: at shutdown it ends on its own. */
	err = pthread_attr_init(&attr);
	if (!err) {
		(void)pthread_attr_setdetachstate(&attr,
						  PTHREAD_CREATE_DETACHED);
		err = pthread_create(&thread, &attr, lookup_thread, lk);
		pthread_attr_destroy(&attr);
	}
	if (err)
		lookup_unref(lk);   /* the thread's reference */

 out:
	if (err)
		mem_deref(res);
	else
		*resp = res;

	return err;
}


int md_resolve_uri_route(struct md_resolve **resp, const char *uri, int af,
			 md_resolve_h *h, void *arg)
{
	enum sip_transp tp = SIP_TRANSP_UDP;
	struct pl pl, transport;
	struct uri u;
	int err;

	if (!resp || !uri || !h)
		return EINVAL;

	pl_set_str(&pl, uri);
	err = uri_decode(&u, &pl);
	if (err)
		return err;

	if (u.af != AF_UNSPEC || !md_resolve_by_system(&u.host))
		return 0;

	if (!pl_strcasecmp(&u.scheme, "sips"))
		tp = SIP_TRANSP_TLS;
	else if (!msg_param_decode(&u.params, "transport", &transport))
		tp = !pl_strcasecmp(&transport, "tls") ? SIP_TRANSP_TLS
		   : !pl_strcasecmp(&transport, "tcp") ? SIP_TRANSP_TCP
		   : SIP_TRANSP_UDP;

	return md_resolve_route(resp, &u.host, u.port, tp, af, h, arg);
}
