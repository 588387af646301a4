"""Pages of the sales app."""
