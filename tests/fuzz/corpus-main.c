/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Replays fuzz corpus files through a target in builds without libFuzzer, so
 * every normal and sanitizer test run checks the seeds and past crashes. */

#include <glib.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
main (int    argc,
      char **argv)
{
  guint n_files = 0;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GDir) dir = g_dir_open (argv[i], 0, NULL);
      const char *name;

      if (dir == NULL)
        {
          g_printerr ("cannot open corpus %s\n", argv[i]);
          return 1;
        }
      while ((name = g_dir_read_name (dir)))
        {
          g_autofree char *path = g_build_filename (argv[i], name, NULL);
          g_autofree char *contents = NULL;
          gsize length;

          if (!g_file_get_contents (path, &contents, &length, NULL))
            continue;
          LLVMFuzzerTestOneInput ((const guint8 *) contents, length);
          n_files++;
        }
    }

  printf ("replayed %u corpus files\n", n_files);
  return n_files > 0 ? 0 : 1;
}
