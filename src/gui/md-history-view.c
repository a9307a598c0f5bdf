/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-gui"

#include "config.h"

#include "md-history-view.h"
#include "md-plan-text.h"

#include <adwaita.h>
#include <glib/gi18n.h>

/* Older calls stay in the database; the list shows the recent ones. */
#define SHOWN_CALLS 200

struct _MdHistoryView
{
  GtkBox         parent_instance;

  GtkStack      *stack;
  GtkListBox    *list_box;

  MdCallHistory *history;
};

G_DEFINE_TYPE (MdHistoryView, md_history_view, GTK_TYPE_BOX)

const char *
md_history_view_outcome_label (const char *outcome)
{
  static const struct { const char *outcome; const char *label; } labels[] = {
    { "hung up", N_("Ended") },
    { "hung up by far end", N_("Ended by the other side") },
    { "busy", N_("Busy") },
    { "declined", N_("Declined") },
    { "no answer", N_("No answer") },
    { "wrong password", N_("Wrong password") },
    { "no password", N_("No password") },
    { "certificate not trusted", N_("Certificate not trusted") },
    { "unreachable", N_("Unreachable") },
    { "no common codec", N_("No common audio format") },
    { "bad answer from far end", N_("Bad answer from the other side") },
    { "network lost", N_("Network lost") },
    { "failed", N_("Failed") },
    { "handed-off", N_("Handed to phone app") },
    { "interrupted", N_("Interrupted") },
  };

  if (outcome == NULL)
    return _("In progress");

  for (gsize i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (outcome, labels[i].outcome))
      return _(labels[i].label);

  return outcome;
}

/* "Today 09:15", "Yesterday 18:02", or the date and time for older calls. */
static char *
dup_when (gint64 unix_time)
{
  g_autoptr(GDateTime) started = g_date_time_new_from_unix_local (unix_time);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now),
                                                      g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now),
                                                      0, 0, 0);
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (today, -1);
  g_autofree char *time_of_day = g_date_time_format (started, "%H:%M");

  if (g_date_time_compare (started, today) >= 0)
    /* Translators: when a call was made today, "%s" is its time of day */
    return g_strdup_printf (_("Today %s"), time_of_day);
  if (g_date_time_compare (started, yesterday) >= 0)
    /* Translators: when a call was made yesterday, "%s" is its time of day */
    return g_strdup_printf (_("Yesterday %s"), time_of_day);
  return g_date_time_format (started, "%x %H:%M");
}

/* "+1 646-555-0100 · Today 09:15 · 12:04 min · Ended": the number when the
 * title is the meeting's, then when, how long and how it ended. */
static char *
describe_record (const MdCallRecord *record)
{
  g_autofree char *when = dup_when (record->started_at);
  g_autofree char *target = md_plan_text_dup_number (record->target);
  const char *outcome = md_history_view_outcome_label (record->outcome);
  g_autoptr(GString) text = g_string_new (NULL);

  if (record->title != NULL && g_strcmp0 (record->title, target) != 0)
    g_string_append_printf (text, "%s · ", target);
  g_string_append (text, when);
  if (record->duration_s > 0)
    /* Translators: a call's length in minutes and seconds */
    g_string_append_printf (text, _(" · %u:%02u min"),
                            record->duration_s / 60, record->duration_s % 60);
  g_string_append_printf (text, " · %s", outcome);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
create_row (const MdCallRecord *record)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *redial = gtk_button_new_from_icon_name ("call-start-symbolic");
  g_autofree char *subtitle = describe_record (record);
  g_autofree char *title = NULL;

  if (record->title != NULL)
    title = g_strdup (record->title);
  else
    title = md_plan_text_dup_number (record->target);

  /* Meeting titles are text, not markup ("Q&A"). */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (redial, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (redial, "flat");
  gtk_widget_set_tooltip_text (redial, _("Call Again"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (redial),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Call Again"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (redial), "win.redial");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (redial), "x", record->id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), redial);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), redial);

  return row;
}

static void
reload (MdHistoryView *self)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  records = md_call_history_list (self->history, SHOWN_CALLS, &error);
  if (records == NULL)
    {
      g_warning ("%s", error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  for (guint i = 0; i < records->len; i++)
    gtk_list_box_append (self->list_box, create_row (g_ptr_array_index (records, i)));

  gtk_stack_set_visible_child_name (self->stack, records->len > 0 ? "list" : "empty");
}

static void
md_history_view_dispose (GObject *object)
{
  MdHistoryView *self = MD_HISTORY_VIEW (object);

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);
  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_HISTORY_VIEW);

  G_OBJECT_CLASS (md_history_view_parent_class)->dispose (object);
}

static void
md_history_view_class_init (MdHistoryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = md_history_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/meetdial/Meetdial/md-history-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MdHistoryView, stack);
  gtk_widget_class_bind_template_child (widget_class, MdHistoryView, list_box);
}

static void
md_history_view_init (MdHistoryView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
md_history_view_set_history (MdHistoryView *self,
                             MdCallHistory *history)
{
  g_return_if_fail (MD_IS_HISTORY_VIEW (self));
  g_return_if_fail (MD_IS_CALL_HISTORY (history));

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_set_object (&self->history, history);
  g_signal_connect_swapped (history, "changed", G_CALLBACK (reload), self);
  reload (self);
}
