"""portal layer (see ARCHITECTURE.md)."""
