"""The screens: the pages of the main window, and those shown before it (set-up wizard, unlock, a damaged
database, the recovery key). The case file, the intake wizard and the dialogs are screens of several modules
each and keep their own packages beside this one. Each page has clear() for locking."""
