/* The progress line's timing and text; see progress.h. */
#include <stdio.h>
#include <string.h>

#include "progress.h"

void
cli_progress_start(struct cli_progress *p, double now)
{
	p->start = now;
	p->last_draw = now;
	p->drawn = 0;
}

int
cli_progress_due(struct cli_progress *p, double now)
{
	if (p->drawn && now - p->last_draw < CLI_PROGRESS_INTERVAL - 1e-9)
		return 0;
	p->last_draw = now;
	p->drawn = 1;
	return 1;
}

/* "8s", "3m05s", "2h07m". */
static void
format_duration(char *buf, size_t size, double seconds)
{
	unsigned long s = seconds < 0 ? 0 : (unsigned long)(seconds + 0.5);

	if (s < 60)
		snprintf(buf, size, "%lus", s);
	else if (s < 3600)
		snprintf(buf, size, "%lum%02lus", s / 60, s % 60);
	else
		snprintf(buf, size, "%luh%02lum", s / 3600, s % 3600 / 60);
}

/* The last @max bytes of @name, from the start of a UTF-8 sequence. */
static const char *
name_tail(const char *name, int *cut)
{
	size_t len = strlen(name);
	const char *p;

	*cut = 0;
	if (len <= CLI_PROGRESS_NAME_MAX)
		return name;
	p = name + len - CLI_PROGRESS_NAME_MAX;
	while (*p && ((unsigned char)*p & 0xC0) == 0x80)
		p++;
	*cut = 1;
	return p;
}

size_t
cli_progress_format(char *buf, size_t size, size_t done, size_t total,
		    double elapsed, const char *name)
{
	char rate[64] = "", left[64] = "";
	unsigned percent = total ? (unsigned)(done * 100 / total) : 100;
	size_t len;
	int n, cut;

	if (size == 0)
		return 0;
	/* A rate from less than a tenth of a second says nothing. */
	if (done > 0 && elapsed >= CLI_PROGRESS_INTERVAL) {
		double r = (double)done / elapsed;
		char t[32];

		if (r >= 10)
			snprintf(rate, sizeof(rate), "  %.0f files/s", r);
		else
			snprintf(rate, sizeof(rate), "  %.1f files/s", r);
		format_duration(t, sizeof(t), (double)(total - done) / r);
		snprintf(left, sizeof(left), "  %s left", t);
	}
	if (name)
		name = name_tail(name, &cut);
	n = snprintf(buf, size, "[%zu/%zu] %3u%%%s%s%s%s%s", done, total, percent,
		     rate, left, name ? "  " : "", name && cut ? "…" : "",
		     name ? name : "");
	if (n < 0) {
		buf[0] = '\0';
		return 0;
	}
	len = (size_t)n < size ? (size_t)n : size - 1;
	/* snprintf may have cut a sequence: drop its lead bytes. */
	if ((size_t)n >= size) {
		size_t i = len;
		while (i > 0 && ((unsigned char)buf[i - 1] & 0xC0) == 0x80)
			i--;
		if (i > 0 && (unsigned char)buf[i - 1] >= 0xC0) {
			size_t need = (unsigned char)buf[i - 1] >= 0xF0 ? 4
				    : (unsigned char)buf[i - 1] >= 0xE0 ? 3 : 2;
			if (len - (i - 1) < need)
				len = i - 1;
		}
		buf[len] = '\0';
	}
	return len;
}
