"""security layer (see ARCHITECTURE.md)."""
