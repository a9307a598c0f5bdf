/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Typed reads of untrusted JSON: each returns NULL (or FALSE) when the
 * member is missing, null or of another type, and never warns. */
JsonObject *md_json_get_object (JsonObject *object,
                                const char *name);
JsonArray  *md_json_get_array  (JsonObject *object,
                                const char *name);
const char *md_json_get_string (JsonObject *object,
                                const char *name);
/* A number, or a string of digits (APIs write codes both ways), as text. */
char       *md_json_dup_digits (JsonObject *object,
                                const char *name);
gboolean    md_json_get_int    (JsonObject *object,
                                const char *name,
                                gint64     *value);

/* Element @index of @array when it is an object, else NULL. */
JsonObject *md_json_array_get_object (JsonArray *array,
                                      guint      index);

G_END_DECLS
