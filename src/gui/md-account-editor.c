/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-gui"

#include "config.h"

#include "md-account-editor.h"
#include "md-account-status.h"
#include "md-phone.h"
#include "md-secret-store.h"

#include <glib/gi18n.h>

/* A registrar that has not answered by then is reported as unreachable. */
#define CHECK_TIMEOUT_S 15

enum {
  SIGNAL_DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

struct _MdAccountEditor
{
  GtkBox        parent_instance;

  GSettings    *settings;
  gboolean      editing;
  GtkWidget    *name_row;
  GtkWidget    *server_row;
  GtkWidget    *user_row;
  GtkWidget    *password_row;
  GtkWidget    *domain_row;
  GtkWidget    *auth_user_row;
  GtkWidget    *outbound_proxy_row;
  GtkWidget    *international_prefix_row;
  GtkWidget    *register_switch;
  GtkWidget    *display_name_row;
  GtkWidget    *transport_row;
  GtkWidget    *ca_row;
  GtkWidget    *ca_clear_button;
  GtkWidget    *status_label;
  char         *ca_file;      /* "" when none is chosen */
  GtkWidget    *check_button;

  MdPhone      *check_phone;
  MdSipAccount *check_account;
  guint         check_timeout_id;
};

G_DEFINE_TYPE (MdAccountEditor, md_account_editor, GTK_TYPE_BOX)

static const char *transports[] = { "udp", "tcp", "tls", NULL };
#define TRANSPORT_TLS 2u

static const char *
row_text (GtkWidget *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_status (MdAccountEditor *self,
            const char      *text,
            gboolean         error)
{
  /* The log line is also how a test reads the form's answer. */
  g_debug ("Account form: %s", text);
  gtk_label_set_label (GTK_LABEL (self->status_label), text);
  gtk_widget_set_visible (self->status_label, text != NULL && *text != '\0');
  if (error)
    gtk_widget_add_css_class (self->status_label, "error");
  else
    gtk_widget_remove_css_class (self->status_label, "error");
}

static MdAccount *
build_account (MdAccountEditor  *self,
               GError          **error)
{
  guint transport = MIN (adw_combo_row_get_selected (ADW_COMBO_ROW (self->transport_row)),
                         TRANSPORT_TLS);
  g_autoptr(MdAccount) account = NULL;

  account = md_account_new (row_text (self->name_row), row_text (self->server_row),
                            row_text (self->user_row), row_text (self->domain_row),
                            transports[transport], row_text (self->display_name_row),
                            error);
  if (account != NULL &&
      (!md_account_set_auth_user (account, row_text (self->auth_user_row), error) ||
       !md_account_set_outbound_proxy (account, row_text (self->outbound_proxy_row), error) ||
       !md_account_set_international_prefix (account, row_text (self->international_prefix_row),
                                             error)))
    return NULL;
  if (account != NULL)
    md_account_set_registers (account, gtk_switch_get_active (GTK_SWITCH (self->register_switch)));
  /* A CA file chosen before switching away from TLS is not kept. */
  if (account != NULL && transport == TRANSPORT_TLS &&
      !md_account_set_ca_file (account, self->ca_file, error))
    return NULL;
  return g_steal_pointer (&account);
}

static void
on_password_saved (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(MdAccountEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!md_secret_store_save_finish (result, &error))
    {
      set_status (self, error->message, TRUE);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_DONE], 0, TRUE);
}

static void
save (MdAccountEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdAccount) account = build_account (self, &error);
  const char *password = row_text (self->password_row);

  if (account == NULL || !md_account_list_save (self->settings, account, &error))
    {
      set_status (self, error->message, TRUE);
      return;
    }

  /* An empty field while editing keeps the stored password. */
  if (*password == '\0')
    {
      if (self->editing)
        g_signal_emit (self, signals[SIGNAL_DONE], 0, TRUE);
      else
        set_status (self, _("Enter the account’s password."), TRUE);
      return;
    }

  set_status (self, _("Saving the password in the keyring…"), FALSE);
  md_secret_store_save_async (MD_SECRET_SIP_PASSWORD, md_account_get_name (account), password,
                              NULL, on_password_saved, g_object_ref (self));
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
}

static void
stop_check (MdAccountEditor *self)
{
  g_clear_handle_id (&self->check_timeout_id, g_source_remove);
  if (self->check_account != NULL)
    g_signal_handlers_disconnect_by_data (self->check_account, self);
  g_clear_object (&self->check_account);
  if (self->check_phone != NULL)
    md_phone_shutdown_async (self->check_phone, NULL, NULL, NULL);
  g_clear_object (&self->check_phone);
  gtk_widget_set_sensitive (self->check_button, TRUE);
}

static void
on_check_state_notify (MdAccountEditor *self)
{
  gboolean is_error;
  g_autofree char *text = md_account_status_describe (self->check_account, &is_error);

  if (text == NULL)
    return;

  set_status (self, text, is_error);
  stop_check (self);
}

static gboolean
on_check_timeout (gpointer user_data)
{
  MdAccountEditor *self = user_data;

  self->check_timeout_id = 0;
  set_status (self, _("The server did not answer. Check its address and your network."), TRUE);
  stop_check (self);
  return G_SOURCE_REMOVE;
}

/* What the check registers once SIP runs. */
typedef struct {
  MdAccountEditor *editor;
  MdPhone         *phone;
  MdAccount       *account;
  char            *password;
} CheckStart;

static void
check_start_free (CheckStart *start)
{
  g_object_unref (start->editor);
  g_object_unref (start->phone);
  g_object_unref (start->account);
  md_secret_free (start->password);
  g_free (start);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CheckStart, check_start_free)

static void
on_check_phone_started (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(CheckStart) start = user_data;
  MdAccountEditor *self = start->editor;
  g_autoptr(GError) error = NULL;

  /* Stopped, or started again, meanwhile. */
  if (self->check_phone != start->phone)
    return;

  if (md_phone_start_finish (start->phone, result, &error))
    self->check_account = md_phone_add_account (start->phone, start->account, start->password,
                                                &error);
  if (self->check_account == NULL)
    {
      set_status (self, error->message, TRUE);
      stop_check (self);
      return;
    }

  g_signal_connect_swapped (self->check_account, "notify::state",
                            G_CALLBACK (on_check_state_notify), self);
}

/* The server's name is looked up off the main thread (md_phone_start_async):
 * a name the network is slow to answer must not freeze the form. */
static void
start_check (MdAccountEditor *self,
             MdAccount       *account,
             const char      *password)
{
  g_autofree char *host = md_account_dup_first_hop_host (account);
  CheckStart *start = g_new0 (CheckStart, 1);

  stop_check (self);
  self->check_phone = md_phone_new (self->settings);
  gtk_widget_set_sensitive (self->check_button, FALSE);
  set_status (self, _("Registering…"), FALSE);
  self->check_timeout_id = g_timeout_add_seconds (CHECK_TIMEOUT_S, on_check_timeout, self);

  start->editor = g_object_ref (self);
  start->phone = g_object_ref (self->check_phone);
  /* Registering once is how the server says the settings are right, also
   * for an account that only calls out. */
  md_account_set_registers (account, TRUE);
  start->account = g_object_ref (account);
  start->password = g_strdup (password);
  md_phone_start_async (self->check_phone, host, NULL, on_check_phone_started, start);
}

static void
on_check_password_looked_up (GObject      *source,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  g_autoptr(MdAccountEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MdSecret) password = md_secret_store_lookup_finish (result, &error);
  g_autoptr(MdAccount) account = build_account (self, &error);

  if (account == NULL || error != NULL)
    {
      set_status (self, error->message, TRUE);
      return;
    }

  start_check (self, account, password ? password : "");
}

static void
on_check_button_clicked (MdAccountEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdAccount) account = build_account (self, &error);
  const char *password = row_text (self->password_row);

  if (account == NULL)
    {
      set_status (self, error->message, TRUE);
      return;
    }

  if (*password != '\0')
    start_check (self, account, password);
  else
    md_secret_store_lookup_async (MD_SECRET_SIP_PASSWORD, md_account_get_name (account), NULL,
                                  on_check_password_looked_up, g_object_ref (self));
}

static void
show_ca_file (MdAccountEditor *self)
{
  g_autofree char *name = g_path_get_basename (self->ca_file);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->ca_row),
                               *self->ca_file ? name
                                              : _("None: only the system’s CAs are trusted"));
  gtk_widget_set_tooltip_text (self->ca_row, *self->ca_file ? self->ca_file : NULL);
  gtk_widget_set_visible (self->ca_clear_button, *self->ca_file != '\0');
}

static void
on_ca_chooser_response (GtkNativeDialog *chooser,
                        int              response,
                        MdAccountEditor *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file ? g_file_get_path (file) : NULL;
      if (path == NULL)
        set_status (self, _("Choose a CA certificate file on this computer."), TRUE);
      else
        {
          g_free (self->ca_file);
          self->ca_file = g_steal_pointer (&path);
          show_ca_file (self);
        }
    }

  g_object_unref (chooser);
  g_object_unref (self);
}

static void
on_ca_choose_clicked (MdAccountEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) pem = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Choose the CA Certificate"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: a file type in the file chooser */
  gtk_file_filter_set_name (pem, _("PEM Certificates"));
  gtk_file_filter_add_pattern (pem, "*.pem");
  gtk_file_filter_add_pattern (pem, "*.crt");
  gtk_file_filter_add_pattern (pem, "*.cer");
  gtk_file_filter_add_mime_type (pem, "application/x-x509-ca-cert");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pem);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  if (*self->ca_file)
    {
      g_autoptr(GFile) current = g_file_new_for_path (self->ca_file);

      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), current, NULL);
    }

  g_signal_connect (chooser, "response", G_CALLBACK (on_ca_chooser_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_ca_clear_clicked (MdAccountEditor *self)
{
  g_free (self->ca_file);
  self->ca_file = g_strdup ("");
  show_ca_file (self);
}

/* The CA file only means something for TLS. */
static void
on_transport_selected (MdAccountEditor *self)
{
  gtk_widget_set_visible (self->ca_row,
                          adw_combo_row_get_selected (ADW_COMBO_ROW (self->transport_row)) == TRANSPORT_TLS);
}

static GtkWidget *
create_ca_row (MdAccountEditor *self)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *choose = gtk_button_new_with_mnemonic (_("_Choose…"));
  GtkWidget *clear = gtk_button_new_from_icon_name ("edit-clear-symbolic");

  /* The subtitle is a file name: text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("CA Certificate"));
  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (choose, _("Choose the PEM file of the CA that signed the server’s certificate"));
  g_signal_connect_swapped (choose, "clicked", G_CALLBACK (on_ca_choose_clicked), self);
  gtk_widget_set_valign (clear, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (clear, "flat");
  gtk_widget_set_tooltip_text (clear, _("Remove the CA Certificate"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (clear), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove the CA Certificate"), -1);
  g_signal_connect_swapped (clear, "clicked", G_CALLBACK (on_ca_clear_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), clear);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), choose);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), choose);
  self->ca_clear_button = clear;
  return row;
}

static void
on_back_clicked (MdAccountEditor *self)
{
  g_signal_emit (self, signals[SIGNAL_DONE], 0, FALSE);
}

/* Off for a provider that keeps one registration per account, which a
 * desk phone holds: the account then only calls out. */
static GtkWidget *
create_register_row (MdAccountEditor *self,
                     MdAccount       *account)
{
  GtkWidget *row = adw_action_row_new ();

  self->register_switch = gtk_switch_new ();
  gtk_switch_set_active (GTK_SWITCH (self->register_switch),
                         account == NULL || md_account_get_registers (account));
  gtk_widget_set_valign (self->register_switch, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Receive Calls Here"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Registers with the server. Turn off if a desk phone must keep the only registration."));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->register_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), self->register_switch);
  return row;
}

static GtkWidget *
add_entry_row (MdAccountEditor *self,
               GtkWidget       *group,
               GtkWidget       *row,
               const char      *title,
               const char      *text)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (save), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static void
build (MdAccountEditor *self,
       MdAccount       *account)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *more = adw_preferences_group_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *save_button = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *title = adw_window_title_new (account ? _("Edit Account") : _("Add Account"), NULL);

  gtk_widget_set_tooltip_text (back, _("Back"));
  g_signal_connect_swapped (back, "clicked", G_CALLBACK (on_back_clicked), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), back);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_box_append (GTK_BOX (self), header);

  /* The order a provider's welcome mail lists them in; Enter saves. */
  self->name_row = add_entry_row (self, group, adw_entry_row_new (), _("Account Name"),
                                  account ? md_account_get_name (account) : NULL);
  gtk_editable_set_editable (GTK_EDITABLE (self->name_row), account == NULL);
  self->server_row = add_entry_row (self, group, adw_entry_row_new (), _("Server (host:port)"),
                                    account ? md_account_get_server (account) : NULL);
  self->user_row = add_entry_row (self, group, adw_entry_row_new (), _("User Name"),
                                  account ? md_account_get_user (account) : NULL);
  self->password_row = add_entry_row (self, group, adw_password_entry_row_new (),
                                      account ? _("New Password (empty keeps the stored one)")
                                              : _("Password"),
                                      NULL);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (more), _("Optional"));
  self->domain_row = add_entry_row (self, more, adw_entry_row_new (), _("Domain"),
                                    account ? md_account_get_domain (account) : NULL);
  /* Only some providers give one (a PBX's "auth ID"); empty: the user. */
  self->auth_user_row = add_entry_row (self, more, adw_entry_row_new (), _("Authentication Name"),
                                       account ? md_account_get_auth_user (account) : NULL);
  self->display_name_row = add_entry_row (self, more, adw_entry_row_new (), _("Display Name"),
                                          account ? md_account_get_display_name (account) : NULL);
  self->transport_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->transport_row), _("Transport"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->transport_row),
                           G_LIST_MODEL (gtk_string_list_new ((const char * const[]) { "UDP", "TCP", "TLS", NULL })));
  for (guint i = 0; account != NULL && transports[i] != NULL; i++)
    if (g_str_equal (md_account_get_transport (account), transports[i]))
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->transport_row), i);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (more), self->transport_row);
  self->ca_row = create_ca_row (self);
  self->ca_file = g_strdup (account ? md_account_get_ca_file (account) : "");
  show_ca_file (self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (more), self->ca_row);
  /* Only some providers name one apart from the registrar. */
  self->outbound_proxy_row = add_entry_row (self, more, adw_entry_row_new (),
                                            _("Outbound Proxy (host:port)"),
                                            account ? md_account_get_outbound_proxy (account) : NULL);
  /* For providers that refuse numbers written with "+". */
  self->international_prefix_row = add_entry_row (self, more, adw_entry_row_new (),
                                                  _("International Prefix (dialled for +)"),
                                                  account ? md_account_get_international_prefix (account) : NULL);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self->international_prefix_row),
                                   GTK_INPUT_PURPOSE_DIGITS);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (more), create_register_row (self, account));
  g_signal_connect_swapped (self->transport_row, "notify::selected",
                            G_CALLBACK (on_transport_selected), self);
  on_transport_selected (self);

  self->check_button = gtk_button_new_with_mnemonic (_("C_heck Registration"));
  gtk_widget_add_css_class (self->check_button, "pill");
  g_signal_connect_swapped (self->check_button, "clicked", G_CALLBACK (on_check_button_clicked), self);
  gtk_widget_add_css_class (save_button, "pill");
  gtk_widget_add_css_class (save_button, "suggested-action");
  g_signal_connect_swapped (save_button, "clicked", G_CALLBACK (save), self);
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (buttons), self->check_button);
  gtk_box_append (GTK_BOX (buttons), save_button);

  self->status_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->status_label), TRUE);
  gtk_widget_set_margin_bottom (self->status_label, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Account status"), -1);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (more));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (self), page);
  {
    GtkWidget *actions = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

    /* Below the fields, which scroll, and always on screen: the answer
     * to Check Registration or Save shows wherever the form is scrolled
     * to, also after Alt+H or Enter in its first fields. The status is
     * above the buttons, where the eye is after pressing one. */
    gtk_widget_set_margin_top (actions, 12);
    gtk_widget_set_margin_bottom (actions, 12);
    gtk_widget_set_margin_start (actions, 12);
    gtk_widget_set_margin_end (actions, 12);
    gtk_widget_set_visible (self->status_label, FALSE);
    gtk_box_append (GTK_BOX (actions), self->status_label);
    gtk_box_append (GTK_BOX (actions), buttons);
    gtk_box_append (GTK_BOX (self), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
    gtk_box_append (GTK_BOX (self), actions);
  }
}

static gboolean
focus_first_field (gpointer user_data)
{
  MdAccountEditor *self = user_data;

  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_widget_grab_focus (self->editing ? self->server_row : self->name_row);
  /* The window list and screen readers name the form; it is also how a
   * test knows the form is ready for typing. */
  if (GTK_IS_WINDOW (root))
    gtk_window_set_title (GTK_WINDOW (root), self->editing ? _("Edit Account") : _("Add Account"));
  /* For a form opened over another, whose title was the same already. */
  g_debug ("Account form ready for typing");
  return G_SOURCE_REMOVE;
}

/* Focus can only move once the page is in the window, and the window moves
 * it once more while it shows the page: take it after that. */
static void
on_map (MdAccountEditor *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_first_field, g_object_ref (self), g_object_unref);
}

static void
md_account_editor_dispose (GObject *object)
{
  MdAccountEditor *self = MD_ACCOUNT_EDITOR (object);

  stop_check (self);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (md_account_editor_parent_class)->dispose (object);
}

static void
md_account_editor_finalize (GObject *object)
{
  MdAccountEditor *self = MD_ACCOUNT_EDITOR (object);

  g_free (self->ca_file);

  G_OBJECT_CLASS (md_account_editor_parent_class)->finalize (object);
}

static void
md_account_editor_class_init (MdAccountEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = md_account_editor_dispose;
  object_class->finalize = md_account_editor_finalize;

  signals[SIGNAL_DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
md_account_editor_init (MdAccountEditor *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
}

GtkWidget *
md_account_editor_new (GSettings *settings,
                       MdAccount *account)
{
  MdAccountEditor *self = g_object_new (MD_TYPE_ACCOUNT_EDITOR, NULL);

  self->settings = g_object_ref (settings);
  self->editing = account != NULL;
  build (self, account);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  return GTK_WIDGET (self);
}
