/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-phone"

#include "config.h"

#include "md-call-route.h"
#include "md-call-private.h"

#include <glib/gi18n.h>

enum {
  HANGUP_ACTION_FALLBACK,
  HANGUP_ACTION_END,
};

/* How long an answered phone may send nothing before it is given up: its
 * audio normally reaches the meeting within a fraction of a second. */
#define PHONE_AUDIO_TIMEOUT_MS 5000

enum {
  PROP_0,
  PROP_ROUTE,
  PROP_SWITCHING,
  N_PROPS
};
static GParamSpec *props[N_PROPS];

enum {
  SIGNAL_FAILED,
  SIGNAL_PHONE_ENDED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

struct _MdCallRoute
{
  GObject       parent_instance;

  MdPhone      *phone;
  MdCall       *meeting;
  MdSipAccount *account;
  GSettings    *settings;

  MdAudioRoute  route;
  MdCall       *phone_leg;     /* "call me": from dialing until hung up */
  guint         phone_audio_source;  /* from the phone's answer to its audio */
};

G_DEFINE_TYPE (MdCallRoute, md_call_route, G_TYPE_OBJECT)

static void
set_route (MdCallRoute  *self,
           MdAudioRoute  route)
{
  if (self->route == route)
    return;

  g_debug ("audio route %s → %s", md_audio_route_to_string (self->route),
           md_audio_route_to_string (route));
  self->route = route;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_ROUTE]);
}

/* Lets go of the phone leg without hanging it up. */
static MdCall *
take_phone_leg (MdCallRoute *self)
{
  MdCall *leg = g_steal_pointer (&self->phone_leg);

  g_clear_handle_id (&self->phone_audio_source, g_source_remove);
  if (leg != NULL)
    {
      g_signal_handlers_disconnect_by_data (leg, self);
      g_signal_handlers_disconnect_by_data (_md_call_get_media (leg), self);
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_SWITCHING]);
    }
  return leg;
}

static void
meeting_to_computer (MdCallRoute *self)
{
  MdMediaSession *media = _md_call_get_media (self->meeting);

  /* The mic runs all along: it is back with the next buffer. */
  md_media_session_set_route (media, MD_MEDIA_ROUTE_LOCAL);
  md_media_session_unbridge (media);
  set_route (self, MD_AUDIO_ROUTE_COMPUTER);
}

/* The phone's audio reached the meeting leg: only now is the computer's
 * audio silenced, so the meeting never hears a gap. */
static void
on_bridge_audio (MdCallRoute *self)
{
  g_signal_handlers_disconnect_by_func (_md_call_get_media (self->meeting),
                                        on_bridge_audio, self);
  if (self->phone_leg == NULL)
    return;
  g_clear_handle_id (&self->phone_audio_source, g_source_remove);
  md_media_session_set_route (_md_call_get_media (self->meeting), MD_MEDIA_ROUTE_BRIDGE);
  set_route (self, MD_AUDIO_ROUTE_PHONE);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_SWITCHING]);
}

/* Hangs up a phone leg that never carried the meeting; the computer's
 * audio never stopped. */
static void
give_up_phone (MdCallRoute *self,
               const char  *message)
{
  MdMediaSession *meeting_media = _md_call_get_media (self->meeting);
  g_autoptr(MdCall) leg = take_phone_leg (self);

  g_signal_handlers_disconnect_by_func (meeting_media, on_bridge_audio, self);
  md_media_session_unbridge (meeting_media);
  if (leg != NULL)
    md_call_hangup (leg);
  g_signal_emit (self, signals[SIGNAL_FAILED], 0, message);
}

static void
on_phone_silent (gpointer user_data)
{
  MdCallRoute *self = user_data;

  self->phone_audio_source = 0;
  give_up_phone (self, _("Your phone answered but sent no audio, so it was hung up; "
                         "the meeting stays on computer audio"));
}

static void
on_phone_answered (MdCallRoute *self)
{
  g_autoptr(GError) error = NULL;
  MdMediaSession *meeting_media = _md_call_get_media (self->meeting);

  g_signal_connect_swapped (meeting_media, "bridge-audio", G_CALLBACK (on_bridge_audio), self);
  if (!md_media_session_bridge (meeting_media, _md_call_get_media (self->phone_leg), &error))
    {
      g_autofree char *message = g_strdup_printf (_("The meeting stays on computer audio: %s"),
                                                  error->message);

      give_up_phone (self, message);
      return;
    }
  self->phone_audio_source = g_timeout_add_once (PHONE_AUDIO_TIMEOUT_MS, on_phone_silent, self);
}

static void
on_phone_ended (MdCallRoute *self)
{
  g_autoptr(MdCall) leg = take_phone_leg (self);
  g_autofree char *message = NULL;

  if (self->route != MD_AUDIO_ROUTE_PHONE)
    {
      message = g_strdup_printf (_("Your phone could not be reached (%s); the meeting stays on computer audio"),
                                 md_call_get_end_message (leg));
      give_up_phone (self, message);
      return;
    }
  g_signal_handlers_disconnect_by_func (_md_call_get_media (self->meeting),
                                        on_bridge_audio, self);

  meeting_to_computer (self);
  if (self->settings != NULL &&
      g_settings_get_enum (self->settings, "phone-hangup-action") == HANGUP_ACTION_END)
    {
      message = g_strdup (_("Your phone hung up, so you left the meeting"));
      g_signal_emit (self, signals[SIGNAL_PHONE_ENDED], 0, message);
      md_call_hangup (self->meeting);
    }
  else
    {
      message = g_strdup (_("Your phone hung up; the meeting is back on computer audio"));
      g_signal_emit (self, signals[SIGNAL_PHONE_ENDED], 0, message);
    }
}

static void
on_meeting_ended (MdCallRoute *self)
{
  g_autoptr(MdCall) leg = take_phone_leg (self);

  if (leg != NULL)
    md_call_hangup (leg);
}

/* The user picked another microphone or speaker: the meeting moves to it. */
static void
on_device_setting_changed (MdCallRoute *self)
{
  g_autofree char *input = g_settings_get_string (self->settings, "input-device");
  g_autofree char *output = g_settings_get_string (self->settings, "output-device");

  if (md_call_get_state (self->meeting) == MD_CALL_STATE_ENDED)
    return;
  md_media_session_set_devices (_md_call_get_media (self->meeting), input, output);
}

static char *
phone_dial_string (const char *number)
{
  /* A number as people write it becomes a tel: link; a SIP address stays. */
  if (g_str_has_prefix (number, "tel:") || g_str_has_prefix (number, "sip:") ||
      g_str_has_prefix (number, "sips:"))
    return g_strdup (number);
  return g_strconcat ("tel:", number, NULL);
}

static void
md_call_route_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MdCallRoute *self = MD_CALL_ROUTE (object);

  switch (prop_id)
    {
    case PROP_ROUTE:
      g_value_set_int (value, self->route);
      break;
    case PROP_SWITCHING:
      g_value_set_boolean (value, md_call_route_get_switching (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_call_route_dispose (GObject *object)
{
  MdCallRoute *self = MD_CALL_ROUTE (object);
  g_autoptr(MdCall) leg = take_phone_leg (self);

  if (leg != NULL)
    md_call_hangup (leg);
  if (self->meeting != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->meeting, self);
      g_signal_handlers_disconnect_by_data (_md_call_get_media (self->meeting), self);
    }
  g_clear_object (&self->meeting);
  g_clear_object (&self->phone);
  g_clear_object (&self->account);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (md_call_route_parent_class)->dispose (object);
}

static void
md_call_route_class_init (MdCallRouteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = md_call_route_get_property;
  object_class->dispose = md_call_route_dispose;

  /* An MdAudioRoute. */
  props[PROP_ROUTE] =
    g_param_spec_int ("route", NULL, NULL,
                      MD_AUDIO_ROUTE_COMPUTER, MD_AUDIO_ROUTE_DIAL_IN, MD_AUDIO_ROUTE_COMPUTER,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  props[PROP_SWITCHING] =
    g_param_spec_boolean ("switching", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);

  signals[SIGNAL_FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_PHONE_ENDED] =
    g_signal_new ("phone-ended", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
md_call_route_init (MdCallRoute *self)
{
}

MdCallRoute *
md_call_route_new (MdPhone      *phone,
                   MdCall       *meeting,
                   MdSipAccount *account,
                   GSettings    *settings)
{
  MdCallRoute *self;

  g_return_val_if_fail (MD_IS_PHONE (phone), NULL);
  g_return_val_if_fail (MD_IS_CALL (meeting), NULL);

  self = g_object_new (MD_TYPE_CALL_ROUTE, NULL);
  self->phone = g_object_ref (phone);
  self->meeting = g_object_ref (meeting);
  self->account = account ? g_object_ref (account) : NULL;
  self->settings = settings ? g_object_ref (settings) : NULL;
  g_signal_connect_swapped (meeting, "ended", G_CALLBACK (on_meeting_ended), self);
  if (settings != NULL)
    {
      g_signal_connect_swapped (settings, "changed::input-device",
                                G_CALLBACK (on_device_setting_changed), self);
      g_signal_connect_swapped (settings, "changed::output-device",
                                G_CALLBACK (on_device_setting_changed), self);
      /* GSettings reports changes only of keys read since a handler is on. */
      g_free (g_settings_get_string (settings, "input-device"));
      g_free (g_settings_get_string (settings, "output-device"));
    }
  return self;
}

MdAudioRoute
md_call_route_get_route (MdCallRoute *self)
{
  g_return_val_if_fail (MD_IS_CALL_ROUTE (self), MD_AUDIO_ROUTE_COMPUTER);
  return self->route;
}

gboolean
md_call_route_get_switching (MdCallRoute *self)
{
  g_return_val_if_fail (MD_IS_CALL_ROUTE (self), FALSE);
  return self->phone_leg != NULL && self->route != MD_AUDIO_ROUTE_PHONE;
}

gboolean
md_call_route_call_me (MdCallRoute  *self,
                       const char   *number,
                       GError      **error)
{
  g_autofree char *setting = NULL;
  g_autofree char *dial = NULL;
  g_autoptr(MdDialPlan) plan = NULL;
  g_autoptr(GError) local_error = NULL;
  const MdCallAudio bridged = { "null", "null" };
  MdCall *leg;

  g_return_val_if_fail (MD_IS_CALL_ROUTE (self), FALSE);

  if (md_call_get_state (self->meeting) != MD_CALL_STATE_ACTIVE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED,
                   _("The audio can move to your phone only during an active call"));
      return FALSE;
    }
  if (self->phone_leg != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                   _("Your phone is already being called"));
      return FALSE;
    }
  /* A meeting called directly, at a SIP address, has no account to call out on. */
  if (self->account == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Calling your phone needs a SIP account; you can still dial in yourself"));
      return FALSE;
    }
  if ((number == NULL || *number == '\0') && self->settings != NULL)
    number = setting = g_settings_get_string (self->settings, "my-phone-number");
  if (number == NULL || *number == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Set your phone number first (the “My phone number” preference, or --phone-number)"));
      return FALSE;
    }

  dial = phone_dial_string (number);
  plan = md_dial_plan_parse (dial, 0, &local_error);
  if (plan == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Your phone number “%s” cannot be dialled: %s"), number, local_error->message);
      return FALSE;
    }

  leg = md_phone_dial (self->phone, plan, self->account, &bridged, error);
  if (leg == NULL)
    return FALSE;

  /* The phone leg is never on the computer's devices: its mic and speaker
   * are the meeting, from the first packet on. */
  md_media_session_set_route (_md_call_get_media (leg), MD_MEDIA_ROUTE_BRIDGE);
  self->phone_leg = leg;
  g_signal_connect_swapped (leg, "answered", G_CALLBACK (on_phone_answered), self);
  g_signal_connect_swapped (leg, "ended", G_CALLBACK (on_phone_ended), self);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_SWITCHING]);
  return TRUE;
}

void
md_call_route_dial_in (MdCallRoute *self)
{
  g_return_if_fail (MD_IS_CALL_ROUTE (self));

  if (self->route == MD_AUDIO_ROUTE_DIAL_IN)
    return;
  if (self->route == MD_AUDIO_ROUTE_PHONE)
    md_call_route_to_computer (self);
  md_media_session_set_route (_md_call_get_media (self->meeting), MD_MEDIA_ROUTE_NONE);
  set_route (self, MD_AUDIO_ROUTE_DIAL_IN);
}

void
md_call_route_to_computer (MdCallRoute *self)
{
  g_autoptr(MdCall) leg = NULL;

  g_return_if_fail (MD_IS_CALL_ROUTE (self));

  /* Local audio first, then the phone leg goes. */
  meeting_to_computer (self);
  leg = take_phone_leg (self);
  if (leg != NULL)
    md_call_hangup (leg);
}

const char *
md_audio_route_to_string (MdAudioRoute route)
{
  switch (route)
    {
    case MD_AUDIO_ROUTE_COMPUTER: return "computer";
    case MD_AUDIO_ROUTE_PHONE:    return "phone";
    case MD_AUDIO_ROUTE_DIAL_IN:  return "dial-in";
    default:                      return "unknown";
    }
}
