/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-store"

#include "config.h"

#include "md-account.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#define ACCOUNTS_KEY "sip-accounts"

struct _MdAccount
{
  GObject  parent_instance;

  char    *name;
  char    *server;
  char    *user;
  char    *domain;
  char    *transport;
  char    *display_name;
  char    *ca_file;
  char    *auth_user;
  char    *outbound_proxy;
  char    *international_prefix;
  gboolean registers;
};

G_DEFINE_TYPE (MdAccount, md_account, G_TYPE_OBJECT)

G_DEFINE_QUARK (md-account-error-quark, md_account_error)

static void
md_account_finalize (GObject *object)
{
  MdAccount *self = MD_ACCOUNT (object);

  g_free (self->name);
  g_free (self->server);
  g_free (self->user);
  g_free (self->domain);
  g_free (self->transport);
  g_free (self->display_name);
  g_free (self->ca_file);
  g_free (self->auth_user);
  g_free (self->outbound_proxy);
  g_free (self->international_prefix);

  G_OBJECT_CLASS (md_account_parent_class)->finalize (object);
}

static void
md_account_class_init (MdAccountClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = md_account_finalize;
}

static void
md_account_init (MdAccount *self)
{
}

static gboolean
is_token (const char *text,
          const char *extra)
{
  if (!text || !*text || strlen (text) > 128)
    return FALSE;

  for (const char *p = text; *p; p++)
    if (!g_ascii_isalnum (*p) && !strchr (extra, *p))
      return FALSE;

  return TRUE;
}

/* What a server or proxy field holds, as dup_host_port() finds it. */
typedef enum {
  HOST_PORT_OK,
  HOST_PORT_INVALID,
  HOST_PORT_BAD_PORT,       /* a port not from 1 to 65535 */
  HOST_PORT_SIP_ADDRESS,    /* "sip:user@host": an address, not a server */
  HOST_PORT_SIPS,           /* "sips:host": TLS, which the transport says */
  HOST_PORT_OTHER_TRANSPORT, /* "host;transport=tcp" with another transport chosen */
} HostPort;

/* A host name of RFC 1123 labels (with the root's dot after them or not),
 * or an IPv4 address: a name's last label is never all digits. */
static gboolean
is_host_name (const char *text)
{
  g_autofree char *host = g_strdup (text);
  const char *label = host;
  gsize len = strlen (host);

  if (len > 1 && host[len - 1] == '.')
    host[--len] = '\0';
  if (len == 0 || len > 253)
    return FALSE;

  for (;;)
    {
      const char *dot = strchr (label, '.');
      gsize n = dot ? (gsize) (dot - label) : strlen (label);
      gboolean digits = TRUE;

      if (n == 0 || n > 63 || label[0] == '-' || label[n - 1] == '-')
        return FALSE;
      for (gsize i = 0; i < n; i++)
        {
          if (!g_ascii_isalnum (label[i]) && label[i] != '-')
            return FALSE;
          digits = digits && g_ascii_isdigit (label[i]);
        }
      if (!dot)
        return !digits || g_hostname_is_ip_address (host);
      label = dot + 1;
    }
}

static gboolean
is_port (const char *text)
{
  guint64 port = 0;

  return text[0] != '\0' && strlen (text) <= 5 &&
         g_ascii_string_to_unsigned (text, 10, 1, 65535, &port, NULL);
}

/* The parameters of a server written as a SIP URI, cut off @text: "lr"
 * says nothing a server field needs; "transport" goes to @uri_transport,
 * for the caller to hold against the account's. FALSE for any other. */
static gboolean
cut_uri_parameters (char        *text,
                    const char **uri_transport)
{
  static const char *const transports[] = { "udp", "tcp", "tls" };
  char *semicolon = strchr (text, ';');
  g_auto(GStrv) params = NULL;

  *uri_transport = NULL;
  if (!semicolon)
    return TRUE;

  *semicolon = '\0';
  params = g_strsplit (semicolon + 1, ";", -1);
  for (char **param = params; *param; param++)
    {
      gboolean known = g_ascii_strcasecmp (*param, "lr") == 0;

      for (gsize i = 0; i < G_N_ELEMENTS (transports) && !known; i++)
        {
          if (g_ascii_strncasecmp (*param, "transport=", 10) == 0 &&
              g_ascii_strcasecmp (*param + 10, transports[i]) == 0)
            {
              *uri_transport = transports[i];
              known = TRUE;
            }
        }
      if (!known)
        return FALSE;
    }
  return TRUE;
}

/* "host", "host:port", "[v6]:port": what a SIP URI's host part takes, in
 * @host_port as a new string. Providers often write it as a URI
 * ("sip:proxy.example.net;lr", "sip.example.net;transport=tcp"), and
 * pasted text brings spaces: those are taken off, and a transport the URI
 * names is taken when it is the account's @transport (else it goes to
 * @uri_transport, to tell the user); an IPv6 address gets its brackets. */
static HostPort
dup_host_port (const char  *text,
               const char  *transport,
               char       **host_port,
               const char **uri_transport)
{
  g_autofree char *plain = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *host = NULL;
  char *start = plain;
  const char *port = NULL;

  *uri_transport = NULL;
  if (g_ascii_strncasecmp (start, "sips:", 5) == 0)
    return HOST_PORT_SIPS;
  if (g_ascii_strncasecmp (start, "sip:", 4) == 0)
    start += 4;
  if (strchr (start, '@'))
    return HOST_PORT_SIP_ADDRESS;
  if (!cut_uri_parameters (start, uri_transport))
    return HOST_PORT_INVALID;
  if (*uri_transport && g_strcmp0 (*uri_transport, transport) != 0)
    return HOST_PORT_OTHER_TRANSPORT;

  if (strchr (start, ':') && g_hostname_is_ip_address (start))
    {
      *host_port = g_strdup_printf ("[%s]", start);
      return HOST_PORT_OK;
    }

  if (start[0] == '[')
    {
      const char *close = strchr (start, ']');

      if (!close || (close[1] != '\0' && close[1] != ':'))
        return HOST_PORT_INVALID;
      host = g_strndup (start + 1, (gsize) (close - start - 1));
      if (!strchr (host, ':') || !g_hostname_is_ip_address (host))
        return HOST_PORT_INVALID;
      port = close[1] == ':' ? close + 2 : NULL;
    }
  else
    {
      const char *colon = strchr (start, ':');

      host = colon ? g_strndup (start, (gsize) (colon - start)) : g_strdup (start);
      if (!is_host_name (host))
        return HOST_PORT_INVALID;
      port = colon ? colon + 1 : NULL;
    }

  if (port && !is_port (port))
    return HOST_PORT_BAD_PORT;

  *host_port = g_strdup (start);
  return HOST_PORT_OK;
}

/* Why the server (or with @proxy, the outbound proxy) @text is refused. */
static void
set_host_port_error (GError      **error,
                     HostPort      checked,
                     gboolean      proxy,
                     const char   *text,
                     const char   *uri_transport)
{
  GQuark domain = MD_ACCOUNT_ERROR;
  int code = MD_ACCOUNT_ERROR_INVALID;
  g_autofree char *asked = g_ascii_strup (uri_transport ? uri_transport : "", -1);

  text = text ? text : "";
  switch (checked)
    {
    case HOST_PORT_BAD_PORT:
      if (proxy)
        g_set_error (error, domain, code, _("The port of the outbound proxy “%s” is not a number from 1 to 65535"), text);
      else
        g_set_error (error, domain, code, _("The port of the server “%s” is not a number from 1 to 65535"), text);
      break;
    case HOST_PORT_SIP_ADDRESS:
      if (proxy)
        g_set_error (error, domain, code, _("The outbound proxy “%s” is a SIP address: enter only the proxy, the part after “@”"), text);
      else
        g_set_error (error, domain, code, _("The server “%s” is a SIP address: enter only the server, the part after “@”"), text);
      break;
    case HOST_PORT_SIPS:
      if (proxy)
        g_set_error (error, domain, code, _("The outbound proxy “%s” asks for TLS: enter it without “sips:” and choose TLS as the transport"), text);
      else
        g_set_error (error, domain, code, _("The server “%s” asks for TLS: enter it without “sips:” and choose TLS as the transport"), text);
      break;
    case HOST_PORT_OTHER_TRANSPORT:
      if (proxy)
        /* TRANSLATORS: the second and third %s are a transport: UDP, TCP or TLS. */
        g_set_error (error, domain, code, _("The outbound proxy “%s” asks for %s: choose %s as the transport, or enter the proxy without “;transport=”"), text, asked, asked);
      else
        /* TRANSLATORS: the second and third %s are a transport: UDP, TCP or TLS. */
        g_set_error (error, domain, code, _("The server “%s” asks for %s: choose %s as the transport, or enter the server without “;transport=”"), text, asked, asked);
      break;
    case HOST_PORT_OK:
    case HOST_PORT_INVALID:
    default:
      if (proxy)
        g_set_error (error, domain, code, _("The outbound proxy “%s” is not a host name or address with an optional port, such as proxy.example.net or proxy.example.net:5060"), text);
      else
        g_set_error (error, domain, code, _("The server “%s” is not a host name or address with an optional port, such as sip.example.net or sip.example.net:5060"), text);
      break;
    }
}

MdAccount *
md_account_new (const char  *name,
                const char  *server,
                const char  *user,
                const char  *domain,
                const char  *transport,
                const char  *display_name,
                GError     **error)
{
  MdAccount *self;
  g_autofree char *host_port = NULL;
  const char *uri_transport = NULL;
  HostPort checked = dup_host_port (server, transport ? transport : "udp",
                                    &host_port, &uri_transport);

  /* What ends up in SIP URIs must be plain: no spaces, no '@', no ';'. */
  if (!is_token (name, "-_."))
    {
      g_set_error (error, MD_ACCOUNT_ERROR, MD_ACCOUNT_ERROR_INVALID,
                   _("The account name “%s” may only hold letters, digits, “-”, “_” and “.”"),
                   name ? name : "");
      return NULL;
    }
  if (checked != HOST_PORT_OK)
    {
      set_host_port_error (error, checked, FALSE, server, uri_transport);
      return NULL;
    }
  if (!is_token (user, "-_.!~*'()&=+$,%+"))
    {
      g_set_error (error, MD_ACCOUNT_ERROR, MD_ACCOUNT_ERROR_INVALID,
                   _("The user “%s” is not a valid SIP user name"), user ? user : "");
      return NULL;
    }
  if (domain && *domain && !is_token (domain, "-.[]:"))
    {
      g_set_error (error, MD_ACCOUNT_ERROR, MD_ACCOUNT_ERROR_INVALID,
                   _("The domain “%s” is not a host name"), domain);
      return NULL;
    }
  if (transport && !g_str_equal (transport, "udp") && !g_str_equal (transport, "tcp") &&
      !g_str_equal (transport, "tls"))
    {
      g_set_error (error, MD_ACCOUNT_ERROR, MD_ACCOUNT_ERROR_INVALID,
                   _("The transport must be “udp”, “tcp” or “tls”"));
      return NULL;
    }
  if (display_name && strpbrk (display_name, "\"\r\n\\"))
    {
      g_set_error (error, MD_ACCOUNT_ERROR, MD_ACCOUNT_ERROR_INVALID,
                   _("The display name may not hold quotes, backslashes or line breaks"));
      return NULL;
    }

  self = g_object_new (MD_TYPE_ACCOUNT, NULL);
  self->name = g_strdup (name);
  self->server = g_steal_pointer (&host_port);
  self->user = g_strdup (user);
  self->domain = g_strdup (domain ? domain : "");
  self->transport = g_strdup (transport ? transport : "udp");
  self->display_name = g_strdup (display_name ? display_name : "");
  self->ca_file = g_strdup ("");
  self->auth_user = g_strdup ("");
  self->outbound_proxy = g_strdup ("");
  self->international_prefix = g_strdup ("");
  self->registers = TRUE;
  return self;
}

const char *
md_account_get_name (MdAccount *self)
{
  g_return_val_if_fail (MD_IS_ACCOUNT (self), NULL);
  return self->name;
}

const char *
md_account_get_server (MdAccount *self)
{
  g_return_val_if_fail (MD_IS_ACCOUNT (self), NULL);
  return self->server;
}

const char *
md_account_get_user (MdAccount *self)
{
  g_return_val_if_fail (MD_IS_ACCOUNT (self), NULL);
  return self->user;
}

const char *
md_account_get_domain (MdAccount *self)
{
  g_return_val_if_fail (MD_IS_ACCOUNT (self), NULL);
  return self->domain;
}

const char *
md_account_get_transport (MdAccount *self)
{
  g_return_val_if_fail (MD_IS_ACCOUNT (self), NULL);
  return self->transport;
}

const char *
md_account_get_display_name (MdAccount *self)
{
  g_return_val_if_fail (MD_IS_ACCOUNT (self), NULL);
  return self->display_name;
}

const char *
md_account_get_ca_file (MdAccount *self)
{
  g_return_val_if_fail (MD_IS_ACCOUNT (self), NULL);
  return self->ca_file;
}

gboolean
md_account_set_ca_file (MdAccount   *self,
                        const char  *ca_file,
                        GError     **error)
{
  g_return_val_if_fail (MD_IS_ACCOUNT (self), FALSE);

  if (ca_file && *ca_file)
    {
      if (!g_str_equal (self->transport, "tls"))
        {
          g_set_error (error, MD_ACCOUNT_ERROR, MD_ACCOUNT_ERROR_INVALID,
                       _("A CA file is only used with the “tls” transport"));
          return FALSE;
        }
      /* Checked now, so a typo shows here and not as a failed registration. */
      if (!g_path_is_absolute (ca_file) || !g_file_test (ca_file, G_FILE_TEST_IS_REGULAR) ||
          g_access (ca_file, R_OK) != 0)
        {
          g_set_error (error, MD_ACCOUNT_ERROR, MD_ACCOUNT_ERROR_INVALID,
                       _("The CA file “%s” is not a readable file given by its full path"), ca_file);
          return FALSE;
        }
    }

  g_free (self->ca_file);
  self->ca_file = g_strdup (ca_file ? ca_file : "");
  return TRUE;
}

const char *
md_account_get_auth_user (MdAccount *self)
{
  g_return_val_if_fail (MD_IS_ACCOUNT (self), NULL);
  return self->auth_user;
}

static gboolean
is_auth_user (const char *text)
{
  if (strlen (text) > 128 || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  for (const char *p = text; *p; p++)
    if (g_ascii_iscntrl (*p) || *p == '"' || *p == '\\')
      return FALSE;

  return TRUE;
}

gboolean
md_account_set_auth_user (MdAccount   *self,
                          const char  *auth_user,
                          GError     **error)
{
  g_return_val_if_fail (MD_IS_ACCOUNT (self), FALSE);

  if (auth_user && !is_auth_user (auth_user))
    {
      g_set_error (error, MD_ACCOUNT_ERROR, MD_ACCOUNT_ERROR_INVALID,
                   _("The authentication name may not hold quotes, backslashes or line breaks"));
      return FALSE;
    }

  g_free (self->auth_user);
  self->auth_user = g_strdup (auth_user ? auth_user : "");
  return TRUE;
}

const char *
md_account_get_outbound_proxy (MdAccount *self)
{
  g_return_val_if_fail (MD_IS_ACCOUNT (self), NULL);
  return self->outbound_proxy;
}

gboolean
md_account_set_outbound_proxy (MdAccount   *self,
                               const char  *outbound_proxy,
                               GError     **error)
{
  g_autofree char *host_port = NULL;
  const char *uri_transport = NULL;
  HostPort checked = HOST_PORT_OK;

  g_return_val_if_fail (MD_IS_ACCOUNT (self), FALSE);

  if (outbound_proxy && *outbound_proxy)
    checked = dup_host_port (outbound_proxy, self->transport, &host_port, &uri_transport);
  if (checked != HOST_PORT_OK)
    {
      set_host_port_error (error, checked, TRUE, outbound_proxy, uri_transport);
      return FALSE;
    }

  g_free (self->outbound_proxy);
  self->outbound_proxy = host_port ? g_steal_pointer (&host_port) : g_strdup ("");
  return TRUE;
}

const char *
md_account_get_international_prefix (MdAccount *self)
{
  g_return_val_if_fail (MD_IS_ACCOUNT (self), NULL);
  return self->international_prefix;
}

gboolean
md_account_set_international_prefix (MdAccount   *self,
                                     const char  *prefix,
                                     GError     **error)
{
  g_autofree char *digits = g_strstrip (g_strdup (prefix ? prefix : ""));

  g_return_val_if_fail (MD_IS_ACCOUNT (self), FALSE);

  /* 00 in most of the world, 011 from North America, 0011 from
   * Australia: never more than a few digits. */
  if (strlen (digits) > 6 || strspn (digits, "0123456789") != strlen (digits))
    {
      g_set_error (error, MD_ACCOUNT_ERROR, MD_ACCOUNT_ERROR_INVALID,
                   _("The international prefix “%s” is not a few digits, such as 00 or 011"),
                   prefix);
      return FALSE;
    }

  g_free (self->international_prefix);
  self->international_prefix = g_steal_pointer (&digits);
  return TRUE;
}

gboolean
md_account_get_registers (MdAccount *self)
{
  g_return_val_if_fail (MD_IS_ACCOUNT (self), TRUE);
  return self->registers;
}

void
md_account_set_registers (MdAccount *self,
                          gboolean   registers)
{
  g_return_if_fail (MD_IS_ACCOUNT (self));
  self->registers = registers;
}

char *
md_account_dup_first_hop_host (MdAccount *self)
{
  const char *server, *end;

  g_return_val_if_fail (MD_IS_ACCOUNT (self), NULL);

  server = *self->outbound_proxy ? self->outbound_proxy : self->server;
  if (server[0] == '[' && (end = strchr (server, ']')))
    return g_strndup (server + 1, (gsize) (end - server - 1));

  end = strchr (server, ':');
  if (end && !strchr (end + 1, ':'))
    return g_strndup (server, (gsize) (end - server));

  return g_strdup (server);
}

static MdAccount *
account_from_dict (GVariant *dict)
{
  const char *name = NULL, *server = NULL, *user = NULL;
  const char *domain = NULL, *transport = NULL, *display_name = NULL, *ca_file = NULL;
  const char *auth_user = NULL, *outbound_proxy = NULL, *international_prefix = NULL;
  const char *registers = NULL;
  g_autoptr(GError) error = NULL;
  MdAccount *account;

  g_variant_lookup (dict, "name", "&s", &name);
  g_variant_lookup (dict, "server", "&s", &server);
  g_variant_lookup (dict, "user", "&s", &user);
  g_variant_lookup (dict, "domain", "&s", &domain);
  g_variant_lookup (dict, "transport", "&s", &transport);
  g_variant_lookup (dict, "display-name", "&s", &display_name);
  g_variant_lookup (dict, "ca-file", "&s", &ca_file);
  g_variant_lookup (dict, "auth-user", "&s", &auth_user);
  g_variant_lookup (dict, "outbound-proxy", "&s", &outbound_proxy);
  g_variant_lookup (dict, "international-prefix", "&s", &international_prefix);
  g_variant_lookup (dict, "register", "&s", &registers);

  account = md_account_new (name, server, user, domain, transport, display_name, &error);
  if (account && (!md_account_set_auth_user (account, auth_user, &error) ||
                  !md_account_set_outbound_proxy (account, outbound_proxy, &error) ||
                  !md_account_set_international_prefix (account, international_prefix, &error)))
    g_clear_object (&account);
  if (!account)
    g_warning ("Skipping a stored SIP account: %s", error->message);
  else
    account->registers = g_strcmp0 (registers, "no") != 0;
  /* A CA file that went away is not checked again here: TLS then says
   * which certificate it could not verify. */
  if (account && ca_file)
    {
      g_free (account->ca_file);
      account->ca_file = g_strdup (ca_file);
    }
  return account;
}

static GVariant *
account_to_dict (MdAccount *self)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{ss}"));

  g_variant_builder_add (&builder, "{ss}", "name", self->name);
  g_variant_builder_add (&builder, "{ss}", "server", self->server);
  g_variant_builder_add (&builder, "{ss}", "user", self->user);
  g_variant_builder_add (&builder, "{ss}", "domain", self->domain);
  g_variant_builder_add (&builder, "{ss}", "transport", self->transport);
  g_variant_builder_add (&builder, "{ss}", "display-name", self->display_name);
  if (*self->ca_file)
    g_variant_builder_add (&builder, "{ss}", "ca-file", self->ca_file);
  if (*self->auth_user)
    g_variant_builder_add (&builder, "{ss}", "auth-user", self->auth_user);
  if (*self->outbound_proxy)
    g_variant_builder_add (&builder, "{ss}", "outbound-proxy", self->outbound_proxy);
  if (*self->international_prefix)
    g_variant_builder_add (&builder, "{ss}", "international-prefix", self->international_prefix);
  if (!self->registers)
    g_variant_builder_add (&builder, "{ss}", "register", "no");
  return g_variant_builder_end (&builder);
}

GPtrArray *
md_account_list_load (GSettings *settings)
{
  g_autoptr(GVariant) list = NULL;
  GPtrArray *accounts = g_ptr_array_new_with_free_func (g_object_unref);
  GVariantIter iter;
  GVariant *dict;

  g_return_val_if_fail (G_IS_SETTINGS (settings), accounts);

  list = g_settings_get_value (settings, ACCOUNTS_KEY);
  g_variant_iter_init (&iter, list);
  while ((dict = g_variant_iter_next_value (&iter)))
    {
      MdAccount *account = account_from_dict (dict);

      if (account)
        g_ptr_array_add (accounts, account);
      g_variant_unref (dict);
    }

  return accounts;
}

MdAccount *
md_account_list_find (GSettings   *settings,
                      const char  *name,
                      GError     **error)
{
  g_autoptr(GPtrArray) accounts = md_account_list_load (settings);

  for (guint i = 0; i < accounts->len; i++)
    {
      MdAccount *account = accounts->pdata[i];

      if (g_strcmp0 (account->name, name) == 0)
        return g_object_ref (account);
    }

  g_set_error (error, MD_ACCOUNT_ERROR, MD_ACCOUNT_ERROR_NOT_FOUND,
               _("There is no SIP account called “%s” (see “meetdial-cli account list”)"),
               name ? name : "");
  return NULL;
}

static gboolean
store_accounts (GSettings  *settings,
                GPtrArray  *accounts,
                GError    **error)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("aa{ss}"));

  for (guint i = 0; i < accounts->len; i++)
    g_variant_builder_add_value (&builder, account_to_dict (accounts->pdata[i]));

  if (!g_settings_set_value (settings, ACCOUNTS_KEY, g_variant_builder_end (&builder)))
    {
      g_set_error (error, MD_ACCOUNT_ERROR, MD_ACCOUNT_ERROR_INVALID,
                   _("The account settings cannot be written"));
      return FALSE;
    }

  g_settings_sync ();
  return TRUE;
}

gboolean
md_account_list_save (GSettings  *settings,
                      MdAccount  *account,
                      GError    **error)
{
  g_autoptr(GPtrArray) accounts = md_account_list_load (settings);
  gboolean replaced = FALSE;

  g_return_val_if_fail (MD_IS_ACCOUNT (account), FALSE);

  for (guint i = 0; i < accounts->len; i++)
    if (g_strcmp0 (MD_ACCOUNT (accounts->pdata[i])->name, account->name) == 0)
      {
        g_object_unref (accounts->pdata[i]);
        accounts->pdata[i] = g_object_ref (account);
        replaced = TRUE;
      }

  if (!replaced)
    g_ptr_array_add (accounts, g_object_ref (account));

  return store_accounts (settings, accounts, error);
}

gboolean
md_account_list_remove (GSettings   *settings,
                        const char  *name,
                        GError     **error)
{
  g_autoptr(GPtrArray) accounts = md_account_list_load (settings);

  for (guint i = 0; i < accounts->len; i++)
    if (g_strcmp0 (MD_ACCOUNT (accounts->pdata[i])->name, name) == 0)
      {
        g_ptr_array_remove_index (accounts, i);
        return store_accounts (settings, accounts, error);
      }

  g_set_error (error, MD_ACCOUNT_ERROR, MD_ACCOUNT_ERROR_NOT_FOUND,
               _("There is no SIP account called “%s”"), name ? name : "");
  return FALSE;
}
