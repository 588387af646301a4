"""Pages of the sales app, one module per audience and task."""
