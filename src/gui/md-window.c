/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-gui"

#include "config.h"

#include "md-window.h"
#include "md-application.h"
#include "md-confirm-dialog.h"
#include "md-country-label.h"
#include "md-call-starter.h"
#include "md-hand-off.h"
#include "md-history-view.h"
#include "md-invite-reader.h"
#include "md-lookup-error.h"
#include "md-lookup-task.h"
#include "md-meeting-view.h"
#include "md-switcher-bar.h"
#include "md-call-view.h"
#include "md-account.h"
#include "md-dial-plan.h"

#include <glib/gi18n.h>

struct _MdWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkButton       *back_button;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar *switcher_bar;
  AdwViewStack    *view_stack;
  GtkStack        *join_stack;
  GtkEntry        *link_entry;
  GtkSpinner      *lookup_spinner;
  MdMeetingView   *meeting_view;
  AdwStatusPage   *error_page;
  MdHistoryView   *history_view;

  GSettings       *settings;
  GCancellable    *lookup_cancellable;
  MdLookupResult  *result;
  AdwViewStackPage *call_page;
  MdCallView      *call_view;
  gboolean         history_shown;
  GtkWidget       *confirm_dialog;
};

G_DEFINE_TYPE (MdWindow, md_window, ADW_TYPE_APPLICATION_WINDOW)

static void
show_toast (MdWindow   *self,
            const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
show_message (MdWindow   *self,
              const char *heading,
              const char *body)
{
  md_call_starter_show_message (GTK_WINDOW (self), heading, body);
}

static void
set_action_state (MdWindow   *self,
                  const char *name,
                  GVariant   *state)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_state (G_SIMPLE_ACTION (action), state);
}

static void
set_action_enabled (MdWindow   *self,
                    const char *name,
                    gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

/* The country whose numbers come first: the setting, else the locale's. */
static char *
dup_preferred_country (MdWindow *self)
{
  g_autofree char *country = NULL;

  if (self->settings != NULL)
    country = g_settings_get_string (self->settings, "preferred-country");
  if (country != NULL && *country != '\0')
    return g_steal_pointer (&country);

  return md_country_label_for_locale ();
}

static guint
get_pause_ms (MdWindow *self)
{
  if (self->settings == NULL)
    return MD_DIAL_DEFAULT_PAUSE_MS;
  return g_settings_get_uint (self->settings, "pause-ms");
}

static MdCallController *
get_calls (MdWindow *self)
{
  return md_application_get_calls (MD_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
}

static MdAccount *
find_call_account (MdWindow *self)
{
  return md_call_controller_dup_account (get_calls (self));
}

static MdCallHistory *
get_history (MdWindow *self)
{
  MdCallHistory *history = md_call_controller_get_history (get_calls (self));

  if (history != NULL && !self->history_shown)
    {
      md_history_view_set_history (self->history_view, history);
      self->history_shown = TRUE;
    }

  return history;
}

/* The selected number's index in the result, or -1. */
static int
selected_dial_in (MdWindow *self)
{
  g_autoptr(GVariant) state = NULL;
  const char *number;

  if (self->result == NULL)
    return -1;

  state = g_action_group_get_action_state (G_ACTION_GROUP (self), "dial-in");
  number = g_variant_get_string (state, NULL);
  for (guint i = 0; i < md_lookup_result_get_n_dial_ins (self->result); i++)
    if (g_str_equal (md_dial_in_get_number (md_lookup_result_get_dial_in (self->result, i)), number))
      return (int) i;

  return -1;
}

static char *
dup_selected_dial (MdWindow *self)
{
  int index = selected_dial_in (self);

  return index >= 0 ? md_lookup_result_dup_dial (self->result, (guint) index) : NULL;
}

static void
start_call (MdWindow   *self,
            const char *dial_uri,
            const char *title,
            const char *provider)
{
  md_call_starter_call (GTK_WINDOW (self), dial_uri, title, provider);
}

/* ---- lookup ---- */

/* A meeting's numbers leave with its result: Call, the hand-off and the QR
 * code must never reach the last meeting from a later lookup's page. */
static void
forget_result (MdWindow *self)
{
  g_clear_object (&self->result);
  set_action_state (self, "dial-in", g_variant_new_string (""));
  set_action_enabled (self, "call", FALSE);
  set_action_enabled (self, "hand-off", FALSE);
  set_action_enabled (self, "show-qr", FALSE);
}

static void
show_lookup_error (MdWindow     *self,
                   const GError *error)
{
  const char *title = _("Lookup Failed");

  if (g_error_matches (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_NO_DIAL_IN))
    title = _("No Dial-In Found");
  else if (g_error_matches (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_BAD_INPUT))
    title = _("Not a Meeting Invitation");
  else if (g_error_matches (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_NO_TOKEN))
    title = _("API Token Needed");

  forget_result (self);
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->join_stack, "error");
}

static void
show_result (MdWindow       *self,
             MdLookupResult *result)
{
  int preferred = md_lookup_result_get_preferred (result);
  const char *number = "";

  g_set_object (&self->result, result);
  if (preferred >= 0)
    number = md_dial_in_get_number (md_lookup_result_get_dial_in (result, (guint) preferred));

  md_meeting_view_set_result (self->meeting_view, result);
  /* The header names the meeting while its numbers are shown. */
  adw_view_switcher_title_set_subtitle (self->switcher_title,
                                        md_lookup_result_get_title (result));
  set_action_state (self, "dial-in", g_variant_new_string (number));
  set_action_enabled (self, "call", preferred >= 0);
  set_action_enabled (self, "hand-off", preferred >= 0);
  set_action_enabled (self, "show-qr", preferred >= 0);
  gtk_stack_set_visible_child_name (self->join_stack, "result");
}

static void
on_lookup_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(MdWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MdLookupResult) lookup_result = md_lookup_task_run_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->lookup_cancellable);
  gtk_spinner_stop (self->lookup_spinner);

  if (lookup_result == NULL)
    show_lookup_error (self, error);
  else
    show_result (self, lookup_result);
}

/* A link typed or pasted by the user goes straight to the dial core; the
 * user asked for it, so there is nothing to confirm. */
static gboolean
looks_like_dial_link (const char *text)
{
  static const char *schemes[] = { "tel:", "sip:", "sips:", "callto:" };

  for (gsize i = 0; i < G_N_ELEMENTS (schemes); i++)
    if (g_ascii_strncasecmp (text, schemes[i], strlen (schemes[i])) == 0)
      return TRUE;
  return FALSE;
}

/* "+49 30 1234567" or "+1 (415) 555-0100,,123#": a number typed by hand. */
static gboolean
looks_like_number (const char *text)
{
  if (*text != '+' && !g_ascii_isdigit (*text))
    return FALSE;
  for (const char *c = text; *c != '\0'; c++)
    if (!g_ascii_isdigit (*c) && strchr ("+-.() ,;#*pwPW", *c) == NULL)
      return FALSE;
  return TRUE;
}

static void lookup_bytes (MdWindow *self, const char *text, gsize length);

static void
dial_typed_link (MdWindow   *self,
                 const char *link)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDialPlan) plan = md_dial_plan_parse (link, get_pause_ms (self), &error);
  g_autofree char *uri = NULL;

  if (plan == NULL)
    {
      show_lookup_error (self, error);
      return;
    }

  uri = md_dial_plan_to_uri (plan);
  start_call (self, uri, NULL, NULL);
}

static void
lookup_bytes (MdWindow   *self,
              const char *text,
              gsize       length)
{
  g_autofree char *country = NULL;
  g_autofree char *line = NULL;

  if (length > MD_INVITE_MAX_BYTES)
    {
      g_autoptr(GError) error = g_error_new (MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_BAD_INPUT,
                                             _("This file is too large to be an invitation."));
      show_lookup_error (self, error);
      return;
    }

  line = g_strstrip (g_strndup (text, length));
  if (*line == '\0')
    return;
  if (strchr (line, '\n') == NULL && looks_like_dial_link (line))
    {
      dial_typed_link (self, line);
      return;
    }
  if (looks_like_number (line))
    {
      g_autofree char *link = g_strconcat ("tel:", line, NULL);
      dial_typed_link (self, link);
      return;
    }

  g_cancellable_cancel (self->lookup_cancellable);
  g_clear_object (&self->lookup_cancellable);
  self->lookup_cancellable = g_cancellable_new ();

  adw_view_stack_set_visible_child_name (self->view_stack, "join");
  gtk_spinner_start (self->lookup_spinner);
  gtk_stack_set_visible_child_name (self->join_stack, "searching");

  country = dup_preferred_country (self);
  md_lookup_task_run_async (text, length, country, self->lookup_cancellable,
                            on_lookup_done, g_object_ref (self));
}

void
md_window_lookup_text (MdWindow   *self,
                       const char *text)
{
  g_return_if_fail (MD_IS_WINDOW (self));
  g_return_if_fail (text != NULL);

  lookup_bytes (self, text, strlen (text));
}

static void
on_clipboard_read (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(MdWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (text == NULL || *text == '\0')
    {
      show_toast (self, _("The clipboard holds no text"));
      return;
    }

  md_window_lookup_text (self, text);
}

static void
on_file_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(MdWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      g_autoptr(GError) lookup_error = g_error_new (MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_BAD_INPUT,
                                                    _("The file could not be read: %s"),
                                                    error->message);
      show_lookup_error (self, lookup_error);
      return;
    }

  lookup_bytes (self, contents, length);
}

void
md_window_lookup_file (MdWindow *self,
                       GFile    *file)
{
  g_return_if_fail (MD_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_file_load_contents_async (file, NULL, on_file_loaded, g_object_ref (self));
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         MdWindow      *self)
{
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = g_value_get_boxed (value);

      if (files == NULL)
        return FALSE;
      md_window_lookup_file (self, files->data);
      return TRUE;
    }

  if (G_VALUE_HOLDS_STRING (value) && g_value_get_string (value) != NULL)
    {
      md_window_lookup_text (self, g_value_get_string (value));
      return TRUE;
    }

  return FALSE;
}

/* ---- links from other programs ---- */

static void
on_confirm_dialog_response (AdwMessageDialog *dialog,
                            const char       *response,
                            MdWindow         *self)
{
  const char *uri = g_object_get_data (G_OBJECT (dialog), "md-dial-uri");

  if (g_str_equal (response, "call"))
    start_call (self, uri, NULL, NULL);

  self->confirm_dialog = NULL;
  set_action_state (self, "pending-link", g_variant_new_string (""));
}

void
md_window_open_link (MdWindow   *self,
                     const char *uri)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdDialPlan) plan = NULL;
  g_autoptr(MdAccount) account = NULL;
  g_autofree char *dial_uri = NULL;
  g_autofree char *masked_uri = NULL;

  g_return_if_fail (MD_IS_WINDOW (self));
  g_return_if_fail (uri != NULL);

  plan = md_dial_plan_parse (uri, get_pause_ms (self), &error);
  if (plan == NULL)
    {
      show_message (self, _("Cannot Dial This Link"), error->message);
      return;
    }

  dial_uri = md_dial_plan_to_uri (plan);
  if (self->settings != NULL && !g_settings_get_boolean (self->settings, "confirm-links"))
    {
      start_call (self, dial_uri, NULL, NULL);
      return;
    }

  /* A newer link replaces one still waiting for an answer. */
  if (self->confirm_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->confirm_dialog));

  account = find_call_account (self);
  self->confirm_dialog = md_confirm_dialog_new (GTK_WINDOW (self), plan,
                                                account ? md_account_get_name (account) : NULL);
  g_object_set_data_full (G_OBJECT (self->confirm_dialog), "md-dial-uri",
                          g_steal_pointer (&dial_uri), g_free);
  g_signal_connect_object (self->confirm_dialog, "response",
                           G_CALLBACK (on_confirm_dialog_response), self, 0);

  masked_uri = md_dial_plan_to_masked_uri (plan);
  set_action_state (self, "pending-link", g_variant_new_string (masked_uri));
  gtk_window_present (GTK_WINDOW (self->confirm_dialog));
}

/* ---- actions ---- */

static void
paste_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  MdWindow *self = user_data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* Ctrl+V in a text field pastes into it, as everywhere else. */
  if (GTK_IS_EDITABLE (focus))
    {
      gtk_widget_activate_action (focus, "clipboard.paste", NULL);
      return;
    }

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), NULL,
                                 on_clipboard_read, g_object_ref (self));
}

static void
lookup_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  md_window_lookup_text (user_data, g_variant_get_string (parameter, NULL));
}

static void
cancel_lookup_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  MdWindow *self = user_data;

  g_cancellable_cancel (self->lookup_cancellable);
  g_clear_object (&self->lookup_cancellable);
  gtk_spinner_stop (self->lookup_spinner);
  gtk_stack_set_visible_child_name (self->join_stack, "start");
}

static void
new_lookup_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  MdWindow *self = user_data;

  forget_result (self);
  gtk_editable_set_text (GTK_EDITABLE (self->link_entry), "");
  gtk_stack_set_visible_child_name (self->join_stack, "start");
  gtk_widget_grab_focus (GTK_WIDGET (self->link_entry));
}

static void
call_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  MdWindow *self = user_data;
  g_autofree char *dial_uri = dup_selected_dial (self);

  if (dial_uri != NULL)
    start_call (self, dial_uri, md_lookup_result_get_title (self->result),
                md_provider_to_string (md_lookup_result_get_provider (self->result)));
}

static void
hand_off_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  MdWindow *self = user_data;
  g_autofree char *dial_uri = dup_selected_dial (self);

  if (dial_uri != NULL)
    md_call_starter_hand_off (GTK_WINDOW (self), dial_uri,
                              md_lookup_result_get_title (self->result),
                              md_provider_to_string (md_lookup_result_get_provider (self->result)));
}

static void
show_qr_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  MdWindow *self = user_data;
  int index = selected_dial_in (self);
  g_autofree char *dial_uri = dup_selected_dial (self);

  if (dial_uri != NULL)
    md_hand_off_show_qr (GTK_WINDOW (self), dial_uri,
                         md_dial_in_get_number (md_lookup_result_get_dial_in (self->result,
                                                                              (guint) index)));
}

static void
show_toast_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  show_toast (user_data, g_variant_get_string (parameter, NULL));
}

static void
view_change_state (GSimpleAction *action,
                   GVariant      *state,
                   gpointer       user_data)
{
  MdWindow *self = user_data;
  const char *name = g_variant_get_string (state, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* Only the window itself moves this state; a request from outside is ignored. */
static void
read_only_change_state (GSimpleAction *action,
                        GVariant      *state,
                        gpointer       user_data)
{
}

static void
redial_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  md_call_starter_redial (GTK_WINDOW (user_data), g_variant_get_int64 (parameter));
}

static const GActionEntry win_entries[] = {
  { "paste", paste_activated },
  { "lookup", lookup_activated, "s" },
  { "cancel-lookup", cancel_lookup_activated },
  { "new-lookup", new_lookup_activated },
  { "dial-in", NULL, "s", "''" },
  { "call", call_activated },
  { "hand-off", hand_off_activated },
  { "show-qr", show_qr_activated },
  { "show-toast", show_toast_activated, "s" },
  { "view", NULL, "s", "'join'", view_change_state },
  { "pending-link", NULL, NULL, "''", read_only_change_state },
  { "redial", redial_activated, "x" },
};

/* ---- template callbacks ---- */

static void
on_link_entry_activate (MdWindow *self)
{
  md_window_lookup_text (self, gtk_editable_get_text (GTK_EDITABLE (self->link_entry)));
}

static void
on_link_entry_icon_release (MdWindow *self)
{
  on_link_entry_activate (self);
}

static void
on_join_stack_visible_child_name_notify (MdWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->join_stack);

  /* Says in the log (and to tests) where a lookup stands. */
  g_debug ("Join page: %s, spinner %s", name,
           gtk_spinner_get_spinning (self->lookup_spinner) ? "on" : "off");
  gtk_widget_set_visible (GTK_WIDGET (self->back_button),
                          g_strcmp0 (name, "result") == 0 || g_strcmp0 (name, "error") == 0);
  if (g_strcmp0 (name, "result") != 0)
    adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
}

static void
on_view_stack_visible_child_name_notify (MdWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (name == NULL)
    return;
  if (g_str_equal (name, "history"))
    get_history (self);
  set_action_state (self, "view", g_variant_new_string (name));
}

/* ---- calls ---- */

static void
on_controller_call_notify (MdWindow *self)
{
  MdCall *call = md_call_controller_get_call (get_calls (self));

  adw_view_stack_page_set_visible (self->call_page, call != NULL);
  if (call != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, "call");
  else
    adw_view_stack_set_visible_child_name (self->view_stack, "join");
}

static void
on_controller_failed (MdWindow   *self,
                      const char *message)
{
  show_message (self, _("Could Not Call"), message);
}

/* ---- window state ---- */

static gboolean
md_window_close_request (GtkWindow *window)
{
  MdWindow *self = MD_WINDOW (window);
  int width, height;

  if (self->settings != NULL)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set (self->settings, "window-size", "(ii)", width, height);
      g_settings_set_boolean (self->settings, "window-maximized",
                              gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (md_window_parent_class)->close_request (window);
}

/* "application" is not a construct property, so it is set only after
 * constructed(): the window joins its app here, from md_window_new(). */
static void
join_application (MdWindow      *self,
                  MdApplication *app)
{
  int width, height;

  self->settings = app ? md_application_get_settings (app) : NULL;
  if (app != NULL)
    {
      MdCallController *calls = md_application_get_calls (app);

      md_call_view_set_controller (self->call_view, calls);
      g_signal_connect_object (calls, "notify::call",
                               G_CALLBACK (on_controller_call_notify), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (calls, "failed",
                               G_CALLBACK (on_controller_failed), self, G_CONNECT_SWAPPED);
    }
  if (self->settings != NULL)
    {
      g_object_ref (self->settings);
      g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
      gtk_window_set_default_size (GTK_WINDOW (self), width, height);
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
}

static void
md_window_dispose (GObject *object)
{
  MdWindow *self = MD_WINDOW (object);

  g_cancellable_cancel (self->lookup_cancellable);
  g_clear_object (&self->lookup_cancellable);
  g_clear_object (&self->result);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_WINDOW);

  G_OBJECT_CLASS (md_window_parent_class)->dispose (object);
}

static void
md_window_class_init (MdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = md_window_dispose;
  window_class->close_request = md_window_close_request;

  g_type_ensure (MD_TYPE_MEETING_VIEW);
  g_type_ensure (MD_TYPE_HISTORY_VIEW);
  g_type_ensure (MD_TYPE_CALL_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/meetdial/Meetdial/md-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, join_stack);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, link_entry);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, lookup_spinner);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, meeting_view);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, history_view);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, call_page);
  gtk_widget_class_bind_template_child (widget_class, MdWindow, call_view);
  gtk_widget_class_bind_template_callback (widget_class, on_link_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_link_entry_icon_release);
  gtk_widget_class_bind_template_callback (widget_class, on_join_stack_visible_child_name_notify);
  gtk_widget_class_bind_template_callback (widget_class, on_view_stack_visible_child_name_notify);
}

static void
md_window_init (MdWindow *self)
{
  GtkDropTarget *drop_target;
  GType drop_types[] = { GDK_TYPE_FILE_LIST, G_TYPE_STRING };

  gtk_widget_init_template (GTK_WIDGET (self));
  md_switcher_bar_follow (self->switcher_bar, self->switcher_title);

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries,
                                   G_N_ELEMENTS (win_entries), self);
  md_meeting_view_add_actions (self->meeting_view, G_ACTION_MAP (self));
  set_action_enabled (self, "call", FALSE);
  set_action_enabled (self, "hand-off", FALSE);
  set_action_enabled (self, "show-qr", FALSE);

  drop_target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop_target, drop_types, G_N_ELEMENTS (drop_types));
  g_signal_connect (drop_target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));
}

MdWindow *
md_window_new (AdwApplication *application)
{
  MdWindow *self = g_object_new (MD_TYPE_WINDOW, "application", application, NULL);

  join_application (self, MD_APPLICATION (application));
  return self;
}
