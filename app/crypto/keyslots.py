"""Key slots: how each operator's password (and the recovery key) opens the one database key.

Design (see docs/architecture.md, "Keys"):
- The database is encrypted by SQLCipher with a random 256-bit *data key*.
- Each slot owns an X25519 key pair. Its private half is wrapped with AES-256-GCM under a key derived
  by Argon2id from the slot's secret (an operator's password or the recovery key). The data key is
  sealed to the slot's public key (ephemeral X25519 + HKDF + AES-256-GCM). Sealing to public keys is
  what lets an administrator rotate the data key when she revokes an operator: the new key is sealed
  to every remaining slot without knowing anybody's password.
- A slot is found without naming its owner: the Argon2id salt is derived from the file's random salt
  and the user name, and the slot stores a *locator*, an HMAC under a key derived from the password.
  Without the password the file shows only how many slots exist.
- The associated data of every AES-GCM operation binds the database id, the slot id, the KDF
  parameters and the public key, so moving, editing or swapping any part of a slot fails to decrypt.
- Every failure while unlocking (unknown user, wrong password, tampered slot, tampered file) raises
  the same `WrongCredentials`, so the file is no oracle.
- During a rotation each slot holds the sealed key of two generations; the database is opened with
  whichever works, so a crash between `PRAGMA rekey` and saving the new slot file loses nothing.
- Whoever can write the file can add a slot with any id, even a rightful one, holding a key she had. The
  id alone therefore names no owner: the database records each rightful slot's *digest* (`slot_digest`),
  and the workspace accepts, keeps and re-seals to a slot only when its digest is the one recorded.
- The file carries the data key's generation, which the database also records, so an older slot file
  put back beside a newer database (or the reverse) is seen at unlock (app/services/rollback.py).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import math
import os
import secrets
import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.fs import atomic_write_bytes

FORMAT = "ascolto-keyslots"
FORMAT_VERSION = 1
DATA_KEY_BYTES = 32
RECOVERY_IDENTITY = "\x00recovery"

# OWASP Password Storage Cheat Sheet, Argon2id minimum configurations: (memory KiB, iterations).
OWASP_FLOOR: tuple[tuple[int, int], ...] = ((47104, 1), (19456, 2), (12288, 3), (9216, 4), (7168, 5))

# Upper bounds of a slot's cost as read from the file: whoever can write the slot file must not make
# every login hang (a dummy slot with t=100000) or crash (numbers too large for the library).
MAX_MEMORY_KIB = 1024 * 1024  # 1 GiB
MAX_ITERATIONS = 64
MAX_LANES = 16
MAX_WORK = 65536 * 64  # memory x passes: 64 MiB x 64, a few seconds on an office PC
MAX_DISTINCT_COSTS = 4  # cost settings tried per login (a folder normally has one or two)

_test_floor = False


def allow_fast_kdf_for_tests() -> None:
    """The one route below the documented floor: the test suite calls it (tests/conftest.py) so its
    thousands of slots use OWASP's minimum. Nothing under app/ calls it (a test checks)."""
    global _test_floor
    _test_floor = True


class KeySlotError(Exception):
    """Base of every key-slot failure."""


class WrongCredentials(KeySlotError):
    """The one error for every unlock failure: unknown user, wrong secret, tampered slot or file."""


class KeyFileError(KeySlotError):
    """The slot file is missing or not a slot file at all (independent of any secret)."""


class WeakKdfParameters(KeySlotError):
    """Refused: parameters below the documented floor, or above the bounds a login can afford."""


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost, stored with each slot so it can be raised later without breaking old slots."""

    memory_kib: int = 65536
    iterations: int = 3
    lanes: int = 4

    def check(self) -> None:
        """For a new slot: at least the documented floor (64 MiB, t=3, p=4), within the bounds."""
        self.check_loaded()
        if _test_floor:
            return
        floor = FLOOR
        if (
            self.memory_kib < floor.memory_kib
            or self.iterations < floor.iterations
            or self.lanes < floor.lanes
        ):
            raise WeakKdfParameters(
                f"Argon2id m={self.memory_kib} KiB, t={self.iterations}, p={self.lanes} is below the floor "
                f"m={floor.memory_kib} KiB, t={floor.iterations}, p={floor.lanes}"
            )

    def check_loaded(self) -> None:
        """For a slot read from the file: OWASP's minimum (older folders may hold such slots) and the
        upper bounds, so a planted slot can neither hang nor crash a login."""
        if self.lanes < 1 or self.lanes > MAX_LANES:
            raise WeakKdfParameters(f"Argon2id lanes must be 1..{MAX_LANES}, got {self.lanes}")
        if not any(self.memory_kib >= m and self.iterations >= t for m, t in OWASP_FLOOR):
            raise WeakKdfParameters(
                f"Argon2id m={self.memory_kib} KiB, t={self.iterations} is below OWASP's minimum"
            )
        if (
            self.memory_kib > MAX_MEMORY_KIB
            or self.iterations > MAX_ITERATIONS
            or self.memory_kib * self.iterations > MAX_WORK
            or self.memory_kib < 8 * self.lanes
        ):
            raise WeakKdfParameters("Argon2id cost above what a login can afford is refused")

    def raised_to_floor(self) -> KdfParams:
        """These parameters, raised where they fall below the floor (a slot of an older folder)."""
        if _test_floor:
            return self
        return KdfParams(
            max(self.memory_kib, FLOOR.memory_kib),
            max(self.iterations, FLOOR.iterations),
            max(self.lanes, FLOOR.lanes),
        )

    def to_json(self) -> dict[str, Any]:
        return {"alg": "argon2id", "m": self.memory_kib, "t": self.iterations, "p": self.lanes}

    @classmethod
    def from_json(cls, data: Any) -> KdfParams:
        if not isinstance(data, dict) or data.get("alg") != "argon2id":
            raise WrongCredentials()
        m, t, p = data.get("m"), data.get("t"), data.get("p")
        if type(m) is not int or type(t) is not int or type(p) is not int:  # no floats, infinities, booleans
            raise WrongCredentials()
        params = cls(m, t, p)
        try:
            params.check_loaded()
        except WeakKdfParameters as exc:  # a downgraded or inflated slot is a tampered slot
            raise WrongCredentials() from exc
        return params


FLOOR = KdfParams()
"""The documented floor of every new slot outside the tests: 64 MiB, 3 passes, 4 lanes."""

DEFAULT_KDF = KdfParams()
"""The floor of a new installation: `calibrate` raises its iterations to this PC's speed."""

UNLOCK_TARGET_SECONDS = 0.5
"""What one derivation should cost on the PC that creates the data folder (DESIGN: unlock 0.3-1 s)."""
MAX_CALIBRATED_ITERATIONS = 32
CALIBRATION_RUNS = 3


def calibrate(
    target_seconds: float | None = None,
    base: KdfParams = DEFAULT_KDF,
    clock: Callable[[], float] = time.perf_counter,
    cpu_clock: Callable[[], float] | None = time.process_time,
) -> KdfParams:
    """The installation's Argon2id cost: `base` with its iterations raised until one derivation takes
    about `target_seconds` on this PC, never fewer than `base` (like cryptsetup's --iter-time).

    Memory and lanes stay at `base`: memory is what hurts GPU attackers, but a shared office PC cannot
    promise more than 64 MiB at any moment; iterations scale the cost linearly instead. The clock is the
    wall clock, what she waits at unlock, and the fastest of a few runs is kept. A PC busy with other
    work for the whole calibration (an update, a virus scan) stretches every run, the fastest included,
    and would get a weaker cost for good: so each run also counts the process's CPU time (`cpu_clock`)
    spread over the lanes the cores run at once, which other work does not stretch, and the smaller of
    the two is the run's cost. (CPU time alone overstates it: on a 2-core PC 0.5 s of it was a 0.27 s
    unlock; divided by the lanes run at once it slightly understates the wall time, so the cost errs
    above the target, never below.)

    A derivation costs a fixed part (taking and filling 64 MiB) plus a part per pass, so the cost is
    measured at `base` and at three times its passes (near the target, where a pass costs a little more), not
    divided by one timing's passes.
    """
    base.check()
    target = UNLOCK_TARGET_SECONDS if target_seconds is None else target_seconds
    at_once = max(1, min(base.lanes, os.cpu_count() or 1))

    def fastest(iterations: int) -> float:
        best = float("inf")
        for _ in range(CALIBRATION_RUNS):  # the fastest run: what a guesser's idle machine would pay
            started, cpu_started = clock(), cpu_clock() if cpu_clock is not None else 0.0
            Argon2id(
                salt=secrets.token_bytes(16),
                length=64,
                iterations=iterations,
                lanes=base.lanes,
                memory_cost=base.memory_kib,
            ).derive(b"ascolto-calibration")
            cost = clock() - started
            if cpu_clock is not None:
                cost = min(cost, (cpu_clock() - cpu_started) / at_once)
            best = min(best, cost)
        return max(best, 1e-6)

    low, high = (
        base.iterations,
        3 * base.iterations,
    )  # the upper point near the target: passes cost more as they grow
    at_low, at_high = fastest(low), fastest(high)
    # a pass costs at least a quarter of the naive share: timing noise must not make passes look free
    per_iteration = max((at_high - at_low) / (high - low), at_low / low / 4)
    fixed = max(at_low - low * per_iteration, 0.0)
    wanted = math.floor((target - fixed) / per_iteration)
    return replace(base, iterations=max(base.iterations, min(MAX_CALIBRATED_ITERATIONS, wanted)))


class DataKey:
    """The database key, kept in a mutable buffer so it can be overwritten when the workspace locks.

    Python may still hold transient copies (e.g. the hex literal given to SQLCipher); wiping is
    best effort and documented as such.
    """

    __slots__ = ("_buffer", "generation")

    def __init__(self, raw: bytes, generation: int = 1) -> None:
        if len(raw) != DATA_KEY_BYTES:
            raise ValueError("a data key is 32 bytes")
        self._buffer = bytearray(raw)
        self.generation = generation

    @classmethod
    def generate(cls, generation: int = 1) -> DataKey:
        return cls(secrets.token_bytes(DATA_KEY_BYTES), generation)

    def sqlcipher_literal(self) -> str:
        """The raw-key form of PRAGMA key: no passphrase derivation inside SQLCipher."""
        self._require()
        return "\"x'" + bytes(self._buffer).hex() + "'\""

    def raw(self) -> bytes:
        self._require()
        return bytes(self._buffer)

    def wipe(self) -> None:
        for i in range(len(self._buffer)):
            self._buffer[i] = 0
        self._buffer = bytearray()

    @property
    def wiped(self) -> bool:
        return not self._buffer

    def _require(self) -> None:
        if not self._buffer:
            raise KeySlotError("the data key was wiped (workspace locked)")

    def __repr__(self) -> str:  # never print key material
        return f"DataKey(generation={self.generation}, wiped={self.wiped})"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise WrongCredentials()
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError) as exc:
        raise WrongCredentials() from exc


def normalise_identity(identity: str) -> str:
    return identity.strip().casefold()


def _aad(database_id: str, slot_id: str, params: KdfParams, public_key: bytes, purpose: str) -> bytes:
    return json.dumps(
        [FORMAT, FORMAT_VERSION, database_id, slot_id, params.to_json(), _b64(public_key), purpose],
        sort_keys=True,
        separators=(",", ":"),
    ).encode("utf-8")


def _public_bytes(public: X25519PublicKey) -> bytes:
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _seal_key(public_raw: bytes, plaintext: bytes, aad: bytes) -> dict[str, str]:
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = _public_bytes(ephemeral.public_key())
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public_raw))
    key = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"ascolto-seal" + ephemeral_public + public_raw
    ).derive(shared)
    nonce = secrets.token_bytes(12)
    return {
        "eph": _b64(ephemeral_public),
        "nonce": _b64(nonce),
        "ct": _b64(AESGCM(key).encrypt(nonce, plaintext, aad)),
    }


def _open_sealed(private: X25519PrivateKey, public_raw: bytes, sealed: dict[str, Any], aad: bytes) -> bytes:
    ephemeral_public = _unb64(sealed.get("eph"))
    try:
        shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
    except ValueError as exc:
        raise WrongCredentials() from exc
    key = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"ascolto-seal" + ephemeral_public + public_raw
    ).derive(shared)
    try:
        return AESGCM(key).decrypt(_unb64(sealed.get("nonce")), _unb64(sealed.get("ct")), aad)
    except (InvalidTag, ValueError) as exc:
        raise WrongCredentials() from exc


SLOT_BOUND_FIELDS = ("id", "kdf", "locator", "public_key", "private")
"""What a slot's digest covers: everything but the sealed data keys, which every rotation rewrites."""


def slot_digest(database_id: str, slot: dict[str, Any]) -> str:
    """The public part of a slot, as the database records it for the slot's owner.

    It covers the slot's id, its KDF cost, its locator, its X25519 public key and the wrapped private key
    (nonce and ciphertext), in the database's name: nothing secret, and everything that decides who can
    open the slot. The public key is the essential part: a rotation seals the new data key to it, so a
    slot kept by its digest hands the new key only to whoever holds the recorded private key, that is to
    whoever knows the recorded secret. The rest makes any edit of the slot show as a different slot. The
    sealed data keys are left out: they change at every rotation while the owner stays the same.
    """
    body = {name: slot.get(name) for name in SLOT_BOUND_FIELDS}
    encoded = json.dumps([FORMAT, database_id, body], sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(b"ascolto-slot-digest\x00" + encoded.encode("utf-8")).hexdigest()


@dataclass
class UnlockedSlot:
    """What a correct secret yields: the slot's id and digest, its KDF cost and the candidate data keys,
    newest first."""

    slot_id: str
    data_keys: list[DataKey]
    params: KdfParams
    digest: str = ""


class KeyStore:
    """The slot file of one data folder."""

    def __init__(
        self,
        path: Path,
        database_id: str,
        salt: bytes,
        slots: list[dict[str, Any]],
        generation: int | None = None,
    ) -> None:
        self.path = path
        self.database_id = database_id
        self._salt = salt
        self._slots = slots
        self.generation = generation if generation is not None else self._newest_sealed()

    def _newest_sealed(self) -> int:
        """A file written before it carried its generation: the newest generation sealed in it."""
        newest = 1
        for slot in self._slots:
            sealed = slot.get("keys")
            for item in sealed if isinstance(sealed, list) else []:
                gen = item.get("gen") if isinstance(item, dict) else None
                if type(gen) is int:
                    newest = max(newest, gen)
        return newest

    # --- file ---------------------------------------------------------------------------------
    @classmethod
    def create(cls, path: Path) -> KeyStore:
        return cls(path, uuid.uuid4().hex, secrets.token_bytes(16), [], 1)

    @classmethod
    def load(cls, path: Path) -> KeyStore:
        try:
            raw = path.read_bytes()
        except FileNotFoundError as exc:
            raise KeyFileError("missing") from exc
        except OSError as exc:
            raise KeyFileError("unreadable") from exc
        return cls.from_bytes(path, raw)

    @classmethod
    def from_bytes(cls, path: Path, raw: bytes) -> KeyStore:
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise KeyFileError("damaged") from exc
        if (
            not isinstance(data, dict)
            or data.get("format") != FORMAT
            or data.get("version") != FORMAT_VERSION
            or not isinstance(data.get("slots"), list)
            or not isinstance(data.get("database_id"), str)
        ):
            raise KeyFileError("damaged")
        try:
            salt = _unb64(data.get("salt"))
        except WrongCredentials as exc:
            raise KeyFileError("damaged") from exc
        slots = [s for s in data["slots"] if isinstance(s, dict)]
        generation = data.get("generation")
        return cls(path, data["database_id"], salt, slots, generation if type(generation) is int else None)

    def to_bytes(self) -> bytes:
        ordered = sorted(self._slots, key=lambda s: str(s.get("id", "")))  # no creation order leaks
        return json.dumps(
            {
                "format": FORMAT,
                "version": FORMAT_VERSION,
                "database_id": self.database_id,
                "generation": self.generation,
                "salt": _b64(self._salt),
                "slots": ordered,
            },
            indent=1,
            sort_keys=True,
        ).encode("utf-8")

    def save(self) -> None:
        atomic_write_bytes(self.path, self.to_bytes())

    @property
    def slot_count(self) -> int:
        return len(self._slots)

    def slot_ids(self) -> list[str]:
        return [str(s.get("id")) for s in self._slots]

    def digests(self) -> list[tuple[str, str]]:
        """(id, digest) of every slot, in file order; an id may appear more than once (planted)."""
        return [(str(s.get("id")), slot_digest(self.database_id, s)) for s in self._slots]

    def digest_of(self, slot_id: str) -> str:
        """The digest of the one slot with this id (a slot just made: its id is fresh)."""
        found = [digest for sid, digest in self.digests() if sid == slot_id]
        if len(found) != 1:
            raise KeySlotError("no single slot with this id")
        return found[0]

    def duplicates(self) -> list[str]:
        """Ids and locators held by more than one slot: never the case in a file Ascolto wrote."""
        seen: dict[tuple[str, str], int] = {}
        for slot in self._slots:
            for field_name in ("id", "locator"):
                value = slot.get(field_name)
                key = (field_name, value if isinstance(value, str) else repr(value))
                seen[key] = seen.get(key, 0) + 1
        return [f"{name} {value[:8]}…" for (name, value), count in seen.items() if count > 1]

    def params_of(self, slot_id: str) -> KdfParams:
        """The KDF cost a slot was made with, so a rewrapped slot keeps the installation's choice."""
        for slot in self._slots:
            if slot.get("id") == slot_id:
                return KdfParams.from_json(slot.get("kdf")).raised_to_floor()
        return DEFAULT_KDF

    # --- derivation ---------------------------------------------------------------------------
    def _derive(self, identity: str, secret: str, params: KdfParams) -> tuple[bytes, bytes]:
        """(locator key, wrapping key) from one Argon2id run."""
        salt = hashlib.sha256(
            b"ascolto-kdf-salt\x00" + self._salt + normalise_identity(identity).encode("utf-8")
        ).digest()[:16]
        try:
            material = Argon2id(
                salt=salt,
                length=64,
                iterations=params.iterations,
                lanes=params.lanes,
                memory_cost=params.memory_kib,
            ).derive(secret.encode("utf-8"))
        except (ValueError, OverflowError, MemoryError, UnicodeEncodeError) as exc:
            raise WrongCredentials() from exc  # every derivation failure is the one generic error
        return material[:32], material[32:]

    def _locator(self, locator_key: bytes) -> bytes:
        return hmac.new(locator_key, b"ascolto-locator" + self.database_id.encode(), hashlib.sha256).digest()

    # --- operations ---------------------------------------------------------------------------
    def add_slot(
        self, identity: str, secret: str, data_keys: Iterable[DataKey], params: KdfParams = DEFAULT_KDF
    ) -> str:
        params.check()
        slot_id = secrets.token_hex(16)
        locator_key, wrap_key = self._derive(identity, secret, params)
        locator = self._locator(locator_key)
        if any(hmac.compare_digest(_unb64_or_empty(s.get("locator")), locator) for s in self._slots):
            raise KeySlotError("a slot for this identity already exists")
        private = X25519PrivateKey.generate()
        public_raw = _public_bytes(private.public_key())
        private_raw = private.private_bytes(
            serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
        )
        nonce = secrets.token_bytes(12)
        slot: dict[str, Any] = {
            "id": slot_id,
            "kdf": params.to_json(),
            "locator": _b64(locator),
            "public_key": _b64(public_raw),
            "private": {
                "nonce": _b64(nonce),
                "ct": _b64(
                    AESGCM(wrap_key).encrypt(
                        nonce, private_raw, _aad(self.database_id, slot_id, params, public_raw, "private")
                    )
                ),
            },
            "keys": [],
        }
        for key in data_keys:
            slot["keys"].append(self._seal_for(slot, key))
        self._slots.append(slot)
        return slot_id

    def _seal_for(self, slot: dict[str, Any], key: DataKey) -> dict[str, Any]:
        params = KdfParams.from_json(slot["kdf"])
        public_raw = _unb64(slot["public_key"])
        sealed: dict[str, Any] = _seal_key(
            public_raw,
            key.raw(),
            _aad(self.database_id, slot["id"], params, public_raw, f"data-key:{key.generation}"),
        )
        sealed["gen"] = key.generation
        return sealed

    def _find(self, identity: str, secret: str) -> tuple[dict[str, Any], X25519PrivateKey]:
        """Locate and open the slot of `identity`; raises WrongCredentials on any failure.

        Every slot with the locator is tried: a planted copy of someone's locator in front of her slot
        must not lock her out. Which of the slots that open is hers is the database's to say."""
        for params in self._costs_to_try():
            locator_key, wrap_key = self._derive(identity, secret, params)
            locator = self._locator(locator_key)
            for candidate in self._slots:
                if candidate.get("kdf") != params.to_json():
                    continue
                if not hmac.compare_digest(_unb64_or_empty(candidate.get("locator")), locator):
                    continue
                try:
                    return candidate, self._open_private(candidate, params, wrap_key)
                except WrongCredentials:
                    continue
        raise WrongCredentials()

    def _costs_to_try(self) -> list[KdfParams]:
        """The distinct valid costs in the file, most used first, at most MAX_DISTINCT_COSTS of them: slots
        planted with many different costs cannot make a login derive once for each."""
        counts: dict[KdfParams, int] = {}
        for slot in self._slots:
            try:
                params = KdfParams.from_json(slot.get("kdf"))
            except WrongCredentials:
                continue
            counts[params] = counts.get(params, 0) + 1
        ranked = sorted(counts, key=lambda p: -counts[p])  # stable: file order among equals
        return ranked[:MAX_DISTINCT_COSTS]

    def _open_private(self, slot: dict[str, Any], params: KdfParams, wrap_key: bytes) -> X25519PrivateKey:
        public_raw = _unb64(slot.get("public_key"))
        private_box = slot.get("private")
        if not isinstance(private_box, dict) or not isinstance(slot.get("id"), str):
            raise WrongCredentials()
        try:
            private_raw = AESGCM(wrap_key).decrypt(
                _unb64(private_box.get("nonce")),
                _unb64(private_box.get("ct")),
                _aad(self.database_id, slot["id"], params, public_raw, "private"),
            )
            private = X25519PrivateKey.from_private_bytes(private_raw)
        except (InvalidTag, ValueError) as exc:
            raise WrongCredentials() from exc
        if _public_bytes(private.public_key()) != public_raw:
            raise WrongCredentials()
        return private

    def unlock(self, identity: str, secret: str) -> UnlockedSlot:
        slot, private = self._find(identity, secret)
        params = KdfParams.from_json(slot["kdf"])
        public_raw = _unb64(slot["public_key"])
        keys: list[DataKey] = []
        sealed_keys = slot.get("keys")
        if not isinstance(sealed_keys, list):
            raise WrongCredentials()
        for sealed in sealed_keys:
            if not isinstance(sealed, dict) or not isinstance(sealed.get("gen"), int):
                raise WrongCredentials()
            generation = sealed["gen"]
            raw = _open_sealed(
                private,
                public_raw,
                sealed,
                _aad(self.database_id, slot["id"], params, public_raw, f"data-key:{generation}"),
            )
            if len(raw) != DATA_KEY_BYTES:
                raise WrongCredentials()
            keys.append(DataKey(raw, generation))
        if not keys:
            raise WrongCredentials()
        keys.sort(key=lambda k: k.generation, reverse=True)
        return UnlockedSlot(str(slot["id"]), keys, params, slot_digest(self.database_id, slot))

    def change_secret(
        self, identity: str, old_secret: str, new_secret: str, params: KdfParams = DEFAULT_KDF
    ) -> str:
        """Rewrap one slot under a new secret; the other slots are untouched."""
        unlocked = self.unlock(identity, old_secret)
        self.remove_slot(unlocked.slot_id)
        return self.add_slot(identity, new_secret, unlocked.data_keys, params)

    def remove_slot(self, slot_id: str) -> None:
        before = len(self._slots)
        self._slots = [s for s in self._slots if s.get("id") != slot_id]
        if len(self._slots) == before:
            raise KeySlotError("no such slot")

    def retain(self, bound: Mapping[str, str | None]) -> list[str]:
        """Keep exactly the slots the database records (id -> digest) and delete every other; returns the
        ids deleted. Run before a rotation, so the new key reaches nobody else.

        A slot is kept when its id is recorded and its digest is the recorded one; an id recorded without
        a digest (a folder made before slots were bound) keeps its slot only if no other slot shares
        the id. At most one slot per id survives."""
        ids = [str(s.get("id")) for s in self._slots]
        kept: list[dict[str, Any]] = []
        dropped: list[str] = []
        for slot, slot_id in zip(self._slots, ids, strict=True):
            if slot_id not in bound:
                rightful = False
            elif (wanted := bound[slot_id]) is None:
                rightful = ids.count(slot_id) == 1
            else:
                rightful = hmac.compare_digest(slot_digest(self.database_id, slot), wanted)
            if rightful and all(k.get("id") != slot_id for k in kept):
                kept.append(slot)
            else:
                dropped.append(slot_id)
        self._slots = kept
        return dropped

    def stage_rotation(self, new_key: DataKey) -> None:
        """Seal `new_key` to every slot next to the current key (the file then opens either state).

        Callers `retain` the rightful slots first: this seals to whatever the file holds."""
        for slot in self._slots:
            slot["keys"] = [k for k in slot.get("keys", []) if k.get("gen") != new_key.generation]
            slot["keys"].append(self._seal_for(slot, new_key))

    def finish_rotation(self, generation: int) -> None:
        """Drop every sealed key older than `generation` once the database is under the new key."""
        for slot in self._slots:
            slot["keys"] = [k for k in slot.get("keys", []) if k.get("gen") == generation]


def _unb64_or_empty(text: Any) -> bytes:
    try:
        return _unb64(text)
    except WrongCredentials:
        return b""


# --- recovery key ---------------------------------------------------------------------------------
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_RECOVERY_BYTES = 20


def generate_recovery_key() -> str:
    """160 random bits as eight groups of four Crockford base-32 characters, plus a check group.

    Crockford's alphabet has no I, L, O or U, so it survives being read aloud or copied by hand.
    """
    return _format_recovery(secrets.token_bytes(_RECOVERY_BYTES))


def _format_recovery(raw: bytes) -> str:
    number = int.from_bytes(raw, "big")
    chars = [_CROCKFORD[(number >> (5 * i)) & 31] for i in reversed(range(32))]
    check = hashlib.sha256(b"ascolto-recovery" + raw).digest()
    chars += [_CROCKFORD[b & 31] for b in check[:4]]
    text = "".join(chars)
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


class RecoveryKeyTypo(KeySlotError):
    """The recovery key's check group does not match: a typing mistake, not a wrong key."""


def normalise_recovery_key(text: str) -> str:
    """Accept lower case, spaces, missing dashes and the look-alikes O/I/L; reject typos by checksum."""
    cleaned = text.upper().replace("-", "").replace(" ", "")
    cleaned = cleaned.replace("O", "0").replace("I", "1").replace("L", "1")
    if len(cleaned) != 36 or any(c not in _CROCKFORD for c in cleaned):
        raise RecoveryKeyTypo()
    number = 0
    for c in cleaned[:32]:
        number = (number << 5) | _CROCKFORD.index(c)
    formatted = _format_recovery(number.to_bytes(_RECOVERY_BYTES, "big"))
    if formatted.replace("-", "") != cleaned:
        raise RecoveryKeyTypo()
    return formatted
