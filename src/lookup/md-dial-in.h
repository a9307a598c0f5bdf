/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MD_TYPE_DIAL_IN (md_dial_in_get_type ())
G_DECLARE_FINAL_TYPE (MdDialIn, md_dial_in, MD, DIAL_IN, GObject)

/* One dial-in number of a meeting: @number in E.164, @country an ISO
 * 3166-1 alpha-2 code or NULL, @label as the invitation or API names it
 * (NULL when it names none). */
MdDialIn   *md_dial_in_new           (const char *number,
                                      const char *country,
                                      gboolean    toll_free,
                                      const char *label);

const char *md_dial_in_get_number    (MdDialIn   *self);
const char *md_dial_in_get_country   (MdDialIn   *self);
gboolean    md_dial_in_get_toll_free (MdDialIn   *self);
const char *md_dial_in_get_label     (MdDialIn   *self);

/* Takes what @other knows and @self does not (label, toll-free), for a
 * number listed twice. */
void        md_dial_in_merge         (MdDialIn   *self,
                                      MdDialIn   *other);

G_END_DECLS
