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

/* Where the outcome of loading one module is kept; a zeroed static. */
typedef struct {
  gsize  done;
  char  *error;   /* why the module could not be loaded, or NULL */
} MdModuleOnce;

/* md_module_load() on the first call, for any thread; later calls give
 * the first one's outcome. On failure, @error_message (owned by @once)
 * says why. */
gboolean md_module_load_once (MdModuleOnce         *once,
                              const char           *name,
                              const MdModuleSymbol *symbols,
                              gsize                 n_symbols,
                              gpointer              table,
                              const char          **error_message);

G_END_DECLS
