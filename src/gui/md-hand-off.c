/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-gui"

#include "config.h"

#include "md-hand-off.h"
#include "md-plan-text.h"
#include "md-qr-code.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#define QR_MODULE_PX 6

static gboolean
is_meetdial (GAppInfo *app_info)
{
  const char *id = g_app_info_get_id (app_info);

  return id != NULL && g_str_equal (id, APP_ID ".desktop");
}

/* Meetdial handles tel: links itself, so handing off to "the default" could
 * come straight back here: pick another app in that case. */
static GAppInfo *
find_other_phone_app (void)
{
  GList *apps = g_app_info_get_recommended_for_type ("x-scheme-handler/tel");
  GAppInfo *found = NULL;

  for (GList *l = apps; l != NULL && found == NULL; l = l->next)
    if (!is_meetdial (l->data))
      found = g_object_ref (l->data);

  g_list_free_full (apps, g_object_unref);
  return found;
}

static void
on_launched (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  gboolean ok;

  if (G_IS_APP_INFO (source))
    ok = g_app_info_launch_uris_finish (G_APP_INFO (source), result, &error);
  else
    ok = g_app_info_launch_default_for_uri_finish (result, &error);

  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
md_hand_off_async (GtkWindow           *parent,
                   const char          *uri,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (parent, cancellable, callback, user_data);
  g_autoptr(GAppLaunchContext) context = NULL;
  g_autoptr(GAppInfo) default_app = g_app_info_get_default_for_uri_scheme ("tel");
  g_autoptr(GAppInfo) other_app = NULL;

  g_task_set_source_tag (task, md_hand_off_async);
  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (
                                    gtk_widget_get_display (GTK_WIDGET (parent))));

  if (default_app != NULL && !is_meetdial (default_app))
    {
      g_app_info_launch_default_for_uri_async (uri, context, cancellable,
                                               on_launched, g_steal_pointer (&task));
      return;
    }

  other_app = find_other_phone_app ();
  if (other_app == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("No other app on this computer makes phone calls. "
                                 "Scan the QR code with your phone instead."));
      return;
    }

  {
    GList uris = { (gpointer) uri, NULL, NULL };
    g_app_info_launch_uris_async (other_app, &uris, context, cancellable,
                                  on_launched, g_steal_pointer (&task));
  }
}

gboolean
md_hand_off_finish (GAsyncResult  *result,
                    GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
md_hand_off_show_qr (GtkWindow  *parent,
                     const char *uri,
                     const char *number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = md_qr_code_new_texture (uri, QR_MODULE_PX, &error);
  GtkWidget *dialog;
  GtkWidget *picture;

  dialog = adw_message_dialog_new (parent, _("Dial In From Your Phone"), NULL);
  /* Window lists and screen readers name the dialog by its title. */
  gtk_window_set_title (GTK_WINDOW (dialog), _("Dial In From Your Phone"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));

  if (texture == NULL)
    {
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), error->message);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  {
    g_autofree char *readable = md_plan_text_dup_number (number);

    /* Translators: %s is a phone number */
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("Scan this code with your phone’s camera to call %s "
                                      "and enter the PIN by itself."), readable);
  }
  picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), FALSE);
  gtk_widget_set_halign (picture, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (picture),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("QR code of the dial-in link"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), picture);
  gtk_window_present (GTK_WINDOW (dialog));
}
