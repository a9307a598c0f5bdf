/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-cli"

#include "config.h"

#include "md-cli-call-route.h"
#include "md-qr-matrix.h"

#include <glib/gi18n.h>

struct _MdCliCallRoute
{
  MdCliSession *session;
  MdCallRoute  *route;
  MdDialPlan   *plan;
  char         *phone_number;
  gboolean      dial_in_shown;
};

static void
on_route (MdCallRoute    *route,
          GParamSpec     *pspec,
          MdCliCallRoute *self)
{
  MdAudioRoute now = md_call_route_get_route (route);
  const char *human;

  switch (now)
    {
    case MD_AUDIO_ROUTE_PHONE:
      human = _("The meeting’s audio is on your phone");
      break;
    case MD_AUDIO_ROUTE_DIAL_IN:
      human = _("The computer’s audio is off: you are in on your phone");
      break;
    case MD_AUDIO_ROUTE_COMPUTER:
    default:
      human = _("The meeting’s audio is on the computer");
      break;
    }
  md_cli_session_event (self->session, human, "route",
                        "route", md_audio_route_to_string (now), NULL);
}

static void
on_failed (MdCallRoute    *route,
           const char     *message,
           MdCliCallRoute *self)
{
  md_cli_session_event (self->session, message, "route_failed",
                        "route", md_audio_route_to_string (md_call_route_get_route (route)),
                        "message", message, NULL);
}

static void
on_phone_ended (MdCallRoute    *route,
                const char     *message,
                MdCliCallRoute *self)
{
  md_cli_session_event (self->session, message, "phone_ended", "message", message, NULL);
}

MdCliCallRoute *
md_cli_call_route_new (MdCliSession *session,
                       MdCall       *call,
                       MdDialPlan   *plan,
                       MdSipAccount *account,
                       const char   *phone_number)
{
  MdCliCallRoute *self = g_new0 (MdCliCallRoute, 1);

  self->session = session;
  self->plan = plan ? g_object_ref (plan) : NULL;
  self->phone_number = g_strdup (phone_number);
  self->route = md_call_route_new (md_cli_session_get_phone (session), call, account,
                                   md_cli_session_get_settings (session));
  g_signal_connect (self->route, "notify::route", G_CALLBACK (on_route), self);
  g_signal_connect (self->route, "failed", G_CALLBACK (on_failed), self);
  g_signal_connect (self->route, "phone-ended", G_CALLBACK (on_phone_ended), self);
  return self;
}

void
md_cli_call_route_switch (MdCliCallRoute *self)
{
  g_autoptr(GError) error = NULL;

  if (md_call_route_get_route (self->route) != MD_AUDIO_ROUTE_COMPUTER)
    {
      md_call_route_to_computer (self->route);
      return;
    }
  /* Again while the phone rings (or before its audio came): the user
   * changed their mind, and the phone is no longer called. */
  if (md_call_route_get_switching (self->route))
    {
      md_call_route_to_computer (self->route);
      md_cli_session_event (self->session,
                            _("Your phone is no longer called; the meeting stays on computer audio"),
                            "route", "route", "computer", NULL);
      return;
    }

  if (md_call_route_call_me (self->route, self->phone_number, &error))
    md_cli_session_event (self->session, _("Calling your phone…"), "route_switching",
                          "route", "phone", NULL);
  else
    on_failed (self->route, error->message, self);
}

/* The first and second touch-tone groups of the plan: PIN and passcode. */
static void
find_codes (MdDialPlan  *plan,
            const char **pin,
            const char **passcode)
{
  *pin = *passcode = NULL;
  for (guint i = 0; i < md_dial_plan_get_n_steps (plan); i++)
    {
      const MdDialStep *step = md_dial_plan_get_step (plan, i);

      if (step->kind != MD_DIAL_STEP_DTMF)
        continue;
      if (*pin == NULL)
        *pin = step->digits;
      else if (*passcode == NULL)
        *passcode = step->digits;
    }
}

static void
show_dial_in (MdCliCallRoute *self)
{
  g_autofree char *link = md_dial_plan_to_uri (self->plan);
  g_autofree char *masked = md_dial_plan_to_masked_uri (self->plan);
  const char *number = md_dial_plan_get_number (self->plan);
  const char *pin, *passcode;
  g_autoptr(MdQrMatrix) qr = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) human = g_string_new (NULL);

  find_codes (self->plan, &pin, &passcode);

  g_string_append_printf (human, _("To join from your phone, call %s"), number ? number : link);
  g_string_append_c (human, '\n');
  if (pin)
    g_string_append_printf (human, _("PIN: %s"), pin), g_string_append_c (human, '\n');
  if (passcode)
    g_string_append_printf (human, _("Passcode: %s"), passcode), g_string_append_c (human, '\n');
  qr = md_qr_matrix_new (link, &error);
  if (qr)
    {
      g_autofree char *text = md_qr_matrix_to_text (qr);

      g_string_append_printf (human, _("Or scan this with your phone’s camera:\n%s"), text);
    }
  g_string_append (human, _("Press i again once your phone has joined: the computer then goes silent."));
  /* Events are logs: the PIN stays masked there; the screen shows it, as
   * the user has to type or scan it. */
  md_cli_session_event (self->session, human->str, "dial_in", "number", number,
                        "dial", masked, NULL);
}

void
md_cli_call_route_dial_in (MdCliCallRoute *self)
{
  if (md_call_route_get_route (self->route) == MD_AUDIO_ROUTE_DIAL_IN)
    return;
  if (self->plan == NULL)
    {
      on_failed (self->route, _("The caller’s number is unknown, so there is nothing to dial in to"),
                 self);
      return;
    }
  if (!self->dial_in_shown)
    {
      self->dial_in_shown = TRUE;
      show_dial_in (self);
      return;
    }
  md_call_route_dial_in (self->route);
}

gboolean
md_cli_call_route_key (MdCliCallRoute *self,
                       char            key)
{
  if (key == 's')
    md_cli_call_route_switch (self);
  else if (key == 'i')
    md_cli_call_route_dial_in (self);
  else
    return FALSE;
  return TRUE;
}

void
md_cli_call_route_free (MdCliCallRoute *self)
{
  g_signal_handlers_disconnect_by_data (self->route, self);
  g_clear_object (&self->route);
  g_clear_object (&self->plan);
  g_free (self->phone_number);
  g_free (self);
}
