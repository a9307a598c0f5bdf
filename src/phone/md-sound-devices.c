/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-phone"

#include "config.h"

#include "md-sound-devices.h"

GPtrArray *
md_sound_devices_list (void)
{
  return md_media_devices_list ();
}

static void
list_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  g_task_return_pointer (task, md_sound_devices_list (), (GDestroyNotify) g_ptr_array_unref);
}

void
md_sound_devices_list_async (GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, md_sound_devices_list_async);
  g_task_run_in_thread (task, list_in_thread);
}

GPtrArray *
md_sound_devices_list_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
