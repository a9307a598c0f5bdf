/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-gui"

#include "config.h"

#include "md-application.h"
#include "md-call-actions.h"
#include "md-call-controller.h"
#include "md-preferences-window.h"
#include "md-settings.h"
#include "md-window.h"

#include <glib/gi18n.h>
#include <libnotify/notify.h>

struct _MdApplication
{
  AdwApplication    parent_instance;

  GSettings        *settings;
  MdCallController *calls;
  MdCallActions    *call_actions;
  GHashTable       *notifications;  /* id → NotifyNotification */
  GtkWidget        *preferences;    /* weak: the one preferences window */
  gint64            started_us;
};

G_DEFINE_TYPE (MdApplication, md_application, ADW_TYPE_APPLICATION)

static MdWindow *
get_window (MdApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (MD_IS_WINDOW (window))
    return MD_WINDOW (window);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (MD_IS_WINDOW (l->data))
      return l->data;

  return md_window_new (ADW_APPLICATION (self));
}

/* MEETDIAL_BENCH=1 prints when the first frame was drawn, for bench/. */
static void
on_first_frame (GdkFrameClock *clock,
                MdApplication *self)
{
  g_print ("meetdial: first frame after %.1f ms\n",
           (g_get_monotonic_time () - self->started_us) / 1000.0);
  g_signal_handlers_disconnect_by_func (clock, on_first_frame, self);
}

static void
on_window_mapped (GtkWidget     *window,
                  MdApplication *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_frame), self);
  g_signal_handlers_disconnect_by_func (window, on_window_mapped, self);
}

static void
present_window (MdApplication *self)
{
  MdWindow *window = get_window (self);

  if (g_getenv ("MEETDIAL_BENCH") != NULL && !gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_signal_connect (window, "map", G_CALLBACK (on_window_mapped), self);

  gtk_window_present (GTK_WINDOW (window));
}

static void
md_application_activate (GApplication *app)
{
  present_window (MD_APPLICATION (app));
}

static void
md_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  MdApplication *self = MD_APPLICATION (app);

  present_window (self);
  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *uri = g_file_get_uri (files[i]);

      /* `meetdial invite.ics` or `meetdial https://whereby.com/room` look
       * the meeting up; tel:, sip:, sips: and callto: links are dialed. */
      if (g_file_is_native (files[i]))
        md_window_lookup_file (get_window (self), files[i]);
      else if (g_file_has_uri_scheme (files[i], "http") || g_file_has_uri_scheme (files[i], "https"))
        md_window_lookup_text (get_window (self), uri);
      else
        md_window_open_link (get_window (self), uri);
    }
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  MdApplication *self = user_data;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    gtk_window_close (l->data);
  g_application_quit (G_APPLICATION (self));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  MdApplication *self = user_data;
  static const char *developers[] = { "The Meetdial authors", NULL };

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", _("Meetdial"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "comments", _("Join meetings by phone"),
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static GtkWidget *
present_preferences (MdApplication *self)
{
  GtkWidget *preferences;

  if (self->settings == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (get_window (self)),
                                                  _("Settings Are Not Installed"),
                                                  _("Meetdial’s settings schema is missing. "
                                                    "Reinstall Meetdial to fix this."));

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return NULL;
    }

  if (self->preferences != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->preferences));
      return self->preferences;
    }

  preferences = md_preferences_window_new (GTK_WINDOW (get_window (self)), self->settings,
                                           self->calls);
  self->preferences = preferences;
  g_object_add_weak_pointer (G_OBJECT (preferences), (gpointer *) &self->preferences);
  gtk_window_present (GTK_WINDOW (preferences));
  return preferences;
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  present_preferences (user_data);
}

/* app.add-account, and app.edit-account with the account's name. */
static void
account_form_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  GtkWidget *preferences = present_preferences (user_data);

  if (preferences != NULL)
    md_preferences_window_show_account_form (MD_PREFERENCES_WINDOW (preferences),
                                             parameter ? g_variant_get_string (parameter, NULL)
                                                       : NULL);
}

static void
help_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  MdApplication *self = user_data;

  gtk_show_uri (GTK_WINDOW (get_window (self)), "help:meetdial", GDK_CURRENT_TIME);
}

static void
answer_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  MdApplication *self = user_data;

  present_window (self);
  md_call_controller_answer (self->calls);
}

static void
decline_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  MdApplication *self = user_data;

  md_call_controller_hang_up (self->calls);
}

static void
on_notification_answer (NotifyNotification *notification,
                        char               *action,
                        gpointer            user_data)
{
  answer_activated (NULL, NULL, user_data);
}

static void
on_notification_decline (NotifyNotification *notification,
                         char               *action,
                         gpointer            user_data)
{
  decline_activated (NULL, NULL, user_data);
}

static const GActionEntry app_entries[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
  { "add-account", account_form_activated },
  { "edit-account", account_form_activated, "s" },
  { "help", help_activated },
  { "answer", answer_activated },
  { "decline", decline_activated },
};

static void
on_call_actions_failed (MdApplication *self,
                        const char    *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (get_window (self)),
                                              _("Could Not Call Your Phone"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
md_application_startup (GApplication *app)
{
  MdApplication *self = MD_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *paste_accels[] = { "<Control>v", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };
  static const char *help_accels[] = { "F1", NULL };
  static const char *lookup_accels[] = { "<Control>n", NULL };

  G_APPLICATION_CLASS (md_application_parent_class)->startup (app);

  self->settings = md_settings_dup (&error);
  if (self->settings == NULL)
    g_warning ("%s", error->message);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries,
                                   G_N_ELEMENTS (app_entries), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", prefs_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.paste", paste_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.new-lookup", lookup_accels);

  self->calls = md_call_controller_new (self, self->settings);
  self->call_actions = md_call_actions_new (G_ACTION_MAP (self), self->calls);
  g_signal_connect_object (self->call_actions, "failed", G_CALLBACK (on_call_actions_failed),
                           self, G_CONNECT_SWAPPED);
  /* Incoming calls need a registered account; that waits until the main
   * loop is idle, after the first frame. */
  md_call_controller_start_idle (self->calls);
}

static void
md_application_shutdown (GApplication *app)
{
  MdApplication *self = MD_APPLICATION (app);

  md_call_controller_shutdown (self->calls);
  g_clear_object (&self->call_actions);
  g_clear_object (&self->calls);
  if (notify_is_initted ())
    notify_uninit ();

  G_APPLICATION_CLASS (md_application_parent_class)->shutdown (app);
}

static void
md_application_dispose (GObject *object)
{
  MdApplication *self = MD_APPLICATION (object);

  g_clear_object (&self->call_actions);
  g_clear_object (&self->calls);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->notifications, g_hash_table_unref);

  G_OBJECT_CLASS (md_application_parent_class)->dispose (object);
}

static void
md_application_class_init (MdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = md_application_dispose;
  app_class->activate = md_application_activate;
  app_class->open = md_application_open;
  app_class->startup = md_application_startup;
  app_class->shutdown = md_application_shutdown;
}

static void
md_application_init (MdApplication *self)
{
  self->started_us = g_get_monotonic_time ();
  self->notifications = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

MdApplication *
md_application_new (void)
{
  return g_object_new (MD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/meetdial/Meetdial",
                       NULL);
}

GSettings *
md_application_get_settings (MdApplication *self)
{
  g_return_val_if_fail (MD_IS_APPLICATION (self), NULL);

  return self->settings;
}

MdCallController *
md_application_get_calls (MdApplication *self)
{
  g_return_val_if_fail (MD_IS_APPLICATION (self), NULL);

  return self->calls;
}

void
md_application_dial (MdApplication *self,
                     const char    *dial_uri,
                     const char    *title,
                     const char    *provider)
{
  g_return_if_fail (MD_IS_APPLICATION (self));

  present_window (self);
  md_call_controller_dial (self->calls, dial_uri, title, provider);
}

static gboolean
has_focus (MdApplication *self)
{
  /* The surface's own state: GtkWindow:is-active starts out TRUE on an X
   * server without a window manager and never learns otherwise. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (l->data));

      if (GDK_IS_TOPLEVEL (surface)
          && (gdk_toplevel_get_state (GDK_TOPLEVEL (surface)) & GDK_TOPLEVEL_STATE_FOCUSED) != 0)
        return TRUE;
    }
  return FALSE;
}

void
md_application_notify (MdApplication *self,
                       const char    *id,
                       const char    *title,
                       const char    *body)
{
  g_autoptr(GError) error = NULL;
  NotifyNotification *notification;

  g_return_if_fail (MD_IS_APPLICATION (self));

  if (has_focus (self))
    {
      g_debug ("No notification “%s”: a window has the focus", title);
      return;
    }

  if (!notify_is_initted () && !notify_init (_("Meetdial")))
    return;

  notification = g_hash_table_lookup (self->notifications, id);
  if (notification == NULL)
    {
      notification = notify_notification_new (title, body, APP_ID);
      notify_notification_set_hint_string (notification, "desktop-entry", APP_ID);
      g_hash_table_insert (self->notifications, g_strdup (id), notification);
    }
  else
    {
      notify_notification_update (notification, title, body, APP_ID);
      notify_notification_clear_actions (notification);
    }

  /* An incoming call can be answered or declined from the notification. */
  if (g_str_equal (id, "incoming-call"))
    {
      notify_notification_set_urgency (notification, NOTIFY_URGENCY_CRITICAL);
      notify_notification_add_action (notification, "answer", _("Answer"),
                                      on_notification_answer, self, NULL);
      notify_notification_add_action (notification, "decline", _("Decline"),
                                      on_notification_decline, self, NULL);
    }

  if (!notify_notification_show (notification, &error))
    g_debug ("Notification not shown: %s", error->message);
  else
    g_debug ("Notification “%s” shown", title);
}

/* Takes notification @id off the screen, if it is there. */
void
md_application_withdraw_notification (MdApplication *self,
                                      const char    *id)
{
  g_autoptr(GError) error = NULL;
  NotifyNotification *notification;

  g_return_if_fail (MD_IS_APPLICATION (self));

  notification = g_hash_table_lookup (self->notifications, id);
  if (notification == NULL)
    return;
  if (!notify_notification_close (notification, &error))
    g_debug ("Notification not closed: %s", error->message);
  g_hash_table_remove (self->notifications, id);
}
