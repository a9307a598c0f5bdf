/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-lookup"

#include "config.h"

#include "md-provider.h"

static const struct {
  const char *name;
  const char *display_name;
} providers[] = {
  [MD_PROVIDER_GENERIC] = { "generic", "Generic" },
  [MD_PROVIDER_ZOOM] = { "zoom", "Zoom" },
  [MD_PROVIDER_TEAMS] = { "teams", "Microsoft Teams" },
  [MD_PROVIDER_MEET] = { "meet", "Google Meet" },
  [MD_PROVIDER_WEBEX] = { "webex", "Webex" },
  [MD_PROVIDER_GOTOMEETING] = { "gotomeeting", "GoTo Meeting" },
  [MD_PROVIDER_WHEREBY] = { "whereby", "Whereby" },
  [MD_PROVIDER_DAILY] = { "daily", "Daily" },
};

const char *
md_provider_to_string (MdProvider provider)
{
  g_return_val_if_fail ((gsize) provider < G_N_ELEMENTS (providers), "generic");
  return providers[provider].name;
}

const char *
md_provider_display_name (MdProvider provider)
{
  g_return_val_if_fail ((gsize) provider < G_N_ELEMENTS (providers), "Generic");
  return providers[provider].display_name;
}

gboolean
md_provider_from_string (const char *name,
                         MdProvider *provider)
{
  for (gsize i = 0; i < G_N_ELEMENTS (providers); i++)
    if (g_strcmp0 (name, providers[i].name) == 0)
      {
        *provider = (MdProvider) i;
        return TRUE;
      }
  return FALSE;
}

char *
md_provider_build_dial (MdProvider  provider,
                        const char *number,
                        const char *pin,
                        const char *passcode)
{
  g_return_val_if_fail (number != NULL, NULL);

  if (pin == NULL || *pin == '\0')
    return g_strconcat ("tel:", number, NULL);

  switch (provider)
    {
    case MD_PROVIDER_ZOOM:
      if (passcode != NULL)
        return g_strdup_printf ("tel:%s,,%s#,,,,*%s#", number, pin, passcode);
      break;

    case MD_PROVIDER_WEBEX:
      /* Without a numeric password the second # skips the attendee ID. */
      if (passcode != NULL)
        return g_strdup_printf ("tel:%s,,%s#%s#", number, pin, passcode);
      return g_strdup_printf ("tel:%s,,%s##", number, pin);

    case MD_PROVIDER_WHEREBY:
    case MD_PROVIDER_DAILY:
      /* Both document the code without a closing #. */
      return g_strdup_printf ("tel:%s,,%s", number, pin);

    case MD_PROVIDER_GENERIC:
    case MD_PROVIDER_TEAMS:
    case MD_PROVIDER_MEET:
    case MD_PROVIDER_GOTOMEETING:
    default:
      break;
    }

  return g_strdup_printf ("tel:%s,,%s#", number, pin);
}
