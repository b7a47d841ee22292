"""gui/workers layer (see ARCHITECTURE.md)."""
