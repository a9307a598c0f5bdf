/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-cli"

#include "config.h"

#include "md-cli-call-route.h"

#include <glib/gi18n.h>

struct _MdCliCallRoute
{
  MdCliSession *session;
  MdCallRoute  *route;
  char         *phone_number;
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
                       MdSipAccount *account,
                       const char   *phone_number)
{
  MdCliCallRoute *self = g_new0 (MdCliCallRoute, 1);

  self->session = session;
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
  if (md_call_route_get_switching (self->route))
    return;

  if (md_call_route_call_me (self->route, self->phone_number, &error))
    md_cli_session_event (self->session, _("Calling your phone…"), "route_switching",
                          "route", "phone", NULL);
  else
    on_failed (self->route, error->message, self);
}

void
md_cli_call_route_free (MdCliCallRoute *self)
{
  g_signal_handlers_disconnect_by_data (self->route, self);
  g_clear_object (&self->route);
  g_free (self->phone_number);
  g_free (self);
}
