/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-lookup"

#include "config.h"

#include "md-lookup-result.h"

#include <string.h>

enum {
  PROP_0,
  PROP_PREFERRED,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

struct _MdLookupResult
{
  GObject     parent_instance;

  MdProvider  provider;
  char       *title;
  char       *pin;
  char       *passcode;
  char       *sip_uri;
  GPtrArray  *dial_ins;   /* of MdDialIn */
  int         preferred;
};

G_DEFINE_FINAL_TYPE (MdLookupResult, md_lookup_result, G_TYPE_OBJECT)

static char *
dup_digits (const char *text)
{
  GString *digits;

  if (text == NULL)
    return NULL;

  digits = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);

  if (digits->len == 0)
    {
      g_string_free (digits, TRUE);
      return NULL;
    }
  return g_string_free (digits, FALSE);
}

static void
md_lookup_result_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MdLookupResult *self = MD_LOOKUP_RESULT (object);

  switch (prop_id)
    {
    case PROP_PREFERRED:
      g_value_set_int (value, self->preferred);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_lookup_result_finalize (GObject *object)
{
  MdLookupResult *self = MD_LOOKUP_RESULT (object);

  g_free (self->title);
  g_free (self->pin);
  g_free (self->passcode);
  g_free (self->sip_uri);
  g_ptr_array_unref (self->dial_ins);

  G_OBJECT_CLASS (md_lookup_result_parent_class)->finalize (object);
}

static void
md_lookup_result_class_init (MdLookupResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = md_lookup_result_get_property;
  object_class->finalize = md_lookup_result_finalize;

  props[PROP_PREFERRED] =
    g_param_spec_int ("preferred", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
md_lookup_result_init (MdLookupResult *self)
{
  self->dial_ins = g_ptr_array_new_with_free_func (g_object_unref);
  self->preferred = -1;
}

MdLookupResult *
md_lookup_result_new (MdProvider provider)
{
  MdLookupResult *self = g_object_new (MD_TYPE_LOOKUP_RESULT, NULL);

  self->provider = provider;
  return self;
}

MdProvider
md_lookup_result_get_provider (MdLookupResult *self)
{
  g_return_val_if_fail (MD_IS_LOOKUP_RESULT (self), MD_PROVIDER_GENERIC);
  return self->provider;
}

const char *
md_lookup_result_get_title (MdLookupResult *self)
{
  g_return_val_if_fail (MD_IS_LOOKUP_RESULT (self), NULL);
  return self->title;
}

const char *
md_lookup_result_get_pin (MdLookupResult *self)
{
  g_return_val_if_fail (MD_IS_LOOKUP_RESULT (self), NULL);
  return self->pin;
}

const char *
md_lookup_result_get_passcode (MdLookupResult *self)
{
  g_return_val_if_fail (MD_IS_LOOKUP_RESULT (self), NULL);
  return self->passcode;
}

const char *
md_lookup_result_get_sip_uri (MdLookupResult *self)
{
  g_return_val_if_fail (MD_IS_LOOKUP_RESULT (self), NULL);
  return self->sip_uri;
}

void
md_lookup_result_set_title (MdLookupResult *self,
                            const char     *title)
{
  g_return_if_fail (MD_IS_LOOKUP_RESULT (self));

  g_free (self->title);
  self->title = (title != NULL && *title != '\0') ? g_strstrip (g_strdup (title)) : NULL;
}

void
md_lookup_result_set_pin (MdLookupResult *self,
                          const char     *pin)
{
  g_return_if_fail (MD_IS_LOOKUP_RESULT (self));

  g_free (self->pin);
  self->pin = dup_digits (pin);
}

void
md_lookup_result_set_passcode (MdLookupResult *self,
                               const char     *passcode)
{
  g_return_if_fail (MD_IS_LOOKUP_RESULT (self));

  g_free (self->passcode);
  self->passcode = dup_digits (passcode);
}

void
md_lookup_result_set_sip_uri (MdLookupResult *self,
                              const char     *sip_uri)
{
  g_return_if_fail (MD_IS_LOOKUP_RESULT (self));

  g_free (self->sip_uri);
  self->sip_uri = g_strdup (sip_uri);
}

void
md_lookup_result_add_dial_in (MdLookupResult *self,
                              MdDialIn       *dial_in)
{
  const char *number;

  g_return_if_fail (MD_IS_LOOKUP_RESULT (self));
  g_return_if_fail (MD_IS_DIAL_IN (dial_in));

  number = md_dial_in_get_number (dial_in);
  for (guint i = 0; i < self->dial_ins->len; i++)
    {
      MdDialIn *known = g_ptr_array_index (self->dial_ins, i);

      if (g_str_equal (md_dial_in_get_number (known), number))
        {
          md_dial_in_merge (known, dial_in);
          return;
        }
    }

  g_ptr_array_add (self->dial_ins, g_object_ref (dial_in));
}

guint
md_lookup_result_get_n_dial_ins (MdLookupResult *self)
{
  g_return_val_if_fail (MD_IS_LOOKUP_RESULT (self), 0);
  return self->dial_ins->len;
}

MdDialIn *
md_lookup_result_get_dial_in (MdLookupResult *self,
                              guint           index)
{
  g_return_val_if_fail (MD_IS_LOOKUP_RESULT (self), NULL);
  g_return_val_if_fail (index < self->dial_ins->len, NULL);
  return g_ptr_array_index (self->dial_ins, index);
}

char *
md_lookup_result_dup_dial (MdLookupResult *self,
                           guint           index)
{
  MdDialIn *dial_in = md_lookup_result_get_dial_in (self, index);

  g_return_val_if_fail (dial_in != NULL, NULL);
  return md_provider_build_dial (self->provider, md_dial_in_get_number (dial_in),
                                 self->pin, self->passcode);
}

int
md_lookup_result_choose_preferred (MdLookupResult *self,
                                   const char     *country)
{
  int toll = -1;
  int preferred = -1;

  g_return_val_if_fail (MD_IS_LOOKUP_RESULT (self), -1);

  for (guint i = 0; i < self->dial_ins->len && country != NULL; i++)
    {
      MdDialIn *dial_in = g_ptr_array_index (self->dial_ins, i);
      const char *number_country = md_dial_in_get_country (dial_in);

      if (number_country == NULL || g_ascii_strcasecmp (number_country, country) != 0)
        continue;
      if (md_dial_in_get_toll_free (dial_in))
        {
          preferred = (int) i;
          break;
        }
      if (toll < 0)
        toll = (int) i;
    }

  if (preferred < 0)
    preferred = toll;
  if (preferred < 0 && self->dial_ins->len > 0)
    preferred = 0;

  if (preferred != self->preferred)
    {
      self->preferred = preferred;
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_PREFERRED]);
    }
  return preferred;
}

int
md_lookup_result_get_preferred (MdLookupResult *self)
{
  g_return_val_if_fail (MD_IS_LOOKUP_RESULT (self), -1);
  return self->preferred;
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

JsonNode *
md_lookup_result_to_json (MdLookupResult *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (MD_IS_LOOKUP_RESULT (self), NULL);

  json_builder_begin_object (builder);
  add_string_or_null (builder, "provider", md_provider_to_string (self->provider));
  add_string_or_null (builder, "title", self->title);
  add_string_or_null (builder, "pin", self->pin);
  add_string_or_null (builder, "passcode", self->passcode);

  json_builder_set_member_name (builder, "numbers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->dial_ins->len; i++)
    {
      MdDialIn *dial_in = g_ptr_array_index (self->dial_ins, i);
      g_autofree char *dial = md_lookup_result_dup_dial (self, i);

      json_builder_begin_object (builder);
      add_string_or_null (builder, "number", md_dial_in_get_number (dial_in));
      add_string_or_null (builder, "country", md_dial_in_get_country (dial_in));
      json_builder_set_member_name (builder, "toll_free");
      json_builder_add_boolean_value (builder, md_dial_in_get_toll_free (dial_in));
      add_string_or_null (builder, "label", md_dial_in_get_label (dial_in));
      add_string_or_null (builder, "dial", dial);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_string_or_null (builder, "sip_uri", self->sip_uri);
  json_builder_set_member_name (builder, "preferred");
  if (self->preferred >= 0)
    json_builder_add_int_value (builder, self->preferred);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
