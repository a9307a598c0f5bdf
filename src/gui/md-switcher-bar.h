/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Reveals @bar while @title has no room for its view switcher, as binding
 * "title-visible" to "reveal" would, but one main-loop turn later: @title
 * decides while the header is being laid out, and revealing @bar in that
 * same pass gets the bar's switcher allocated with a negative height (GTK
 * warnings at narrow widths). */
void md_switcher_bar_follow (AdwViewSwitcherBar   *bar,
                             AdwViewSwitcherTitle *title);

G_END_DECLS
