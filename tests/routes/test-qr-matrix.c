/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "md-qr-matrix.h"

#include <gio/gio.h>
#include <string.h>

#define LINK "tel:+14155550100,,123456789#,,,,*731904#"

/* The three finder patterns: a dark 7×7 ring, a light ring, a dark 3×3 core. */
static void
assert_finder (const MdQrMatrix *qr,
               guint             x0,
               guint             y0)
{
  for (guint y = 0; y < 7; y++)
    for (guint x = 0; x < 7; x++)
      {
        gboolean ring = x == 0 || y == 0 || x == 6 || y == 6;
        gboolean core = x >= 2 && x <= 4 && y >= 2 && y <= 4;

        g_assert_cmpint (md_qr_matrix_is_dark (qr, x0 + x, y0 + y), ==, ring || core);
      }
}

static void
test_matrix (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MdQrMatrix) qr = md_qr_matrix_new (LINK, &error);
  guint code_side;

  g_assert_no_error (error);
  g_assert_nonnull (qr);
  code_side = qr->side - 8;
  /* Versions are 21 + 4k modules wide. */
  g_assert_cmpuint ((code_side - 21) % 4, ==, 0);
  for (guint i = 0; i < qr->side; i++)
    {
      /* The quiet zone is light. */
      g_assert_false (md_qr_matrix_is_dark (qr, i, 0));
      g_assert_false (md_qr_matrix_is_dark (qr, 0, i));
      g_assert_false (md_qr_matrix_is_dark (qr, i, qr->side - 1));
    }
  assert_finder (qr, 4, 4);
  assert_finder (qr, 4 + code_side - 7, 4);
  assert_finder (qr, 4, 4 + code_side - 7);
}

static void
test_text (void)
{
  g_autoptr(MdQrMatrix) qr = md_qr_matrix_new (LINK, NULL);
  g_autofree char *text = md_qr_matrix_to_text (qr);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  g_assert_true (g_str_has_suffix (text, "\n"));
  g_assert_cmpuint (g_strv_length (lines) - 1, ==, (qr->side + 1) / 2);
  for (guint i = 0; lines[i + 1] != NULL; i++)
    g_assert_cmpint (g_utf8_strlen (lines[i], -1), ==, qr->side);
  /* The top line is quiet zone over quiet zone: light, full blocks. */
  g_assert_true (g_str_has_prefix (lines[0], "████"));
  /* Line 2 holds rows 4 and 5: the finder's dark top edge over its ring,
   * drawn as the light half of its quiet-zone neighbour. */
  g_assert_true (g_str_has_prefix (lines[2], "████ "));
}

static void
test_too_long (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *huge = g_strnfill (8000, '9');
  g_autoptr(MdQrMatrix) qr = md_qr_matrix_new (huge, &error);

  g_assert_null (qr);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/qr/matrix", test_matrix);
  g_test_add_func ("/qr/text", test_text);
  g_test_add_func ("/qr/too-long", test_too_long);
  return g_test_run ();
}
