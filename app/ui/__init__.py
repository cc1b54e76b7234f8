"""The PySide6 desktop interface. It talks only to app.services and app.reports; nothing below imports Qt."""
