/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-gui"

#include "config.h"

#include "md-qr-code.h"

#include <glib/gi18n.h>
#include <qrencode.h>
#include <string.h>

/* Scanners need four light modules around the code. */
#define QUIET_ZONE 4

GdkTexture *
md_qr_code_new_texture (const char  *text,
                        guint        module_px,
                        GError     **error)
{
  QRcode *code;
  g_autoptr(GBytes) bytes = NULL;
  guint8 *pixels;
  gsize side, stride;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (module_px > 0, NULL);

  code = QRcode_encodeString8bit (text, 0, QR_ECLEVEL_M);
  if (code == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("This link is too long for a QR code"));
      return NULL;
    }

  side = ((gsize) code->width + 2 * QUIET_ZONE) * module_px;
  stride = side * 3;
  pixels = g_malloc (stride * side);
  memset (pixels, 0xff, stride * side);

  for (int y = 0; y < code->width; y++)
    for (int x = 0; x < code->width; x++)
      {
        /* Bit 0 of each byte says whether the module is dark. */
        if ((code->data[y * code->width + x] & 1) == 0)
          continue;
        for (guint dy = 0; dy < module_px; dy++)
          {
            gsize row = ((gsize) (y + QUIET_ZONE) * module_px + dy) * stride;
            memset (pixels + row + (gsize) (x + QUIET_ZONE) * module_px * 3, 0, module_px * 3);
          }
      }

  QRcode_free (code);
  bytes = g_bytes_new_take (pixels, stride * side);
  return gdk_memory_texture_new ((int) side, (int) side, GDK_MEMORY_R8G8B8, bytes, stride);
}
