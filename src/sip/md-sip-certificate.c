/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-sip"

#include "config.h"

#include "md-sip-certificate.h"

#include <glib/gi18n.h>
#include <string.h>

/* The one failure that a certificate authority's file for the account
 * mends: a private authority's. */
static const char untrusted[] = N_("it is not signed by a trusted certificate authority");

char *
md_sip_certificate_dup_reason (const char *failure)
{
  static const struct { const char *word; const char *reason; } reasons[] = {
    { "untrusted", untrusted },
    { "expired", N_("it has expired") },
    { "not-yet-valid", N_("it is not valid yet") },
    { "revoked", N_("it has been revoked") },
  };

  if (failure == NULL)
    return g_strdup ("");
  for (gsize i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (g_str_equal (failure, reasons[i].word))
      return g_strdup (_(reasons[i].reason));
  if (g_str_has_prefix (failure, "wrong-host "))
    {
      /* "wrong-host EXPECTED NAME", NAME being the certificate's */
      g_auto(GStrv) hosts = g_strsplit (failure + strlen ("wrong-host "), " ", 2);

      if (hosts[0] != NULL && hosts[1] != NULL && *hosts[1] != '\0')
        /* Translators: the first %s is the host the certificate names, the
         * second the server's address as the account or call names it */
        return g_strdup_printf (_("it is for %s, not for %s"), hosts[1], hosts[0]);
      /* Translators: %s is the server's address as the account names it */
      return g_strdup_printf (_("it was issued for another host than %s"),
                              hosts[0] ? hosts[0] : "");
    }
  /* OpenSSL's own words: in English */
  if (g_str_has_prefix (failure, "other "))
    return g_strdup (failure + strlen ("other "));
  return g_strdup (failure);
}

gboolean
md_sip_certificate_wants_authority (const char *text)
{
  return text != NULL && strstr (text, _(untrusted)) != NULL;
}
