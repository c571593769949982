/* Helpers shared by the govreport subcommands; see cli.h. */
#define _GNU_SOURCE /* getopt_long */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <govreport.h>

#include "cli.h"
#include "pdf.h"

int
cli_help(const struct cli_command *cmd)
{
	printf("Usage: govreport %s\n\n%s\n", cmd->synopsis, cmd->summary);
	if (cmd->help && cmd->help[0])
		printf("\n%s", cmd->help);
	return CLI_EXIT_OK;
}

int
cli_usage_error(const struct cli_command *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "govreport %s: ", cmd->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nUsage: govreport %s\nTry 'govreport %s --help'.\n",
		cmd->synopsis, cmd->name);
	return CLI_EXIT_FAILURE;
}

int
cli_option_error(const struct cli_command *cmd, char **argv)
{
	if (optopt >= 256)
		return cli_usage_error(cmd, "option '%s' takes no value",
				       argv[optind - 1]);
	if (optopt != 0)
		return cli_usage_error(cmd, "unknown option '-%c'", optopt);
	return cli_usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
}

int
cli_parse_format(const struct cli_command *cmd, const char *value,
		 unsigned *flags)
{
	static const struct {
		const char *name;
		unsigned flag;
	} formats[] = {
		{ "auto", 0 },
		{ "text", GOVREPORT_FORMAT_TEXT },
		{ "html", GOVREPORT_FORMAT_HTML },
		{ "layout", GOVREPORT_FORMAT_LAYOUT },
		{ "docx", GOVREPORT_FORMAT_DOCX },
		{ "odt", GOVREPORT_FORMAT_ODT },
		{ "bbox", GOVREPORT_FORMAT_BBOX },
		/* A PDF is run through pdftotext -bbox-layout when its bytes
		 * say it is one (cli_read_file): what is parsed is bbox. */
		{ "pdf", GOVREPORT_FORMAT_BBOX },
	};

	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		if (strcmp(value, formats[i].name) == 0) {
			*flags = formats[i].flag;
			return 0;
		}
	}
	cli_usage_error(cmd, "unknown format '%s' (auto, text, html, layout, "
			"docx, odt, pdf or bbox)", value);
	return -1;
}

/* Skip white space (and a UTF-8 BOM at the start) from *i. */
static void
skip_space(const char *data, size_t len, size_t *i)
{
	while (*i < len && (data[*i] == ' ' || data[*i] == '\t' ||
			    data[*i] == '\n' || data[*i] == '\r'))
		(*i)++;
}

/* Whether the bytes at *i are @word; moves past them if so. */
static int
skip_word(const char *data, size_t len, size_t *i, const char *word)
{
	size_t n = strlen(word);

	if (len - *i < n || memcmp(data + *i, word, n) != 0)
		return 0;
	*i += n;
	return 1;
}

int
cli_is_govreport_json(const char *data, size_t len)
{
	size_t i = 0;

	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	skip_space(data, len, &i);
	if (!skip_word(data, len, &i, "{"))
		return 0;
	skip_space(data, len, &i);
	if (!skip_word(data, len, &i, "\"format\""))
		return 0;
	skip_space(data, len, &i);
	if (!skip_word(data, len, &i, ":"))
		return 0;
	skip_space(data, len, &i);
	return skip_word(data, len, &i, "\"govreport-1\"");
}

const char *
cli_input_name(const char *path)
{
	return (!path || strcmp(path, "-") == 0) ? "<stdin>" : path;
}

int
cli_read_file(const char *path, char **data, size_t *len)
{
	const size_t limit = GOVREPORT_MAX_INPUT + 1;
	int use_stdin = !path || strcmp(path, "-") == 0;
	FILE *f = use_stdin ? stdin : fopen(path, "rb");
	char *buf = NULL;
	size_t size = 0, cap = 0;
	int err = 0, regular = 0;
	struct stat st;

	if (!f)
		return errno ? errno : EIO;
	/* A regular file over the limit: refused by its size, unread. */
	if (!fstat(fileno(f), &st) && S_ISREG(st.st_mode)) {
		if ((uintmax_t)st.st_size >= limit) {
			if (!use_stdin)
				fclose(f);
			return EFBIG;
		}
		regular = !use_stdin;
	}
	while (size < limit) {
		size_t n;

		if (size == cap) {
			/* A regular file's size and one byte to see its end:
			 * one allocation, not a doubling series. */
			size_t want = cap ? cap * 2
				  : regular && st.st_size > 0 ? (size_t)st.st_size + 1 : 64 * 1024;
			char *grown;

			if (want > limit)
				want = limit;
			grown = realloc(buf, want);
			if (!grown) {
				err = ENOMEM;
				break;
			}
			buf = grown;
			cap = want;
		}
		errno = 0;
		n = fread(buf + size, 1, cap - size, f);
		size += n;
		if (n == 0) {
			if (ferror(f))
				err = errno ? errno : EIO;
			break;
		}
	}
	if (!use_stdin)
		fclose(f);
	/* More than the limit (a pipe, a file that grew): refused now. */
	if (!err && size >= limit)
		err = EFBIG;
	/* A PDF: what pdftotext -bbox-layout makes of it (pdf.h). */
	if (!err && cli_pdf_is(buf, size))
		err = cli_pdf_to_bbox(path, regular, &buf, &size);
	if (err) {
		free(buf);
		return err;
	}
	*data = buf;
	*len = size;
	return 0;
}

const char *
cli_read_error(int err)
{
	if (cli_pdf_error(err))
		return cli_pdf_error(err);
	return err == EFBIG ? govreport_status_str(GOVREPORT_ERR_INPUT_TOO_LARGE)
			    : strerror(err);
}

int
cli_read_input(const struct cli_command *cmd, const char *path, char **data,
	       size_t *len)
{
	int err = cli_read_file(path, data, len);

	if (err) {
		fprintf(stderr, "govreport %s: %s: %s\n", cmd->name,
			cli_input_name(path), cli_read_error(err));
		return -1;
	}
	return 0;
}

int
cli_write_line(const struct cli_command *cmd, const char *text, size_t len)
{
	if (fwrite(text, 1, len, stdout) != len || putchar('\n') == EOF ||
	    fflush(stdout) != 0) {
		fprintf(stderr, "govreport %s: cannot write output: %s\n",
			cmd->name, strerror(errno));
		return -1;
	}
	return 0;
}

const char *
cli_status_hint(enum govreport_status status, const char *data, size_t len)
{
	if (status == GOVREPORT_ERR_INPUT_NO_TEXT)
		return "the file has no text layer (a scanned PDF): run OCR on it first";
	if (status != GOVREPORT_ERR_INPUT_UNSUPPORTED)
		return NULL;
	if (len >= 8 && memcmp(data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
		return "a Word 97-2003 .doc or WPS .wps file is not read: convert it to "
		       ".docx first, e.g. soffice --headless --convert-to docx FILE";
	return "this build of libgovreport has no reader for this file format "
	       "(.docx and .odt need libzip: meson option docx; HTML and PDF need "
	       "libxml2: meson option html)";
}
