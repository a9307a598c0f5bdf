/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A QR code as a square of modules, quiet zone included, for any front end
 * to draw: the GUI as pixels, the terminal as half blocks. */
typedef struct {
  guint   side;      /* modules per row and column, quiet zone included */
  guint8 *dark;      /* side × side, row by row: 1 = dark module */
} MdQrMatrix;

/* The QR code of @text (the meeting's `tel:` link); NULL with an error when
 * @text does not fit in one. */
MdQrMatrix *md_qr_matrix_new     (const char  *text,
                                  GError     **error);
void        md_qr_matrix_free    (MdQrMatrix  *matrix);
gboolean    md_qr_matrix_is_dark (const MdQrMatrix *matrix,
                                  guint        x,
                                  guint        y);
/* Two rows per line with Unicode half blocks (▀ ▄ █). Light modules are
 * drawn, dark ones left blank, as terminals are mostly light text on a dark
 * background: the code then shows dark-on-light, as cameras expect. */
char       *md_qr_matrix_to_text (const MdQrMatrix *matrix);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MdQrMatrix, md_qr_matrix_free)

G_END_DECLS
