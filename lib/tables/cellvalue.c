/*
 * Cell text → value. Accepted: 12, -3, 1,234, 12.3456, a unit or footnote
 * mark after the number (12件, 8,152*), several numbers in one cell (the
 * first counts), and the dashes people write for "nothing to report".
 */
#include <string.h>

#include "tables/cellvalue.h"
#include "util/utf8.h"

struct word {
	const char *text;
	size_t len;
};

#define WORD(s) { s, sizeof(s) - 1 }

/* Text that means "nothing to report". */
static const struct word dashes[] = {
	WORD("-"), WORD("--"), WORD("—"), WORD("——"), WORD("―"), WORD("–"),
	WORD("─"), WORD("/"), WORD("\\"), WORD("无"), WORD("暂无"), WORD("−"),
	WORD("- -"), { NULL, 0 },
};

/* Units and marks that may follow a number; longest first where one is a
 * prefix of another. */
static const struct word units[] = {
	WORD("万元"), WORD("亿元"), WORD("人次"), WORD("件"), WORD("个"), WORD("项"),
	WORD("条"), WORD("次"), WORD("人"), WORD("家"), WORD("份"), WORD("宗"),
	WORD("起"), WORD("元"), WORD("*"), WORD("※"), WORD("#"), WORD("†"),
	{ NULL, 0 },
};

static int
is_space(char c)
{
	return c == ' ' || c == '\t';
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Append a digit to coefficient; returns -1 on int64 overflow. */
static int
push_digit(int64_t *coefficient, char digit)
{
	int d = digit - '0';

	if (*coefficient > (INT64_MAX - d) / 10)
		return -1;
	*coefficient = *coefficient * 10 + d;
	return 0;
}

/*
 * Read one number at s[*pos]: [-+]digits(,ddd)*(.digits)?. Returns 1 when
 * a number was read, 0 when there is none, -1 on overflow.
 */
static int
read_number(const char *s, size_t len, size_t *pos, int64_t *out,
	    unsigned *scale)
{
	size_t i = *pos, group = 0;
	int negative = 0, digits = 0, grouped = 0;
	int64_t v = 0;

	*scale = 0;
	if (i < len && (s[i] == '-' || s[i] == '+')) {
		negative = s[i] == '-';
		i++;
	} else if (len - i >= 3 && memcmp(s + i, "−", 3) == 0) {
		negative = 1;
		i += 3;
	}
	for (; i < len; i++) {
		if (is_digit(s[i])) {
			if (push_digit(&v, s[i]) < 0)
				return -1;
			digits++;
			group++;
		} else if (s[i] == ',' && digits) {
			/* A thousands separator: a group of one to three digits
			 * before the first, exactly three between, three after. */
			if (grouped ? group != 3 : group > 3)
				return 0;
			if (i + 3 >= len || !is_digit(s[i + 1]) ||
			    !is_digit(s[i + 2]) || !is_digit(s[i + 3]))
				return 0;
			grouped = 1;
			group = 0;
		} else {
			break;
		}
	}
	if (!digits || (grouped && group != 3))
		return 0;
	if (i < len && s[i] == '.' && i + 1 < len && is_digit(s[i + 1])) {
		for (i++; i < len && is_digit(s[i]); i++) {
			if (push_digit(&v, s[i]) < 0)
				return -1;
			(*scale)++;
		}
	}
	*out = negative ? -v : v;
	*pos = i;
	return 1;
}

static size_t
unit_length(const char *s, size_t len)
{
	for (const struct word *u = units; u->text; u++)
		if (u->len <= len && memcmp(s, u->text, u->len) == 0)
			return u->len;
	return 0;
}

void
gr_value_parse(const char *s, size_t len, struct gr_value *v)
{
	size_t pos = 0;
	int rc;

	*v = (struct gr_value){ .kind = GR_VALUE_TEXT };
	gr_trim_spaces(&s, &len);
	if (len == 0) {
		v->kind = GR_VALUE_BLANK;
		return;
	}
	/* The usual cell: a few digits, which cannot overflow. */
	if (len <= 18) {
		int64_t n = 0;
		size_t i = 0;
		while (i < len && is_digit(s[i]))
			n = n * 10 + (s[i++] - '0');
		if (i == len) {
			v->kind = GR_VALUE_NUMBER;
			v->coefficient = n;
			return;
		}
	}
	/* No dash starts with a digit, the usual cell. */
	for (const struct word *d = dashes; !is_digit(s[0]) && d->text; d++) {
		if (d->len == len && memcmp(s, d->text, len) == 0) {
			v->kind = GR_VALUE_DASH;
			return;
		}
	}
	rc = read_number(s, len, &pos, &v->coefficient, &v->scale);
	if (rc < 0) {
		v->kind = GR_VALUE_OVERFLOW;
		return;
	}
	if (rc == 0)
		return;
	for (;;) {
		size_t unit;
		int64_t ignored;
		unsigned ignored_scale;
		while (pos < len && is_space(s[pos]))
			pos++;
		if (pos == len)
			break;
		unit = unit_length(s + pos, len - pos);
		if (unit) {
			v->unit = 1;
			pos += unit;
			continue;
		}
		rc = read_number(s, len, &pos, &ignored, &ignored_scale);
		if (rc == 0)
			return; /* "12abc": text after all */
		if (rc < 0) /* a further number too large: skip it */
			while (pos < len && !is_space(s[pos]))
				pos++;
		v->extra++;
	}
	v->kind = GR_VALUE_NUMBER;
}
