"""The case file: one woman's record, its tabs, and the dialogs that add to it."""
