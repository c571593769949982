/* placeholder */
#include "layout.h"

int
gr_layout_detect(const struct gr_text *text)
{
	(void)text;
	return 0;
}

int
gr_layout_build(const struct gr_text *text, struct gr_items *out)
{
	return gr_items_build(text, out);
}
