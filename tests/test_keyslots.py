"""Key slots: wrapping, unwrapping, and one indistinguishable failure for every kind of tampering."""

from __future__ import annotations

import base64
import copy
import json
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.crypto import keyslots
from app.crypto.keyslots import (
    DataKey,
    KdfParams,
    KeyFileError,
    KeyStore,
    RecoveryKeyTypo,
    WeakKdfParameters,
    WrongCredentials,
)
from tests.foundation_fixtures import ADMIN_PW, FAST_KDF, NEW_PW, OTHER_PW

Slot = dict[str, Any]


@pytest.fixture(scope="module")
def slot_file_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, bytes]:
    """(file content, data key) of a slot file with two users, built once per module (Argon2id is slow)."""
    path = tmp_path_factory.mktemp("slots") / "keyslots.json"
    key = DataKey.generate()
    store = KeyStore.create(path)
    store.add_slot("anna", ADMIN_PW, [key], FAST_KDF)
    store.add_slot("bruna", OTHER_PW, [key], FAST_KDF)
    store.save()
    return path.read_bytes(), key.raw()


@pytest.fixture
def slot_file(slot_file_template: tuple[bytes, bytes], tmp_path: Path) -> tuple[Path, DataKey]:
    """A saved slot file with two users (`anna`, `bruna`) sharing one data key."""
    content, raw = slot_file_template
    path = tmp_path / "keyslots.json"
    path.write_bytes(content)
    return path, DataKey(raw)


def _read(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_bytes())
    return data


def _write(path: Path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data), encoding="utf-8")


def _flip_b64(text: str, index: int = 0) -> str:
    raw = bytearray(base64.b64decode(text))
    raw[index % len(raw)] ^= 0x01
    return base64.b64encode(bytes(raw)).decode("ascii")


def _slot_of(path: Path, data: dict[str, Any], identity: str, secret: str) -> Slot:
    slot_id = KeyStore.load(path).unlock(identity, secret).slot_id
    (slot,) = [s for s in data["slots"] if s["id"] == slot_id]
    return slot


def test_wrap_and_unwrap(slot_file: tuple[Path, DataKey]) -> None:
    path, key = slot_file
    store = KeyStore.load(path)
    assert store.slot_count == 2
    anna = store.unlock("anna", ADMIN_PW)
    bruna = store.unlock("bruna", OTHER_PW)
    assert [k.raw() for k in anna.data_keys] == [key.raw()]
    assert [k.raw() for k in bruna.data_keys] == [key.raw()]
    assert anna.slot_id != bruna.slot_id
    assert store.unlock("  Anna ", ADMIN_PW).slot_id == anna.slot_id  # user names are case-insensitive


def test_wrong_password_and_unknown_user(slot_file: tuple[Path, DataKey]) -> None:
    path, _ = slot_file
    store = KeyStore.load(path)
    for identity, secret in [
        ("anna", OTHER_PW),
        ("anna", ADMIN_PW + " "),
        ("carla", ADMIN_PW),
        ("bruna", ADMIN_PW),
    ]:
        with pytest.raises(keyslots.KeySlotError) as info:
            store.unlock(identity, secret)
        assert type(info.value) is WrongCredentials


def _flip_field(*keys: str | int) -> Callable[[Slot, dict[str, Any]], None]:
    def mutate(slot: Slot, _: dict[str, Any]) -> None:
        holder: Any = slot
        for k in keys[:-1]:
            holder = holder[k]
        holder[keys[-1]] = _flip_b64(holder[keys[-1]], index=5)

    return mutate


def _set_kdf(**changes: Any) -> Callable[[Slot, dict[str, Any]], None]:
    def mutate(slot: Slot, _: dict[str, Any]) -> None:
        slot["kdf"].update(changes)

    return mutate


def _set_slot(key: str, value: Any) -> Callable[[Slot, dict[str, Any]], None]:
    def mutate(slot: Slot, _: dict[str, Any]) -> None:
        slot[key] = value

    return mutate


def _set_database_id(_: Slot, data: dict[str, Any]) -> None:
    data["database_id"] = "0" * 32


def _set_salt(_: Slot, data: dict[str, Any]) -> None:
    data["salt"] = _flip_b64(data["salt"])


def _set_gen(slot: Slot, _: dict[str, Any]) -> None:
    slot["keys"][0]["gen"] = slot["keys"][0]["gen"] + 1


def _swap_sealed_keys(slot: Slot, data: dict[str, Any]) -> None:
    (other,) = [s for s in data["slots"] if s is not slot]
    slot["keys"] = copy.deepcopy(other["keys"])


TAMPERS: dict[str, Callable[[Slot, dict[str, Any]], None]] = {
    "locator": _flip_field("locator"),
    "public_key": _flip_field("public_key"),
    "private.ct": _flip_field("private", "ct"),
    "private.nonce": _flip_field("private", "nonce"),
    "keys.ct": _flip_field("keys", 0, "ct"),
    "keys.eph": _flip_field("keys", 0, "eph"),
    "keys.nonce": _flip_field("keys", 0, "nonce"),
    "kdf.memory_up": _set_kdf(m=FAST_KDF.memory_kib + 1024),
    "kdf.iterations_up": _set_kdf(t=FAST_KDF.iterations + 1),
    "kdf.lanes_up": _set_kdf(p=FAST_KDF.lanes + 1),
    "kdf.downgrade_below_owasp": _set_kdf(m=1024, t=1),
    "kdf.iterations_below_owasp": _set_kdf(t=1),
    "kdf.other_algorithm": _set_kdf(alg="argon2i"),
    "kdf.not_a_number": _set_kdf(m="lots"),
    "slot_id": _set_slot("id", "f" * 32),
    "private_missing": _set_slot("private", None),
    "keys_empty": _set_slot("keys", []),
    "keys_not_a_list": _set_slot("keys", {"ct": "AA=="}),
    "locator_not_base64": _set_slot("locator", "not base64 !"),
    "generation": _set_gen,
    "sealed_keys_of_other_slot": _swap_sealed_keys,
    "database_id": _set_database_id,
    "file_salt": _set_salt,
}


@pytest.mark.parametrize("tamper", list(TAMPERS), ids=list(TAMPERS))
def test_every_tamper_is_wrong_credentials(slot_file: tuple[Path, DataKey], tamper: str) -> None:
    path, key = slot_file
    data = _read(path)
    slot = _slot_of(path, data, "anna", ADMIN_PW)
    TAMPERS[tamper](slot, data)
    _write(path, data)
    store = KeyStore.load(path)  # structurally still a slot file
    with pytest.raises(keyslots.KeySlotError) as info:
        store.unlock("anna", ADMIN_PW)
    assert type(info.value) is WrongCredentials, f"{tamper}: {type(info.value).__name__}"
    if tamper not in {"database_id", "file_salt", "sealed_keys_of_other_slot"}:
        # The untouched slot still opens: the failure is the tampered slot's, not the file's.
        assert KeyStore.load(path).unlock("bruna", OTHER_PW).data_keys[0].raw() == key.raw()


def test_slots_swapped_between_files(tmp_path: Path) -> None:
    """A slot copied from another installation's file (same user, same password) opens nothing."""
    files = []
    for name in ("a", "b"):
        store = KeyStore.create(tmp_path / f"{name}.json")
        store.add_slot("anna", ADMIN_PW, [DataKey.generate()], FAST_KDF)
        store.save()
        files.append(store.path)
    a, b = (_read(p) for p in files)
    swapped = dict(b, slots=a["slots"])
    _write(files[1], swapped)
    with pytest.raises(keyslots.KeySlotError) as info:
        KeyStore.load(files[1]).unlock("anna", ADMIN_PW)
    assert type(info.value) is WrongCredentials
    # Even with the other file's salt copied too, the database id binds the slot to its own file.
    _write(files[1], dict(b, slots=a["slots"], salt=a["salt"]))
    with pytest.raises(keyslots.KeySlotError) as info:
        KeyStore.load(files[1]).unlock("anna", ADMIN_PW)
    assert type(info.value) is WrongCredentials
    # Control: the untouched original still opens.
    assert KeyStore.load(files[0]).unlock("anna", ADMIN_PW).data_keys


BROKEN_FILES: dict[str, bytes | None] = {
    "missing": None,
    "empty": b"",
    "not_json": b"{ this is not json",
    "not_utf8": b"\xff\xfe\x00garbage",
    "json_list": b"[]",
    "wrong_format": json.dumps(
        {"format": "other", "version": 1, "database_id": "x", "salt": "", "slots": []}
    ).encode(),
    "wrong_version": json.dumps(
        {"format": "ascolto-keyslots", "version": 99, "database_id": "x", "salt": "", "slots": []}
    ).encode(),
    "slots_not_list": json.dumps(
        {"format": "ascolto-keyslots", "version": 1, "database_id": "x", "salt": "AAAA", "slots": {}}
    ).encode(),
    "bad_salt": json.dumps(
        {"format": "ascolto-keyslots", "version": 1, "database_id": "x", "salt": "***", "slots": []}
    ).encode(),
}


@pytest.mark.parametrize("case", list(BROKEN_FILES), ids=list(BROKEN_FILES))
def test_structurally_broken_file_is_key_file_error(slot_file: tuple[Path, DataKey], case: str) -> None:
    path, _ = slot_file
    content = BROKEN_FILES[case]
    if content is None:
        path.unlink()
    else:
        path.write_bytes(content)
    with pytest.raises(keyslots.KeySlotError) as info:
        KeyStore.load(path)
    assert type(info.value) is KeyFileError


def test_slot_file_names_nobody(tmp_path: Path) -> None:
    path = tmp_path / "keyslots.json"
    store = KeyStore.create(path)
    key = DataKey.generate()
    store.add_slot("mariarosa.bellini", ADMIN_PW, [key], FAST_KDF)
    store.add_slot(keyslots.RECOVERY_IDENTITY, keyslots.generate_recovery_key(), [key], FAST_KDF)
    store.save()
    raw = path.read_bytes().lower()
    for needle in ("mariarosa", "bellini", "recovery", ADMIN_PW.split()[0]):
        assert needle.encode() not in raw
        assert needle.encode("utf-16-le") not in raw
    assert key.raw().hex().encode() not in raw
    assert base64.b64encode(key.raw()) not in path.read_bytes()


@pytest.mark.parametrize(
    "params",
    [
        KdfParams(8192, 2, 1),
        KdfParams(19456, 1, 1),
        KdfParams(47103, 1, 1),
        KdfParams(65536, 3, 0),
        KdfParams(1024, 10, 1),
    ],
    ids=str,
)
def test_weak_kdf_refused_at_add_slot(tmp_path: Path, params: KdfParams) -> None:
    store = KeyStore.create(tmp_path / "keyslots.json")
    with pytest.raises(WeakKdfParameters):
        store.add_slot("anna", ADMIN_PW, [DataKey.generate()], params)
    assert store.slot_count == 0


@pytest.mark.parametrize("params", [FAST_KDF, KdfParams(47104, 1, 1), KdfParams(7168, 5, 1)], ids=str)
def test_owasp_floor_itself_is_accepted(params: KdfParams) -> None:
    params.check()


def test_change_secret_leaves_other_slots_byte_identical(slot_file: tuple[Path, DataKey]) -> None:
    path, key = slot_file
    before = _read(path)
    old_anna = _slot_of(path, before, "anna", ADMIN_PW)["id"]
    store = KeyStore.load(path)
    store.change_secret("anna", ADMIN_PW, NEW_PW, FAST_KDF)
    store.save()
    after = _read(path)
    others_before = {s["id"]: json.dumps(s, sort_keys=True) for s in before["slots"] if s["id"] != old_anna}
    others_after = {
        s["id"]: json.dumps(s, sort_keys=True) for s in after["slots"] if s["id"] in others_before
    }
    assert others_after == others_before
    assert old_anna not in {s["id"] for s in after["slots"]}
    assert (after["database_id"], after["salt"]) == (before["database_id"], before["salt"])
    reloaded = KeyStore.load(path)
    with pytest.raises(WrongCredentials):
        reloaded.unlock("anna", ADMIN_PW)
    assert reloaded.unlock("anna", NEW_PW).data_keys[0].raw() == key.raw()
    assert reloaded.unlock("bruna", OTHER_PW).data_keys[0].raw() == key.raw()


def test_change_secret_with_wrong_old_secret_changes_nothing(slot_file: tuple[Path, DataKey]) -> None:
    path, _ = slot_file
    store = KeyStore.load(path)
    before = store.to_bytes()
    with pytest.raises(WrongCredentials):
        store.change_secret("anna", OTHER_PW, NEW_PW, FAST_KDF)
    assert store.to_bytes() == before


def test_duplicate_identity_refused(slot_file: tuple[Path, DataKey]) -> None:
    path, key = slot_file
    store = KeyStore.load(path)
    with pytest.raises(keyslots.KeySlotError):
        store.add_slot("ANNA", ADMIN_PW, [key], FAST_KDF)
    assert store.slot_count == 2


def test_rotation_keeps_both_generations_until_finished(slot_file: tuple[Path, DataKey]) -> None:
    path, old = slot_file
    store = KeyStore.load(path)
    new = DataKey.generate(old.generation + 1)
    store.stage_rotation(new)
    store.save()
    staged = KeyStore.load(path).unlock("bruna", OTHER_PW).data_keys
    assert [(k.generation, k.raw()) for k in staged] == [(2, new.raw()), (1, old.raw())]
    store.finish_rotation(new.generation)
    store.save()
    for identity, secret in (("anna", ADMIN_PW), ("bruna", OTHER_PW)):
        keys = KeyStore.load(path).unlock(identity, secret).data_keys
        assert [(k.generation, k.raw()) for k in keys] == [(2, new.raw())]


def test_data_key_wipe_and_repr() -> None:
    key = DataKey.generate()
    raw = key.raw()
    assert raw.hex() not in repr(key)
    key.wipe()
    assert key.wiped
    with pytest.raises(keyslots.KeySlotError):
        key.raw()
    with pytest.raises(keyslots.KeySlotError):
        key.sqlcipher_literal()


# --- recovery key ---------------------------------------------------------------------------------
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_RE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){8}$")


def test_recovery_key_format() -> None:
    keys = {keyslots.generate_recovery_key() for _ in range(20)}
    assert len(keys) == 20
    for key in keys:
        assert RECOVERY_RE.match(key), key
        assert len(key.split("-")) == 9
        assert keyslots.normalise_recovery_key(key) == key


def _key_containing(chars: str) -> str:
    for _ in range(2000):
        key = keyslots.generate_recovery_key()
        if all(c in key for c in chars):
            return key
    raise AssertionError(f"no recovery key with {chars!r} in 2000 tries")


def test_recovery_key_normalisation() -> None:
    key = _key_containing("01")
    variants = [
        key.lower(),
        key.replace("-", " "),
        key.replace("-", ""),
        "  " + key.lower().replace("-", "  ") + " ",
        key.replace("0", "O"),
        key.replace("0", "o").lower(),
        key.replace("1", "I"),
        key.replace("1", "l").lower(),
    ]
    for variant in variants:
        assert keyslots.normalise_recovery_key(variant) == key, variant


def test_single_typo_is_detected_at_every_position() -> None:
    key = keyslots.generate_recovery_key()
    for index, char in enumerate(key):
        if char == "-":
            continue
        replacement = CROCKFORD[(CROCKFORD.index(char) + 7) % 32]
        typo = key[:index] + replacement + key[index + 1 :]
        with pytest.raises(RecoveryKeyTypo):
            keyslots.normalise_recovery_key(typo)


@pytest.mark.parametrize("text", ["", "ABCD", "UUUU-" * 8 + "UUUU", "x" * 36])
def test_malformed_recovery_key_is_a_typo(text: str) -> None:
    with pytest.raises(RecoveryKeyTypo):
        keyslots.normalise_recovery_key(text)


def test_recovery_key_opens_its_slot(tmp_path: Path) -> None:
    store = KeyStore.create(tmp_path / "keyslots.json")
    key = DataKey.generate()
    recovery = keyslots.generate_recovery_key()
    store.add_slot(keyslots.RECOVERY_IDENTITY, recovery, [key], FAST_KDF)
    normalised = keyslots.normalise_recovery_key(recovery.lower().replace("-", " "))
    assert store.unlock(keyslots.RECOVERY_IDENTITY, normalised).data_keys[0].raw() == key.raw()
    with pytest.raises(WrongCredentials):
        store.unlock(keyslots.RECOVERY_IDENTITY, keyslots.generate_recovery_key())


# --- calibration -------------------------------------------------------------------------------------------
def _clock_reading(fixed: float, per_pass: float) -> Callable[[], float]:
    """A clock for derivations costing `fixed` + `per_pass` per pass: the base cost's runs then three times its
    passes, the fastest of each the last (the others 3x that)."""
    base = keyslots.DEFAULT_KDF.iterations
    durations = []
    for passes in (base, 3 * base):
        cost = fixed + passes * per_pass
        durations += [3 * cost] * (keyslots.CALIBRATION_RUNS - 1) + [cost]
    readings = iter([t for d in durations for t in (100.0, 100.0 + d)])
    return lambda: next(readings)


@pytest.mark.parametrize(
    ("fixed", "per_pass", "expected_t"),
    [
        (0.0, 0.07, 7),  # 70 ms per pass: 7 passes make ~0.5 s
        (0.1, 0.047, 8),  # 64 MiB taken and filled once: 8 passes, not the 6 that 0.24 s / 3 suggested
        (0.0, 0.0217, 23),  # a fast PC gets more passes
        (0.0, 0.00003, keyslots.MAX_CALIBRATED_ITERATIONS),  # capped
        (0.5, 1.0, 3),  # a slow PC never goes below the defaults
    ],
)
def test_calibration_scales_iterations_to_the_target(fixed: float, per_pass: float, expected_t: int) -> None:
    params = keyslots.calibrate(0.5, keyslots.DEFAULT_KDF, _clock_reading(fixed, per_pass), cpu_clock=None)
    assert params == KdfParams(keyslots.DEFAULT_KDF.memory_kib, expected_t, keyslots.DEFAULT_KDF.lanes)


def test_calibration_noise_never_makes_passes_free() -> None:
    """Twice the passes measured no slower (noise): a pass still costs a quarter of the naive share."""
    base = keyslots.DEFAULT_KDF.iterations
    durations = [0.3] * keyslots.CALIBRATION_RUNS + [0.29] * keyslots.CALIBRATION_RUNS
    readings = iter([t for d in durations for t in (100.0, 100.0 + d)])
    params = keyslots.calibrate(0.5, keyslots.DEFAULT_KDF, lambda: next(readings), cpu_clock=None)
    assert params.iterations <= math.floor(0.5 / (0.3 / base / 4))


def test_a_pc_busy_at_set_up_does_not_get_a_weaker_cost(monkeypatch: pytest.MonkeyPatch) -> None:
    """Set up while other work holds the cores (an update, a virus scan) for the whole calibration: every
    run's wall time is stretched, the fastest included, and would have given the floor's 3 passes for
    good. The CPU the derivation needed is not stretched: the cost is judged on it, spread over the
    lanes the cores can run at once."""
    monkeypatch.setattr(keyslots.os, "cpu_count", lambda: 2)
    busy = _clock_reading(0.0, 0.07 * 4)  # every run four times slower than on the idle PC
    cpu = _clock_reading(0.0, 0.07 * 2)  # two lanes at once: twice the idle wall time in CPU
    params = keyslots.calibrate(0.5, keyslots.DEFAULT_KDF, busy, cpu_clock=cpu)
    assert params.iterations == 7  # what the idle PC gets (70 ms a pass)
    assert (
        keyslots.calibrate(
            0.5, keyslots.DEFAULT_KDF, _clock_reading(0.0, 0.07 * 4), cpu_clock=None
        ).iterations
        == 3
    )


def test_calibration_on_this_pc_meets_the_floor_and_the_target() -> None:
    params = keyslots.calibrate()
    params.check()
    assert params.memory_kib == 65536 and params.lanes == 4 and params.iterations >= 3
