"""Ascolto: encrypted case records for anti-violence centres."""

__version__ = "0.1.0"
APP_NAME = "Ascolto"
