"""Getting files out of the installation and picking them up elsewhere: SMTP, IMAP and folders.

Transport only: no database, no keys, no Qt. The services (app/services/outbox.py) decide what leaves,
when, and record every step; this package moves bytes and says in one `DeliveryError` why it could not.
"""

from app.delivery.errors import DeliveryError, Failure

__all__ = ["DeliveryError", "Failure"]
