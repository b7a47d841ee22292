"""demo_portal layer (see ARCHITECTURE.md)."""
