/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-gui"

#include "config.h"

#include "md-call-starter.h"
#include "md-application.h"
#include "md-hand-off.h"
#include "md-secret-store.h"

#include <adwaita.h>
#include <glib/gi18n.h>

typedef struct {
  GtkWindow *parent;
  char      *dial_uri;
  char      *title;
  char      *provider;
  gint64     history_id;
} CallRequest;

static CallRequest *
call_request_new (GtkWindow  *parent,
                  const char *dial_uri,
                  const char *title,
                  const char *provider)
{
  CallRequest *request = g_new0 (CallRequest, 1);

  request->parent = g_object_ref (parent);
  request->dial_uri = g_strdup (dial_uri);
  request->title = g_strdup (title);
  request->provider = g_strdup (provider);
  return request;
}

static void
call_request_free (CallRequest *request)
{
  g_object_unref (request->parent);
  g_free (request->dial_uri);
  g_free (request->title);
  g_free (request->provider);
  g_free (request);
}

static MdApplication *
get_app (GtkWindow *parent)
{
  return MD_APPLICATION (gtk_window_get_application (parent));
}

void
md_call_starter_show_message (GtkWindow  *parent,
                              const char *heading,
                              const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_hand_off_done (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GError) error = NULL;

  if (!md_hand_off_finish (result, &error))
    md_call_starter_show_message (parent, _("Could Not Open a Phone App"), error->message);
}

void
md_call_starter_hand_off (GtkWindow  *parent,
                          const char *dial_uri,
                          const char *title,
                          const char *provider)
{
  MdCallHistory *history = md_call_controller_get_history (md_application_get_calls (get_app (parent)));

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (dial_uri != NULL);

  if (history != NULL)
    {
      g_autoptr(GError) error = NULL;
      gint64 id = md_call_history_add (history, dial_uri, title, provider, &error);

      if (id == 0 || !md_call_history_finish (history, id, "handed-off", 0, &error))
        g_warning ("%s", error->message);
      else
        md_call_history_save_dial_async (history, id, dial_uri, NULL, NULL, NULL);
    }

  md_hand_off_async (parent, dial_uri, NULL, on_hand_off_done, g_object_ref (parent));
}

static void
on_no_account_response (AdwMessageDialog *dialog,
                        const char       *response,
                        CallRequest      *request)
{
  if (g_str_equal (response, "hand-off"))
    md_call_starter_hand_off (request->parent, request->dial_uri, request->title,
                              request->provider);
  else if (g_str_equal (response, "add-account"))
    g_action_group_activate_action (G_ACTION_GROUP (get_app (request->parent)),
                                    "add-account", NULL);
}

static void
explain_no_account (CallRequest *request)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (request->parent, _("No SIP Account"),
                                   _("To call from this computer, add the SIP account of your "
                                     "phone provider in Preferences. You can also hand the call "
                                     "to your phone app."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add-account", _("_Add Account"),
                                    "hand-off", _("Open in _Phone App"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "hand-off",
                                              ADW_RESPONSE_SUGGESTED);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_no_account_response),
                         request, (GClosureNotify) (void (*) (void)) call_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
md_call_starter_call (GtkWindow  *parent,
                      const char *dial_uri,
                      const char *title,
                      const char *provider)
{
  MdApplication *app;
  MdCallController *calls;
  g_autoptr(MdAccount) account = NULL;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (dial_uri != NULL);

  app = get_app (parent);
  calls = md_application_get_calls (app);
  account = md_call_controller_dup_account (calls);
  if (account == NULL && !md_call_controller_goes_direct (calls, dial_uri))
    {
      explain_no_account (call_request_new (parent, dial_uri, title, provider));
      return;
    }

  md_application_dial (app, dial_uri, title, provider);
}

static const MdCallRecord *
find_record (GPtrArray *records,
             gint64     id)
{
  for (guint i = 0; records != NULL && i < records->len; i++)
    if (((MdCallRecord *) g_ptr_array_index (records, i))->id == id)
      return g_ptr_array_index (records, i);
  return NULL;
}

static void
on_redial_dial_looked_up (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  CallRequest *request = user_data;
  MdCallHistory *history = MD_CALL_HISTORY (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(MdSecret) dial_uri = md_call_history_lookup_dial_finish (history, result, &error);
  g_autoptr(GPtrArray) records = md_call_history_list (history, 0, NULL);
  const MdCallRecord *record = find_record (records, request->history_id);
  g_autofree char *bare = NULL;

  if (record == NULL)
    {
      call_request_free (request);
      return;
    }

  if (dial_uri == NULL)
    {
      /* Without its PIN the number is still worth calling: the bridge asks. */
      bare = g_str_has_prefix (record->target, "sip")
             ? g_strdup (record->target)
             : g_strconcat ("tel:", record->target, NULL);
      if (error != NULL)
        g_warning ("The dial link of call %" G_GINT64_FORMAT " could not be read: %s",
                   record->id, error->message);
    }

  md_call_starter_call (request->parent, dial_uri ? dial_uri : bare, record->title,
                        record->provider);
  call_request_free (request);
}

void
md_call_starter_redial (GtkWindow *parent,
                        gint64     history_id)
{
  MdCallHistory *history;
  CallRequest *request;

  g_return_if_fail (GTK_IS_WINDOW (parent));

  history = md_call_controller_get_history (md_application_get_calls (get_app (parent)));
  if (history == NULL)
    return;

  request = call_request_new (parent, NULL, NULL, NULL);
  request->history_id = history_id;
  md_call_history_lookup_dial_async (history, history_id, NULL, on_redial_dial_looked_up, request);
}
