"""Qt item models for the case screens; each can be emptied (`clear()`) when the session locks."""
