/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Every meetdial-cli command: argv[0] is the command name. Each returns the
 * process exit status (see md-cli-common.h for the meanings). */

int md_cli_parse_main (int argc, char **argv);
int md_cli_account_main (int argc, char **argv);
int md_cli_call_main (int argc, char **argv);
int md_cli_listen_main (int argc, char **argv);
int md_cli_devices_main (int argc, char **argv);
int md_cli_lookup_main (int argc, char **argv);
int md_cli_token_main (int argc, char **argv);
