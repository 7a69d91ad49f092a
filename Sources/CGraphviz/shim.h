#ifndef ENTITYGRAPH_CGRAPHVIZ_SHIM_H
#define ENTITYGRAPH_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#endif
