"""gui/item_models layer (see ARCHITECTURE.md)."""
