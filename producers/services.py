"""Writes of the producers app that span models, each in one transaction."""
