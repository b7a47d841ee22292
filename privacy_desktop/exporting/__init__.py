"""exporting layer (see ARCHITECTURE.md)."""
