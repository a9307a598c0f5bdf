/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-dial"

#include "config.h"

#include "md-phone-number.h"

#include <gmodule.h>

/* libphonenumber (with protobuf, ICU and abseil) costs milliseconds and
 * megabytes just to load, so it lives in a module opened on the first call
 * that needs a numbering-plan rule; a plain dial string never opens it. */

typedef struct {
  gboolean (*is_country_code)             (guint);
  char    *(*to_e164)                     (const char *, const char *);
  char    *(*resolve_local)               (const char *, const char *);
  char    *(*format)                      (const char *);
  char    *(*region)                      (const char *);
  gboolean (*is_toll_free)                (const char *);
  char    *(*country_code)                (const char *);
  char    *(*region_for_country_code)     (guint);
} PhoneNumberModule;

#ifdef MD_PHONE_NUMBER_LINKED
/* Linked in (see src/dial/meson.build): the module's functions are here. */
gboolean md_phone_number_is_country_code_impl         (guint);
char    *md_phone_number_to_e164_impl                 (const char *, const char *);
char    *md_phone_number_resolve_local_impl           (const char *, const char *);
char    *md_phone_number_format_impl                  (const char *);
char    *md_phone_number_region_impl                  (const char *);
gboolean md_phone_number_is_toll_free_impl            (const char *);
char    *md_phone_number_country_code_impl            (const char *);
char    *md_phone_number_region_for_country_code_impl (guint);

static const PhoneNumberModule *
get_module (void)
{
  static const PhoneNumberModule functions = {
    md_phone_number_is_country_code_impl, md_phone_number_to_e164_impl,
    md_phone_number_resolve_local_impl, md_phone_number_format_impl,
    md_phone_number_region_impl, md_phone_number_is_toll_free_impl,
    md_phone_number_country_code_impl, md_phone_number_region_for_country_code_impl,
  };

  return &functions;
}
#else
static gboolean
load_symbols (GModule           *module,
              PhoneNumberModule *functions)
{
  static const struct { const char *name; gsize offset; } symbols[] = {
#define SYMBOL(field) { "md_phone_number_" #field "_impl", G_STRUCT_OFFSET (PhoneNumberModule, field) }
    SYMBOL (is_country_code), SYMBOL (to_e164), SYMBOL (resolve_local), SYMBOL (format),
    SYMBOL (region), SYMBOL (is_toll_free), SYMBOL (country_code),
    SYMBOL (region_for_country_code),
#undef SYMBOL
  };

  for (gsize i = 0; i < G_N_ELEMENTS (symbols); i++)
    if (!g_module_symbol (module, symbols[i].name,
                          (gpointer *) G_STRUCT_MEMBER_P (functions, symbols[i].offset)))
      return FALSE;
  return TRUE;
}

/* The module's functions, or NULL (said once in a warning) when it can't be
 * loaded: then no number is converted or checked against a numbering plan. */
static const PhoneNumberModule *
get_module (void)
{
  static gsize initialised = 0;
  static PhoneNumberModule functions;
  static gboolean loaded = FALSE;

  if (g_once_init_enter (&initialised))
    {
      /* MEETDIAL_MODULE_DIR points uninstalled builds (tests, meson devenv)
       * at the build tree, as GST_PLUGIN_PATH does for GStreamer */
      const char *dir = g_getenv ("MEETDIAL_MODULE_DIR");
      g_autofree char *path = g_module_build_path (dir && *dir ? dir : MD_MODULE_DIR,
                                                   "meetdial-phonenumber");
      GModule *module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);

      if (module == NULL)
        g_warning ("Phone numbers can’t be checked or converted: %s", g_module_error ());
      else if (!load_symbols (module, &functions))
        {
          g_warning ("Phone numbers can’t be checked or converted: %s is incomplete", path);
          g_module_close (module);
        }
      else
        {
          g_module_make_resident (module);
          loaded = TRUE;
        }
      g_once_init_leave (&initialised, 1);
    }

  return loaded ? &functions : NULL;
}
#endif

gboolean
md_phone_number_is_country_code (guint country_code)
{
  const PhoneNumberModule *module = get_module ();

  return module != NULL && module->is_country_code (country_code);
}

char *
md_phone_number_to_e164 (const char *text,
                         const char *region)
{
  const PhoneNumberModule *module = get_module ();

  return module != NULL ? module->to_e164 (text, region) : NULL;
}

char *
md_phone_number_resolve_local (const char *local_digits,
                               const char *prefix)
{
  const PhoneNumberModule *module = get_module ();

  return module != NULL ? module->resolve_local (local_digits, prefix) : NULL;
}

char *
md_phone_number_format (const char *e164)
{
  const PhoneNumberModule *module = get_module ();

  return module != NULL ? module->format (e164) : g_strdup (e164);
}

char *
md_phone_number_region (const char *e164)
{
  const PhoneNumberModule *module = get_module ();

  return module != NULL ? module->region (e164) : NULL;
}

gboolean
md_phone_number_is_toll_free (const char *e164)
{
  const PhoneNumberModule *module = get_module ();

  return module != NULL && module->is_toll_free (e164);
}

char *
md_phone_number_country_code (const char *e164)
{
  const PhoneNumberModule *module = get_module ();

  return module != NULL ? module->country_code (e164) : NULL;
}

char *
md_phone_number_region_for_country_code (guint country_code)
{
  const PhoneNumberModule *module = get_module ();

  return module != NULL ? module->region_for_country_code (country_code) : NULL;
}
