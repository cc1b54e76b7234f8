"""Layers: everything below app/ui imports without Qt."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

PROBE = textwrap.dedent(
    """
    import importlib
    import json
    import pkgutil
    import sys

    import app

    # The Alembic environment only runs inside Alembic (it reads context.config at import time).
    NOT_IMPORTABLE_ALONE = {"app.storage.migrations.env"}
    imported = []


    def walk(path, prefix):
        # Not pkgutil.walk_packages: it imports every package it recurses into, app.ui included.
        for module in pkgutil.iter_modules(path, prefix):
            name = module.name
            if name == "app.ui" or name in NOT_IMPORTABLE_ALONE:
                continue
            loaded = importlib.import_module(name)
            imported.append(name)
            if module.ispkg:
                walk(loaded.__path__, name + ".")


    walk(app.__path__, "app.")
    qt = sorted(m for m in sys.modules if m == "PySide6" or m.startswith(("PySide6.", "shiboken6")))
    print(json.dumps({"imported": imported, "qt": qt}))
    """
)


def test_nothing_below_the_ui_imports_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    imported = set(report["imported"])
    for expected in (
        "app.cli",
        "app.crypto.keyslots",
        "app.storage.database",
        "app.storage.migrate",
        "app.services.workspace",
        "app.services.accounts",
        "app.services.maintenance",
        "app.models.accounts",
    ):
        assert expected in imported
    assert not any(name.startswith("app.ui") for name in imported)
    assert report["qt"] == []
