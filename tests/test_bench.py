"""`ascolto bench` machinery at a tiny scale: both variants run and the JSON has its shape. Not timed."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from app import bench
from app.bench.plain import PlainWorkspace
from app.cli import build_parser
from app.crypto.keyslots import DataKey
from app.services.workspace import Workspace
from app.storage import database
from app.storage.database import PLAIN_SQLITE_HEADER, StorageError

WOMEN = 300


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    data = tmp_path_factory.mktemp("bench-data")
    return data, bench.run(data, WOMEN, repeat=1, cold_start=False)


def test_both_variants_ran_every_workload(result: tuple[Path, dict[str, object]]) -> None:
    _data, doc = result
    workloads = doc["workloads"]
    assert isinstance(workloads, list)
    names = [w["name"] for w in workloads]
    cold = {"cold start to unlock screen", "  data folder open behind it"}
    assert names == [n for n in bench.TARGETS if n not in cold]
    for w in workloads:
        assert set(w) >= {"name", "encrypted_ms", "plain_ms", "ratio"}
        if w["name"] in bench.NO_DATABASE:  # measured once: no database, nothing to compare
            assert w["encrypted_ms"] is not None and w["plain_ms"] is None and w["samples"]["encrypted"]
            continue
        assert w["encrypted_ms"] is not None and w["plain_ms"] is not None, w["name"]
        assert w["encrypted_ms"] >= 0 and w["plain_ms"] >= 0, w["name"]
        if w["plain_ms"] >= 0.1:  # below that, a tiny test database rounds medians to nothing
            assert w["ratio"] == pytest.approx(w["encrypted_ms"] / w["plain_ms"], rel=0.05)
        assert w["samples"]["encrypted"] and w["samples"]["plain"]
    json.dumps(doc)  # serialisable as written by --json


def test_scale_memory_and_machine_are_reported(result: tuple[Path, dict[str, object]]) -> None:
    _data, doc = result
    scale = doc["scale"]
    assert isinstance(scale, dict)
    assert scale["women"] == WOMEN and scale["years"] == bench.YEARS
    assert scale["interviews"] > WOMEN and scale["services"] > 5 * WOMEN
    assert isinstance(doc["peak_rss_mb"], float) and doc["peak_rss_mb"] > 0
    # one Ascolto alone, measured in a process of its own: less than the bench holding both databases
    assert isinstance(doc["app_peak_rss_mb"], float) and 0 < doc["app_peak_rss_mb"] < doc["peak_rss_mb"]
    assert doc["peak_rss_ok"] == (doc["app_peak_rss_mb"] < bench.MAX_RSS_MB)
    assert {"cpu", "cpus", "python", "sqlite", "sqlcipher"} <= set(doc["machine"])  # type: ignore[arg-type]
    out = io.StringIO()
    bench.print_table(doc, out)
    assert "search per keystroke (surname)" in out.getvalue() and "peak resident memory" in out.getvalue()


def test_one_database_is_encrypted_the_other_plain_with_the_same_data(
    result: tuple[Path, dict[str, object]],
) -> None:
    data, _doc = result
    folder = bench.scale_folder(data, WOMEN)
    encrypted = (folder / bench.ENCRYPTED / "ascolto.db").read_bytes()[:16]
    plain = (folder / bench.PLAIN / "ascolto.db").read_bytes()[:16]
    assert plain == PLAIN_SQLITE_HEADER
    assert encrypted != PLAIN_SQLITE_HEADER
    assert b"Lombardi" not in (folder / bench.ENCRYPTED / "ascolto.db").read_bytes()
    assert bench._ready(folder / bench.ENCRYPTED) == {
        **(bench._ready(folder / bench.PLAIN) or {}),
        "build_seconds": bench._ready(folder / bench.ENCRYPTED)["build_seconds"],  # type: ignore[index]
    }


def test_cached_data_is_reused(result: tuple[Path, dict[str, object]]) -> None:
    data, _doc = result
    folder = bench.scale_folder(data, WOMEN)
    before = (folder / bench.PLAIN / bench.READY).stat().st_mtime_ns
    assert bench.build(data, WOMEN) == folder
    assert (folder / bench.PLAIN / bench.READY).stat().st_mtime_ns == before


def test_the_plain_workspace_is_for_the_benchmark_only(tmp_path: Path) -> None:
    with PlainWorkspace.create_or_open(tmp_path / "plain") as ws:
        assert ws.is_unlocked
    assert (tmp_path / "plain" / "ascolto.db").read_bytes()[:16] == PLAIN_SQLITE_HEADER
    # the normal unlock path still refuses a plain file
    with pytest.raises(StorageError) as refused:
        database.find_working_key(tmp_path / "plain" / "ascolto.db", [DataKey.generate()])
    assert refused.value.reason == "plaintext"
    # and the storage layer has no keyless connection: the plain engine is the benchmark's own
    with pytest.raises(TypeError):
        database.open_engine(tmp_path / "plain" / "ascolto.db", None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        database.create_database(tmp_path / "other.db", None)  # type: ignore[arg-type]
    assert not hasattr(Workspace, "for_benchmark")


def test_bench_command_is_registered() -> None:
    args = build_parser().parse_args(["bench", "--quick", "--json", "out.json", "--repeat", "3"])
    assert args.quick and args.json == "out.json" and args.repeat == 3 and args.data == "bench-data"


def test_cold_start_times_the_painted_screen_then_the_open_folder(
    result: tuple[Path, dict[str, object]],
) -> None:
    data, _doc = result
    shown, opened = bench._cold_start(bench.scale_folder(data, WOMEN) / bench.ENCRYPTED)
    assert 0 < shown <= opened


def test_cold_start_from_another_folder_with_a_relative_path(
    result: tuple[Path, dict[str, object]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`ascolto bench` is run from wherever she is, with the default relative `bench-data`."""
    data, _doc = result
    monkeypatch.chdir(data.parent)
    relative = Path(data.name) / bench.scale_folder(data, WOMEN).name / bench.ENCRYPTED
    shown, opened = bench._cold_start(relative)
    assert 0 < shown <= opened


def test_the_archives_key_slot_gets_this_pcs_cost(
    result: tuple[Path, dict[str, object]], tmp_path: Path
) -> None:
    """An archive whose slot kept another cost (here the tests' fast one) is re-wrapped with this PC's
    calibration, and the plain folder's copy of the slot file follows."""
    from app.crypto.keyslots import KdfParams
    from app.services import accounts
    from app.services.workspace import SLOTS_FILE

    data, _doc = result
    folder = tmp_path / "archive"
    shutil.copytree(bench.scale_folder(data, WOMEN), folder)
    ws = bench._open(folder / bench.ENCRYPTED, bench.ENCRYPTED)
    try:
        accounts.change_own_password(ws, bench.PASSWORD, bench.PASSWORD, kdf=KdfParams(19456, 2, 1))
    finally:
        ws.close()
    applied = bench._slot_of_this_pc(folder, lambda _text: None)
    assert applied != KdfParams(19456, 2, 1)
    ws = bench._open(folder / bench.ENCRYPTED, bench.ENCRYPTED)
    try:
        assert ws.slot_kdf == applied
    finally:
        ws.close()
    slots = (folder / bench.ENCRYPTED / SLOTS_FILE).read_bytes()
    assert (folder / bench.PLAIN / SLOTS_FILE).read_bytes() == slots
