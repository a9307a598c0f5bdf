/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-lookup"

#include "config.h"

#include "md-dial-in.h"

enum {
  PROP_0,
  PROP_NUMBER,
  PROP_COUNTRY,
  PROP_TOLL_FREE,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

struct _MdDialIn
{
  GObject   parent_instance;

  char     *number;
  char     *country;
  gboolean  toll_free;
  char     *label;
};

G_DEFINE_FINAL_TYPE (MdDialIn, md_dial_in, G_TYPE_OBJECT)

static void
md_dial_in_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MdDialIn *self = MD_DIAL_IN (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;
    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;
    case PROP_TOLL_FREE:
      g_value_set_boolean (value, self->toll_free);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_dial_in_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  MdDialIn *self = MD_DIAL_IN (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      self->number = g_value_dup_string (value);
      break;
    case PROP_COUNTRY:
      self->country = g_value_dup_string (value);
      break;
    case PROP_TOLL_FREE:
      self->toll_free = g_value_get_boolean (value);
      break;
    case PROP_LABEL:
      self->label = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_dial_in_finalize (GObject *object)
{
  MdDialIn *self = MD_DIAL_IN (object);

  g_free (self->number);
  g_free (self->country);
  g_free (self->label);

  G_OBJECT_CLASS (md_dial_in_parent_class)->finalize (object);
}

static void
md_dial_in_class_init (MdDialInClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = md_dial_in_get_property;
  object_class->set_property = md_dial_in_set_property;
  object_class->finalize = md_dial_in_finalize;

  props[PROP_NUMBER] = g_param_spec_string ("number", NULL, NULL, NULL, flags);
  props[PROP_COUNTRY] = g_param_spec_string ("country", NULL, NULL, NULL, flags);
  props[PROP_TOLL_FREE] = g_param_spec_boolean ("toll-free", NULL, NULL, FALSE, flags);
  props[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
md_dial_in_init (MdDialIn *self)
{
}

MdDialIn *
md_dial_in_new (const char *number,
                const char *country,
                gboolean    toll_free,
                const char *label)
{
  g_return_val_if_fail (number != NULL, NULL);

  return g_object_new (MD_TYPE_DIAL_IN,
                       "number", number,
                       "country", country,
                       "toll-free", toll_free,
                       "label", (label != NULL && *label != '\0') ? label : NULL,
                       NULL);
}

const char *
md_dial_in_get_number (MdDialIn *self)
{
  g_return_val_if_fail (MD_IS_DIAL_IN (self), NULL);
  return self->number;
}

const char *
md_dial_in_get_country (MdDialIn *self)
{
  g_return_val_if_fail (MD_IS_DIAL_IN (self), NULL);
  return self->country;
}

gboolean
md_dial_in_get_toll_free (MdDialIn *self)
{
  g_return_val_if_fail (MD_IS_DIAL_IN (self), FALSE);
  return self->toll_free;
}

const char *
md_dial_in_get_label (MdDialIn *self)
{
  g_return_val_if_fail (MD_IS_DIAL_IN (self), NULL);
  return self->label;
}

void
md_dial_in_merge (MdDialIn *self,
                  MdDialIn *other)
{
  g_return_if_fail (MD_IS_DIAL_IN (self));
  g_return_if_fail (MD_IS_DIAL_IN (other));

  if (self->label == NULL && other->label != NULL)
    {
      self->label = g_strdup (other->label);
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LABEL]);
    }
  if (!self->toll_free && other->toll_free)
    {
      self->toll_free = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_TOLL_FREE]);
    }
  if (self->country == NULL && other->country != NULL)
    {
      self->country = g_strdup (other->country);
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_COUNTRY]);
    }
}
