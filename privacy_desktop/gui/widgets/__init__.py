"""gui/widgets layer (see ARCHITECTURE.md)."""
