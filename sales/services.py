"""Writes of the sales app that span models, each in one transaction."""
