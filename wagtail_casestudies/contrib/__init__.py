"""Optional integrations, each its own small app."""
