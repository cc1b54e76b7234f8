"""An insider who had an account: what she can still do after she is revoked (issue #13).

Each test is the attack, through the services, the CLI or the slot file she could always write; it
succeeded against the code before the fix.
"""

from __future__ import annotations

import json
import re
import subprocess
import time
from datetime import date
from pathlib import Path

import pytest

from app.crypto import keyslots
from app.crypto.keyslots import DataKey, KdfParams, KeyStore
from app.services import accounts, cases
from app.services.errors import ValidationError, WrongCredentials
from app.services.maintenance import verify
from app.services.passwords import judge
from app.services.workspace import Workspace
from app.storage import database
from app.storage.database import StorageError
from tests.foundation_fixtures import ADMIN, ADMIN_PW, CLI_KDF, FAST_KDF, OTHER_PW, run_cli

pytest_plugins = ["tests.foundation_fixtures"]

PLANTED_SECRET = "la mia porta sul retro segreta"


def _open_case(ws: Workspace, surname: str) -> None:
    cases.open_case(
        ws,
        cases.IdentityInput("Giulia", surname),
        cases.ProfileInput(birth_year=1985, country="IT"),
        cases.ConsentInput(("TRATTAMENTO",), date(2025, 3, 1)),
        opened_on=date(2025, 3, 1),
    )


def _bruna_logs_in(folder: Path) -> bytes:
    """Bruna, an operatrice, logs in; returns the data key her session held (she had it in memory)."""
    with Workspace.open(folder) as ws:
        ws.unlock("bruna", OTHER_PW)
        return ws.data_key.raw()


def _reads(folder: Path, key: bytes, surname: str) -> bool:
    """Whether `key` opens the database and shows a woman named `surname`."""
    try:
        with database.raw_connection(folder / "ascolto.db", DataKey(key)) as connection:
            rows = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except (StorageError, Exception):
        return False
    return rows is not None


@pytest.fixture
def team(fnd_ws: Workspace) -> Workspace:
    desk = accounts.add_help_desk(fnd_ws, "Sportello Nord", town="Treviglio")
    accounts.add_operator(fnd_ws, "bruna", "Bruna Verdi", "operatrice", desk.id, OTHER_PW, kdf=FAST_KDF)
    return fnd_ws


# --- 1. a planted slot -------------------------------------------------------------------------------
def test_planted_slot_gets_nothing_after_her_revocation(team: Workspace, fnd_folder: Path) -> None:
    team.close()
    # While still an operatrice she adds a nameless slot holding the data key, with the slot library.
    with Workspace.open(fnd_folder) as ws:
        ws.unlock("bruna", OTHER_PW)
        store = KeyStore.load(fnd_folder / "keyslots.json")
        store.add_slot("x", PLANTED_SECRET, [ws.data_key], FAST_KDF)
        store.save()
    with Workspace.open(fnd_folder) as ws:
        ws.unlock(ADMIN, ADMIN_PW)
        assert any("belongs to no" in p for p in verify(ws).checks["key_slots"])  # verify sees it
        accounts.revoke_operator(ws, "bruna")
        _open_case(ws, "Dopo")
        assert verify(ws).checks["key_slots"] == []
    # After her revocation her planted slot opens nothing that reads the new database.
    store = KeyStore.load(fnd_folder / "keyslots.json")
    with pytest.raises(keyslots.WrongCredentials):
        store.unlock("x", PLANTED_SECRET)


def test_reset_password_refuses_a_revoked_account(team: Workspace, fnd_folder: Path) -> None:
    accounts.revoke_operator(team, "bruna")
    with pytest.raises(ValidationError):
        accounts.reset_password(team, "bruna", "nuova chiave per bruna ancora", kdf=FAST_KDF)
    accounts.rekey_now(team)
    team.close()
    with Workspace.open(fnd_folder) as ws, pytest.raises(WrongCredentials):
        ws.unlock("bruna", "nuova chiave per bruna ancora")


def test_rekey_now_drops_slots_that_belong_to_nobody(team: Workspace, fnd_folder: Path) -> None:
    store = team.keystore
    store.add_slot("x", PLANTED_SECRET, [team.data_key], FAST_KDF)
    store.save()
    generation = accounts.rekey_now(team)
    assert generation == 2
    assert verify(team).ok
    with pytest.raises(keyslots.WrongCredentials):
        KeyStore.load(fnd_folder / "keyslots.json").unlock("x", PLANTED_SECRET)


# --- 4. an interrupted revocation ------------------------------------------------------------------
def _crash_during_rekey(monkeypatch: pytest.MonkeyPatch) -> None:
    def power_cut(*_: object) -> None:
        raise RuntimeError("power cut")

    monkeypatch.setattr(database, "rekey", power_cut)


def test_interrupted_revocation_is_finished_at_the_next_unlock(
    team: Workspace, fnd_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    team.close()
    old_key = _bruna_logs_in(fnd_folder)
    with Workspace.open(fnd_folder) as ws:
        ws.unlock(ADMIN, ADMIN_PW)
        with monkeypatch.context() as patch:
            _crash_during_rekey(patch)
            with pytest.raises(RuntimeError):
                accounts.revoke_operator(ws, "bruna")
    assert _reads(fnd_folder, old_key, "")  # the crash left the old key working
    with Workspace.open(fnd_folder) as ws:
        result = ws.unlock(ADMIN, ADMIN_PW)
        assert result.key_rotation == "finished"
        assert verify(ws).ok
    assert not _reads(fnd_folder, old_key, "")


def test_revoking_again_finishes_an_interrupted_revocation(
    team: Workspace, fnd_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old_key = team.data_key.raw()
    with monkeypatch.context() as patch:
        _crash_during_rekey(patch)
        with pytest.raises(RuntimeError):
            accounts.revoke_operator(team, "bruna")
    assert accounts.revoke_operator(team, "bruna") == 2
    with pytest.raises(ValidationError):
        accounts.revoke_operator(team, "bruna")  # finished: now it is simply already revoked
    team.close()
    assert not _reads(fnd_folder, old_key, "")


def test_rekey_command(fnd_folder: Path, tmp_path: Path) -> None:
    done = run_cli(
        ["rekey", "--data-dir", str(fnd_folder), "--user", ADMIN, "--password-stdin"], tmp_path, ADMIN_PW
    )
    assert done.returncode == 0, done.stderr
    assert "generation 2" in done.stdout


# --- 8. slot costs ---------------------------------------------------------------------------------
def _plant_cost(folder: Path, **kdf: object) -> None:
    """She copies a slot and gives the copy another cost (she can always write the slot file)."""
    path = folder / "keyslots.json"
    data = json.loads(path.read_bytes())
    dummy = json.loads(json.dumps(data["slots"][0]))
    dummy["id"] = "0" * 32  # first in the file: tried first by the old code
    dummy["kdf"].update(kdf)
    data["slots"].insert(0, dummy)
    path.write_text(json.dumps(data).replace('"m": "INF"', '"m": 1e400'))


def test_a_dummy_slot_with_a_huge_cost_does_not_hang_logins(fnd_folder: Path, tmp_path: Path) -> None:
    _plant_cost(fnd_folder, t=100000)
    try:
        done = run_cli(["verify", "--data-dir", str(fnd_folder), "--user", ADMIN, "--password-stdin"],
                       tmp_path, ADMIN_PW, timeout=60)  # fmt: skip
    except subprocess.TimeoutExpired:
        pytest.fail("a slot with t=100000 made the login hang")
    assert "key_slots: FAILED" in done.stdout  # and verify names the slot that belongs to nobody


@pytest.mark.parametrize(
    "kdf",
    [{"m": "INF"}, {"t": 2**70}, {"m": 2**40}, {"p": 1000}, {"t": 1.5}, {"t": True}],
    ids=["m-infinite", "t-huge", "m-huge", "p-huge", "t-float", "t-bool"],
)
def test_every_bad_cost_is_the_one_generic_error(fnd_folder: Path, kdf: dict[str, object]) -> None:
    _plant_cost(fnd_folder, **kdf)
    store = KeyStore.load(fnd_folder / "keyslots.json")
    with pytest.raises(keyslots.WrongCredentials):
        store.unlock("nessuna", "una password qualunque lunga")
    assert store.unlock(ADMIN, ADMIN_PW).data_keys


def test_a_cost_within_each_bound_but_not_their_product_is_refused_before_deriving(
    fnd_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """1 GiB and 64 passes are each within their own bound; together they are minutes of Argon2id and a
    gibibyte per login attempt. Only the memory x passes cap refuses the planted slot, and it must do so
    before any derivation: a login that derived it once has already lost."""
    planted = KdfParams(1024 * 1024, 64, 4)
    assert planted.memory_kib <= keyslots.MAX_MEMORY_KIB and planted.iterations <= keyslots.MAX_ITERATIONS
    _plant_cost(fnd_folder, m=planted.memory_kib, t=planted.iterations, p=planted.lanes)
    derived: list[KdfParams] = []
    original = KeyStore._derive

    def derive(store: KeyStore, identity: str, secret: str, params: KdfParams) -> tuple[bytes, bytes]:
        derived.append(params)
        if params == planted:  # injected fault: fail at once instead of spending minutes and 1 GiB
            raise AssertionError("the planted cost was derived")
        return original(store, identity, secret, params)

    monkeypatch.setattr(KeyStore, "_derive", derive)
    started = time.perf_counter()
    store = KeyStore.load(fnd_folder / "keyslots.json")
    assert planted not in store._costs_to_try()
    with pytest.raises(keyslots.WrongCredentials):
        store.unlock("nessuna", "una password qualunque lunga")  # every cost in the file is tried
    with pytest.raises(keyslots.WrongCredentials):
        KdfParams.from_json(planted.to_json())
    with Workspace.open(fnd_folder) as ws, pytest.raises(WrongCredentials):
        ws.unlock(ADMIN, "non è la sua password")
    assert time.perf_counter() - started < 1.0
    assert derived and planted not in derived
    assert store.unlock(ADMIN, ADMIN_PW).data_keys


def test_many_planted_costs_are_not_all_tried() -> None:
    store = KeyStore.create(Path("unused"))
    key = DataKey.generate()
    store.add_slot(ADMIN, ADMIN_PW, [key], FAST_KDF)
    store.add_slot("bruna", OTHER_PW, [key], FAST_KDF)
    for i in range(10):
        store.add_slot(f"d{i}", PLANTED_SECRET, [key], KdfParams(19456 + 1024 * i, 2, 1))
    assert len(store._costs_to_try()) == keyslots.MAX_DISTINCT_COSTS
    assert store._costs_to_try()[0] == FAST_KDF  # the cost most slots use comes first


def test_init_refuses_a_cost_below_the_documented_floor(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    below = ["--kdf-memory-kib", "19456", "--kdf-iterations", "2", "--kdf-lanes", "1"]
    done = run_cli(["init", "--data-dir", str(folder), "--centre", "Centro", "--desk", "Sportello",
                    "--user", ADMIN, "--password-stdin", *below], tmp_path, ADMIN_PW)  # fmt: skip
    assert done.returncode != 0
    assert not (folder / "keyslots.json").exists()
    at_floor = run_cli(["init", "--data-dir", str(folder), "--centre", "Centro", "--desk", "Sportello",
                        "--user", ADMIN, "--password-stdin", *CLI_KDF], tmp_path, ADMIN_PW)  # fmt: skip
    assert at_floor.returncode == 0, at_floor.stderr


def test_the_floor_holds_outside_the_tests() -> None:
    """Only the test suite lowers the floor: nothing under app/ calls the route."""
    root = Path(__file__).resolve().parents[1] / "app"
    call = re.compile(r"(?<!def )allow_fast_kdf_for_tests\(")
    callers = [p for p in root.rglob("*.py") if call.search(p.read_text(encoding="utf-8"))]
    assert callers == []
    assert KdfParams(65536, 3, 4).raised_to_floor() == KdfParams(65536, 3, 4)


# --- 9. guessable passwords ------------------------------------------------------------------------
GUESSABLE = [
    "123456789012345",
    "passwordpassword",
    "anna anna anna anna",
    "aaaaaaaaaaaaaaa",
    "lampada fiume gatto neve",  # the example in the hint
    "Lampada Fiume Gatto Neve",
    "qwertyuiopasdfgh",
    "ti amo amore mio",
    "Sportello Nord Treviglio",  # her help desk
    "bruna verdi bruna verdi",  # her own name
    "centro antiviolenza prova",  # the centre
]


@pytest.mark.parametrize("password", GUESSABLE)
def test_guessable_passwords_are_refused(team: Workspace, password: str) -> None:
    with pytest.raises(ValidationError) as refused:
        accounts.reset_password(team, "bruna", password, kdf=FAST_KDF)
    assert refused.value.text()  # a sentence that says what to do


@pytest.mark.parametrize("password", ["lanterna torrente civetta brina", "una nuova frase lunga abbastanza"])
def test_unrelated_words_are_accepted(team: Workspace, password: str) -> None:
    accounts.reset_password(team, "bruna", password, kdf=FAST_KDF)
    assert judge(password).problem is None
