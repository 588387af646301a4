"""Telling people when something happens: an outbox of messages, delivered by the job queue
through LINE, SMS, e-mail — or the console when no account is configured.

Apps (booths, sales) call `otop_fair.notifications.services.notify`; this package imports none of
them, so it stays below them.
"""
