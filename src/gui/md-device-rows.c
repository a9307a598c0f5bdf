/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-gui"

#include "config.h"

#include "md-device-rows.h"
#include "md-sound-devices.h"

#include <glib/gi18n.h>

typedef struct {
  AdwComboRow *row;        /* weak */
  GSettings   *settings;
  const char  *key;
  GPtrArray   *ids;        /* of char*, index = row position; "" first */
} DeviceRow;

static void
device_row_free (gpointer data)
{
  DeviceRow *device_row = data;

  if (device_row->row != NULL)
    g_object_remove_weak_pointer (G_OBJECT (device_row->row), (gpointer *) &device_row->row);
  g_object_unref (device_row->settings);
  g_ptr_array_unref (device_row->ids);
  g_free (device_row);
}

static void
on_selected_notify (AdwComboRow *row,
                    GParamSpec  *pspec,
                    DeviceRow   *device_row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected < device_row->ids->len)
    g_settings_set_string (device_row->settings, device_row->key,
                           g_ptr_array_index (device_row->ids, selected));
}

static void
fill_row (DeviceRow         *device_row,
          GPtrArray         *devices,
          MdMediaDeviceKind  kind)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *current = g_settings_get_string (device_row->settings, device_row->key);
  guint selected = 0;

  gtk_string_list_append (names, _("System Default"));
  g_ptr_array_add (device_row->ids, g_strdup (""));
  for (guint i = 0; i < devices->len; i++)
    {
      MdMediaDevice *device = g_ptr_array_index (devices, i);

      if (device->kind != kind)
        continue;
      if (g_str_equal (device->id, current))
        selected = device_row->ids->len;
      gtk_string_list_append (names, device->name);
      g_ptr_array_add (device_row->ids, g_strdup (device->id));
    }

  adw_combo_row_set_model (device_row->row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (device_row->row, selected);
  gtk_widget_set_sensitive (GTK_WIDGET (device_row->row), TRUE);
  g_signal_connect_data (device_row->row, "notify::selected", G_CALLBACK (on_selected_notify),
                         device_row, (GClosureNotify) (void (*) (void)) device_row_free, 0);
}

static void
on_devices_listed (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  DeviceRow **rows = user_data;
  g_autoptr(GPtrArray) devices = md_sound_devices_list_finish (result, NULL);

  for (guint i = 0; i < 2; i++)
    {
      if (rows[i]->row == NULL || devices == NULL)
        device_row_free (rows[i]);
      else
        fill_row (rows[i], devices, i == 0 ? MD_MEDIA_DEVICE_INPUT : MD_MEDIA_DEVICE_OUTPUT);
    }
  g_free (rows);
}

static DeviceRow *
add_row (AdwPreferencesGroup *group,
         GSettings           *settings,
         const char          *title,
         const char          *key)
{
  DeviceRow *device_row = g_new0 (DeviceRow, 1);
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* Usable once the devices are known. */
  gtk_widget_set_sensitive (row, FALSE);
  adw_preferences_group_add (group, row);

  device_row->row = ADW_COMBO_ROW (row);
  g_object_add_weak_pointer (G_OBJECT (row), (gpointer *) &device_row->row);
  device_row->settings = g_object_ref (settings);
  device_row->key = key;
  device_row->ids = g_ptr_array_new_with_free_func (g_free);
  return device_row;
}

void
md_device_rows_add (AdwPreferencesGroup *group,
                    GSettings           *settings)
{
  DeviceRow **rows;

  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (group));
  g_return_if_fail (G_IS_SETTINGS (settings));

  rows = g_new0 (DeviceRow *, 2);
  rows[0] = add_row (group, settings, _("Microphone Device"), "input-device");
  rows[1] = add_row (group, settings, _("Speaker Device"), "output-device");
  md_sound_devices_list_async (NULL, on_devices_listed, rows);
}
