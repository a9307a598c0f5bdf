/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-dial"

#include "config.h"

#include "md-phone-number.h"

#include "md-module.h"

/* libphonenumber (with protobuf, ICU and abseil) lives in a module opened on
 * the first call that needs a numbering-plan rule (see md-module.c); a plain
 * dial string never opens it. */

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
/* The module's functions, or NULL (said once in a warning) when it can't be
 * loaded: then no number is converted or checked against a numbering plan. */
static const PhoneNumberModule *
get_module (void)
{
  static const MdModuleSymbol symbols[] = {
#define SYMBOL(field) MD_MODULE_SYMBOL (PhoneNumberModule, field, "md_phone_number_" #field "_impl")
    SYMBOL (is_country_code), SYMBOL (to_e164), SYMBOL (resolve_local), SYMBOL (format),
    SYMBOL (region), SYMBOL (is_toll_free), SYMBOL (country_code),
    SYMBOL (region_for_country_code),
#undef SYMBOL
  };
  static MdModuleOnce once;
  static PhoneNumberModule functions;
  static gsize warned = 0;
  const char *why;

  if (md_module_load_once (&once, "meetdial-phonenumber", symbols, G_N_ELEMENTS (symbols),
                           &functions, &why))
    return &functions;
  if (g_once_init_enter (&warned))
    {
      g_warning ("Phone numbers can’t be checked or converted: %s", why);
      g_once_init_leave (&warned, 1);
    }
  return NULL;
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
