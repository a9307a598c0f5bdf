/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A window titled "Drag Source" that lets a file be dragged out of it, as a
 * file manager does (text/uri-list over XDND): the GUI test presses the
 * pointer on it with xdotool and lets go over Meetdial's window. It prints
 * "drag began" once the drag holds the pointer, "drag accepted" once the
 * window under the pointer said it takes the file (only then does letting
 * go drop it), and "drag ended".
 * Usage: drag-source FILE */
#include <gtk/gtk.h>

static GdkContentProvider *
on_prepare (GtkDragSource *source,
            double         x,
            double         y,
            GFile         *file)
{
  return gdk_content_provider_new_typed (G_TYPE_FILE, file);
}

/* Said once per drag: the window may answer each move again. */
static void
on_selected_action_notify (GdkDrag *drag)
{
  if (gdk_drag_get_selected_action (drag) != 0 && !g_object_get_data (G_OBJECT (drag), "accepted"))
    {
      g_object_set_data (G_OBJECT (drag), "accepted", GINT_TO_POINTER (TRUE));
      g_print ("drag accepted\n");
    }
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               gpointer       user_data)
{
  g_signal_connect (drag, "notify::selected-action", G_CALLBACK (on_selected_action_notify), NULL);
  g_print ("drag began\n");
}

static void
on_drag_end (GtkDragSource *source,
             GdkDrag       *drag,
             gboolean       delete_data,
             gpointer       user_data)
{
  g_print ("drag ended\n");
}

static void
on_activate (GtkApplication *app,
             GFile          *file)
{
  GtkWidget *window = gtk_application_window_new (app);
  GtkWidget *label = gtk_label_new ("Drag me");
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_window_set_title (GTK_WINDOW (window), "Drag Source");
  gtk_window_set_default_size (GTK_WINDOW (window), 200, 200);
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (on_prepare), file);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin), NULL);
  g_signal_connect (source, "drag-end", G_CALLBACK (on_drag_end), NULL);
  gtk_widget_add_controller (label, GTK_EVENT_CONTROLLER (source));
  gtk_window_set_child (GTK_WINDOW (window), label);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GtkApplication) app = NULL;
  g_autoptr(GFile) file = NULL;

  if (argc != 2)
    {
      g_printerr ("Usage: %s FILE\n", argv[0]);
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  app = gtk_application_new (NULL, G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), file);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
