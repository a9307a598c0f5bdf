/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The SIP agent's two sides share these: MdSipCmd goes from the main
 * context to the libre thread, MdSipEvent back. md-sip-core.c runs on the
 * libre thread; only md-sip-agent.c moves the structs between the two. */

#include <re.h>

#include "md-sip-agent.h"
#include "md-sip-sdp.h"

G_BEGIN_DECLS

typedef enum {
  CMD_ADD_ACCOUNT,
  CMD_REMOVE_ACCOUNT,
  CMD_SET_PASSWORD,
  CMD_CALL,
  CMD_ANSWER,
  CMD_HANGUP,
  CMD_HOLD,
  CMD_INFO_DTMF,
  CMD_SHUTDOWN,
  CMD_MOVE,
} MdSipCmdKind;

typedef struct {
  guint                id;        /* account or call */
  guint                account_id;
  char                *server;
  char                *user;
  char                *auth_user; /* NULL or "": the user signs in */
  char                *outbound_proxy; /* NULL or "": the server */
  char                *domain;
  char                *display_name;
  char                *password;
  char                *ca_file;
  char                *tls_host;  /* host a TLS server certificate must name */
  char                *route;     /* next hop of a direct call, or NULL */
  enum sip_transp      transport;
  guint                expires_s;
  gboolean             no_register; /* an account that only calls out */
  char                *uri;
  guint                rtp_port;
  guint                no_answer_ms;
  int                  srtp_mode;   /* MdSipSrtpMode */
  struct md_sdp_codec  codecs[MD_SDP_MAX_CODECS];
  gsize                n_codecs;
  gboolean             flag;      /* hold; an account's password comes later */
  char                 digit;
  guint                duration_ms;
} MdSipCmd;

typedef enum {
  EV_ACCOUNT_STATE,
  EV_CALL_INCOMING,
  EV_CALL_RINGING,
  EV_CALL_EARLY,
  EV_CALL_ANSWERED,
  EV_CALL_MODIFIED,
  EV_CALL_SILENT,
  EV_CALL_HEARD,
  EV_CALL_DTMF,
  EV_CALL_ENDED,
  EV_MOVED,       /* id: the new port; state: errno of a failed move */
  EV_STOPPED,
} MdSipEventKind;

/* Lets events find the agent, or learn it is gone, without the libre
 * thread ever touching the GObject. */
typedef struct {
  GWeakRef agent;
} MdSipAgentLink;

typedef struct {
  MdSipAgentLink    *link;
  MdSipEventKind     kind;
  guint              id;
  int                state;        /* account state or end reason */
  char              *text;         /* status, end detail, remote URI */
  char               digit;
  gboolean           has_media;
  char               remote_address[64];
  MdMediaParams      media;        /* .remote_address points into the above */
  char               encoding[16];
} MdSipEvent;

/* Everything the libre thread owns. */
typedef struct {
  MdSipAgentLink    *link;
  GMainContext      *context;
  struct mqueue     *mqueue;
  struct md_stack   *stack;
  struct tmr         tmr_grace;
  struct tmr         tmr_move;
  struct sa          move_laddr;   /* where to move once no call is being set up */
  gboolean           move_pending;
  GHashTable        *accounts;     /* id → struct entry */
  GHashTable        *sessions;     /* id → struct entry */
  gint              *next_id;      /* shared with the main side, atomic */
  struct sa          laddr;
  /* start-up handshake with md_sip_agent_new() */
  GMutex             lock;
  GCond              cond;
  gboolean           ready;
  int                start_err;
} MdSipCore;

/* An account or session on the libre thread, found by id. */
struct entry {
  MdSipCore       *core;
  guint            id;
  struct md_acct  *acct;
  struct md_sess  *sess;
  struct tmr       tmr_remove;
};

void        md_sip_cmd_free         (MdSipCmd       *cmd);
void        md_sip_event_free       (gpointer        event);
void        md_sip_agent_link_clear (MdSipAgentLink *link);

/* libre thread: the loop, started by md_sip_agent_new(). */
gpointer    md_sip_core_thread      (gpointer        core);

/* libre thread → main context; in md-sip-agent.c. Takes @ev. */
void        md_sip_core_post        (MdSipCore      *core,
                                     MdSipEvent     *ev);

G_END_DECLS
