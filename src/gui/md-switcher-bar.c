/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-gui"

#include "config.h"

#include "md-switcher-bar.h"

static gboolean
update_reveal (gpointer user_data)
{
  AdwViewSwitcherBar *bar = user_data;
  AdwViewSwitcherTitle *title = g_object_get_data (G_OBJECT (bar), "md-switcher-title");

  if (title != NULL)
    adw_view_switcher_bar_set_reveal (bar, adw_view_switcher_title_get_title_visible (title));
  return G_SOURCE_REMOVE;
}

/* After the layout pass: GDK lays out and paints at a higher priority. */
static void
on_title_visible_notify (AdwViewSwitcherBar *bar)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, update_reveal, g_object_ref (bar), g_object_unref);
}

void
md_switcher_bar_follow (AdwViewSwitcherBar   *bar,
                        AdwViewSwitcherTitle *title)
{
  g_return_if_fail (ADW_IS_VIEW_SWITCHER_BAR (bar));
  g_return_if_fail (ADW_IS_VIEW_SWITCHER_TITLE (title));

  g_object_set_data_full (G_OBJECT (bar), "md-switcher-title", g_object_ref (title), g_object_unref);
  g_signal_connect_object (title, "notify::title-visible", G_CALLBACK (on_title_visible_notify),
                           bar, G_CONNECT_SWAPPED);
  on_title_visible_notify (bar);
}
