/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-gui"

#include "config.h"

#include "md-confirm-dialog.h"
#include "md-plan-text.h"

#include <glib/gi18n.h>

struct _MdConfirmDialog
{
  AdwMessageDialog parent_instance;

  AdwActionRow    *number_row;
  AdwActionRow    *plan_row;
  AdwActionRow    *account_row;
  GtkToggleButton *reveal_button;

  MdDialPlan      *plan;
};

G_DEFINE_TYPE (MdConfirmDialog, md_confirm_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
show_plan (MdConfirmDialog *self)
{
  gboolean reveal = gtk_toggle_button_get_active (self->reveal_button);
  g_autofree char *steps = md_plan_text_describe (self->plan, reveal);

  adw_action_row_set_subtitle (self->plan_row, steps);
}

static void
on_reveal_button_toggled (MdConfirmDialog *self)
{
  show_plan (self);
}

static void
md_confirm_dialog_dispose (GObject *object)
{
  MdConfirmDialog *self = MD_CONFIRM_DIALOG (object);

  g_clear_object (&self->plan);
  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_CONFIRM_DIALOG);

  G_OBJECT_CLASS (md_confirm_dialog_parent_class)->dispose (object);
}

static void
md_confirm_dialog_class_init (MdConfirmDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = md_confirm_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/meetdial/Meetdial/md-confirm-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MdConfirmDialog, number_row);
  gtk_widget_class_bind_template_child (widget_class, MdConfirmDialog, plan_row);
  gtk_widget_class_bind_template_child (widget_class, MdConfirmDialog, account_row);
  gtk_widget_class_bind_template_child (widget_class, MdConfirmDialog, reveal_button);
  gtk_widget_class_bind_template_callback (widget_class, on_reveal_button_toggled);
}

static void
md_confirm_dialog_init (MdConfirmDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "call", _("_Call"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "call",
                                              ADW_RESPONSE_SUGGESTED);
}

GtkWidget *
md_confirm_dialog_new (GtkWindow  *parent,
                       MdDialPlan *plan,
                       const char *account_name)
{
  MdConfirmDialog *self;
  g_autofree char *digits = NULL;

  g_return_val_if_fail (MD_IS_DIAL_PLAN (plan), NULL);

  self = g_object_new (MD_TYPE_CONFIRM_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->plan = g_object_ref (plan);

  {
    g_autofree char *target = md_plan_text_dup_target (plan);
    adw_action_row_set_subtitle (self->number_row, target);
  }
  /* Without an account a SIP address is called directly (md-call-controller.c). */
  adw_action_row_set_subtitle (self->account_row,
                               account_name ? account_name
                               : md_dial_plan_get_target_kind (plan) == MD_DIAL_TARGET_SIP
                               ? _("Directly, without an account")
                               : _("Your phone app"));

  /* Nothing to reveal in a plan without digits. */
  digits = md_dial_plan_dup_all_digits (plan);
  gtk_widget_set_visible (GTK_WIDGET (self->reveal_button), digits[0] != '\0');
  show_plan (self);

  return GTK_WIDGET (self);
}
