/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-lookup"

#include "config.h"

#include "md-lookup-backends.h"

#include "md-lookup-error.h"
#include "md-module.h"

#include <glib/gi18n.h>

/* libxml2, libical and libsoup (with ICU, krb5, nghttp2 … behind them) are
 * only needed to read HTML and calendar invitations and to ask a provider's
 * API, so they live in the meetdial-lookup module, opened on first use (see
 * src/dial/md-module.c): dialing a number never loads them. */

#ifdef MD_LOOKUP_BACKENDS_LINKED
/* Linked in (see src/lookup/meson.build): the module's functions are here. */
const MdLookupBackends *
md_lookup_backends_get (G_GNUC_UNUSED GError **error)
{
  static const MdLookupBackends functions = {
    md_lookup_html_to_text_impl, md_lookup_ics_to_text_impl,
    md_lookup_http_session_new_impl, md_lookup_http_get_impl,
  };

  return &functions;
}
#else
const MdLookupBackends *
md_lookup_backends_get (GError **error)
{
  static const MdModuleSymbol symbols[] = {
#define SYMBOL(field) MD_MODULE_SYMBOL (MdLookupBackends, field, "md_lookup_" #field "_impl")
    SYMBOL (html_to_text), SYMBOL (ics_to_text), SYMBOL (http_session_new), SYMBOL (http_get),
#undef SYMBOL
  };
  static MdModuleOnce once;
  static MdLookupBackends functions;
  const char *why;

  if (!md_module_load_once (&once, "meetdial-lookup", symbols, G_N_ELEMENTS (symbols),
                            &functions, &why))
    {
      g_set_error (error, MD_LOOKUP_ERROR, MD_LOOKUP_ERROR_BAD_INPUT,
                   _("Meetdial is not installed completely: invitations and meeting "
                     "links can’t be read (%s)"), why);
      return NULL;
    }
  return &functions;
}
#endif
