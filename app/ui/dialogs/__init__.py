"""Dialogs, one module each; all opened with open() (window-modal, never a blocking exec)."""
