/*
 * Fuzz the .docx and .odt readers (lib/input/docx.c, odt.c, docbuild.c,
 * zip.c) through govreport_parse, then validate and write what they read.
 *
 * Mutating a whole archive would spend the fuzzer on CRCs and offsets that
 * libzip rightly refuses, so the input is the XML and the harness wraps it
 * in a valid archive (zipwrite.h):
 * - byte 0 chooses: bit 0 a .docx (0) or an .odt (1); bit 1 deflates the
 *   XML parts (else they are stored, as the .odt mimetype always is);
 * - the rest is the XML parts, separated by NUL bytes (which XML never
 *   holds): for a .docx word/document.xml, word/numbering.xml and
 *   word/styles.xml; for an .odt content.xml. An empty or missing part is
 *   left out of the archive; what follows the last part is ignored.
 * GOVREPORT_FUZZ_ZIP=docx or =odt makes every input that format whatever
 * its byte 0, so that each reader gets a fuzzing run of its own.
 *
 * The archive is always one that this build reads: a status saying it is
 * not (GOVREPORT_ERR_INPUT_UNSUPPORTED), or an internal error, aborts.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "zipwrite.h"

#define FORMAT_ODT 1u
#define DEFLATE 2u
#define MAX_ENTRIES 5

static const char *const docx_parts[] = { "word/document.xml", "word/numbering.xml",
					  "word/styles.xml" };
static const char *const odt_parts[] = { "content.xml" };
static const char odt_mimetype[] = "application/vnd.oasis.opendocument.text";
static const char content_types[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	"<Override PartName=\"/word/document.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";

/* byte 0's format bit, or the one GOVREPORT_FUZZ_ZIP pins. */
static unsigned
format_bit(uint8_t first)
{
	const char *pinned = getenv("GOVREPORT_FUZZ_ZIP");

	if (pinned && strcmp(pinned, "docx") == 0)
		return 0;
	if (pinned && strcmp(pinned, "odt") == 0)
		return FORMAT_ODT;
	return first & FORMAT_ODT;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct test_zip_entry e[MAX_ENTRIES];
	const char *const *parts;
	size_t nparts, n = 0, zip_len;
	const char *p, *end;
	int store;
	char *zip;
	enum govreport_status st;

	if (size < 1)
		return 0;
	store = !(data[0] & DEFLATE);
	if (format_bit(data[0]) == FORMAT_ODT) {
		/* First and stored, as ODF requires and the sniffer expects. */
		e[n++] = (struct test_zip_entry){ "mimetype", odt_mimetype,
						  sizeof(odt_mimetype) - 1, 1 };
		parts = odt_parts;
		nparts = sizeof(odt_parts) / sizeof(*odt_parts);
	} else {
		e[n++] = (struct test_zip_entry){ "[Content_Types].xml", content_types,
						  sizeof(content_types) - 1, store };
		parts = docx_parts;
		nparts = sizeof(docx_parts) / sizeof(*docx_parts);
	}
	p = (const char *)data + 1;
	end = (const char *)data + size;
	for (size_t i = 0; i < nparts; i++) {
		const char *nul = memchr(p, '\0', (size_t)(end - p));
		size_t len = (size_t)((nul ? nul : end) - p);
		if (len > 0)
			e[n++] = (struct test_zip_entry){ parts[i], p, len, store };
		if (!nul)
			break;
		p = nul + 1;
	}
	zip = test_zip_write(e, n, &zip_len);
	if (!zip)
		abort();
	st = fuzz_parse_report(zip, zip_len);
	free(zip);
	if (st == GOVREPORT_ERR_INPUT_UNSUPPORTED || st == GOVREPORT_ERR_INTERNAL)
		abort();
	return 0;
}
