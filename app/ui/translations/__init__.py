"""Qt Linguist files: ascolto_it.ts (source of truth, checked in) and ascolto_it.qm (compiled, checked in)."""
