/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Exit statuses of CLI.md. */
enum {
  MD_CLI_EXIT_OK = 0,
  MD_CLI_EXIT_FAILED = 1,
  MD_CLI_EXIT_USAGE = 2,
  MD_CLI_EXIT_BAD_INPUT = 3,
};

/* Prints "meetdial-cli: WHAT: WHY" on stderr. */
void md_cli_print_error      (const char *what,
                              const char *why);

/* Prints "meetdial-cli: WHAT: WHY" on stderr for a server certificate that
 * failed, and how to trust a private certificate authority. */
void md_cli_print_certificate_error (const char *what,
                                     const char *why);

/* Prints {"error": {"code": CODE, "message": MESSAGE}} on stdout. */
void md_cli_print_json_error (const char *code,
                              const char *message);

/* Prints @root as one JSON document on stdout and takes ownership of it. */
void md_cli_print_json       (JsonNode   *root);

/* Parses the options of @context from @argc/@argv; on a usage error prints it
 * and returns FALSE (the caller exits with MD_CLI_EXIT_USAGE). --help exits. */
gboolean md_cli_parse_options (GOptionContext *context,
                               int            *argc,
                               char         ***argv);

G_END_DECLS
