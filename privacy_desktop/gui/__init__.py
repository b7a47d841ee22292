"""gui layer (see ARCHITECTURE.md)."""
