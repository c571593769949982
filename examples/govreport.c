/*
 * govreport: read, check and write government information-disclosure
 * annual reports from the command line.
 *
 * Each subcommand lives in cli/NAME.c as a struct cli_command; to add one,
 * write that file, list it in `commands` below and in meson.build.
 */
#include <stdio.h>
#include <string.h>

#include <govreport.h>

#include "cli/cli.h"

static const struct cli_command *const commands[] = {
	&cli_parse,
	&cli_sum,
	&cli_diff,
	&cli_check,
	&cli_render,
};

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static void
usage(FILE *out)
{
	fprintf(out,
		"Usage: govreport COMMAND [OPTIONS] [ARGS]\n"
		"\n"
		"Read, check and write Chinese government information-disclosure\n"
		"annual reports (政府信息公开工作年度报告).\n"
		"\n"
		"Commands:\n");
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(out, "  %-8s %s\n", commands[i]->name, commands[i]->summary);
	fprintf(out,
		"\n"
		"Options:\n"
		"  -h, --help     show this help; 'govreport COMMAND --help' for a command\n"
		"  --version      print the library's version\n"
		"\n"
		"Exit status: 0 success, 1 errors found in a report (check) or\n"
		"differences found (diff), 2 usage error or unusable input.\n");
}

static const struct cli_command *
find_command(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++) {
		if (strcmp(commands[i]->name, name) == 0)
			return commands[i];
	}
	return NULL;
}

int
main(int argc, char **argv)
{
	const struct cli_command *cmd;

	if (argc < 2) {
		usage(stderr);
		return CLI_EXIT_FAILURE;
	}
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
		usage(stdout);
		return CLI_EXIT_OK;
	}
	if (strcmp(argv[1], "help") == 0) {
		if (argc < 3) {
			usage(stdout);
			return CLI_EXIT_OK;
		}
		cmd = find_command(argv[2]);
		if (cmd)
			return cli_help(cmd);
	} else if (strcmp(argv[1], "--version") == 0) {
		printf("govreport %s\n", govreport_version());
		return CLI_EXIT_OK;
	} else {
		cmd = find_command(argv[1]);
		if (cmd)
			return cmd->run(cmd, argc - 1, argv + 1);
	}
	fprintf(stderr,
		"govreport: unknown command '%s'\nTry 'govreport --help'.\n",
		argv[argc > 2 && strcmp(argv[1], "help") == 0 ? 2 : 1]);
	return CLI_EXIT_FAILURE;
}
