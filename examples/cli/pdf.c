/*
 * PDF input through poppler's pdftotext, a separate program; see pdf.h.
 *
 * Poppler is GPL and libgovreport is MIT: poppler is never linked, here or
 * in the library. This file runs `pdftotext -bbox-layout FILE -` as a
 * child process (posix_spawnp, found on PATH, no shell), reads the XHTML
 * it writes on a pipe, bounded by the input limit, and hands that to
 * govreport_parse() as any other input.
 */
#define _GNU_SOURCE /* pipe2, mkostemp, memmem */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <govreport.h>

#include "pdf.h"

extern char **environ;

int
cli_pdf_is(const char *data, size_t len)
{
	return len >= 5 && memcmp(data, "%PDF-", 5) == 0;
}

const char *
cli_pdf_error(int err)
{
	switch (err) {
	case CLI_PDF_NO_PDFTOTEXT:
		return "a PDF is read through poppler's pdftotext, which was not "
		       "found on PATH: install the package poppler-utils (Debian, "
		       "Ubuntu: apt-get install poppler-utils)";
	case CLI_PDF_FAILED:
		return "pdftotext could not read this PDF (damaged, or locked "
		       "with a password?)";
	case CLI_PDF_PROTECTED:
		return "this PDF does not permit copying its text (pdftotext "
		       "refused it)";
	case CLI_PDF_NO_TEXT:
		return "input has no text layer (needs OCR): the PDF holds no "
		       "text, only images (a scan); run OCR on it first, e.g. "
		       "ocrmypdf FILE.pdf OUT.pdf";
	default:
		return NULL;
	}
}

static int
write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return errno;
		}
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

/* The bytes in a new temporary file, named in @name (for unlink()). */
static int
temp_copy(const char *data, size_t len, char *name, size_t size)
{
	const char *dir = getenv("TMPDIR");
	int fd, err;

	if (!dir || !dir[0])
		dir = "/tmp";
	if ((size_t)snprintf(name, size, "%s/govreport-pdf.XXXXXX", dir) >= size)
		return ENAMETOOLONG;
	fd = mkostemp(name, O_CLOEXEC);
	if (fd < 0)
		return errno;
	err = write_all(fd, data, len);
	if (close(fd) < 0 && !err)
		err = errno;
	if (err)
		unlink(name);
	return err;
}

/* Read the pipe to its end into a malloc'd buffer: at most @limit bytes,
 * EFBIG past that. */
static int
read_pipe(int fd, size_t limit, char **out, size_t *out_len)
{
	char *buf = NULL;
	size_t size = 0, cap = 0;

	for (;;) {
		ssize_t n;

		if (size == cap) {
			size_t want = cap ? cap * 2 : 256 * 1024;
			char *grown;

			if (want > limit + 1)
				want = limit + 1;
			grown = realloc(buf, want);
			if (!grown) {
				free(buf);
				return ENOMEM;
			}
			buf = grown;
			cap = want;
		}
		n = read(fd, buf + size, cap - size);
		if (n < 0) {
			int err = errno;
			if (err == EINTR)
				continue;
			free(buf);
			return err;
		}
		if (n == 0)
			break;
		size += (size_t)n;
		if (size > limit) {
			free(buf);
			return EFBIG;
		}
	}
	*out = buf;
	*out_len = size;
	return 0;
}

/* Run pdftotext -bbox-layout on the file @file; its output in *out. */
static int
run_pdftotext(const char *file, char **out, size_t *out_len)
{
	char *argv[] = { "pdftotext", "-bbox-layout", (char *)file, "-", NULL };
	posix_spawn_file_actions_t actions;
	int fds[2], err, status;
	pid_t pid;

	/* Close-on-exec: another thread's child must not hold our pipe. */
	if (pipe2(fds, O_CLOEXEC) < 0)
		return errno;
	err = posix_spawn_file_actions_init(&actions);
	if (err) {
		close(fds[0]);
		close(fds[1]);
		return err;
	}
	/* No stdin; stdout into the pipe; its warnings on a damaged PDF
	 * ("Syntax Error ...") would only be noise: stderr to /dev/null. */
	err = posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
	if (!err)
		err = posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
	if (!err)
		err = posix_spawn_file_actions_addopen(&actions, 2, "/dev/null",
						       O_WRONLY, 0);
	if (!err)
		err = posix_spawnp(&pid, "pdftotext", &actions, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&actions);
	close(fds[1]);
	if (err) {
		close(fds[0]);
		return err == ENOENT ? CLI_PDF_NO_PDFTOTEXT : err;
	}

	err = read_pipe(fds[0], GOVREPORT_MAX_INPUT, out, out_len);
	if (err)
		kill(pid, SIGKILL); /* too much output, or no memory */
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			status = -1;
			break;
		}
	}
	if (!err && !(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
		/* What it wrote before it failed is not the document. */
		free(*out);
		*out = NULL;
		if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
			/* The child could not run pdftotext, where posix_spawnp()
			 * cannot say so itself (an old C library, valgrind). */
			err = CLI_PDF_NO_PDFTOTEXT;
		else if (WIFEXITED(status) && WEXITSTATUS(status) == 3)
			err = CLI_PDF_PROTECTED;
		else
			err = CLI_PDF_FAILED;
	}
	return err;
}

int
cli_pdf_to_bbox(const char *path, int regular, char **data, size_t *len)
{
	char temp[4096], *file = NULL, *out = NULL;
	size_t out_len = 0;
	int err;

	if (regular && path && strcmp(path, "-") != 0) {
		/* "./-x.pdf": a name that pdftotext would take for an option. */
		size_t n = strlen(path);
		file = malloc(n + 3);
		if (!file)
			return ENOMEM;
		snprintf(file, n + 3, "%s%s", path[0] == '-' ? "./" : "", path);
		temp[0] = '\0';
	} else {
		/* Standard input or a pipe: pdftotext reads the PDF from a file
		 * (it seeks in it). */
		err = temp_copy(*data, *len, temp, sizeof(temp));
		if (err)
			return err;
	}
	err = run_pdftotext(file ? file : temp, &out, &out_len);
	if (temp[0])
		unlink(temp);
	free(file);
	if (err)
		return err;
	/* Pages without a word: a scanned PDF, no text layer. */
	if (!memmem(out, out_len, "<word ", 6)) {
		free(out);
		return CLI_PDF_NO_TEXT;
	}
	free(*data);
	*data = out;
	*len = out_len;
	return 0;
}
