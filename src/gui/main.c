/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "md-application.h"
#include "md-i18n.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(MdApplication) app = NULL;

  md_i18n_init ();

  app = md_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
