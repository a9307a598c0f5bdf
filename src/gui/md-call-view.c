/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-gui"

#include "config.h"

#include "md-call-view.h"

#include <adwaita.h>
#include <glib/gi18n.h>

struct _MdCallView
{
  GtkBox            parent_instance;

  AdwStatusPage    *status_page;
  GtkLabel         *timer_label;
  GtkLabel         *progress_label;
  GtkButton        *continue_button;
  GtkGrid          *dial_pad;
  GtkWidget        *call_controls;
  GtkWidget        *incoming_controls;
  GtkWidget        *route_box;
  GtkToggleButton  *mute_button;
  GtkToggleButton  *hold_button;
  GtkWidget        *ended_controls;
  GtkButton        *close_button;
  GtkButton        *call_again_button;

  MdCallController *controller;
  MdCall           *call;
  guint             tick_id;
  gint64            answered_us;
  guint             lead_pause_s;  /* pauses before the first digits */
  gboolean          digits_sent;
  GString          *sent_masked;   /* "•••" for each digit sent so far */
};

G_DEFINE_TYPE (MdCallView, md_call_view, GTK_TYPE_BOX)

static const char *
describe_state (MdCall *call)
{
  switch (md_call_get_state (call))
    {
    case MD_CALL_STATE_DIALING:
      return _("Calling…");
    case MD_CALL_STATE_RINGING:
      return md_call_is_incoming (call) ? _("Incoming call") : _("Ringing…");
    case MD_CALL_STATE_EARLY:
      return _("Connecting…");
    case MD_CALL_STATE_ACTIVE:
      return _("In call");
    case MD_CALL_STATE_HELD:
      return _("On hold");
    case MD_CALL_STATE_ENDED:
    default:
      return md_call_get_end_message (call);
    }
}

/* The progress line: a server that does not reply, the pause still to go,
 * a wait, or what was sent. */
static void
update_progress (MdCallView *self)
{
  g_autofree char *text = NULL;
  MdCallState state = md_call_get_state (self->call);
  gboolean waiting = md_call_get_waiting (self->call);

  gtk_widget_set_visible (GTK_WIDGET (self->continue_button),
                          waiting && state != MD_CALL_STATE_ENDED);

  if (state == MD_CALL_STATE_ENDED)
    text = g_strdup ("");
  else if (state == MD_CALL_STATE_DIALING)
    text = g_strdup (md_call_get_server_silent (self->call)
                     ? _("No reply from the server yet: it may be out of reach")
                     : "");
  else if (waiting)
    text = g_strdup (_("Press Continue when the meeting asks for the PIN"));
  else if (self->answered_us > 0 && !self->digits_sent && self->lead_pause_s > 0)
    {
      gint64 elapsed_s = (g_get_monotonic_time () - self->answered_us) / G_USEC_PER_SEC;
      guint left_s = elapsed_s < self->lead_pause_s ? self->lead_pause_s - (guint) elapsed_s : 0;

      if (left_s > 0)
        /* Translators: %u is a number of seconds */
        text = g_strdup_printf (ngettext ("Waiting %u s…", "Waiting %u s…", left_s), left_s);
      else
        text = g_strdup (_("Sending PIN"));
    }

  if (text != NULL)
    gtk_label_set_label (self->progress_label, text);
}

static void
update_timer (MdCallView *self)
{
  g_autofree char *text = NULL;
  gint64 seconds = 0;

  if (self->answered_us > 0)
    seconds = (g_get_monotonic_time () - self->answered_us) / G_USEC_PER_SEC;
  text = g_strdup_printf ("%" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT, seconds / 60, seconds % 60);
  gtk_label_set_label (self->timer_label, text);
}

static gboolean
on_tick (gpointer user_data)
{
  MdCallView *self = user_data;

  update_timer (self);
  update_progress (self);
  return G_SOURCE_CONTINUE;
}

static void
update_state (MdCallView *self)
{
  MdCallState state = md_call_get_state (self->call);
  gboolean ended = state == MD_CALL_STATE_ENDED;
  gboolean ringing_in = md_call_is_incoming (self->call) && state == MD_CALL_STATE_RINGING;

  adw_status_page_set_description (self->status_page, describe_state (self->call));
  gtk_widget_set_visible (self->incoming_controls, ringing_in);
  gtk_widget_set_visible (self->call_controls, !ended && !ringing_in);
  gtk_widget_set_visible (GTK_WIDGET (self->dial_pad), !ended && !ringing_in);
  gtk_widget_set_visible (self->ended_controls, ended);
  gtk_widget_set_visible (GTK_WIDGET (self->call_again_button),
                          ended && md_call_controller_get_call_again_id (self->controller) != 0);
  /* Audio can move only in an outgoing meeting call that is connected. */
  gtk_widget_set_visible (self->route_box,
                          md_call_controller_get_route (self->controller) != NULL
                          && (state == MD_CALL_STATE_ACTIVE || state == MD_CALL_STATE_HELD));
  gtk_widget_set_sensitive (GTK_WIDGET (self->hold_button),
                            state == MD_CALL_STATE_ACTIVE || state == MD_CALL_STATE_HELD);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mute_button), !ended);

  if (ended)
    {
      g_clear_handle_id (&self->tick_id, g_source_remove);
      /* Not Call Again: Enter, meant to dismiss, must not dial. */
      gtk_widget_grab_focus (GTK_WIDGET (self->close_button));
    }
  update_progress (self);
}

static void
on_call_answered (MdCallView *self)
{
  self->answered_us = g_get_monotonic_time ();
  if (self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (1, on_tick, self);
  update_timer (self);
  update_progress (self);
}

static void
on_call_dtmf_sent (MdCallView *self,
                   const char *masked_digits)
{
  g_autofree char *text = NULL;

  g_string_append (self->sent_masked, masked_digits);
  /* Translators: %s are the digits sent, each shown as • */
  text = g_strdup_printf (_("Sent %s"), self->sent_masked->str);
  self->digits_sent = TRUE;
  gtk_label_set_label (self->progress_label, text);
}

static void
on_call_dtmf_failed (MdCallView *self,
                     const char *message)
{
  g_autofree char *text = g_strdup_printf (_("Touch tones could not be sent: %s"), message);

  /* The PIN's turn is over: no "Sending PIN" over this. */
  self->digits_sent = TRUE;
  gtk_label_set_label (self->progress_label, text);
}

static void
on_call_muted_notify (MdCallView *self)
{
  gtk_toggle_button_set_active (self->mute_button, md_call_get_muted (self->call));
}

static guint
count_lead_pause_s (MdDialPlan *plan)
{
  guint pause_ms = 0;

  for (guint i = 0; plan != NULL && i < md_dial_plan_get_n_steps (plan); i++)
    {
      const MdDialStep *step = md_dial_plan_get_step (plan, i);

      if (step->kind != MD_DIAL_STEP_PAUSE)
        break;
      pause_ms += step->pause_ms;
    }

  return (pause_ms + 999) / 1000;
}

static void
on_controller_call_notify (MdCallView *self)
{
  MdCall *call = md_call_controller_get_call (self->controller);
  const char *title = md_call_controller_get_title (self->controller);

  if (self->call != NULL)
    g_signal_handlers_disconnect_by_data (self->call, self);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_set_object (&self->call, call);
  self->answered_us = 0;
  self->digits_sent = FALSE;
  g_string_truncate (self->sent_masked, 0);

  if (call == NULL)
    return;

  self->lead_pause_s = count_lead_pause_s (md_call_controller_get_plan (self->controller));
  adw_status_page_set_title (self->status_page, title ? title : md_call_get_remote_uri (call));
  gtk_label_set_label (self->progress_label, "");
  gtk_toggle_button_set_active (self->hold_button, FALSE);
  update_timer (self);

  g_signal_connect_swapped (call, "notify::state", G_CALLBACK (update_state), self);
  g_signal_connect_swapped (call, "notify::waiting", G_CALLBACK (update_progress), self);
  g_signal_connect_swapped (call, "notify::server-silent", G_CALLBACK (update_progress), self);
  g_signal_connect_swapped (call, "notify::muted", G_CALLBACK (on_call_muted_notify), self);
  g_signal_connect_swapped (call, "answered", G_CALLBACK (on_call_answered), self);
  g_signal_connect_swapped (call, "dtmf-sent", G_CALLBACK (on_call_dtmf_sent), self);
  g_signal_connect_swapped (call, "dtmf-failed", G_CALLBACK (on_call_dtmf_failed), self);
  update_state (self);
}

static void
send_digit (MdCallView *self,
            char        digit)
{
  char digits[2] = { digit, '\0' };

  if (self->call != NULL && md_call_get_state (self->call) == MD_CALL_STATE_ACTIVE)
    md_call_send_dtmf (self->call, digits);
}

static void
on_dial_pad_key_clicked (GtkButton  *button,
                         MdCallView *self)
{
  send_digit (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "md-digit")));
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                MdCallView            *self)
{
  guint32 c = gdk_keyval_to_unicode (keyval);

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;
  if ((c >= '0' && c <= '9') || c == '*' || c == '#')
    {
      send_digit (self, (char) c);
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
on_mute_button_toggled (MdCallView *self)
{
  if (self->call != NULL)
    md_call_set_muted (self->call, gtk_toggle_button_get_active (self->mute_button));
}

static void
on_hold_button_toggled (MdCallView *self)
{
  if (self->call != NULL)
    md_call_set_held (self->call, gtk_toggle_button_get_active (self->hold_button));
}

static void
on_hang_up_button_clicked (MdCallView *self)
{
  md_call_controller_hang_up (self->controller);
}

static void
on_close_button_clicked (MdCallView *self)
{
  md_call_controller_dismiss (self->controller);
}

static void
build_dial_pad (MdCallView *self)
{
  static const struct { char digit; const char *letters; } keys[] = {
    { '1', "" }, { '2', "ABC" }, { '3', "DEF" },
    { '4', "GHI" }, { '5', "JKL" }, { '6', "MNO" },
    { '7', "PQRS" }, { '8', "TUV" }, { '9', "WXYZ" },
    { '*', "" }, { '0', "+" }, { '#', "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *label = g_strdup_printf ("%c", keys[i].digit);
      GtkWidget *button = gtk_button_new_with_label (label);

      gtk_widget_add_css_class (button, "circular");
      gtk_widget_add_css_class (button, "dial-key");
      gtk_widget_set_tooltip_text (button, keys[i].letters[0] ? keys[i].letters : NULL);
      g_object_set_data (G_OBJECT (button), "md-digit", GINT_TO_POINTER (keys[i].digit));
      g_signal_connect (button, "clicked", G_CALLBACK (on_dial_pad_key_clicked), self);
      gtk_grid_attach (self->dial_pad, button, (int) (i % 3), (int) (i / 3), 1, 1);
    }
}

static void
md_call_view_dispose (GObject *object)
{
  MdCallView *self = MD_CALL_VIEW (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->call != NULL)
    g_signal_handlers_disconnect_by_data (self->call, self);
  g_clear_object (&self->call);
  if (self->controller != NULL)
    g_signal_handlers_disconnect_by_data (self->controller, self);
  g_clear_object (&self->controller);
  if (self->sent_masked != NULL)
    g_string_free (g_steal_pointer (&self->sent_masked), TRUE);
  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_CALL_VIEW);

  G_OBJECT_CLASS (md_call_view_parent_class)->dispose (object);
}

static void
md_call_view_class_init (MdCallViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = md_call_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/meetdial/Meetdial/md-call-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MdCallView, status_page);
  gtk_widget_class_bind_template_child (widget_class, MdCallView, timer_label);
  gtk_widget_class_bind_template_child (widget_class, MdCallView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, MdCallView, continue_button);
  gtk_widget_class_bind_template_child (widget_class, MdCallView, dial_pad);
  gtk_widget_class_bind_template_child (widget_class, MdCallView, call_controls);
  gtk_widget_class_bind_template_child (widget_class, MdCallView, incoming_controls);
  gtk_widget_class_bind_template_child (widget_class, MdCallView, route_box);
  gtk_widget_class_bind_template_child (widget_class, MdCallView, mute_button);
  gtk_widget_class_bind_template_child (widget_class, MdCallView, hold_button);
  gtk_widget_class_bind_template_child (widget_class, MdCallView, ended_controls);
  gtk_widget_class_bind_template_child (widget_class, MdCallView, close_button);
  gtk_widget_class_bind_template_child (widget_class, MdCallView, call_again_button);
  gtk_widget_class_bind_template_callback (widget_class, on_mute_button_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_hold_button_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_hang_up_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_close_button_clicked);
}

static void
md_call_view_init (MdCallView *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->sent_masked = g_string_new (NULL);
  build_dial_pad (self);

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->mute_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Mute"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->hold_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Hold"), -1);
}

void
md_call_view_set_controller (MdCallView       *self,
                             MdCallController *controller)
{
  g_return_if_fail (MD_IS_CALL_VIEW (self));
  g_return_if_fail (MD_IS_CALL_CONTROLLER (controller));

  g_set_object (&self->controller, controller);
  g_signal_connect_swapped (controller, "notify::call",
                            G_CALLBACK (on_controller_call_notify), self);
  on_controller_call_notify (self);
}
