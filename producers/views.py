"""Pages of the producers app."""
