"""gui/dialogs layer (see ARCHITECTURE.md)."""
