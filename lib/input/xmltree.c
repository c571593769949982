/* Walking a libxml2 tree; see xmltree.h. */
#include "input/xmltree.h"

int
gr_xml_has_descendant(const xmlNode *top, int (*is_table)(const xmlNode *node))
{
	const xmlNode *node = top->children;

	while (node && node != top) {
		if (node->type == XML_ELEMENT_NODE && is_table(node))
			return 1;
		if (node->type == XML_ELEMENT_NODE && node->children) {
			node = node->children;
			continue;
		}
		while (node != top && !node->next)
			node = node->parent;
		if (node != top)
			node = node->next;
	}
	return 0;
}
