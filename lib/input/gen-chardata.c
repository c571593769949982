/*
 * gen-chardata OUTPUT.c: write the tables of chardata.h, taken from the
 * ICU this program runs with, as the C definition of gr_chardata_built.
 * The build runs it (lib/meson.build), so that no process pays the ~15 ms
 * of taking them from ICU; chardata.c checks that the ICU a process runs
 * with is the same version before it uses them.
 */
#include <stdio.h>
#include <stdlib.h>

#include <unicode/uclean.h>

#include "input/chardata.h"

static struct gr_chardata data;

/* A bitmap as designated initialisers of its nonzero words. */
static void
write_bits(FILE *f, const char *name, const uint32_t *bits, size_t words)
{
	fprintf(f, "\t.%s = {", name);
	for (size_t w = 0, n = 0; w < words; w++) {
		if (!bits[w])
			continue;
		fprintf(f, "%s[%zu] = 0x%08lx,", n++ % 4 ? " " : "\n\t\t", w,
			(unsigned long)bits[w]);
	}
	fputs("\n\t},\n", f);
}

/* Octal escapes: always three digits, whatever follows. */
static void
write_bytes(FILE *f, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		fprintf(f, "\\%03o", (unsigned)(unsigned char)s[i]);
}

/* A page index (GR_BMP / 256 entries, 0 for none) as a designated initialiser. */
static void
write_pages(FILE *f, const char *name, const uint8_t *pages)
{
	fprintf(f, "\t.%s = {", name);
	for (size_t p = 0, n = 0; p < GR_BMP / 256; p++)
		if (pages[p])
			fprintf(f, "%s[%zu] = %u,", n++ % 8 ? " " : "\n\t\t", p,
				(unsigned)pages[p]);
	fputs("\n\t},\n", f);
}

static void
write_mappings(FILE *f)
{
	write_pages(f, "map_page", data.map_page);
	fputs("\t.map = {\n", f);
	for (size_t p = 0; p < GR_MAP_PAGES; p++)
		for (size_t c = 0; c < 256; c++) {
			const struct gr_nfkc_mapping *m = &data.map[p][c];
			if (!m->len)
				continue;
			fprintf(f, "\t\t[%zu][0x%02zx] = { %u, \"", p, c, (unsigned)m->len);
			write_bytes(f, m->text, m->len);
			fputs("\" },\n", f);
		}
	fputs("\t},\n", f);
}

static void
write_rules(FILE *f)
{
	size_t nphrases = 0, pool = 0;

	fprintf(f, "\t.has_rules = %d,\n", data.has_rules);
	write_bits(f, "hant_acts", data.hant_acts, GR_BMP / 32);
	write_bits(f, "hant_phrase", data.hant_phrase, GR_BMP / 32);
	write_pages(f, "hant_page", data.hant_page);
	fputs("\t.hant_single = {", f);
	for (size_t p = 0, n = 0; p < GR_HANT_PAGES; p++)
		for (size_t c = 0; c < 256; c++)
			if (data.hant_single[p][c])
				fprintf(f, "%s[%zu][0x%02zx] = 0x%04x,", n++ % 4 ? " " : "\n\t\t",
					p, c, (unsigned)data.hant_single[p][c]);
	fprintf(f, "\n\t},\n\t.hant_nfirsts = %u,\n\t.hant_firsts = {",
		(unsigned)data.hant_nfirsts);
	for (uint32_t i = 0; i < data.hant_nfirsts; i++) {
		const struct gr_hant_first *first = &data.hant_firsts[i];
		fprintf(f, "%s{ 0x%04x, %u, %u },", i % 4 ? " " : "\n\t\t", (unsigned)first->c,
			(unsigned)first->begin, (unsigned)first->count);
		nphrases += first->count;
	}
	fputs("\n\t},\n\t.hant_phrases = {", f);
	for (size_t i = 0; i < nphrases; i++) {
		const struct gr_hant_phrase *p = &data.hant_phrases[i];
		fprintf(f, "%s{ %u, %u, %u, %u },", i % 4 ? " " : "\n\t\t", (unsigned)p->key,
			(unsigned)p->value, (unsigned)p->key_len, (unsigned)p->value_len);
		if ((size_t)p->key + p->key_len > pool)
			pool = (size_t)p->key + p->key_len;
		if ((size_t)p->value + p->value_len > pool)
			pool = (size_t)p->value + p->value_len;
	}
	fputs("\n\t},\n\t.hant_pool =", f);
	for (size_t i = 0; i < pool; i += 64) {
		fputs("\n\t\t\"", f);
		write_bytes(f, data.hant_pool + i, pool - i < 64 ? pool - i : 64);
		fputs("\"", f);
	}
	if (!pool)
		fputs(" \"\"", f);
	fputs(",\n", f);
}

int
main(int argc, char **argv)
{
	FILE *f;

	if (argc != 2) {
		fputs("usage: gen-chardata OUTPUT.c\n", stderr);
		return 2;
	}
	if (gr_chardata_compute(&data) < 0) {
		fputs("gen-chardata: ICU's normalisation data is missing\n", stderr);
		return 1;
	}
	f = fopen(argv[1], "w");
	if (!f) {
		perror(argv[1]);
		return 1;
	}
	fputs("/* Written by lib/input/gen-chardata.c from ICU's data: do not edit. */\n"
	      "#include \"input/chardata.h\"\n\n"
	      "const struct gr_chardata gr_chardata_built = {\n", f);
	fprintf(f, "\t.icu_version = { %u, %u, %u, %u },\n", data.icu_version[0],
		data.icu_version[1], data.icu_version[2], data.icu_version[3]);
	write_bits(f, "plain", data.plain, GR_BMP / 32);
	write_bits(f, "quiet", data.quiet, GR_BMP / 32);
	write_bits(f, "mapped", data.mapped, GR_BMP / 32);
	write_mappings(f);
	fprintf(f, "\t.has_hant = %d,\n", data.has_hant);
	write_bits(f, "traditional", data.traditional, GR_BMP / 32);
	fprintf(f, "\t.ntraditional_astral = %u,\n", (unsigned)data.ntraditional_astral);
	if (data.ntraditional_astral) {
		fputs("\t.traditional_astral = {", f);
		for (uint32_t i = 0; i < data.ntraditional_astral; i++)
			fprintf(f, " 0x%lx,", (unsigned long)data.traditional_astral[i]);
		fputs(" },\n", f);
	}
	write_rules(f);
	fputs("};\n", f);
	if (!data.has_rules)
		fputs("gen-chardata: Hant-Hans's rules are not all simple, or differ from "
		      "what it does: ICU will convert traditional text (slower)\n", stderr);
	/* ICU's caches freed: a sanitizer build runs this too. */
	u_cleanup();
	if (fclose(f) != 0) {
		perror(argv[1]);
		return 1;
	}
	return 0;
}
