/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-dial"

#include "config.h"

#include "md-dial-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* RFC 3261 user part: unreserved, user-unreserved (escapes are already decoded,
 * and '?' starts headers). */
static gboolean
is_user_char (char c)
{
  return g_ascii_isalnum (c) || (c && strchr ("-_.!~*'()&=+$,;/", c));
}

static gboolean
is_param_char (char c)
{
  return g_ascii_isalnum (c) || (c && strchr ("-_.!~*'()[]/:&+$=", c));
}

static gboolean
invalid_character (const char  *what_part,
                   const char  *p,
                   GError     **error)
{
  g_autofree char *what = md_dial_describe_char (p);

  g_set_error (error, MD_DIAL_ERROR, MD_DIAL_ERROR_INVALID_CHARACTER,
               /* Translators: the second %s is a part of an address, e.g. "user part" */
               _("%s is not allowed in the %s of a SIP address."), what, what_part);
  return FALSE;
}

static gboolean
invalid_uri (GError     **error,
             const char  *why)
{
  g_set_error (error, MD_DIAL_ERROR, MD_DIAL_ERROR_INVALID_SIP_URI,
               _("The SIP address is malformed: %s."), why);
  return FALSE;
}

/* A DNS name: labels of letters, digits and inner hyphens, joined by dots. */
static gboolean
check_host_name (const char  *host,
                 gsize        len,
                 GError     **error)
{
  gsize label_len = 0;

  for (gsize i = 0; i < len; i++)
    {
      char c = host[i];

      if (c == '.')
        {
          if (label_len == 0 || host[i - 1] == '-')
            return invalid_uri (error, _("the host name has an empty or broken part"));
          label_len = 0;
        }
      else if (g_ascii_isalnum (c) || c == '-')
        {
          if (c == '-' && label_len == 0)
            return invalid_uri (error, _("a part of the host name starts with “-”"));
          label_len++;
        }
      else
        return invalid_character (_("host"), host + i, error);
    }

  if (label_len == 0 || host[len - 1] == '-')
    return invalid_uri (error, _("the host name has an empty or broken part"));
  return TRUE;
}

/* Reads "host[:port]" or "[v6]:port" from @hostport; returns the end of it. */
static const char *
read_host_port (const char  *hostport,
                GString     *out,
                GError     **error)
{
  const char *host = hostport;
  const char *host_end;
  const char *p;

  if (*host == '[')
    {
      g_autofree char *address = NULL;

      host_end = strchr (host, ']');
      if (host_end == NULL)
        return invalid_uri (error, _("the IPv6 address has no closing “]”")), NULL;
      address = g_strndup (host + 1, host_end - host - 1);
      if (!g_hostname_is_ip_address (address) || strchr (address, ':') == NULL)
        return invalid_uri (error, _("the IPv6 address is not valid")), NULL;
      host_end++;
    }
  else
    {
      host_end = host + strcspn (host, ":;");
      if (host_end == host)
        return invalid_uri (error, _("there is no host")), NULL;
      if (!check_host_name (host, host_end - host, error))
        return NULL;
    }

  for (const char *q = host; q < host_end; q++)
    g_string_append_c (out, g_ascii_tolower (*q));

  p = host_end;
  if (*p == ':')
    {
      const char *digits = ++p;
      guint64 port = 0;

      while (g_ascii_isdigit (*p) && p - digits < 6)
        port = port * 10 + (guint64) (*p++ - '0');
      if (p == digits || (*p && *p != ';') || port == 0 || port > 65535)
        return invalid_uri (error, _("the port is not a number from 1 to 65535")), NULL;
      g_string_append_printf (out, ":%" G_GUINT64_FORMAT, port);
    }

  if (*p && *p != ';')
    return invalid_character (_("host"), p, error), NULL;
  return p;
}

char *
md_dial_sip_normalise (const char  *text,
                       gboolean     secure,
                       GError     **error)
{
  g_autoptr(GString) uri = g_string_new (secure ? "sips:" : "sip:");
  const char *at = strchr (text, '@');
  const char *hostport = text;
  const char *params;

  if (at != NULL)
    {
      gsize user_len = at - text;
      const char *colon = memchr (text, ':', user_len);

      if (colon != NULL)
        {
          g_set_error_literal (error, MD_DIAL_ERROR, MD_DIAL_ERROR_CREDENTIALS_IN_URI,
                               _("The link carries a password (“user:password@”); Meetdial won’t dial links that contain credentials."));
          return NULL;
        }
    }

  if (strchr (text, '?') != NULL)
    {
      g_set_error_literal (error, MD_DIAL_ERROR, MD_DIAL_ERROR_SIP_HEADERS_NOT_ALLOWED,
                           _("The link adds SIP headers (after “?”); links may name an address only."));
      return NULL;
    }

  if (*text == '\0')
    return invalid_uri (error, _("there is no address after the scheme")), NULL;

  if (at != NULL)
    {
      if (at == text)
        return invalid_uri (error, _("the user part before “@” is empty")), NULL;
      for (const char *p = text; p < at; p++)
        if (!is_user_char (*p))
          return invalid_character (_("user part"), p, error), NULL;
      g_string_append_len (uri, text, at - text);   /* the user part stays as written */
      g_string_append_c (uri, '@');
      hostport = at + 1;
    }

  if (*hostport == '\0')
    return invalid_uri (error, _("there is no host after “@”")), NULL;

  params = read_host_port (hostport, uri, error);
  if (params == NULL)
    return NULL;

  for (const char *p = params; *p; p++)
    {
      if (*p == ';' && (p[1] == ';' || p[1] == '\0' || p[1] == '='))
        return invalid_uri (error, _("a parameter after “;” is empty")), NULL;
      if (*p != ';' && !is_param_char (*p))
        return invalid_character (_("parameters"), p, error), NULL;
    }
  g_string_append (uri, params);

  return g_string_free (g_steal_pointer (&uri), FALSE);
}
