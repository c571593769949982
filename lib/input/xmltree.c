/* Walking a libxml2 tree; see xmltree.h. */
#include "input/xmltree.h"

xmlNode *
gr_xml_next(const xmlNode *top, xmlNode *node, int descend)
{
	if (descend && node->children)
		return node->children;
	while (node != top && !node->next)
		node = node->parent;
	return node != top ? node->next : (xmlNode *)top;
}

int
gr_xml_has_descendant(const xmlNode *top, int (*is_table)(const xmlNode *node))
{
	xmlNode *node = top->children;

	while (node && node != top) {
		if (node->type == XML_ELEMENT_NODE && is_table(node))
			return 1;
		node = gr_xml_next(top, node, node->type == XML_ELEMENT_NODE);
	}
	return 0;
}
