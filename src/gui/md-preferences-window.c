/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-gui"

#include "config.h"

#include "md-preferences-window.h"
#include "md-account.h"
#include "md-account-editor.h"
#include "md-account-status.h"
#include "md-device-rows.h"
#include "md-phone-number.h"
#include "md-provider.h"
#include "md-secret-store.h"

#include <glib/gi18n.h>
#include <string.h>

struct _MdPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  AdwEntryRow         *phone_number_row;
  AdwEntryRow         *country_row;
  GtkAdjustment       *pause_adjustment;
  AdwComboRow         *dtmf_row;
  AdwComboRow         *srtp_row;
  GtkSwitch           *confirm_switch;
  AdwComboRow         *input_row;
  AdwComboRow         *output_row;
  GtkSwitch           *echo_switch;
  GtkSwitch           *noise_switch;
  GtkSwitch           *gain_switch;
  AdwComboRow         *hangup_row;
  AdwPreferencesGroup *audio_group;
  AdwPreferencesGroup *accounts_group;
  AdwPreferencesGroup *tokens_group;

  GSettings           *settings;
  MdCallController    *calls;
  MdSipAccount        *sip_account;  /* the app's registration, watched */
  GPtrArray           *account_rows;
};

G_DEFINE_TYPE (MdPreferencesWindow, md_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const MdProvider token_providers[] = {
  MD_PROVIDER_WHEREBY, MD_PROVIDER_DAILY, MD_PROVIDER_WEBEX,
};

static void reload_accounts (MdPreferencesWindow *self);

static void
toast (MdPreferencesWindow *self,
       const char          *text)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (text));
}

/* ---- settings bindings ---- */

static gboolean
pause_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_uint32 (variant) / 1000.0);
  return TRUE;
}

static GVariant *
pause_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  return g_variant_new_uint32 ((guint32) (g_value_get_double (value) * 1000.0 + 0.5));
}

/* A combo row's index stands for a string setting's value: user_data is
 * the NULL-terminated list of values in row order. A value not in the list
 * (for audio, a file or a tone set elsewhere) shows as the first one and is
 * kept until the user picks something. */
static gboolean
choice_get_mapping (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char * const *choices = user_data;
  const char *current = g_variant_get_string (variant, NULL);
  guint index = 0;

  for (guint i = 0; choices[i] != NULL; i++)
    if (g_str_equal (current, choices[i]))
      index = i;
  g_value_set_uint (value, index);
  return TRUE;
}

static GVariant *
choice_set_mapping (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const char * const *choices = user_data;
  guint index = g_value_get_uint (value);

  return g_variant_new_string (index < g_strv_length ((char **) choices) ? choices[index]
                                                                          : choices[0]);
}

/* Row orders of the combo rows in md-preferences-window.ui. */
static const char * const audio_choices[] = { "auto", "null", NULL };
static const char * const dtmf_choices[] = { "auto", "rfc4733", "sip-info", "inband", NULL };
static const char * const srtp_choices[] = { "auto", "always", "never", NULL };
/* "fallback": back to the computer's audio; "end": the meeting call ends */
static const char * const hangup_choices[] = { "fallback", "end", NULL };

static void
on_phone_number_row_apply (MdPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->phone_number_row));
  g_autofree char *country = g_settings_get_string (self->settings, "preferred-country");
  g_autofree char *e164 = NULL;

  if (*text == '\0')
    {
      g_settings_set_string (self->settings, "my-phone-number", "");
      return;
    }

  e164 = md_phone_number_to_e164 (text, *country ? country : NULL);
  if (e164 == NULL)
    {
      toast (self, _("Meetdial cannot read this number. Write it with its country code, such as +49 30 1234567."));
      return;
    }

  g_settings_set_string (self->settings, "my-phone-number", e164);
  gtk_editable_set_text (GTK_EDITABLE (self->phone_number_row), e164);
}

static void
on_country_row_apply (MdPreferencesWindow *self)
{
  g_autofree char *code = g_ascii_strup (gtk_editable_get_text (GTK_EDITABLE (self->country_row)), -1);

  g_strstrip (code);
  if (*code != '\0' && (strlen (code) != 2 || !g_ascii_isalpha (code[0]) || !g_ascii_isalpha (code[1])))
    {
      toast (self, _("Enter a two-letter country code such as “DE” or “US”, or leave it empty."));
      return;
    }

  g_settings_set_string (self->settings, "preferred-country", code);
  gtk_editable_set_text (GTK_EDITABLE (self->country_row), code);
}

/* ---- accounts ---- */

static void
reload_call_account (MdPreferencesWindow *self)
{
  if (self->calls != NULL && !md_call_controller_reload_account (self->calls))
    toast (self, _("The changes apply when the call ends."));
}

static void
on_editor_done (MdPreferencesWindow *self,
                gboolean             saved)
{
  adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (self));
  gtk_window_set_title (GTK_WINDOW (self), _("Preferences"));
  if (saved)
    reload_call_account (self);
  reload_accounts (self);
}

static void
show_editor (MdPreferencesWindow *self,
             MdAccount           *account)
{
  GtkWidget *editor = md_account_editor_new (self->settings, account);

  g_signal_connect_object (editor, "done", G_CALLBACK (on_editor_done), self, G_CONNECT_SWAPPED);
  /* Back from the form, the account shows in its list. */
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (self), "accounts");
  adw_preferences_window_present_subpage (ADW_PREFERENCES_WINDOW (self), editor);
}

static void
on_edit_clicked (GtkButton           *button,
                 MdPreferencesWindow *self)
{
  g_autoptr(MdAccount) account = md_account_list_find (self->settings,
                                                       g_object_get_data (G_OBJECT (button), "md-account"),
                                                       NULL);

  if (account != NULL)
    show_editor (self, account);
}

static void
on_remove_clicked (GtkButton           *button,
                   MdPreferencesWindow *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "md-account");
  g_autoptr(GError) error = NULL;

  md_secret_store_clear_async (MD_SECRET_SIP_PASSWORD, name, NULL, NULL, NULL);
  if (!md_account_list_remove (self->settings, name, &error))
    toast (self, error->message);
  reload_call_account (self);
  reload_accounts (self);
}

static GtkWidget *
create_account_button (MdPreferencesWindow *self,
                       MdAccount           *account,
                       const char          *icon,
                       const char          *label,
                       GCallback            callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (button), "md-account",
                          g_strdup (md_account_get_name (account)), g_free);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

/* "user@server", and under it what the app's registration of the account
 * says, so a refused password or an untrusted certificate shows here. */
static char *
dup_account_subtitle (MdPreferencesWindow *self,
                      MdAccount           *account)
{
  g_autofree char *address = g_strdup_printf ("%s@%s", md_account_get_user (account),
                                              md_account_get_server (account));
  g_autofree char *status = NULL;
  gboolean is_error;

  if (self->sip_account != NULL &&
      g_str_equal (md_sip_account_get_name (self->sip_account), md_account_get_name (account)))
    {
      /* The state shown would be the old settings' registration. */
      if (md_call_controller_get_account_change_pending (self->calls))
        status = g_strdup (_("The changes apply when the call ends."));
      else
        status = md_account_status_describe (self->sip_account, &is_error);
    }
  if (status == NULL && !md_account_get_registers (account))
    status = g_strdup (_("Calls out only: calls to it do not ring here."));
  if (status == NULL)
    return g_steal_pointer (&address);
  return g_strdup_printf ("%s\n%s", address, status);
}

static void
reload_accounts (MdPreferencesWindow *self)
{
  g_autoptr(GPtrArray) accounts = md_account_list_load (self->settings);

  for (guint i = 0; i < self->account_rows->len; i++)
    adw_preferences_group_remove (self->accounts_group, g_ptr_array_index (self->account_rows, i));
  g_ptr_array_set_size (self->account_rows, 0);

  for (guint i = 0; i < accounts->len; i++)
    {
      MdAccount *account = g_ptr_array_index (accounts, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *edit = create_account_button (self, account, "document-edit-symbolic",
                                               _("Edit Account"), G_CALLBACK (on_edit_clicked));
      g_autofree char *subtitle = dup_account_subtitle (self, account);

      /* Names and the server's words are text, not markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), md_account_get_name (account));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 create_account_button (self, account, "user-trash-symbolic",
                                                        _("Remove Account"),
                                                        G_CALLBACK (on_remove_clicked)));
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), edit);
      adw_preferences_group_add (self->accounts_group, row);
      g_ptr_array_add (self->account_rows, row);
    }
}

static void
on_sip_account_changed (MdPreferencesWindow *self)
{
  MdSipAccount *sip_account = md_call_controller_get_sip_account (self->calls);

  if (sip_account == self->sip_account)
    return;
  if (self->sip_account != NULL)
    g_signal_handlers_disconnect_by_data (self->sip_account, self);
  g_set_object (&self->sip_account, sip_account);
  if (sip_account != NULL)
    g_signal_connect_swapped (sip_account, "notify::state", G_CALLBACK (reload_accounts), self);
  reload_accounts (self);
}

static void
add_account_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  show_editor (MD_PREFERENCES_WINDOW (widget), NULL);
}

/* ---- provider tokens ---- */

typedef struct {
  MdPreferencesWindow *self;
  AdwPreferencesRow   *row;
  MdProvider           provider;
} TokenOp;

static void
token_op_free (TokenOp *op)
{
  g_object_unref (op->self);
  g_object_unref (op->row);
  g_free (op);
}

static void
show_token_stored (TokenOp  *op,
                   gboolean  stored)
{
  const char *name = md_provider_display_name (op->provider);
  g_autofree char *title = NULL;

  /* Translators: %s is a meeting provider; the token itself is never shown */
  title = stored ? g_strdup_printf (_("%s (token stored)"), name) : g_strdup (name);
  adw_preferences_row_set_title (op->row, title);
}

static void
on_token_looked_up (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  TokenOp *op = user_data;
  g_autoptr(MdSecret) token = md_secret_store_lookup_finish (result, NULL);

  show_token_stored (op, token != NULL);
  token_op_free (op);
}

static void
on_token_saved (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  TokenOp *op = user_data;
  g_autoptr(GError) error = NULL;

  if (!md_secret_store_save_finish (result, &error))
    toast (op->self, error->message);
  else
    show_token_stored (op, TRUE);
  token_op_free (op);
}

static TokenOp *
token_op_new (MdPreferencesWindow *self,
              GtkWidget           *row)
{
  TokenOp *op = g_new0 (TokenOp, 1);

  op->self = g_object_ref (self);
  op->row = g_object_ref (ADW_PREFERENCES_ROW (row));
  op->provider = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "md-provider"));
  return op;
}

static void
on_token_row_apply (AdwEntryRow         *row,
                    MdPreferencesWindow *self)
{
  TokenOp *op = token_op_new (self, GTK_WIDGET (row));
  g_autofree char *token = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  /* The field is cleared at once; the keyring is the only copy. */
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  g_strstrip (token);
  md_secret_store_save_async (MD_SECRET_PROVIDER_TOKEN, md_provider_to_string (op->provider),
                              token, NULL, on_token_saved, op);
  memset (token, 0, strlen (token));
}

static void
on_token_clear_clicked (GtkButton           *button,
                        MdPreferencesWindow *self)
{
  TokenOp *op = token_op_new (self, g_object_get_data (G_OBJECT (button), "md-row"));

  md_secret_store_clear_async (MD_SECRET_PROVIDER_TOKEN, md_provider_to_string (op->provider),
                               NULL, NULL, NULL);
  show_token_stored (op, FALSE);
  token_op_free (op);
}

static void
build_token_rows (MdPreferencesWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (token_providers); i++)
    {
      GtkWidget *row = adw_password_entry_row_new ();
      GtkWidget *clear = gtk_button_new_from_icon_name ("user-trash-symbolic");
      /* Translators: %s is a meeting provider */
      g_autofree char *clear_label = g_strdup_printf (_("Remove the %s token"),
                                                      md_provider_display_name (token_providers[i]));

      g_object_set_data (G_OBJECT (row), "md-provider", GINT_TO_POINTER (token_providers[i]));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     md_provider_display_name (token_providers[i]));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_signal_connect (row, "apply", G_CALLBACK (on_token_row_apply), self);

      gtk_widget_set_valign (clear, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (clear, "flat");
      gtk_widget_set_tooltip_text (clear, clear_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (clear),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, clear_label, -1);
      g_object_set_data (G_OBJECT (clear), "md-row", row);
      g_signal_connect (clear, "clicked", G_CALLBACK (on_token_clear_clicked), self);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), clear);

      adw_preferences_group_add (self->tokens_group, row);
      md_secret_store_lookup_async (MD_SECRET_PROVIDER_TOKEN,
                                    md_provider_to_string (token_providers[i]), NULL,
                                    on_token_looked_up, token_op_new (self, row));
    }
}

static void
bind_settings (MdPreferencesWindow *self)
{
  g_autofree char *number = g_settings_get_string (self->settings, "my-phone-number");
  g_autofree char *country = g_settings_get_string (self->settings, "preferred-country");

  gtk_editable_set_text (GTK_EDITABLE (self->phone_number_row), number);
  gtk_editable_set_text (GTK_EDITABLE (self->country_row), country);
  g_settings_bind_with_mapping (self->settings, "pause-ms", self->pause_adjustment, "value",
                                G_SETTINGS_BIND_DEFAULT, pause_get_mapping, pause_set_mapping,
                                NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "dtmf-mode", self->dtmf_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, choice_get_mapping, choice_set_mapping,
                                (gpointer) dtmf_choices, NULL);
  g_settings_bind_with_mapping (self->settings, "srtp", self->srtp_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, choice_get_mapping, choice_set_mapping,
                                (gpointer) srtp_choices, NULL);
  g_settings_bind_with_mapping (self->settings, "audio-input", self->input_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, choice_get_mapping, choice_set_mapping,
                                (gpointer) audio_choices, NULL);
  g_settings_bind_with_mapping (self->settings, "audio-output", self->output_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, choice_get_mapping, choice_set_mapping,
                                (gpointer) audio_choices, NULL);
  g_settings_bind (self->settings, "confirm-links", self->confirm_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "echo-cancellation", self->echo_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "noise-suppression", self->noise_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "gain-control", self->gain_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "phone-hangup-action", self->hangup_row,
                                "selected", G_SETTINGS_BIND_DEFAULT, choice_get_mapping,
                                choice_set_mapping, (gpointer) hangup_choices, NULL);
}

static void
md_preferences_window_dispose (GObject *object)
{
  MdPreferencesWindow *self = MD_PREFERENCES_WINDOW (object);

  if (self->sip_account != NULL)
    g_signal_handlers_disconnect_by_data (self->sip_account, self);
  g_clear_object (&self->sip_account);
  g_clear_object (&self->calls);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->account_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (md_preferences_window_parent_class)->dispose (object);
}

static void
md_preferences_window_class_init (MdPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = md_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/meetdial/Meetdial/md-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, phone_number_row);
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, country_row);
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, pause_adjustment);
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, dtmf_row);
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, srtp_row);
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, confirm_switch);
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, input_row);
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, output_row);
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, echo_switch);
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, noise_switch);
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, gain_switch);
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, hangup_row);
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, audio_group);
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, accounts_group);
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, tokens_group);
  gtk_widget_class_bind_template_callback (widget_class, on_phone_number_row_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_country_row_apply);

  gtk_widget_class_install_action (widget_class, "prefs.add-account", NULL, add_account_activated);
}

static void
md_preferences_window_init (MdPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->account_rows = g_ptr_array_new ();
}

GtkWidget *
md_preferences_window_new (GtkWindow        *parent,
                           GSettings        *settings,
                           MdCallController *calls)
{
  MdPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (MD_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->settings = g_object_ref (settings);
  bind_settings (self);
  md_device_rows_add (self->audio_group, settings);
  if (calls != NULL)
    {
      self->calls = g_object_ref (calls);
      g_signal_connect_object (calls, "notify::sip-account", G_CALLBACK (on_sip_account_changed),
                               self, G_CONNECT_SWAPPED);
      on_sip_account_changed (self);
    }
  reload_accounts (self);
  build_token_rows (self);
  return GTK_WIDGET (self);
}

void
md_preferences_window_show_account_form (MdPreferencesWindow *self,
                                         const char          *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdAccount) account = NULL;

  g_return_if_fail (MD_IS_PREFERENCES_WINDOW (self));

  if (name != NULL)
    {
      account = md_account_list_find (self->settings, name, &error);
      if (account == NULL)
        {
          toast (self, error->message);
          return;
        }
    }
  show_editor (self, account);
}
