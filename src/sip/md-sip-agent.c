/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-sip"

#include "config.h"

#include "md-sip-agent.h"
#include "md-sip-private.h"

#include "md-media-codec.h"
#include "md-sip-certificate.h"
#include "md-sip-core.h"
#include "md-sip-stack.h"

#include <glib/gi18n.h>
#include <string.h>

/* re_dbg.h wants these; we only use its print handler. */
#define DEBUG_MODULE "md-sip"
#define DEBUG_LEVEL 0
#include <re_dbg.h>

#include <openssl/ssl.h>

/* This file is the only one that moves data between the libre thread and
 * the GLib main context: commands go in through a libre mqueue as owned
 * MdSipCmd structs, events come out as owned MdSipEvent structs in idle
 * sources on the main context. md-sip-core.c is the libre thread's side;
 * everything here runs on the main context, except md_sip_core_post(). */

struct _MdSipAgent
{
  GObject         parent_instance;

  MdSipCore      *core;
  GThread        *thread;
  gint            next_id;
  MdSipSrtpMode   srtp_mode;
  gboolean        started;        /* the SIP thread reported its start */
  int             start_err;
  gboolean        running;
  char           *local_address;
  guint           local_port;
  GHashTable     *accounts;       /* id → MdSipAccount */
  GHashTable     *calls;          /* id → MdSipCall (until it ends) */
  GList          *shutdown_tasks;
};

G_DEFINE_TYPE (MdSipAgent, md_sip_agent, G_TYPE_OBJECT)

enum {
  SIGNAL_INCOMING_CALL,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

G_DEFINE_QUARK (md-sip-error-quark, md_sip_error)

static gboolean on_event (gpointer data);

void
md_sip_core_post (MdSipCore  *core,
           MdSipEvent *ev)
{
  /* Not g_main_context_invoke(): while nobody iterates the context it would
   * run the callback right here, on the SIP thread. */
  GSource *source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, on_event, ev, md_sip_event_free);
  g_source_attach (source, core->context);
  g_source_unref (source);
}

/* The SIP thread starts while the caller goes on (the password lookup and
 * the media start overlap it); the first use that needs it waits here. */
static gboolean
md_sip_agent_wait_started (MdSipAgent  *self,
                           GError     **error)
{
  MdSipCore *core = self->core;

  if (!self->started)
    {
      g_mutex_lock (&core->lock);
      while (!core->ready)
        g_cond_wait (&core->cond, &core->lock);
      self->start_err = core->start_err;
      g_mutex_unlock (&core->lock);
      self->started = TRUE;

      if (self->start_err != 0)
        {
          self->running = FALSE;
          g_thread_join (g_steal_pointer (&self->thread));
        }
      else
        {
          self->local_port = sa_port (&core->laddr);
          g_debug ("SIP listening on %s port %u", self->local_address, self->local_port);
        }
    }

  if (self->start_err != 0)
    {
      g_set_error (error, MD_SIP_ERROR, MD_SIP_ERROR_FAILED,
                   _("Cannot listen for SIP on %s: %s"), self->local_address,
                   g_strerror (self->start_err));
      return FALSE;
    }

  return TRUE;
}

/* Started, and not shut down since: commands can go to the SIP thread. */
static gboolean
md_sip_agent_accepts_commands (MdSipAgent  *self,
                               GError     **error)
{
  if (!md_sip_agent_wait_started (self, error))
    return FALSE;
  if (!self->running)
    {
      g_set_error (error, MD_SIP_ERROR, MD_SIP_ERROR_SHUT_DOWN, _("SIP has shut down"));
      return FALSE;
    }
  return TRUE;
}

static void
md_sip_agent_push (MdSipAgent   *self,
                   MdSipCmdKind  kind,
                   MdSipCmd     *cmd)
{
  if (!md_sip_agent_wait_started (self, NULL) || !self->running ||
      mqueue_push (self->core->mqueue, (int) kind, cmd) != 0)
    md_sip_cmd_free (cmd);
}

/* An offer may go before GStreamer has started (md_media_codec_get_offered());
 * an answer, which starts the audio at once, names what is there. */
static void
md_sip_agent_fill_codecs (MdSipCmd *cmd,
                          gboolean  offer)
{
  guint n = 0;
  const MdMediaCodec *codecs = offer ? md_media_codec_get_offered (&n)
                                     : md_media_codec_get_supported (&n);

  for (guint i = 0; i < n && cmd->n_codecs < MD_SDP_MAX_CODECS; i++)
    {
      struct md_sdp_codec *c = &cmd->codecs[cmd->n_codecs++];

      g_strlcpy (c->encoding, codecs[i].encoding, sizeof (c->encoding));
      /* Static payload types (0, 8, 9) are kept; others are numbered in the offer. */
      c->pt = codecs[i].payload_type < 96 ? (int) codecs[i].payload_type : -1;
      c->srate = codecs[i].clock_rate;
      c->ch = (uint8_t) codecs[i].channels;
    }
}

static void
md_sip_agent_stopped (MdSipAgent *self)
{
  GList *tasks;

  if (self->thread)
    g_thread_join (g_steal_pointer (&self->thread));
  self->running = FALSE;

  tasks = g_steal_pointer (&self->shutdown_tasks);
  for (GList *l = tasks; l; l = l->next)
    {
      g_task_return_boolean (l->data, TRUE);
      g_object_unref (l->data);
    }
  g_list_free (tasks);
}

static void
md_sip_agent_handle_call_event (MdSipAgent *self,
                                MdSipEvent *ev)
{
  MdSipCall *call = g_hash_table_lookup (self->calls, GUINT_TO_POINTER (ev->id));

  if (!call)
    return;

  if (ev->has_media)
    {
      ev->media.remote_address = ev->remote_address;
      ev->media.codec.encoding = ev->encoding;
      _md_sip_call_set_media (call, &ev->media);
    }

  switch (ev->kind)
    {
    case EV_CALL_RINGING:
      _md_sip_call_emit (call, "ringing");
      break;
    case EV_CALL_EARLY:
      _md_sip_call_emit (call, "early");
      break;
    case EV_CALL_ANSWERED:
      _md_sip_call_emit (call, "answered");
      break;
    case EV_CALL_MODIFIED:
      _md_sip_call_emit (call, "modified");
      break;
    case EV_CALL_SILENT:
      _md_sip_call_emit (call, "silent");
      break;
    case EV_CALL_HEARD:
      _md_sip_call_emit (call, "heard");
      break;
    case EV_CALL_DTMF:
      _md_sip_call_dtmf (call, ev->digit);
      break;
    case EV_CALL_ENDED:
      {
        g_autoptr(MdSipCall) ended = g_object_ref (call);

        g_autofree char *detail = ev->state == MD_SIP_END_CERTIFICATE
                                  ? md_sip_certificate_dup_reason (ev->text)
                                  : g_strdup (ev->text);

        g_hash_table_remove (self->calls, GUINT_TO_POINTER (ev->id));
        _md_sip_call_end (ended, (MdSipEndReason) ev->state, detail);
      }
      break;
    default:
      break;
    }
}

static gboolean
on_event (gpointer data)
{
  MdSipEvent *ev = data;
  g_autoptr(MdSipAgent) self = g_weak_ref_get (&ev->link->agent);
  MdSipAccount *account;

  if (!self)
    return G_SOURCE_REMOVE;

  switch (ev->kind)
    {
    case EV_ACCOUNT_STATE:
      account = g_hash_table_lookup (self->accounts, GUINT_TO_POINTER (ev->id));
      if (account && ev->state == MD_SIP_ACCOUNT_CERTIFICATE_FAILED)
        {
          g_autofree char *reason = md_sip_certificate_dup_reason (ev->text);

          _md_sip_account_set_state (account, (MdSipAccountState) ev->state, reason);
        }
      else if (account)
        _md_sip_account_set_state (account, (MdSipAccountState) ev->state, ev->text);
      break;

    case EV_CALL_INCOMING:
      {
        g_autoptr(MdSipCall) call = _md_sip_call_new (self, ev->id, TRUE, ev->text);

        g_hash_table_insert (self->calls, GUINT_TO_POINTER (ev->id), g_object_ref (call));
        g_signal_emit (self, signals[SIGNAL_INCOMING_CALL], 0, call);
      }
      break;

    case EV_MOVED:
      if (ev->state != 0)
        g_warning ("Cannot move SIP to %s: %s", self->local_address, g_strerror (ev->state));
      else
        {
          self->local_port = ev->id;
          g_debug ("SIP listening on %s port %u", self->local_address, self->local_port);
        }
      break;

    case EV_STOPPED:
      md_sip_agent_stopped (self);
      break;

    default:
      md_sip_agent_handle_call_event (self, ev);
      break;
    }

  return G_SOURCE_REMOVE;
}

/* Ends the thread and waits for it, for when nobody asked to shut down. */
static void
md_sip_agent_stop_now (MdSipAgent *self)
{
  if (!self->thread)
    return;

  md_sip_agent_push (self, CMD_SHUTDOWN, g_new0 (MdSipCmd, 1));
  self->running = FALSE;
  if (self->thread)
    g_thread_join (g_steal_pointer (&self->thread));
}

static void
md_sip_agent_dispose (GObject *object)
{
  MdSipAgent *self = MD_SIP_AGENT (object);

  md_sip_agent_stop_now (self);
  g_clear_pointer (&self->calls, g_hash_table_unref);
  g_clear_pointer (&self->accounts, g_hash_table_unref);

  G_OBJECT_CLASS (md_sip_agent_parent_class)->dispose (object);
}

static void
md_sip_core_free (MdSipCore *core)
{
  g_atomic_rc_box_release_full (core->link, (GDestroyNotify) md_sip_agent_link_clear);
  g_main_context_unref (core->context);
  g_mutex_clear (&core->lock);
  g_cond_clear (&core->cond);
  g_free (core);
}

static void
md_sip_agent_finalize (GObject *object)
{
  MdSipAgent *self = MD_SIP_AGENT (object);

  g_clear_pointer (&self->core, md_sip_core_free);
  g_free (self->local_address);

  G_OBJECT_CLASS (md_sip_agent_parent_class)->finalize (object);
}

static void
md_sip_agent_class_init (MdSipAgentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = md_sip_agent_dispose;
  object_class->finalize = md_sip_agent_finalize;

  signals[SIGNAL_INCOMING_CALL] =
    g_signal_new ("incoming-call", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, MD_TYPE_SIP_CALL);
}

static void
md_sip_agent_init (MdSipAgent *self)
{
  self->next_id = 1;
  self->accounts = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->calls = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
}

/* libre prints its warnings ("tls: connect: error …") to stderr in colour;
 * they go to our debug log instead, so that stderr keeps the one-line errors
 * the CLI promises. Called on either thread; g_debug() is thread-safe. */
static void
on_libre_debug (int         level,
                const char *text,
                size_t      len,
                void       *arg)
{
  while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == '\r'))
    len--;
  g_debug ("libre: %.*s", (int) len, text);
}

static gpointer
md_sip_libre_init (gpointer data)
{
  int err;

  dbg_handler_set (on_libre_debug, NULL);
  /* libre asks OpenSSL to load its error strings, thousands of them, which
   * is about half of OpenSSL's start. They would only ever reach libre's
   * debug messages (codes stand in for them); the words users see about a
   * certificate come from X509_verify_cert_error_string(). */
  OPENSSL_init_ssl (OPENSSL_INIT_NO_LOAD_SSL_STRINGS | OPENSSL_INIT_NO_LOAD_CRYPTO_STRINGS, NULL);
  /* Process-wide (sockets, OpenSSL); libre keeps it until exit. */
  err = libre_init ();
  /* OpenSSL's random generator sets itself up on first use (its providers'
   * names, its seed), which takes longer than the rest of a call's SIP
   * start: here, rather than in the first INVITE's SDP (its session id).
   * Each thread still makes its own generator, quickly, from this one. */
  if (!err)
    (void) rand_u32 ();
  return GINT_TO_POINTER (err);
}

static GOnce libre_once = G_ONCE_INIT;

gboolean
md_sip_library_start (void)
{
  return GPOINTER_TO_INT (g_once (&libre_once, md_sip_libre_init, NULL)) == 0;
}

MdSipAgent *
md_sip_agent_new (const char  *local_address,
                  GError     **error)
{
  g_autoptr(MdSipAgent) self = NULL;
  MdSipCore *core;
  char addr[64];

  g_return_val_if_fail (local_address != NULL, NULL);

  if (!md_sip_library_start ())
    {
      g_set_error (error, MD_SIP_ERROR, MD_SIP_ERROR_FAILED,
                   _("The SIP library could not start"));
      return NULL;
    }

  self = g_object_new (MD_TYPE_SIP_AGENT, NULL);
  core = self->core = g_new0 (MdSipCore, 1);
  core->link = g_atomic_rc_box_new0 (MdSipAgentLink);
  g_weak_ref_init (&core->link->agent, self);
  core->context = g_main_context_ref_thread_default ();
  core->next_id = &self->next_id;
  g_mutex_init (&core->lock);
  g_cond_init (&core->cond);

  if (sa_set_str (&core->laddr, local_address, 0) != 0)
    {
      g_set_error (error, MD_SIP_ERROR, MD_SIP_ERROR_BAD_ADDRESS,
                   _("“%s” is not a local IP address"), local_address);
      return NULL;
    }

  sa_ntop (&core->laddr, addr, sizeof (addr));
  self->local_address = g_strdup (addr);
  self->running = TRUE;
  self->thread = g_thread_new ("md-sip", md_sip_core_thread, core);

  return g_steal_pointer (&self);
}

gboolean
md_sip_agent_move (MdSipAgent  *self,
                   const char  *local_address,
                   GError     **error)
{
  struct sa addr;
  char text[64];
  MdSipCmd *cmd;

  g_return_val_if_fail (MD_IS_SIP_AGENT (self), FALSE);
  g_return_val_if_fail (local_address != NULL, FALSE);

  if (!md_sip_agent_accepts_commands (self, error))
    return FALSE;

  if (sa_set_str (&addr, local_address, 0) != 0)
    {
      g_set_error (error, MD_SIP_ERROR, MD_SIP_ERROR_BAD_ADDRESS,
                   _("“%s” is not a local IP address"), local_address);
      return FALSE;
    }
  sa_ntop (&addr, text, sizeof (text));

  if (g_strcmp0 (text, self->local_address) == 0)
    return TRUE;

  /* Commands keep their order: every call made after this one offers the
   * new address. The SIP thread moves once no call is being set up
   * (core_move()); calls that run follow by re-INVITE. */
  g_debug ("Moving SIP from %s to %s", self->local_address, text);
  g_free (self->local_address);
  self->local_address = g_strdup (text);
  cmd = g_new0 (MdSipCmd, 1);
  cmd->uri = g_strdup (text);
  md_sip_agent_push (self, CMD_MOVE, cmd);
  return TRUE;
}

const char *
md_sip_agent_get_local_address (MdSipAgent *self)
{
  g_return_val_if_fail (MD_IS_SIP_AGENT (self), NULL);
  return self->local_address;
}

guint
md_sip_agent_get_local_port (MdSipAgent *self)
{
  g_return_val_if_fail (MD_IS_SIP_AGENT (self), 0);

  md_sip_agent_wait_started (self, NULL);
  return self->local_port;
}

/* The host of "host", "host:port", "[v6]:port", as the SIP side reads it. */
static char *
md_sip_agent_host_of (const char *server)
{
  const char *end;

  if (server[0] == '[' && (end = strchr (server, ']')))
    return g_strndup (server, (gsize) (end - server + 1));

  end = strchr (server, ':');
  if (end && !strchr (end + 1, ':'))
    return g_strndup (server, (gsize) (end - server));

  return g_strdup (server);
}

/* The host a direct call's TLS server must be: for "sips:" URIs and
 * ";transport=tls" ones; NULL for the others. */
static char *
md_sip_agent_uri_tls_host (const char *uri)
{
  g_autofree char *lower = g_ascii_strdown (uri, -1);
  const char *host;

  if (!g_str_has_prefix (lower, "sips:") && !strstr (lower, ";transport=tls"))
    return NULL;

  host = strchr (uri, '@');
  host = host ? host + 1 : strchr (uri, ':') + 1;
  if (*host == '[')
    return g_strndup (host, strcspn (host, "]") + 1);

  return g_strndup (host, strcspn (host, ":;?>"));
}

/* libre 1.1.0 sends only to "sip:" next hops: a direct "sips:" call goes
 * to its host and port as a "sip:…;transport=tls" route, the Request-URI
 * staying sips:. NULL for other URIs. */
static char *
md_sip_agent_sips_route (const char *uri)
{
  const char *host;

  if (g_ascii_strncasecmp (uri, "sips:", 5) != 0)
    return NULL;

  host = strchr (uri, '@');
  host = host ? host + 1 : uri + 5;
  return g_strdup_printf ("sip:%.*s;transport=tls", (int) strcspn (host, ";?>"), host);
}

MdSipAccount *
md_sip_agent_add_account (MdSipAgent               *self,
                          const MdSipAccountConfig *config,
                          GError                  **error)
{
  MdSipCmd *cmd;
  MdSipAccount *account;
  g_autofree char *domain = NULL;
  enum sip_transp transport = SIP_TRANSP_UDP;

  g_return_val_if_fail (MD_IS_SIP_AGENT (self), NULL);
  g_return_val_if_fail (config && config->name && config->server && config->user, NULL);

  if (!md_sip_agent_accepts_commands (self, error))
    return NULL;

  if (config->transport && md_stack_transp_parse (config->transport, &transport) != 0)
    {
      g_set_error (error, MD_SIP_ERROR, MD_SIP_ERROR_UNSUPPORTED,
                   _("Transport “%s” is not supported (use udp, tcp or tls)"), config->transport);
      return NULL;
    }

  cmd = g_new0 (MdSipCmd, 1);
  cmd->id = (guint) g_atomic_int_add (&self->next_id, 1);
  cmd->server = g_strdup (config->server);
  cmd->user = g_strdup (config->user);
  cmd->auth_user = g_strdup (config->auth_user);
  cmd->outbound_proxy = g_strdup (config->outbound_proxy);
  cmd->domain = g_strdup (config->domain);
  cmd->display_name = g_strdup (config->display_name);
  cmd->password = g_strdup (config->password);
  cmd->flag = config->password_later;
  cmd->transport = transport;
  cmd->expires_s = config->expires_s;
  cmd->no_register = config->no_register;
  if (transport == SIP_TRANSP_TLS)
    {
      cmd->ca_file = g_strdup (config->ca_file);
      /* The connection is to the first hop: its certificate is checked. */
      cmd->tls_host = md_sip_agent_host_of (config->outbound_proxy && *config->outbound_proxy
                                            ? config->outbound_proxy : config->server);
    }

  if (config->domain && *config->domain)
    domain = g_strdup (config->domain);
  else
    domain = md_sip_agent_host_of (config->server);
  account = _md_sip_account_new (self, cmd->id, config->name, domain,
                                 config->international_prefix);
  g_hash_table_insert (self->accounts, GUINT_TO_POINTER (cmd->id), g_object_ref (account));
  md_sip_agent_push (self, CMD_ADD_ACCOUNT, cmd);

  return account;
}

void
md_sip_agent_remove_account (MdSipAgent   *self,
                             MdSipAccount *account)
{
  MdSipCmd *cmd;
  guint id;

  g_return_if_fail (MD_IS_SIP_AGENT (self));
  g_return_if_fail (MD_IS_SIP_ACCOUNT (account));

  id = _md_sip_account_get_id (account);
  cmd = g_new0 (MdSipCmd, 1);
  cmd->id = id;
  /* The command belongs to the SIP thread once pushed. */
  md_sip_agent_push (self, CMD_REMOVE_ACCOUNT, cmd);
  g_hash_table_remove (self->accounts, GUINT_TO_POINTER (id));
}

void
md_sip_agent_set_password (MdSipAgent   *self,
                           MdSipAccount *account,
                           const char   *password)
{
  MdSipCmd *cmd;

  g_return_if_fail (MD_IS_SIP_AGENT (self));
  g_return_if_fail (MD_IS_SIP_ACCOUNT (account));
  g_return_if_fail (password != NULL);

  cmd = g_new0 (MdSipCmd, 1);
  cmd->id = _md_sip_account_get_id (account);
  cmd->password = g_strdup (password);
  md_sip_agent_push (self, CMD_SET_PASSWORD, cmd);
}

void
md_sip_agent_set_srtp_mode (MdSipAgent    *self,
                            MdSipSrtpMode  mode)
{
  g_return_if_fail (MD_IS_SIP_AGENT (self));
  self->srtp_mode = mode;
}

MdSipCall *
md_sip_agent_call (MdSipAgent   *self,
                   MdSipAccount *account,
                   const char   *uri,
                   guint         local_rtp_port,
                   guint         no_answer_ms,
                   GError      **error)
{
  MdSipCmd *cmd;
  MdSipCall *call;

  g_return_val_if_fail (MD_IS_SIP_AGENT (self), NULL);
  g_return_val_if_fail (uri != NULL, NULL);

  if (!md_sip_agent_accepts_commands (self, error))
    return NULL;

  cmd = g_new0 (MdSipCmd, 1);
  cmd->id = (guint) g_atomic_int_add (&self->next_id, 1);
  cmd->account_id = account ? _md_sip_account_get_id (account) : 0;
  cmd->uri = g_strdup (uri);
  cmd->rtp_port = local_rtp_port;
  cmd->no_answer_ms = no_answer_ms;
  cmd->srtp_mode = self->srtp_mode;
  cmd->tls_host = md_sip_agent_uri_tls_host (uri);
  cmd->route = md_sip_agent_sips_route (uri);
  md_sip_agent_fill_codecs (cmd, TRUE);
  /* An offer of no codec would only be refused: say why there is none. */
  if (cmd->n_codecs == 0 && !md_media_codec_check_supported (error))
    {
      md_sip_cmd_free (cmd);
      return NULL;
    }

  call = _md_sip_call_new (self, cmd->id, FALSE, uri);
  g_hash_table_insert (self->calls, GUINT_TO_POINTER (cmd->id), g_object_ref (call));
  md_sip_agent_push (self, CMD_CALL, cmd);

  return call;
}

void
_md_sip_agent_answer (MdSipAgent *self,
                      guint       call_id,
                      guint       local_rtp_port)
{
  MdSipCmd *cmd = g_new0 (MdSipCmd, 1);

  cmd->id = call_id;
  cmd->rtp_port = local_rtp_port;
  md_sip_agent_fill_codecs (cmd, FALSE);
  md_sip_agent_push (self, CMD_ANSWER, cmd);
}

void
_md_sip_agent_hangup (MdSipAgent *self,
                      guint       call_id)
{
  MdSipCmd *cmd = g_new0 (MdSipCmd, 1);

  cmd->id = call_id;
  md_sip_agent_push (self, CMD_HANGUP, cmd);
}

void
_md_sip_agent_hold (MdSipAgent *self,
                    guint       call_id,
                    gboolean    hold)
{
  MdSipCmd *cmd = g_new0 (MdSipCmd, 1);

  cmd->id = call_id;
  cmd->flag = hold;
  md_sip_agent_push (self, CMD_HOLD, cmd);
}

void
_md_sip_agent_info_dtmf (MdSipAgent *self,
                         guint       call_id,
                         char        digit,
                         guint       duration_ms)
{
  MdSipCmd *cmd = g_new0 (MdSipCmd, 1);

  cmd->id = call_id;
  cmd->digit = digit;
  cmd->duration_ms = duration_ms;
  md_sip_agent_push (self, CMD_INFO_DTMF, cmd);
}

void
md_sip_agent_shutdown_async (MdSipAgent          *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MD_IS_SIP_AGENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, md_sip_agent_shutdown_async);

  md_sip_agent_wait_started (self, NULL);
  if (!self->thread)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  self->shutdown_tasks = g_list_prepend (self->shutdown_tasks, g_steal_pointer (&task));
  if (self->running)
    {
      md_sip_agent_push (self, CMD_SHUTDOWN, g_new0 (MdSipCmd, 1));
      /* No new commands: the mqueue goes away with the thread. */
      self->running = FALSE;
    }
}

gboolean
md_sip_agent_shutdown_finish (MdSipAgent    *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
