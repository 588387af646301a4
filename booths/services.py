"""Writes of the booths app that span models, each in one transaction."""
