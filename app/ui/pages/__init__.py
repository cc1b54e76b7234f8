"""Pages of the main window, one module each; each has clear() for locking."""
