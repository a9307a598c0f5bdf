/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-sip"

#include "config.h"

#include "md-sip-account.h"
#include "md-sip-private.h"

enum {
  PROP_0,
  PROP_NAME,
  PROP_STATE,
  PROP_STATUS,
  N_PROPS
};
static GParamSpec *props[N_PROPS];

struct _MdSipAccount
{
  GObject            parent_instance;

  guint              id;
  char              *name;
  char              *domain;
  char              *international_prefix;
  MdSipAccountState  state;
  char              *status;
};

G_DEFINE_TYPE (MdSipAccount, md_sip_account, G_TYPE_OBJECT)

static void
md_sip_account_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MdSipAccount *self = MD_SIP_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_sip_account_finalize (GObject *object)
{
  MdSipAccount *self = MD_SIP_ACCOUNT (object);

  g_free (self->name);
  g_free (self->domain);
  g_free (self->international_prefix);
  g_free (self->status);

  G_OBJECT_CLASS (md_sip_account_parent_class)->finalize (object);
}

static void
md_sip_account_class_init (MdSipAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = md_sip_account_get_property;
  object_class->finalize = md_sip_account_finalize;

  props[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* An MdSipAccountState. */
  props[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL,
                      MD_SIP_ACCOUNT_UNREGISTERED, MD_SIP_ACCOUNT_CERTIFICATE_FAILED,
                      MD_SIP_ACCOUNT_UNREGISTERED,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  props[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
md_sip_account_init (MdSipAccount *self)
{
  self->status = g_strdup ("");
}

MdSipAccount *
_md_sip_account_new (MdSipAgent *agent,
                     guint       id,
                     const char *name,
                     const char *domain,
                     const char *international_prefix)
{
  MdSipAccount *self = g_object_new (MD_TYPE_SIP_ACCOUNT, NULL);

  self->id = id;
  self->name = g_strdup (name);
  self->domain = g_strdup (domain);
  self->international_prefix = g_strdup (international_prefix ? international_prefix : "");
  return self;
}

guint
_md_sip_account_get_id (MdSipAccount *self)
{
  return self->id;
}

void
_md_sip_account_set_state (MdSipAccount      *self,
                           MdSipAccountState  state,
                           const char        *status)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (g_strcmp0 (self->status, status) != 0)
    {
      g_free (self->status);
      self->status = g_strdup (status ? status : "");
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_STATUS]);
    }
  /* Every change, also registering → registering after a back-off, is news. */
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_STATE]);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
md_sip_account_get_name (MdSipAccount *self)
{
  g_return_val_if_fail (MD_IS_SIP_ACCOUNT (self), NULL);
  return self->name;
}

MdSipAccountState
md_sip_account_get_state (MdSipAccount *self)
{
  g_return_val_if_fail (MD_IS_SIP_ACCOUNT (self), MD_SIP_ACCOUNT_UNREGISTERED);
  return self->state;
}

const char *
md_sip_account_get_status (MdSipAccount *self)
{
  g_return_val_if_fail (MD_IS_SIP_ACCOUNT (self), NULL);
  return self->status;
}

char *
md_sip_account_dup_number_uri (MdSipAccount *self,
                               const char   *number)
{
  g_return_val_if_fail (MD_IS_SIP_ACCOUNT (self), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  /* With the provider's prefix the number is no longer in global form,
   * which user=phone would claim it is. */
  if (number[0] == '+' && *self->international_prefix)
    return g_strdup_printf ("sip:%s%s@%s", self->international_prefix, number + 1,
                            self->domain);

  return g_strdup_printf ("sip:%s@%s;user=phone", number, self->domain);
}

const char *
md_sip_account_state_to_string (MdSipAccountState state)
{
  switch (state)
    {
    case MD_SIP_ACCOUNT_UNREGISTERED:   return "unregistered";
    case MD_SIP_ACCOUNT_REGISTERING:    return "registering";
    case MD_SIP_ACCOUNT_REGISTERED:     return "registered";
    case MD_SIP_ACCOUNT_WRONG_PASSWORD: return "wrong-password";
    case MD_SIP_ACCOUNT_FAILED:         return "failed";
    case MD_SIP_ACCOUNT_CERTIFICATE_FAILED: return "certificate-failed";
    default:                            return "unknown";
    }
}
