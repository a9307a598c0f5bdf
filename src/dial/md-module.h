/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One function a module must export, and where its address goes in the
 * caller's table of function pointers. */
typedef struct {
  const char *name;
  gsize       offset;
} MdModuleSymbol;

#define MD_MODULE_SYMBOL(Table, field, symbol) { symbol, G_STRUCT_OFFSET (Table, field) }

gboolean md_module_load (const char           *name,
                         const MdModuleSymbol *symbols,
                         gsize                 n_symbols,
                         gpointer              table,
                         GError              **error);

G_END_DECLS
