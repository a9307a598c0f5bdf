/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-phone"

#include "config.h"

#include "md-call.h"
#include "md-call-private.h"

#include <glib/gi18n.h>
#include <string.h>

enum {
  DTMF_ON_MS = 100,
  DTMF_GAP_MS = 60,
};

enum {
  PROP_0,
  PROP_STATE,
  PROP_WAITING,
  PROP_MUTED,
  PROP_SERVER_SILENT,
  N_PROPS
};
static GParamSpec *props[N_PROPS];

enum {
  SIGNAL_DTMF_SENT,
  SIGNAL_DTMF_FAILED,
  SIGNAL_DTMF_RECEIVED,
  SIGNAL_ANSWERED,
  SIGNAL_ENDED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

struct _MdCall
{
  GObject          parent_instance;

  MdSipCall       *sip_call;
  MdMediaSession  *media;
  MdDialPlan      *plan;
  char            *mic_spec;
  char            *speaker_spec;
  MdCallDtmfMode   dtmf_mode;

  MdCallState      state;
  gboolean         answered;
  gboolean         server_silent;   /* no reply to the INVITE yet */
  gboolean         media_started;
  gboolean         ring_over;       /* answered or hung up: no ring now */
  guint            ring_source;     /* an incoming call's first ring */
  const char      *end_reason;      /* static string */
  char            *end_message;
  const char      *reason_override; /* set when we end the call ourselves */
  char            *message_override;

  /* the dial-plan runner: steps after answer */
  guint            step;
  gint64           step_start_us;   /* when the current step may begin */
  guint            pause_source;
  gboolean         waiting;
  gboolean         plan_in_dtmf;    /* the current step waits for the queue */
  gboolean         plan_held;       /* a step came due while on hold */
  gboolean         dtmf_held;       /* digits wait for the far end's resume */

  /* DTMF digits, sent one at a time */
  GString         *dtmf_queue;
  gboolean         dtmf_sending;
  guint            info_gap_source;
  GCancellable    *cancellable;
};

G_DEFINE_TYPE (MdCall, md_call, G_TYPE_OBJECT)

static void run_plan (MdCall *self);
static void send_next_digit (MdCall *self);

/* What the user hears before the call's audio: our phone ringing for an
 * incoming call, the far end ringing for ours (unless it plays its own
 * sound, as early media). */
static void
update_ring (MdCall *self)
{
  MdRingToneKind kind = MD_RING_TONE_NONE;

  if (self->state == MD_CALL_STATE_RINGING && !self->media_started && !self->ring_over)
    kind = md_sip_call_is_incoming (self->sip_call) ? MD_RING_TONE_INCOMING
                                                    : MD_RING_TONE_BACK;
  md_media_session_set_ring (self->media, self->speaker_spec, kind);
}

/* Once the call has been handed out: a front end that answers at once
 * (auto-answer) does so before this, and nothing rings. */
static gboolean
on_first_ring (gpointer user_data)
{
  MdCall *self = user_data;

  self->ring_source = 0;
  update_ring (self);
  return G_SOURCE_REMOVE;
}

static void
end_ring (MdCall *self)
{
  g_clear_handle_id (&self->ring_source, g_source_remove);
  self->ring_over = TRUE;
  update_ring (self);
}

static void
set_state (MdCall      *self,
           MdCallState  state)
{
  if (self->state == state)
    return;

  g_debug ("call %s → %s", md_call_state_to_string (self->state),
           md_call_state_to_string (state));
  self->state = state;
  update_ring (self);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_STATE]);
}

/* A boolean property's field, and its notify when it changes. */
static void
set_flag (MdCall   *self,
          gboolean *field,
          gboolean  value,
          guint     prop)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), props[prop]);
}

/* Ends the call on our side with a reason of our own (network lost, audio
 * device failed); the SIP "ended" that follows finishes the job. */
static void
end_with (MdCall     *self,
          const char *reason,
          const char *message)
{
  if (self->state == MD_CALL_STATE_ENDED || self->reason_override)
    return;

  self->reason_override = reason;
  self->message_override = g_strdup (message);
  md_sip_call_hangup (self->sip_call);
}

static void
on_pause_done (gpointer user_data)
{
  MdCall *self = user_data;

  self->pause_source = 0;
  self->step++;
  run_plan (self);
}

static void
run_plan (MdCall *self)
{
  const MdDialStep *step;

  if (!self->plan || self->step >= md_dial_plan_get_n_steps (self->plan))
    return;

  if (self->state != MD_CALL_STATE_ACTIVE)
    {
      self->plan_held = self->state == MD_CALL_STATE_HELD;
      return;
    }

  step = md_dial_plan_get_step (self->plan, self->step);
  switch (step->kind)
    {
    case MD_DIAL_STEP_PAUSE:
      {
        /* Pauses run back to back from the answer itself, so time spent
         * starting the audio does not lengthen them. */
        gint64 now = g_get_monotonic_time ();
        gint64 end_us = self->step_start_us + (gint64) step->pause_ms * 1000;

        self->step_start_us = end_us;
        self->pause_source = g_timeout_add_once (end_us > now ? (guint) ((end_us - now) / 1000) : 0,
                                                 on_pause_done, self);
      }
      break;

    case MD_DIAL_STEP_WAIT:
      set_flag (self, &self->waiting, TRUE, PROP_WAITING);
      break;

    case MD_DIAL_STEP_DTMF:
    default:
      g_string_append (self->dtmf_queue, step->digits);
      self->plan_in_dtmf = TRUE;
      send_next_digit (self);
      break;
    }
}

static MdDtmfMethod
media_method (MdCall *self)
{
  return self->dtmf_mode == MD_CALL_DTMF_INBAND ? MD_DTMF_METHOD_INBAND
                                                : MD_DTMF_METHOD_RFC4733;
}

static gboolean
use_sip_info (MdCall *self)
{
  const MdMediaParams *params = md_sip_call_get_media_params (self->sip_call);

  switch (self->dtmf_mode)
    {
    case MD_CALL_DTMF_SIP_INFO:
      return TRUE;
    case MD_CALL_DTMF_RFC4733:
    case MD_CALL_DTMF_INBAND:
      return FALSE;
    case MD_CALL_DTMF_AUTO:
    default:
      return !params || params->telephone_event_pt < 0;
    }
}

static void
digit_done (MdCall *self)
{
  self->dtmf_sending = FALSE;

  if (self->dtmf_queue->len > 0)
    {
      send_next_digit (self);
      return;
    }

  if (self->plan_in_dtmf)
    {
      self->plan_in_dtmf = FALSE;
      self->step_start_us = g_get_monotonic_time ();
      self->step++;
      run_plan (self);
    }
}

static void
on_media_dtmf_sent (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(MdCall) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!md_media_session_send_dtmf_finish (MD_MEDIA_SESSION (source), result, &error))
    {
      if (self->state == MD_CALL_STATE_ENDED ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_debug ("A touch tone stopped: %s", error->message);
    }

  digit_done (self);
}

static void
on_info_gap_done (gpointer user_data)
{
  MdCall *self = user_data;

  self->info_gap_source = 0;
  digit_done (self);
}

static void
send_next_digit (MdCall *self)
{
  g_autoptr(GError) error = NULL;
  char digit;

  if (self->dtmf_sending || self->dtmf_queue->len == 0)
    return;
  if (self->state != MD_CALL_STATE_ACTIVE)
    return;

  digit = self->dtmf_queue->str[0];
  g_string_erase (self->dtmf_queue, 0, 1);
  self->dtmf_sending = TRUE;

  /* The far end holds the call: the digits wait for its resume. */
  if (!use_sip_info (self) &&
      !md_media_session_can_send_dtmf (self->media, media_method (self), &error) &&
      g_error_matches (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_HELD))
    {
      g_string_prepend_c (self->dtmf_queue, digit);
      self->dtmf_sending = FALSE;
      self->dtmf_held = TRUE;
      return;
    }

  /* The digits after it could not go either (the way of sending is the
   * call's): the user is told once, and the plan goes on. */
  if (error != NULL)
    {
      g_string_truncate (self->dtmf_queue, 0);
      g_signal_emit (self, signals[SIGNAL_DTMF_FAILED], 0, error->message);
      digit_done (self);
      return;
    }

  /* Never the digit itself: PINs stay out of logs and events. */
  g_signal_emit (self, signals[SIGNAL_DTMF_SENT], 0, "•");

  if (use_sip_info (self))
    {
      g_debug ("sending DTMF • by SIP INFO");
      md_sip_call_send_info_dtmf (self->sip_call, digit, DTMF_ON_MS);
      self->info_gap_source = g_timeout_add_once (DTMF_ON_MS + DTMF_GAP_MS,
                                                  on_info_gap_done, self);
    }
  else
    {
      MdDtmfMethod method = media_method (self);

      if (method == MD_DTMF_METHOD_INBAND)
        g_debug ("sending DTMF • as an in-band tone");
      else
        g_debug ("sending DTMF • as a telephone-event (payload type %d)",
                 md_sip_call_get_media_params (self->sip_call)->telephone_event_pt);
      md_media_session_send_dtmf_async (self->media, digit, method,
                                        DTMF_ON_MS, self->cancellable,
                                        on_media_dtmf_sent, g_object_ref (self));
    }
}

static gboolean
start_media (MdCall *self)
{
  const MdMediaParams *params = md_sip_call_get_media_params (self->sip_call);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!params)
    return FALSE;

  if (self->media_started)
    ok = md_media_session_update (self->media, params, &error);
  else
    ok = md_media_session_start (self->media, params, self->mic_spec,
                                 self->speaker_spec, &error);

  if (!ok)
    {
      g_autofree char *message = g_strdup_printf (_("The audio could not start: %s"),
                                                  error->message);
      end_with (self, g_error_matches (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_NO_CODEC)
                      ? "no common codec" : "failed", message);
      return FALSE;
    }

  self->media_started = TRUE;
  return TRUE;
}

static void
on_sip_silent (MdCall *self)
{
  if (self->state == MD_CALL_STATE_DIALING)
    set_flag (self, &self->server_silent, TRUE, PROP_SERVER_SILENT);
}

static void
on_sip_heard (MdCall *self)
{
  set_flag (self, &self->server_silent, FALSE, PROP_SERVER_SILENT);
}

static void
on_sip_ringing (MdCall *self)
{
  if (self->state == MD_CALL_STATE_DIALING)
    set_state (self, MD_CALL_STATE_RINGING);
}

static void
on_sip_early (MdCall *self)
{
  if (start_media (self))
    set_state (self, MD_CALL_STATE_EARLY);
}

static void
on_sip_answered (MdCall *self)
{
  self->step_start_us = g_get_monotonic_time ();
  if (!start_media (self))
    return;

  self->answered = TRUE;
  set_state (self, MD_CALL_STATE_ACTIVE);
  g_signal_emit (self, signals[SIGNAL_ANSWERED], 0);
  /* Pauses count from here. */
  run_plan (self);
}

static void
on_sip_dtmf (MdCall *self,
             char    digit)
{
  /* Masked like the digits we send: a far end may echo a PIN back. */
  g_debug ("received DTMF •");
  g_signal_emit (self, signals[SIGNAL_DTMF_RECEIVED], 0, "•");
}

static void
on_sip_modified (MdCall *self)
{
  if (self->media_started)
    start_media (self);

  /* A re-INVITE may be the far end's resume. */
  if (self->dtmf_held)
    {
      self->dtmf_held = FALSE;
      send_next_digit (self);
    }
}

static const char *
reason_for (MdSipEndReason reason)
{
  switch (reason)
    {
    case MD_SIP_END_HUNG_UP:         return "hung up";
    case MD_SIP_END_REMOTE_HANGUP:   return "hung up by far end";
    case MD_SIP_END_BUSY:            return "busy";
    case MD_SIP_END_DECLINED:        return "declined";
    case MD_SIP_END_NO_ANSWER:       return "no answer";
    case MD_SIP_END_WRONG_PASSWORD:  return "wrong password";
    case MD_SIP_END_UNREACHABLE:     return "unreachable";
    case MD_SIP_END_NO_COMMON_CODEC: return "no common codec";
    case MD_SIP_END_BAD_ANSWER:      return "bad answer from far end";
    case MD_SIP_END_CERTIFICATE:     return "certificate not trusted";
    case MD_SIP_END_NONE:
    case MD_SIP_END_FAILED:
    default:                         return "failed";
    }
}

static char *
message_for (MdSipEndReason  reason,
             const char     *detail)
{
  switch (reason)
    {
    case MD_SIP_END_HUNG_UP:         return g_strdup (_("You hung up"));
    case MD_SIP_END_REMOTE_HANGUP:   return g_strdup (_("The other side hung up"));
    case MD_SIP_END_BUSY:            return g_strdup (_("The line is busy"));
    case MD_SIP_END_DECLINED:        return g_strdup (_("The call was declined"));
    case MD_SIP_END_NO_ANSWER:       return g_strdup (_("Nobody answered"));
    case MD_SIP_END_WRONG_PASSWORD:  return g_strdup (_("The server refused the SIP password"));
    case MD_SIP_END_UNREACHABLE:
      /* Translators: %s is what the network said, e.g. "404 Not Found" */
      return detail && *detail ? g_strdup_printf (_("The far end cannot be reached (%s)"), detail)
                               : g_strdup (_("The far end cannot be reached"));
    case MD_SIP_END_NO_COMMON_CODEC: return g_strdup (_("The far end offers no audio format Meetdial can use"));
    case MD_SIP_END_BAD_ANSWER:      return g_strdup (_("The far end sent a session description Meetdial cannot read"));
    case MD_SIP_END_CERTIFICATE:
      /* Translators: %s says why, e.g. "it has expired" */
      return g_strdup_printf (_("The server’s certificate could not be verified: %s"), detail);
    case MD_SIP_END_NONE:
    case MD_SIP_END_FAILED:
    default:
      return g_strdup_printf (_("The call failed (%s)"), detail && *detail ? detail : _("no reason given"));
    }
}

static void
on_sip_ended (MdCall *self)
{
  MdSipEndReason reason = md_sip_call_get_end_reason (self->sip_call);

  g_clear_handle_id (&self->pause_source, g_source_remove);
  g_clear_handle_id (&self->info_gap_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  md_media_session_stop (self->media);
  set_flag (self, &self->waiting, FALSE, PROP_WAITING);

  if (self->reason_override)
    {
      self->end_reason = self->reason_override;
      self->end_message = g_strdup (self->message_override);
    }
  else
    {
      self->end_reason = reason_for (reason);
      self->end_message = message_for (reason, md_sip_call_get_end_detail (self->sip_call));
    }

  g_debug ("call ended: %s (%s)", self->end_reason, md_sip_call_get_end_detail (self->sip_call));
  set_state (self, MD_CALL_STATE_ENDED);
  g_signal_emit (self, signals[SIGNAL_ENDED], 0);
}

static void
on_media_failed (MdCall *self,
                 GError *error)
{
  if (g_error_matches (error, MD_MEDIA_ERROR, MD_MEDIA_ERROR_NETWORK_LOST))
    end_with (self, "network lost", _("Audio from the far end stopped arriving"));
  else
    {
      g_autofree char *message = g_strdup_printf (_("The audio failed: %s"), error->message);
      end_with (self, "failed", message);
    }
}

/* "sip:+15550100@host;user=phone" → tel:+15550100; "sip:room@host" stays. */
static MdDialPlan *
plan_for_caller (const char *remote_uri)
{
  const char *user = remote_uri ? strchr (remote_uri, ':') : NULL;
  const char *at = user ? strchr (user, '@') : NULL;
  g_autofree char *name = NULL;
  gsize digits;

  if (at == NULL)
    return NULL;
  name = g_strndup (user + 1, (gsize) (at - user - 1));
  name[strcspn (name, ";")] = '\0';
  if (g_ascii_strcasecmp (name, "anonymous") == 0)
    return NULL;

  digits = strspn (name + (name[0] == '+'), "0123456789");
  if (digits > 0 && name[(name[0] == '+') + digits] == '\0')
    {
      g_autofree char *tel = g_strconcat ("tel:", name, NULL);
      MdDialPlan *plan = md_dial_plan_parse (tel, 0, NULL);

      if (plan != NULL)
        return plan;
    }
  return md_dial_plan_parse (remote_uri, 0, NULL);
}

static void
md_call_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  MdCall *self = MD_CALL (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_WAITING:
      g_value_set_boolean (value, self->waiting);
      break;
    case PROP_MUTED:
      g_value_set_boolean (value, md_call_get_muted (self));
      break;
    case PROP_SERVER_SILENT:
      g_value_set_boolean (value, self->server_silent);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_call_dispose (GObject *object)
{
  MdCall *self = MD_CALL (object);

  g_clear_handle_id (&self->pause_source, g_source_remove);
  g_clear_handle_id (&self->info_gap_source, g_source_remove);
  g_clear_handle_id (&self->ring_source, g_source_remove);
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  if (self->sip_call)
    {
      g_signal_handlers_disconnect_by_data (self->sip_call, self);
      md_sip_call_hangup (self->sip_call);
    }
  if (self->media)
    {
      g_signal_handlers_disconnect_by_data (self->media, self);
      md_media_session_stop (self->media);
    }
  g_clear_object (&self->sip_call);
  g_clear_object (&self->media);
  g_clear_object (&self->plan);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (md_call_parent_class)->dispose (object);
}

static void
md_call_finalize (GObject *object)
{
  MdCall *self = MD_CALL (object);

  g_free (self->mic_spec);
  g_free (self->speaker_spec);
  g_free (self->end_message);
  g_free (self->message_override);
  g_string_free (self->dtmf_queue, TRUE);

  G_OBJECT_CLASS (md_call_parent_class)->finalize (object);
}

static void
md_call_class_init (MdCallClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = md_call_get_property;
  object_class->dispose = md_call_dispose;
  object_class->finalize = md_call_finalize;

  /* An MdCallState. */
  props[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL,
                      MD_CALL_STATE_DIALING, MD_CALL_STATE_ENDED, MD_CALL_STATE_DIALING,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  props[PROP_WAITING] =
    g_param_spec_boolean ("waiting", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  props[PROP_MUTED] =
    g_param_spec_boolean ("muted", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  props[PROP_SERVER_SILENT] =
    g_param_spec_boolean ("server-silent", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);

  signals[SIGNAL_DTMF_SENT] =
    g_signal_new ("dtmf-sent", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* A touch tone could not be sent, and none after it: the reason. */
  signals[SIGNAL_DTMF_FAILED] =
    g_signal_new ("dtmf-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_DTMF_RECEIVED] =
    g_signal_new ("dtmf-received", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_ANSWERED] =
    g_signal_new ("answered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_ENDED] =
    g_signal_new ("ended", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
md_call_init (MdCall *self)
{
  self->dtmf_queue = g_string_new (NULL);
  self->cancellable = g_cancellable_new ();
}

static void
on_media_muted (MdCall *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_MUTED]);
}

MdCall *
_md_call_new (MdSipCall      *sip_call,
              MdMediaSession *media,
              MdDialPlan     *plan,
              const char     *mic_spec,
              const char     *speaker_spec,
              MdCallDtmfMode  dtmf_mode)
{
  MdCall *self = g_object_new (MD_TYPE_CALL, NULL);

  self->sip_call = g_object_ref (sip_call);
  self->media = g_object_ref (media);
  self->plan = plan ? g_object_ref (plan) : NULL;
  self->mic_spec = g_strdup (mic_spec ? mic_spec : "auto");
  self->speaker_spec = g_strdup (speaker_spec ? speaker_spec : "auto");
  self->dtmf_mode = dtmf_mode;
  self->state = md_sip_call_is_incoming (sip_call) ? MD_CALL_STATE_RINGING
                                                   : MD_CALL_STATE_DIALING;

  g_signal_connect_swapped (sip_call, "ringing", G_CALLBACK (on_sip_ringing), self);
  g_signal_connect_swapped (sip_call, "early", G_CALLBACK (on_sip_early), self);
  g_signal_connect_swapped (sip_call, "answered", G_CALLBACK (on_sip_answered), self);
  g_signal_connect_swapped (sip_call, "modified", G_CALLBACK (on_sip_modified), self);
  g_signal_connect_swapped (sip_call, "silent", G_CALLBACK (on_sip_silent), self);
  g_signal_connect_swapped (sip_call, "heard", G_CALLBACK (on_sip_heard), self);
  g_signal_connect_swapped (sip_call, "dtmf", G_CALLBACK (on_sip_dtmf), self);
  g_signal_connect_swapped (sip_call, "ended", G_CALLBACK (on_sip_ended), self);
  g_signal_connect_swapped (media, "failed", G_CALLBACK (on_media_failed), self);
  g_signal_connect_swapped (media, "notify::muted", G_CALLBACK (on_media_muted), self);
  if (self->state == MD_CALL_STATE_RINGING)
    self->ring_source = g_idle_add (on_first_ring, self);

  return self;
}

MdCallState
md_call_get_state (MdCall *self)
{
  g_return_val_if_fail (MD_IS_CALL (self), MD_CALL_STATE_ENDED);
  return self->state;
}

const char *
md_call_get_end_reason (MdCall *self)
{
  g_return_val_if_fail (MD_IS_CALL (self), NULL);
  return self->end_reason;
}

const char *
md_call_get_end_message (MdCall *self)
{
  g_return_val_if_fail (MD_IS_CALL (self), NULL);
  return self->end_message;
}

gboolean
md_call_get_waiting (MdCall *self)
{
  g_return_val_if_fail (MD_IS_CALL (self), FALSE);
  return self->waiting;
}

gboolean
md_call_get_server_silent (MdCall *self)
{
  g_return_val_if_fail (MD_IS_CALL (self), FALSE);
  return self->server_silent;
}

gboolean
md_call_is_incoming (MdCall *self)
{
  g_return_val_if_fail (MD_IS_CALL (self), FALSE);
  return md_sip_call_is_incoming (self->sip_call);
}

const char *
md_call_get_remote_uri (MdCall *self)
{
  g_return_val_if_fail (MD_IS_CALL (self), NULL);
  return md_sip_call_get_remote_uri (self->sip_call);
}

char *
md_call_dup_codec_name (MdCall *self)
{
  const MdMediaParams *params;

  g_return_val_if_fail (MD_IS_CALL (self), NULL);

  params = md_sip_call_get_media_params (self->sip_call);
  if (!params)
    return NULL;

  return g_strdup_printf ("%s/%u", params->codec.encoding, params->codec.clock_rate);
}

gboolean
md_call_was_answered (MdCall *self)
{
  g_return_val_if_fail (MD_IS_CALL (self), FALSE);
  return self->answered;
}

MdDialPlan *
md_call_dup_dial_plan (MdCall *self)
{
  g_return_val_if_fail (MD_IS_CALL (self), NULL);

  if (self->plan != NULL)
    return g_object_ref (self->plan);
  return plan_for_caller (md_sip_call_get_remote_uri (self->sip_call));
}

void
md_call_continue (MdCall *self)
{
  g_return_if_fail (MD_IS_CALL (self));

  if (!self->waiting)
    return;

  set_flag (self, &self->waiting, FALSE, PROP_WAITING);
  self->step_start_us = g_get_monotonic_time ();
  self->step++;
  run_plan (self);
}

gboolean
md_call_send_dtmf (MdCall     *self,
                   const char *digits)
{
  g_return_val_if_fail (MD_IS_CALL (self), FALSE);
  g_return_val_if_fail (digits != NULL, FALSE);

  /* Kept for later, a digit typed before the answer would go in front of
   * the PIN, and one typed on hold long after it was meant. */
  if (self->state != MD_CALL_STATE_ACTIVE)
    return FALSE;

  for (const char *p = digits; *p; p++)
    if (g_ascii_isdigit (*p) || *p == '*' || *p == '#')
      g_string_append_c (self->dtmf_queue, *p);

  send_next_digit (self);
  return TRUE;
}

void
md_call_set_muted (MdCall   *self,
                   gboolean  muted)
{
  g_return_if_fail (MD_IS_CALL (self));
  md_media_session_set_muted (self->media, muted);
}

gboolean
md_call_get_muted (MdCall *self)
{
  g_return_val_if_fail (MD_IS_CALL (self), FALSE);
  return self->media ? md_media_session_get_muted (self->media) : FALSE;
}

/* The plan stops while the call is held (a pause that ends then, a wait
 * continued then, digits still to go): it goes on from there on resume,
 * the pauses after it counted from the resume. */
static void
resume_plan (MdCall *self)
{
  if (self->plan_held)
    {
      self->plan_held = FALSE;
      self->step_start_us = g_get_monotonic_time ();
      run_plan (self);
    }
  send_next_digit (self);
}

void
md_call_set_held (MdCall   *self,
                  gboolean  held)
{
  g_return_if_fail (MD_IS_CALL (self));

  if (held && self->state == MD_CALL_STATE_ACTIVE)
    {
      md_sip_call_hold (self->sip_call, TRUE);
      set_state (self, MD_CALL_STATE_HELD);
    }
  else if (!held && self->state == MD_CALL_STATE_HELD)
    {
      md_sip_call_hold (self->sip_call, FALSE);
      set_state (self, MD_CALL_STATE_ACTIVE);
      resume_plan (self);
    }
}

gboolean
md_call_answer (MdCall  *self,
                GError **error)
{
  g_return_val_if_fail (MD_IS_CALL (self), FALSE);

  if (!md_sip_call_is_incoming (self->sip_call) || self->state != MD_CALL_STATE_RINGING)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Only a ringing incoming call can be answered"));
      return FALSE;
    }

  end_ring (self);
  md_sip_call_answer (self->sip_call, md_media_session_get_local_rtp_port (self->media));
  return TRUE;
}

void
md_call_hangup (MdCall *self)
{
  g_return_if_fail (MD_IS_CALL (self));
  end_ring (self);
  md_sip_call_hangup (self->sip_call);
}

void
md_call_end_for_password (MdCall     *self,
                          const char *message)
{
  g_return_if_fail (MD_IS_CALL (self));
  g_return_if_fail (message != NULL);
  end_with (self, "no password", message);
}

MdMediaSession *
_md_call_get_media (MdCall *self)
{
  g_return_val_if_fail (MD_IS_CALL (self), NULL);
  return self->media;
}

const char *
md_call_state_to_string (MdCallState state)
{
  switch (state)
    {
    case MD_CALL_STATE_DIALING: return "dialing";
    case MD_CALL_STATE_RINGING: return "ringing";
    case MD_CALL_STATE_EARLY:   return "early";
    case MD_CALL_STATE_ACTIVE:  return "active";
    case MD_CALL_STATE_HELD:    return "held";
    case MD_CALL_STATE_ENDED:   return "ended";
    default:                    return "unknown";
    }
}
