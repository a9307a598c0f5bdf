/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-gui"

#include "config.h"

#include "md-call-actions.h"

#include "md-call-starter.h"


enum {
  SIGNAL_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

struct _MdCallActions
{
  GObject           parent_instance;

  GActionMap       *map;    /* weak: the application owns us */
  MdCallController *calls;
};

G_DEFINE_TYPE (MdCallActions, md_call_actions, G_TYPE_OBJECT)

static void
set_state (MdCallActions *self,
           const char    *name,
           const char    *value)
{
  GAction *action = g_action_map_lookup_action (self->map, name);

  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (value));
}

static void
set_enabled (MdCallActions *self,
             const char    *name,
             gboolean       enabled)
{
  GAction *action = g_action_map_lookup_action (self->map, name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
on_call_state_notify (MdCallActions *self,
                      GParamSpec    *pspec,
                      MdCall        *call)
{
  MdCallState state = md_call_get_state (call);
  g_autofree char *text = NULL;

  if (state == MD_CALL_STATE_ENDED)
    text = g_strdup_printf ("ended: %s", md_call_get_end_reason (call));
  else
    text = g_strdup (md_call_state_to_string (state));
  g_debug ("Call state: %s", text);
  set_state (self, "call-state", text);
  set_enabled (self, "continue", state != MD_CALL_STATE_ENDED && md_call_get_waiting (call));
  set_enabled (self, "call-again", md_call_controller_get_call_again_id (self->calls) != 0);
}

static void
on_controller_call_notify (MdCallActions *self)
{
  MdCall *call = md_call_controller_get_call (self->calls);

  if (call == NULL)
    {
      set_state (self, "call-state", "");
      set_enabled (self, "continue", FALSE);
      set_enabled (self, "call-again", FALSE);
      return;
    }

  g_signal_connect_object (call, "notify::state", G_CALLBACK (on_call_state_notify),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (call, "notify::waiting", G_CALLBACK (on_call_state_notify),
                           self, G_CONNECT_SWAPPED);
  on_call_state_notify (self, NULL, call);
}

static void
on_route_notify (MdCallActions *self)
{
  MdCallRoute *route = md_call_controller_get_route (self->calls);

  set_enabled (self, "audio-route", route != NULL);
  set_state (self, "audio-route",
             route ? md_audio_route_to_string (md_call_route_get_route (route)) : "computer");
}

static void
on_controller_route_notify (MdCallActions *self)
{
  MdCallRoute *route = md_call_controller_get_route (self->calls);

  if (route != NULL)
    g_signal_connect_object (route, "notify::route", G_CALLBACK (on_route_notify), self,
                             G_CONNECT_SWAPPED);
  on_route_notify (self);
}

static void
continue_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  MdCallActions *self = user_data;
  MdCall *call = md_call_controller_get_call (self->calls);

  if (call != NULL)
    md_call_continue (call);
}

static void
call_again_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  MdCallActions *self = user_data;
  gint64 id = md_call_controller_get_call_again_id (self->calls);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self->map));

  if (id != 0 && window != NULL)
    md_call_starter_redial (window, id);
}

static void
audio_route_change_state (GSimpleAction *action,
                          GVariant      *state,
                          gpointer       user_data)
{
  MdCallActions *self = user_data;
  MdCallRoute *route = md_call_controller_get_route (self->calls);
  const char *wanted = g_variant_get_string (state, NULL);
  g_autoptr(GError) error = NULL;

  if (route == NULL)
    return;

  if (g_str_equal (wanted, "computer"))
    md_call_route_to_computer (route);
  else if (g_str_equal (wanted, "dial-in"))
    md_call_route_dial_in (route);
  else if (g_str_equal (wanted, "phone") && !md_call_route_call_me (route, NULL, &error))
    g_signal_emit (self, signals[SIGNAL_FAILED], 0, error->message);

  /* Until the route moves, the buttons show where the audio still is. */
  on_route_notify (self);
}

/* Only the call moves this state; a request from outside is ignored. */
static void
read_only_change_state (GSimpleAction *action,
                        GVariant      *state,
                        gpointer       user_data)
{
}

static const GActionEntry call_entries[] = {
  { "call-state", NULL, NULL, "''", read_only_change_state },
  { "continue", continue_activated },
  { "call-again", call_again_activated },
  { "audio-route", NULL, "s", "'computer'", audio_route_change_state },
};

static void
md_call_actions_dispose (GObject *object)
{
  MdCallActions *self = MD_CALL_ACTIONS (object);

  g_clear_object (&self->calls);

  G_OBJECT_CLASS (md_call_actions_parent_class)->dispose (object);
}

static void
md_call_actions_class_init (MdCallActionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = md_call_actions_dispose;

  /* The phone could not be called; the words are for the user. */
  signals[SIGNAL_FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
md_call_actions_init (MdCallActions *self)
{
}

MdCallActions *
md_call_actions_new (GActionMap       *map,
                     MdCallController *calls)
{
  MdCallActions *self = g_object_new (MD_TYPE_CALL_ACTIONS, NULL);

  self->map = map;
  self->calls = g_object_ref (calls);
  g_action_map_add_action_entries (map, call_entries, G_N_ELEMENTS (call_entries), self);

  g_signal_connect_object (calls, "notify::call", G_CALLBACK (on_controller_call_notify),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (calls, "notify::route", G_CALLBACK (on_controller_route_notify),
                           self, G_CONNECT_SWAPPED);
  on_controller_call_notify (self);
  on_controller_route_notify (self);
  return self;
}
