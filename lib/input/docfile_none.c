/* A build without libzip (or libxml2) reads no .docx or .odt: they are
 * recognised (docsniff.c) and refused; see meson_options.txt. */
#include "input/readers.h"

int
gr_docfile_available(void)
{
	return 0;
}

enum govreport_status
gr_docx_build(struct gr_source *src, struct gr_text *text, struct gr_items *items)
{
	(void)src;
	*text = (struct gr_text){ 0 };
	*items = (struct gr_items){ 0 };
	return GOVREPORT_ERR_INPUT_UNSUPPORTED;
}

enum govreport_status
gr_odt_build(struct gr_source *src, struct gr_text *text, struct gr_items *items)
{
	return gr_docx_build(src, text, items);
}
