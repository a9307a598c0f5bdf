/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-gui"

#include "config.h"

#include "md-qr-code.h"
#include "md-qr-matrix.h"

#include <string.h>

GdkTexture *
md_qr_code_new_texture (const char  *text,
                        guint        module_px,
                        GError     **error)
{
  g_autoptr(MdQrMatrix) matrix = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guint8 *pixels;
  gsize side, stride;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (module_px > 0, NULL);

  matrix = md_qr_matrix_new (text, error);
  if (matrix == NULL)
    return NULL;

  side = (gsize) matrix->side * module_px;
  stride = side * 3;
  pixels = g_malloc (stride * side);
  memset (pixels, 0xff, stride * side);

  for (guint y = 0; y < matrix->side; y++)
    for (guint x = 0; x < matrix->side; x++)
      {
        if (!md_qr_matrix_is_dark (matrix, x, y))
          continue;
        for (guint dy = 0; dy < module_px; dy++)
          {
            gsize row = ((gsize) y * module_px + dy) * stride;
            memset (pixels + row + (gsize) x * module_px * 3, 0, module_px * 3);
          }
      }

  bytes = g_bytes_new_take (pixels, stride * side);
  return gdk_memory_texture_new ((int) side, (int) side, GDK_MEMORY_R8G8B8, bytes, stride);
}
