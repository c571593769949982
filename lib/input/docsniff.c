/*
 * Word-processor files recognised by their bytes, whether or not this
 * build reads them (readers.h): a .docx or .odt is a zip archive (local
 * header "PK\3\4") naming word/document.xml, or holding the ODF mimetype
 * of a text document; a Word 97–2003 .doc or a WPS .wps is an OLE2
 * compound file (D0 CF 11 E0 A1 B1 1A E1), which is refused: convert it
 * to .docx.
 */
#include <string.h>

#include "input/readers.h"
#include "util/utf8.h"

static int
is_zip(const struct gr_source *src)
{
	return src->len >= 30 && memcmp(src->data, "PK\3\4", 4) == 0;
}

static int
holds(const struct gr_source *src, const char *s)
{
	return gr_search(src->data, src->len, s, strlen(s)) != NULL;
}

int
gr_docx_sniff(struct gr_source *src)
{
	return is_zip(src) && holds(src, "word/document.xml");
}

int
gr_odt_sniff(struct gr_source *src)
{
	return is_zip(src) && holds(src, "application/vnd.oasis.opendocument.text");
}

int
gr_ole2_sniff(struct gr_source *src)
{
	return src->len >= 8 &&
	       memcmp(src->data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0;
}

enum govreport_status
gr_ole2_build(struct gr_source *src, struct gr_text *text, struct gr_items *items)
{
	(void)src;
	*text = (struct gr_text){ 0 };
	*items = (struct gr_items){ 0 };
	return GOVREPORT_ERR_INPUT_UNSUPPORTED;
}
