/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-sip"

#include "config.h"

#include "md-sip-core.h"

#include "md-sip-acct.h"
#include "md-sip-sess.h"
#include "md-sip-stack.h"

#include <string.h>

enum {
  /* How long BYEs and unREGISTERs may take before the loop ends anyway. */
  SHUTDOWN_GRACE_MS = 3000,
};

/* The libre thread's side of MdSipAgent: it runs the commands from the main
 * context on libre objects and turns what libre reports into events.
 * Accounts and sessions are found by the id the main side gave them. */

void
md_sip_cmd_free (MdSipCmd *cmd)
{
  if (cmd->password)
    memset (cmd->password, 0, strlen (cmd->password));
  g_free (cmd->password);
  g_free (cmd->server);
  g_free (cmd->user);
  g_free (cmd->auth_user);
  g_free (cmd->outbound_proxy);
  g_free (cmd->domain);
  g_free (cmd->display_name);
  g_free (cmd->uri);
  g_free (cmd->ca_file);
  g_free (cmd->tls_host);
  g_free (cmd->route);
  g_free (cmd);
}

void
md_sip_agent_link_clear (MdSipAgentLink *link)
{
  g_weak_ref_clear (&link->agent);
}

void
md_sip_event_free (gpointer data)
{
  MdSipEvent *ev = data;

  g_atomic_rc_box_release_full (ev->link, (GDestroyNotify) md_sip_agent_link_clear);
  g_free (ev->text);
  g_free (ev);
}

static void
core_entry_unref (gpointer entry)
{
  mem_deref (entry);
}

static MdSipEvent *
core_event_new (MdSipCore      *core,
                MdSipEventKind  kind,
                guint           id)
{
  MdSipEvent *ev = g_new0 (MdSipEvent, 1);

  ev->link = g_atomic_rc_box_acquire (core->link);
  ev->kind = kind;
  ev->id = id;
  return ev;
}

static void
entry_destructor (void *arg)
{
  struct entry *entry = arg;

  tmr_cancel (&entry->tmr_remove);
  mem_deref (entry->sess);
  /* A call through the account may hold it past this entry (an account
   * removed mid-call): its state must not reach the entry gone. */
  md_acct_forget_owner (entry->acct);
  mem_deref (entry->acct);
}

static struct entry *
core_entry_new (MdSipCore *core,
                guint      id)
{
  struct entry *entry = mem_zalloc (sizeof (*entry), entry_destructor);

  if (!entry)
    return NULL;

  entry->core = core;
  entry->id = id;
  tmr_init (&entry->tmr_remove);
  return entry;
}

/* Whether every call is answered: one still being set up has transactions
 * (its INVITE's, a ringing call's) on the old address, which the move
 * would cut. */
static gboolean
core_calls_settled (MdSipCore *core)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, core->sessions);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (!md_sess_established (((struct entry *) value)->sess))
      return FALSE;
  return TRUE;
}

/* The network changed: SIP goes to its new local address once no call is
 * being set up; calls that run tell their far ends by re-INVITE, and every
 * account registers again from there. In a timer, never inside a libre
 * handler. */
static void
core_move (void *arg)
{
  MdSipCore *core = arg;
  MdSipEvent *ev;
  GHashTableIter iter;
  gpointer value;
  char text[64];
  int err;

  if (!core->move_pending)
    return;
  if (!core_calls_settled (core))
    {
      re_snprintf (text, sizeof (text), "%j", &core->move_laddr);
      g_debug ("SIP moves to %s once the calls are set up or ended", text);
      return;
    }
  core->move_pending = FALSE;

  err = md_stack_rebind (core->stack, &core->move_laddr);
  if (!err)
    core->laddr = *md_stack_laddr (core->stack);

  ev = core_event_new (core, EV_MOVED, sa_port (&core->laddr));
  ev->state = err;
  md_sip_core_post (core, ev);

  g_hash_table_iter_init (&iter, core->sessions);
  while (!err && g_hash_table_iter_next (&iter, NULL, &value))
    {
      struct entry *entry = value;
      int move_err = md_sess_move (entry->sess, &core->laddr);

      if (move_err)
        g_debug ("Call %u cannot tell its new address: %s", entry->id, g_strerror (move_err));
    }

  g_hash_table_iter_init (&iter, core->accounts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      struct entry *entry = value;

      (void) md_acct_move (entry->acct, sa_af (&core->laddr));
    }
}

static void
core_remove_session (void *arg)
{
  struct entry *entry = arg;
  MdSipCore *core = entry->core;

  g_hash_table_remove (core->sessions, GUINT_TO_POINTER (entry->id));
  if (core->move_pending)
    tmr_start (&core->tmr_move, 0, core_move, core);
}

static void
core_fill_media (MdSipEvent                *ev,
                 const struct md_sdp_media *media)
{
  ev->has_media = TRUE;
  sa_ntop (&media->raddr, ev->remote_address, sizeof (ev->remote_address));
  g_strlcpy (ev->encoding, media->codec.encoding, sizeof (ev->encoding));
  ev->media.remote_rtp_port = sa_port (&media->raddr);
  ev->media.remote_rtcp_port = media->rtcp_port;
  ev->media.codec.payload_type = media->codec.pt;
  ev->media.codec.clock_rate = media->codec.srate;
  ev->media.codec.channels = media->codec.ch;
  ev->media.telephone_event_pt = media->telev_pt;
  ev->media.ptime_ms = 20;
  ev->media.send = media->send;
  ev->media.receive = media->recv;
  g_strlcpy (ev->media.srtp_send_key, media->srtp_local_key, sizeof ev->media.srtp_send_key);
  g_strlcpy (ev->media.srtp_recv_key, media->srtp_remote_key, sizeof ev->media.srtp_recv_key);
}

static MdSipEndReason
core_end_reason (enum md_sess_end end)
{
  switch (end)
    {
    case MD_SESS_END_LOCAL:       return MD_SIP_END_HUNG_UP;
    case MD_SESS_END_REMOTE:      return MD_SIP_END_REMOTE_HANGUP;
    case MD_SESS_END_BUSY:        return MD_SIP_END_BUSY;
    case MD_SESS_END_DECLINED:    return MD_SIP_END_DECLINED;
    case MD_SESS_END_NO_ANSWER:   return MD_SIP_END_NO_ANSWER;
    case MD_SESS_END_AUTH:        return MD_SIP_END_WRONG_PASSWORD;
    case MD_SESS_END_UNREACHABLE: return MD_SIP_END_UNREACHABLE;
    case MD_SESS_END_NO_CODEC:    return MD_SIP_END_NO_COMMON_CODEC;
    case MD_SESS_END_BAD_ANSWER:  return MD_SIP_END_BAD_ANSWER;
    case MD_SESS_END_CERT:        return MD_SIP_END_CERTIFICATE;
    case MD_SESS_END_NONE:
    case MD_SESS_END_FAILED:
    default:                      return MD_SIP_END_FAILED;
    }
}

static void
core_sess_event (const struct md_sess_event *sev,
                 void                       *arg)
{
  struct entry *entry = arg;
  MdSipCore *core = entry->core;
  MdSipEvent *ev;

  switch (sev->kind)
    {
    case MD_SESS_RINGING:
      ev = core_event_new (core, EV_CALL_RINGING, entry->id);
      break;
    case MD_SESS_EARLY:
      ev = core_event_new (core, EV_CALL_EARLY, entry->id);
      core_fill_media (ev, sev->media);
      break;
    case MD_SESS_ANSWERED:
      ev = core_event_new (core, EV_CALL_ANSWERED, entry->id);
      core_fill_media (ev, sev->media);
      /* A move that waited for the call to be set up. */
      if (core->move_pending)
        tmr_start (&core->tmr_move, 0, core_move, core);
      break;
    case MD_SESS_MODIFIED:
      ev = core_event_new (core, EV_CALL_MODIFIED, entry->id);
      core_fill_media (ev, sev->media);
      break;
    case MD_SESS_SILENT:
      ev = core_event_new (core, EV_CALL_SILENT, entry->id);
      break;
    case MD_SESS_HEARD:
      ev = core_event_new (core, EV_CALL_HEARD, entry->id);
      break;
    case MD_SESS_DTMF:
      ev = core_event_new (core, EV_CALL_DTMF, entry->id);
      ev->digit = sev->digit;
      break;
    case MD_SESS_PASSWORD_WAIT:
      /* Nothing changes for the call: it stays "dialing". */
      g_debug ("Call %u was challenged before the account's password came: "
               "its INVITE goes again then", entry->id);
      return;
    case MD_SESS_ENDED:
    default:
      ev = core_event_new (core, EV_CALL_ENDED, entry->id);
      ev->state = core_end_reason (sev->end);
      ev->text = g_strdup (sev->text);
      /* Not from inside libre's own handler: on the next loop turn. */
      tmr_start (&entry->tmr_remove, 0, core_remove_session, entry);
      break;
    }

  md_sip_core_post (core, ev);
}

static void
core_acct_state (enum md_acct_state state,
                 uint16_t           scode,
                 const char        *reason,
                 void              *arg)
{
  struct entry *entry = arg;
  MdSipEvent *ev = core_event_new (entry->core, EV_ACCOUNT_STATE, entry->id);
  GHashTableIter iter;
  gpointer sess_entry;

  (void) scode;
  ev->state = (int) state;
  ev->text = g_strdup (reason);
  md_sip_core_post (entry->core, ev);

  /* Calls refused while the account signed in learn why. */
  g_hash_table_iter_init (&iter, entry->core->sessions);
  while (g_hash_table_iter_next (&iter, NULL, &sess_entry))
    md_sess_account_settled (((struct entry *) sess_entry)->sess);
}

static void
core_add_account (MdSipCore *core,
                  MdSipCmd  *cmd)
{
  struct md_acct_cfg cfg = {
    .server = cmd->server,
    .user = cmd->user,
    .auth_user = cmd->auth_user,
    .outbound_proxy = cmd->outbound_proxy,
    .domain = cmd->domain,
    .display_name = cmd->display_name,
    .password = cmd->password,
    .password_later = cmd->flag,
    .tp = cmd->transport,
    .af = sa_af (&core->laddr),
    .expires = cmd->expires_s,
    .no_register = cmd->no_register,
  };
  struct entry *entry = core_entry_new (core, cmd->id);
  const char *what = "cannot set up the account";
  int err = 0;

  if (!entry)
    return;

  if (cmd->transport == SIP_TRANSP_TLS)
    {
      err = md_stack_use_tls (core->stack, cmd->ca_file, cmd->tls_host);
      if (err)
        what = "cannot set up TLS (is the CA file a PEM certificate?)";
      cfg.tls = md_stack_tls (core->stack);
    }

  if (!err)
    err = md_acct_alloc (&entry->acct, md_stack_sip (core->stack), &cfg,
                         core_acct_state, entry);
  if (err)
    {
      core_acct_state (MD_ACCT_FAILED, 0, what, entry);
      mem_deref (entry);
      return;
    }

  g_hash_table_insert (core->accounts, GUINT_TO_POINTER (cmd->id), entry);
  (void) md_acct_register (entry->acct);
}

/* The password that was to come: the account registers, and its calls
 * challenged meanwhile send their INVITE again. */
static void
core_set_password (MdSipCore *core,
                   MdSipCmd  *cmd)
{
  struct entry *acct_entry = g_hash_table_lookup (core->accounts, GUINT_TO_POINTER (cmd->id));
  GHashTableIter iter;
  gpointer entry;

  if (!acct_entry || !cmd->password)
    return;

  (void) md_acct_set_password (acct_entry->acct, cmd->password);
  g_hash_table_iter_init (&iter, core->sessions);
  while (g_hash_table_iter_next (&iter, NULL, &entry))
    md_sess_password_ready (((struct entry *) entry)->sess);
}

/* A call that ends before anything is sent. */
static void
core_end_at_once (struct entry      *entry,
                  enum md_sess_end   end,
                  const char        *text)
{
  struct md_sess_event sev = {
    .kind = MD_SESS_ENDED,
    .end = end,
    .text = text,
  };

  core_sess_event (&sev, entry);
}

static void
core_call (MdSipCore *core,
           MdSipCmd  *cmd)
{
  struct md_sess_params prm = {
    .uri = cmd->uri,
    .rtp_port = cmd->rtp_port,
    .codecs = cmd->codecs,
    .n_codecs = cmd->n_codecs,
    .no_answer_ms = cmd->no_answer_ms,
    .route = cmd->route,
  };
  struct entry *acct_entry = NULL;
  struct entry *entry = core_entry_new (core, cmd->id);
  int err;

  if (!entry)
    return;

  if (cmd->account_id)
    acct_entry = g_hash_table_lookup (core->accounts, GUINT_TO_POINTER (cmd->account_id));

  g_hash_table_insert (core->sessions, GUINT_TO_POINTER (cmd->id), entry);

  /* An account that could not be set up (its TLS, say) is not there: its
   * call must not go out without it, as nobody and perhaps unencrypted. */
  if (cmd->account_id && !acct_entry)
    {
      core_end_at_once (entry, MD_SESS_END_FAILED, "its account could not be set up");
      return;
    }

  /* Through a TLS account, or a sips: / transport=tls URI direct. */
  if (acct_entry && md_acct_transport (acct_entry->acct) == SIP_TRANSP_TLS)
    prm.tls = TRUE;
  else if (!acct_entry && cmd->tls_host)
    prm.tls = md_stack_use_tls (core->stack, NULL, cmd->tls_host) == 0;
  /* Keys sent in the SDP are only as secret as the signalling: by default
   * SRTP goes with TLS. */
  prm.srtp = cmd->srtp_mode == MD_SIP_SRTP_ALWAYS ||
             (cmd->srtp_mode == MD_SIP_SRTP_AUTO && prm.tls);

  err = md_sess_connect (&entry->sess, core->stack,
                         acct_entry ? acct_entry->acct : NULL, &prm,
                         core_sess_event, entry);
  if (err)
    core_end_at_once (entry, MD_SESS_END_UNREACHABLE, "cannot send the INVITE");
}

static void
core_incoming (const struct sip_msg *msg,
               void                 *arg)
{
  MdSipCore *core = arg;
  guint id = (guint) g_atomic_int_add (core->next_id, 1);
  struct entry *entry = core_entry_new (core, id);
  char from[256] = "";
  MdSipEvent *ev;

  if (!entry)
    return;

  if (md_sess_incoming (&entry->sess, core->stack, msg, from, sizeof (from),
                        core_sess_event, entry))
    {
      mem_deref (entry);
      return;
    }

  g_hash_table_insert (core->sessions, GUINT_TO_POINTER (id), entry);
  ev = core_event_new (core, EV_CALL_INCOMING, id);
  ev->text = g_strdup (from);
  md_sip_core_post (core, ev);
}

static void
core_stop_loop (void *arg)
{
  re_cancel ();
}

static void
core_stack_exit (void *arg)
{
  re_cancel ();
}

static void
core_shutdown (MdSipCore *core)
{
  GHashTableIter iter;
  gpointer value;
  g_autoptr(GPtrArray) sessions = g_ptr_array_new ();

  core->move_pending = FALSE;
  tmr_cancel (&core->tmr_move);

  /* Hanging up posts "ended" and schedules removal; collect first. */
  g_hash_table_iter_init (&iter, core->sessions);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (sessions, value);
  for (guint i = 0; i < sessions->len; i++)
    md_sess_hangup (((struct entry *) sessions->pdata[i])->sess);

  /* Freeing an account sends its unREGISTER. */
  g_hash_table_remove_all (core->accounts);

  tmr_start (&core->tmr_grace, SHUTDOWN_GRACE_MS, core_stop_loop, core);
  md_stack_close (core->stack);
}

static struct entry *
core_session (MdSipCore *core,
              guint      id)
{
  return g_hash_table_lookup (core->sessions, GUINT_TO_POINTER (id));
}

static void
core_command (int   id,
              void *data,
              void *arg)
{
  MdSipCore *core = arg;
  MdSipCmd *cmd = data;
  struct entry *entry;

  switch ((MdSipCmdKind) id)
    {
    case CMD_ADD_ACCOUNT:
      core_add_account (core, cmd);
      break;
    case CMD_REMOVE_ACCOUNT:
      g_hash_table_remove (core->accounts, GUINT_TO_POINTER (cmd->id));
      break;
    case CMD_SET_PASSWORD:
      core_set_password (core, cmd);
      break;
    case CMD_CALL:
      core_call (core, cmd);
      break;
    case CMD_ANSWER:
      if ((entry = core_session (core, cmd->id)))
        {
          struct md_sess_params prm = {
            .rtp_port = cmd->rtp_port,
            .codecs = cmd->codecs,
            .n_codecs = cmd->n_codecs,
          };
          if (md_sess_answer (entry->sess, &prm))
            md_sess_hangup (entry->sess);
        }
      break;
    case CMD_HANGUP:
      if ((entry = core_session (core, cmd->id)))
        md_sess_hangup (entry->sess);
      break;
    case CMD_HOLD:
      if ((entry = core_session (core, cmd->id)))
        (void) md_sess_hold (entry->sess, cmd->flag);
      break;
    case CMD_INFO_DTMF:
      if ((entry = core_session (core, cmd->id)))
        (void) md_sess_send_info_dtmf (entry->sess, cmd->digit, cmd->duration_ms);
      break;
    case CMD_SHUTDOWN:
      core_shutdown (core);
      break;
    case CMD_MOVE:
      if (sa_set_str (&core->move_laddr, cmd->uri, 0) == 0)
        {
          core->move_pending = TRUE;
          tmr_start (&core->tmr_move, 0, core_move, core);
        }
      break;
    default:
      break;
    }

  md_sip_cmd_free (cmd);
}

static void
core_signal_ready (MdSipCore *core,
                   int        err)
{
  g_mutex_lock (&core->lock);
  core->start_err = err;
  core->ready = TRUE;
  g_cond_signal (&core->cond);
  g_mutex_unlock (&core->lock);
}

gpointer
md_sip_core_thread (gpointer data)
{
  MdSipCore *core = data;
  int err;

  err = re_thread_init ();
  if (!err)
    err = mqueue_alloc (&core->mqueue, core_command, core);
  if (!err)
    err = md_stack_alloc (&core->stack, &core->laddr, core_incoming,
                          core_stack_exit, core);
  if (!err)
    core->laddr = *md_stack_laddr (core->stack);

  tmr_init (&core->tmr_grace);
  tmr_init (&core->tmr_move);
  core->accounts = g_hash_table_new_full (NULL, NULL, NULL, core_entry_unref);
  core->sessions = g_hash_table_new_full (NULL, NULL, NULL, core_entry_unref);

  core_signal_ready (core, err);

  if (!err)
    re_main (NULL);

  tmr_cancel (&core->tmr_grace);
  tmr_cancel (&core->tmr_move);
  g_hash_table_destroy (core->sessions);
  g_hash_table_destroy (core->accounts);
  core->stack = mem_deref (core->stack);
  core->mqueue = mem_deref (core->mqueue);
  re_thread_close ();

  if (!err)
    md_sip_core_post (core, core_event_new (core, EV_STOPPED, 0));

  return NULL;
}

