/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-lookup"

#include "config.h"

#include "md-invite-provider.h"

#include <string.h>

typedef struct {
  const char *marker;   /* lower case */
  MdProvider  provider;
} Marker;

/* Join links: the strongest sign, because an invitation may name other
 * products in passing ("Join from a Zoom Room" in a Webex mail is rare,
 * a link to the wrong service is not). */
static const Marker link_markers[] = {
  { "zoom.us/", MD_PROVIDER_ZOOM },
  { "zoomgov.com/", MD_PROVIDER_ZOOM },
  { "teams.microsoft.com/", MD_PROVIDER_TEAMS },
  { "teams.live.com/", MD_PROVIDER_TEAMS },
  { "meet.google.com/", MD_PROVIDER_MEET },
  { "webex.com/", MD_PROVIDER_WEBEX },
  { "gotomeeting.com/", MD_PROVIDER_GOTOMEETING },
  { "gotomeet.me/", MD_PROVIDER_GOTOMEETING },
  { "meet.goto.com/", MD_PROVIDER_GOTOMEETING },
  { "whereby.com/", MD_PROVIDER_WHEREBY },
  { ".daily.co/", MD_PROVIDER_DAILY },
};

static const Marker name_markers[] = {
  { "zoom meeting", MD_PROVIDER_ZOOM },
  { "zoom-meeting", MD_PROVIDER_ZOOM },
  { "microsoft teams", MD_PROVIDER_TEAMS },
  { "google meet", MD_PROVIDER_MEET },
  { "webex", MD_PROVIDER_WEBEX },
  { "gotomeeting", MD_PROVIDER_GOTOMEETING },
  { "goto meeting", MD_PROVIDER_GOTOMEETING },
  { "whereby", MD_PROVIDER_WHEREBY },
};

static MdProvider
find_first (const char   *haystack,
            const Marker *markers,
            gsize         n_markers,
            gboolean     *found)
{
  const char *first = NULL;
  MdProvider provider = MD_PROVIDER_GENERIC;

  for (gsize i = 0; i < n_markers; i++)
    {
      const char *hit = strstr (haystack, markers[i].marker);

      if (hit != NULL && (first == NULL || hit < first))
        {
          first = hit;
          provider = markers[i].provider;
        }
    }

  *found = first != NULL;
  return provider;
}

MdProvider
md_invite_detect_provider (const char *text)
{
  g_autofree char *lower = g_ascii_strdown (text, -1);
  gboolean found = FALSE;
  MdProvider provider;

  provider = find_first (lower, link_markers, G_N_ELEMENTS (link_markers), &found);
  if (found)
    return provider;

  provider = find_first (lower, name_markers, G_N_ELEMENTS (name_markers), &found);
  return found ? provider : MD_PROVIDER_GENERIC;
}
