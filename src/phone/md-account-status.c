/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-phone"

#include "config.h"

#include "md-account-status.h"

#include "md-sip-certificate.h"

#include <glib/gi18n.h>

char *
md_account_status_describe (MdSipAccount *sip_account,
                            gboolean     *is_error)
{
  const char *status;

  g_return_val_if_fail (MD_IS_SIP_ACCOUNT (sip_account), NULL);
  g_return_val_if_fail (is_error != NULL, NULL);

  status = md_sip_account_get_status (sip_account);
  *is_error = TRUE;
  switch (md_sip_account_get_state (sip_account))
    {
    case MD_SIP_ACCOUNT_REGISTERED:
      *is_error = FALSE;
      return g_strdup (_("Registered: the account works."));
    case MD_SIP_ACCOUNT_WRONG_PASSWORD:
      return g_strdup (_("The server refused the user name or password."));
    case MD_SIP_ACCOUNT_CERTIFICATE_FAILED:
      if (status == NULL || *status == '\0')
        return g_strdup (_("The server’s certificate is not trusted: add its CA certificate to the account."));
      if (md_sip_certificate_wants_authority (status))
        /* Translators: %s is why, e.g. "unable to get local issuer certificate" */
        return g_strdup_printf (_("The server’s certificate is not trusted (%s): add its CA certificate to the account."),
                                status);
      /* Translators: %s is why, e.g. "it has expired" */
      return g_strdup_printf (_("The server’s certificate is not trusted (%s)."), status);
    case MD_SIP_ACCOUNT_FAILED:
      /* Translators: %s is the server's answer, e.g. "503 Service Unavailable" */
      return g_strdup_printf (_("Registration failed: %s"),
                              status != NULL && *status != '\0' ? status : _("no answer"));
    case MD_SIP_ACCOUNT_UNREGISTERED:
    case MD_SIP_ACCOUNT_REGISTERING:
    default:
      return NULL;
    }
}
