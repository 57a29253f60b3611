"""Alerts: the outbox, e-mail rendering, dispatch over SMTP (or .eml), the daily digest and health messages."""
