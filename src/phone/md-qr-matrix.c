/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-phone"

#include "config.h"

#include "md-qr-matrix.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <qrencode.h>

/* Scanners need four light modules around the code. */
#define QUIET_ZONE 4

MdQrMatrix *
md_qr_matrix_new (const char  *text,
                  GError     **error)
{
  MdQrMatrix *matrix;
  QRcode *code;

  g_return_val_if_fail (text != NULL, NULL);

  code = QRcode_encodeString8bit (text, 0, QR_ECLEVEL_M);
  if (code == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("This link is too long for a QR code"));
      return NULL;
    }

  matrix = g_new0 (MdQrMatrix, 1);
  matrix->side = (guint) code->width + 2 * QUIET_ZONE;
  matrix->dark = g_malloc0 ((gsize) matrix->side * matrix->side);
  for (int y = 0; y < code->width; y++)
    for (int x = 0; x < code->width; x++)
      /* Bit 0 of each of libqrencode's bytes says whether it is dark. */
      matrix->dark[(gsize) (y + QUIET_ZONE) * matrix->side + (gsize) (x + QUIET_ZONE)] =
        code->data[y * code->width + x] & 1;
  QRcode_free (code);
  return matrix;
}

void
md_qr_matrix_free (MdQrMatrix *matrix)
{
  if (matrix == NULL)
    return;
  g_free (matrix->dark);
  g_free (matrix);
}

gboolean
md_qr_matrix_is_dark (const MdQrMatrix *matrix,
                      guint             x,
                      guint             y)
{
  if (x >= matrix->side || y >= matrix->side)
    return FALSE;   /* beyond the quiet zone: light too */
  return matrix->dark[(gsize) y * matrix->side + x] != 0;
}

char *
md_qr_matrix_to_text (const MdQrMatrix *matrix)
{
  GString *text = g_string_new (NULL);

  for (guint y = 0; y < matrix->side; y += 2)
    {
      for (guint x = 0; x < matrix->side; x++)
        {
          gboolean top = !md_qr_matrix_is_dark (matrix, x, y);
          /* An odd last row pairs with a light row below the code. */
          gboolean bottom = y + 1 < matrix->side && !md_qr_matrix_is_dark (matrix, x, y + 1);

          g_string_append (text, top && bottom ? "█" : top ? "▀" : bottom ? "▄" : " ");
        }
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}
