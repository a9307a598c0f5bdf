/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-dial"

#include "config.h"

#include "md-dial-plan.h"
#include "md-dial-private.h"

#include <string.h>

enum {
  PROP_0,
  PROP_TARGET_KIND,
  PROP_NUMBER,
  PROP_SIP_URI,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

struct _MdDialPlan {
  GObject           parent_instance;

  MdDialTargetKind  target_kind;
  char             *number;
  char             *sip_uri;
  GArray           *steps;   /* of MdDialStep */
};

G_DEFINE_TYPE (MdDialPlan, md_dial_plan, G_TYPE_OBJECT)

static void
clear_step (gpointer data)
{
  MdDialStep *step = data;

  g_clear_pointer (&step->digits, g_free);
}

void
md_dial_steps_add_pause (GArray *steps,
                         guint   pause_ms)
{
  MdDialStep step = { .kind = MD_DIAL_STEP_PAUSE, .pause_ms = pause_ms };

  g_array_append_val (steps, step);
}

void
md_dial_steps_add_wait (GArray *steps)
{
  MdDialStep step = { .kind = MD_DIAL_STEP_WAIT };

  g_array_append_val (steps, step);
}

void
md_dial_steps_add_dtmf (GArray     *steps,
                        const char *digits,
                        gssize      len)
{
  MdDialStep step = { .kind = MD_DIAL_STEP_DTMF };

  step.digits = len < 0 ? g_strdup (digits) : g_strndup (digits, len);
  g_array_append_val (steps, step);
}

static void
md_dial_plan_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  MdDialPlan *self = MD_DIAL_PLAN (object);

  switch (prop_id)
    {
    case PROP_TARGET_KIND:
      g_value_set_int (value, self->target_kind);
      break;
    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;
    case PROP_SIP_URI:
      g_value_set_string (value, self->sip_uri);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_dial_plan_finalize (GObject *object)
{
  MdDialPlan *self = MD_DIAL_PLAN (object);

  g_free (self->number);
  g_free (self->sip_uri);
  g_array_unref (self->steps);

  G_OBJECT_CLASS (md_dial_plan_parent_class)->finalize (object);
}

static void
md_dial_plan_class_init (MdDialPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = md_dial_plan_get_property;
  object_class->finalize = md_dial_plan_finalize;

  props[PROP_TARGET_KIND] =
    g_param_spec_int ("target-kind", NULL, NULL,
                      MD_DIAL_TARGET_E164, MD_DIAL_TARGET_SIP, MD_DIAL_TARGET_E164,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  props[PROP_NUMBER] =
    g_param_spec_string ("number", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  props[PROP_SIP_URI] =
    g_param_spec_string ("sip-uri", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
md_dial_plan_init (MdDialPlan *self)
{
  self->steps = g_array_new (FALSE, TRUE, sizeof (MdDialStep));
  g_array_set_clear_func (self->steps, clear_step);
}

MdDialPlan *
md_dial_plan_parse (const char  *input,
                    guint        pause_ms,
                    GError     **error)
{
  g_autoptr(MdDialPlan) self = NULL;
  g_autofree char *text = NULL;
  const char *body;
  gsize body_offset = 0;
  MdDialScheme scheme;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = md_dial_input_read (input, &scheme, &body_offset, error);
  if (text == NULL)
    return NULL;
  body = text + body_offset;

  self = g_object_new (MD_TYPE_DIAL_PLAN, NULL);

  if (scheme == MD_DIAL_SCHEME_SIP || scheme == MD_DIAL_SCHEME_SIPS)
    {
      self->sip_uri = md_dial_sip_normalise (body, scheme == MD_DIAL_SCHEME_SIPS, error);
      if (self->sip_uri == NULL)
        return NULL;
      self->target_kind = MD_DIAL_TARGET_SIP;
    }
  else if (!md_dial_tel_parse (text, body, pause_ms, &self->target_kind, &self->number,
                               self->steps, error))
    return NULL;

  return g_steal_pointer (&self);
}

MdDialTargetKind
md_dial_plan_get_target_kind (MdDialPlan *self)
{
  g_return_val_if_fail (MD_IS_DIAL_PLAN (self), MD_DIAL_TARGET_E164);

  return self->target_kind;
}

const char *
md_dial_plan_get_number (MdDialPlan *self)
{
  g_return_val_if_fail (MD_IS_DIAL_PLAN (self), NULL);

  return self->number;
}

const char *
md_dial_plan_get_sip_uri (MdDialPlan *self)
{
  g_return_val_if_fail (MD_IS_DIAL_PLAN (self), NULL);

  return self->sip_uri;
}

char *
md_dial_plan_dup_sip_host (MdDialPlan *self)
{
  const char *host, *end;

  g_return_val_if_fail (MD_IS_DIAL_PLAN (self), NULL);

  if (self->sip_uri == NULL)
    return NULL;

  host = strchr (self->sip_uri, '@');
  host = host ? host + 1 : strchr (self->sip_uri, ':') + 1;
  if (*host == '[')
    {
      end = strchr (host, ']');
      return end ? g_strndup (host + 1, (gsize) (end - host - 1)) : g_strdup (host);
    }

  end = host + strcspn (host, ":;?>");
  return g_strndup (host, (gsize) (end - host));
}

guint
md_dial_plan_get_n_steps (MdDialPlan *self)
{
  g_return_val_if_fail (MD_IS_DIAL_PLAN (self), 0);

  return self->steps->len;
}

const MdDialStep *
md_dial_plan_get_step (MdDialPlan *self,
                       guint       index)
{
  g_return_val_if_fail (MD_IS_DIAL_PLAN (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);

  return &g_array_index (self->steps, MdDialStep, index);
}

static char *
build_uri (MdDialPlan *self,
           gboolean    masked)
{
  const MdDialStep *first;
  gboolean postd;
  GString *uri;

  if (self->sip_uri)
    return g_strdup (self->sip_uri);

  uri = g_string_new ("tel:");
  g_string_append (uri, self->number);

  /* Digits right after the number would read back as more number, so such
   * a plan (from ;postd= or ;ext=) keeps the RFC 2806 form: p pause, w wait. */
  first = self->steps->len > 0 ? &g_array_index (self->steps, MdDialStep, 0) : NULL;
  postd = first && first->kind == MD_DIAL_STEP_DTMF && g_ascii_isdigit (first->digits[0]);
  if (postd)
    g_string_append (uri, ";postd=");

  for (guint i = 0; i < self->steps->len; i++)
    {
      const MdDialStep *step = &g_array_index (self->steps, MdDialStep, i);

      switch (step->kind)
        {
        case MD_DIAL_STEP_PAUSE:
          g_string_append_c (uri, postd ? 'p' : ',');
          break;
        case MD_DIAL_STEP_WAIT:
          g_string_append_c (uri, postd ? 'w' : ';');
          break;
        case MD_DIAL_STEP_DTMF:
          if (masked)
            for (const char *d = step->digits; *d; d++)
              g_string_append (uri, "•");
          else
            g_string_append (uri, step->digits);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return g_string_free (uri, FALSE);
}

char *
md_dial_plan_to_uri (MdDialPlan *self)
{
  g_return_val_if_fail (MD_IS_DIAL_PLAN (self), NULL);

  return build_uri (self, FALSE);
}

char *
md_dial_plan_to_masked_uri (MdDialPlan *self)
{
  g_return_val_if_fail (MD_IS_DIAL_PLAN (self), NULL);

  return build_uri (self, TRUE);
}

char *
md_dial_plan_dup_all_digits (MdDialPlan *self)
{
  GString *digits = g_string_new (NULL);

  g_return_val_if_fail (MD_IS_DIAL_PLAN (self), NULL);

  for (guint i = 0; i < self->steps->len; i++)
    {
      const MdDialStep *step = &g_array_index (self->steps, MdDialStep, i);

      if (step->kind == MD_DIAL_STEP_DTMF)
        g_string_append (digits, step->digits);
    }
  return g_string_free (digits, FALSE);
}
