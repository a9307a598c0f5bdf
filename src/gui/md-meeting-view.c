/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-gui"

#include "config.h"

#include "md-meeting-view.h"
#include "md-phone-number.h"
#include "md-country-label.h"

#include <adwaita.h>
#include <glib/gi18n.h>

struct _MdMeetingView
{
  GtkBox          parent_instance;

  AdwPreferencesGroup *meeting_group;
  AdwActionRow   *title_row;
  AdwActionRow   *pin_row;
  AdwActionRow   *passcode_row;
  GtkBox         *numbers_box;

  MdLookupResult *result;
  GAction        *reveal_pin;       /* win.reveal-pin, boolean */
  GAction        *reveal_passcode;  /* win.reveal-passcode, boolean */
};

G_DEFINE_TYPE (MdMeetingView, md_meeting_view, GTK_TYPE_BOX)

/* A code shown as one bullet per digit, so its length stays visible. */
static char *
mask_code (const char *code)
{
  GString *masked = g_string_new (NULL);

  for (const char *c = code; *c != '\0'; c++)
    g_string_append (masked, "•");

  return g_string_free (masked, FALSE);
}

/* Masked unless its reveal action (without one: never) is on. */
static void
show_code (AdwActionRow *row,
           const char   *code,
           GAction      *reveal)
{
  g_autoptr(GVariant) state = reveal ? g_action_get_state (reveal) : NULL;
  g_autofree char *masked = NULL;

  gtk_widget_set_visible (GTK_WIDGET (row), code != NULL);
  if (code == NULL)
    return;

  if (state != NULL && g_variant_get_boolean (state))
    adw_action_row_set_subtitle (row, code);
  else
    adw_action_row_set_subtitle (row, (masked = mask_code (code)));
}

static void
show_codes (MdMeetingView *self)
{
  show_code (self->pin_row, md_lookup_result_get_pin (self->result), self->reveal_pin);
  show_code (self->passcode_row, md_lookup_result_get_passcode (self->result),
             self->reveal_passcode);
}

static void
copy_code (MdMeetingView *self,
           const char    *code,
           const char    *toast)
{
  if (code == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), code);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", toast);
}

static void
reveal_change_state (GSimpleAction *action,
                     GVariant      *state,
                     gpointer       user_data)
{
  MdMeetingView *self = user_data;

  g_simple_action_set_state (action, state);
  if (self->result != NULL)
    show_codes (self);
}

static const GActionEntry reveal_entries[] = {
  { "reveal-pin", NULL, NULL, "false", reveal_change_state },
  { "reveal-passcode", NULL, NULL, "false", reveal_change_state },
};

static void
on_copy_pin_button_clicked (MdMeetingView *self)
{
  copy_code (self, md_lookup_result_get_pin (self->result), _("PIN copied"));
}

static void
on_copy_passcode_button_clicked (MdMeetingView *self)
{
  copy_code (self, md_lookup_result_get_passcode (self->result), _("Passcode copied"));
}

static GtkWidget *
create_number_row (MdDialIn *dial_in)
{
  const char *number = md_dial_in_get_number (dial_in);
  const char *label = md_dial_in_get_label (dial_in);
  g_autofree char *readable = md_phone_number_format (number);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *radio = gtk_check_button_new ();

  /* The label comes from the invitation: text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), readable);
  if (label != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), label);

  if (md_dial_in_get_toll_free (dial_in))
    {
      GtkWidget *badge = gtk_label_new (_("Toll-free"));

      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (badge, "badge");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
    }

  /* A check button on a stateful string action is drawn as a radio. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (radio), "win.dial-in");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (radio), "s", number);
  gtk_widget_set_valign (radio, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (radio),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, readable, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), radio);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), radio);

  return row;
}

/* Groups keep the order of first appearance, after the preferred number's
 * country, which comes first with the preferred number at its top. */
static void
show_numbers (MdMeetingView *self)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int preferred = md_lookup_result_get_preferred (self->result);
  guint n = md_lookup_result_get_n_dial_ins (self->result);
  GtkWidget *child;
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->numbers_box))) != NULL)
    gtk_box_remove (self->numbers_box, child);

  if (preferred >= 0)
    g_array_append_val (order, preferred);
  for (guint i = 0; i < n; i++)
    if ((int) i != preferred)
      g_array_append_val (order, i);

  for (guint k = 0; k < order->len; k++)
    {
      MdDialIn *dial_in = md_lookup_result_get_dial_in (self->result, g_array_index (order, guint, k));
      const char *country = md_dial_in_get_country (dial_in);
      const char *key = country ? country : "";
      AdwPreferencesGroup *group = g_hash_table_lookup (groups, key);

      if (group == NULL)
        {
          g_autofree char *name = md_country_label_dup_name (country);

          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, name);
          gtk_box_append (self->numbers_box, GTK_WIDGET (group));
          g_hash_table_insert (groups, g_strdup (key), group);
        }

      adw_preferences_group_add (group, create_number_row (dial_in));
    }
}

static void
md_meeting_view_dispose (GObject *object)
{
  MdMeetingView *self = MD_MEETING_VIEW (object);

  g_clear_object (&self->result);
  g_clear_object (&self->reveal_pin);
  g_clear_object (&self->reveal_passcode);
  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_MEETING_VIEW);

  G_OBJECT_CLASS (md_meeting_view_parent_class)->dispose (object);
}

static void
md_meeting_view_class_init (MdMeetingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = md_meeting_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/meetdial/Meetdial/md-meeting-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MdMeetingView, meeting_group);
  gtk_widget_class_bind_template_child (widget_class, MdMeetingView, title_row);
  gtk_widget_class_bind_template_child (widget_class, MdMeetingView, pin_row);
  gtk_widget_class_bind_template_child (widget_class, MdMeetingView, passcode_row);
  gtk_widget_class_bind_template_child (widget_class, MdMeetingView, numbers_box);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_pin_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_passcode_button_clicked);
}

static void
md_meeting_view_init (MdMeetingView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
md_meeting_view_set_result (MdMeetingView  *self,
                            MdLookupResult *result)
{
  const char *title;
  const char *provider;

  g_return_if_fail (MD_IS_MEETING_VIEW (self));
  g_return_if_fail (MD_IS_LOOKUP_RESULT (result));

  g_set_object (&self->result, result);
  /* A new meeting starts with its codes masked. */
  if (self->reveal_pin != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (self->reveal_pin), g_variant_new_boolean (FALSE));
  if (self->reveal_passcode != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (self->reveal_passcode), g_variant_new_boolean (FALSE));

  title = md_lookup_result_get_title (self->result);
  provider = md_provider_display_name (md_lookup_result_get_provider (self->result));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->title_row),
                                 title ? title : _("Meeting"));
  adw_action_row_set_subtitle (self->title_row, provider);

  show_codes (self);
  show_numbers (self);
}

void
md_meeting_view_add_actions (MdMeetingView *self,
                             GActionMap    *map)
{
  g_return_if_fail (MD_IS_MEETING_VIEW (self));
  g_return_if_fail (G_IS_ACTION_MAP (map));

  g_action_map_add_action_entries (map, reveal_entries, G_N_ELEMENTS (reveal_entries), self);
  g_set_object (&self->reveal_pin, g_action_map_lookup_action (map, "reveal-pin"));
  g_set_object (&self->reveal_passcode, g_action_map_lookup_action (map, "reveal-passcode"));
}
