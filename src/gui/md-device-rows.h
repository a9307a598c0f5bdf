/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Adds "Microphone Device" and "Speaker Device" rows to @group, listing the
 * system's sound devices (found in a worker thread: the device monitor can
 * take a moment) and keeping the choice in the input-device/output-device
 * settings ("" is the system default). */
void md_device_rows_add (AdwPreferencesGroup *group,
                         GSettings           *settings);

G_END_DECLS
