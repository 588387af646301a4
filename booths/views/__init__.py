"""Pages of the booths app, one module per audience and task."""
