"""gui/views layer (see ARCHITECTURE.md)."""
