"""Pages of the booths app."""
