/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-lookup"

#include "config.h"

#include "md-json-util.h"

static JsonNode *
get_member (JsonObject *object,
            const char *name)
{
  if (object == NULL || !json_object_has_member (object, name))
    return NULL;
  return json_object_get_member (object, name);
}

JsonObject *
md_json_get_object (JsonObject *object,
                    const char *name)
{
  JsonNode *node = get_member (object, name);
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonArray *
md_json_get_array (JsonObject *object,
                   const char *name)
{
  JsonNode *node = get_member (object, name);
  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

const char *
md_json_get_string (JsonObject *object,
                    const char *name)
{
  JsonNode *node = get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gboolean
md_json_get_int (JsonObject *object,
                 const char *name,
                 gint64     *value)
{
  JsonNode *node = get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    *value = json_node_get_int (node);
  else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    *value = (gint64) json_node_get_double (node);
  else
    return FALSE;
  return TRUE;
}

char *
md_json_dup_digits (JsonObject *object,
                    const char *name)
{
  const char *text = md_json_get_string (object, name);
  gint64 number;

  if (text != NULL)
    {
      for (const char *p = text; *p != '\0'; p++)
        if (!g_ascii_isdigit (*p) && *p != ' ' && *p != '-')
          return NULL;
      return g_strdup (text);
    }
  if (md_json_get_int (object, name, &number) && number >= 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, number);
  return NULL;
}

JsonObject *
md_json_array_get_object (JsonArray *array,
                          guint      index)
{
  JsonNode *node;

  if (array == NULL || index >= json_array_get_length (array))
    return NULL;
  node = json_array_get_element (array, index);
  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}
