/* A build without libxml2 reads no HTML; see html.h and meson_options.txt. */
#include "input/html.h"
#include "input/readers.h"

int
gr_html_available(void)
{
	return 0;
}

enum govreport_status
gr_html_build(const struct gr_text *raw, struct gr_text *text,
	      struct gr_items *items)
{
	(void)raw;
	*text = (struct gr_text){ 0 };
	*items = (struct gr_items){ 0 };
	return GOVREPORT_ERR_INTERNAL;
}

int
gr_bbox_sniff(struct gr_source *src)
{
	(void)src;
	return 0;
}

enum govreport_status
gr_bbox_build(struct gr_source *src, struct gr_text *text, struct gr_items *items)
{
	(void)src;
	*text = (struct gr_text){ 0 };
	*items = (struct gr_items){ 0 };
	return GOVREPORT_ERR_INPUT_UNSUPPORTED;
}
