"""The workspace: one data folder, locked or unlocked (moved into a package; split follows)."""

from app.services.workspace.base import *  # noqa: F403
