"""Packaging: the PyInstaller spec, the entry script and the installer templates (not shipped in the wheel)."""
