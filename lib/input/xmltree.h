/* Walking a libxml2 tree, shared by the readers of markup (docx, odt;
 * the HTML reader walks a tree of its own, html_tree.h). */
#ifndef GR_INPUT_XMLTREE_H
#define GR_INPUT_XMLTREE_H

#include <libxml/tree.h>

/*
 * Whether an element below top (not top itself) is one `is_table` says
 * yes to: walked iteratively, so that no depth of nesting can exhaust the
 * stack.
 */
int gr_xml_has_descendant(const xmlNode *top, int (*is_table)(const xmlNode *node));

/*
 * The node after `node` in document order below `top`, entering its
 * children when `descend` says so; `top` when the walk is over. The walks
 * of a tree take their steps from here, so that none recurses.
 */
xmlNode *gr_xml_next(const xmlNode *top, xmlNode *node, int descend);

#endif
