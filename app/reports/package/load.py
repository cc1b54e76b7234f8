"""Loading a package: read, verify the signature, validate, with a fast and a strict parser.

Packages arrive by e-mail or USB stick from many places, so the loader treats every byte as hostile
(size cap, strict UTF-8 and JSON, no duplicate keys, then the strict checks of `validate`) and refuses
with `PackageError` (one line, said in the reader's language like the services' errors), never another
exception type. A network report reads hundreds of packages: files in canonical form take a fast path
that is as strict (see `_parse`).
"""

from __future__ import annotations

import gc
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, NoReturn

import orjson

from app.crypto import signing
from app.i18n import QT_TRANSLATE_NOOP
from app.reports.package.document import (
    FORMAT,
    MAX_BYTES,
    OPTIONAL_TOP_KEYS,
    READABLE_VERSIONS,
    TOP_KEYS,
    PackageError,
    VerifiedPackage,
    short_repr,
    signed_bytes,
)
from app.reports.package.validate import key_changes, signature_block, validate_content


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while packages are read and merged: parsing one builds tens of
    thousands of small lists, each batch of which sets the collector scanning what was read before (a
    network report holds hundreds of packages), which made a network report twice as slow. Parsed JSON
    holds no cycles; the collector is back on afterwards (unless it was off before: nested pauses hold).
    Wrap a whole batch, not each package: turning it back on after each one costs the same scans."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_package(source: bytes | str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> VerifiedPackage:
    """Read, verify and validate a package from a path (str or PathLike) or from the file's bytes.

    Any problem, including an unreadable file, is a PackageError with a one-line message.
    """
    with collector_paused():
        return _load(source, max_bytes)


def _load(source: bytes | str | os.PathLike[str], max_bytes: int) -> VerifiedPackage:
    data = _read(source, max_bytes)
    if len(data) > max_bytes:
        raise PackageError(QT_TRANSLATE_NOOP("Errors", "package is larger than {size} bytes"), size=max_bytes)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise PackageError(QT_TRANSLATE_NOOP("Errors", "package is not UTF-8 text")) from None
    document, message = _parse(text, data)
    if not isinstance(document, dict):
        raise PackageError(QT_TRANSLATE_NOOP("Errors", "package is not a JSON object"))
    if document.get("format") != FORMAT:
        raise PackageError(
            QT_TRANSLATE_NOOP(
                "Errors", "not an Ascolto aggregate package (format is not 'ascolto-aggregates')"
            )
        )
    version = document.get("version")
    if type(version) is not int:
        raise PackageError(QT_TRANSLATE_NOOP("Errors", "package format version is missing or not an integer"))
    if version not in READABLE_VERSIONS:
        raise PackageError(
            QT_TRANSLATE_NOOP(
                "Errors", "package format version {version} is not supported (this Ascolto reads {readable})"
            ),
            version=version,
            readable=", ".join(str(v) for v in READABLE_VERSIONS),
        )
    unknown = set(document) - TOP_KEYS - OPTIONAL_TOP_KEYS - {"signature"}
    if unknown:
        raise PackageError(
            QT_TRANSLATE_NOOP("Errors", "unknown key {key} in package"), key=short_repr(sorted(unknown)[0])
        )
    if "signature" not in document:
        raise PackageError(QT_TRANSLATE_NOOP("Errors", "package is not signed"))
    public, signature = signature_block(document["signature"])
    try:
        message = message or signed_bytes(document)
    except (ValueError, RecursionError):  # e.g. lone surrogates from \ud800 escapes
        raise PackageError(QT_TRANSLATE_NOOP("Errors", "package content cannot be canonicalised")) from None
    if not signing.verify(public, message, signature):
        raise PackageError(
            QT_TRANSLATE_NOOP(
                "Errors", "signature does not match the content: the package was altered or damaged"
            )
        )
    content = {k: v for k, v in document.items() if k != "signature"}
    numbers = validate_content(content)
    history = key_changes(content.get("key_history"), public)
    return VerifiedPackage(
        centre=content["centre"],
        desks=list(content["desks"]),
        period_start=date.fromisoformat(content["period"]["start"]),
        period_end=date.fromisoformat(content["period"]["end"]),
        disclosure=dict(content["disclosure"]),
        generated_at=datetime.strptime(content["generated_at"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC),
        parsed_tables=content["tables"],
        public_key=public,
        fingerprint=signing.fingerprint(public),
        software=content["software"],
        signature=signature,
        key_history=history,
        missing_rates=content.get("missing_rates"),
        audit_head=dict(content["audit_head"]) if "audit_head" in content else None,
        structure=content.get("structure"),
        release_log=dict(content["release_log"]) if "release_log" in content else None,
        consolidation=content.get("consolidation"),
        known=numbers,
    )


def _parse(text: str, data: bytes) -> tuple[Any, bytes | None]:
    """The parsed document and, for a file in canonical form, the bytes its signature covers.

    Strict parsing (refusing duplicate keys) costs four times a plain parse, and a network report reads
    hundreds of packages. A file that is byte for byte the canonical form of what a plain parse read can
    hide no duplicate key (a collapsed duplicate would not serialise back to the same bytes), so only
    other files, written by other tools, are parsed again strictly. For canonical files the signed bytes
    are the file less its signature member, found without serialising the document a second time.
    The plain parse and the comparison use orjson, whose compact sorted output is our canonical form for
    every document we write (integers, plain decimals, UTF-8 text); where the two writers could differ,
    the file simply takes the strict path, and the signature is always checked over the bytes it covers.
    """
    try:  # orjson: a C parser and writer, a fifth of the standard module's time on these files
        document = orjson.loads(data)
        if isinstance(document, dict) and isinstance(document.get("signature"), dict):
            full = orjson.dumps(document, option=orjson.OPT_SORT_KEYS)
            needle = b',"signature":' + orjson.dumps(document["signature"], option=orjson.OPT_SORT_KEYS)
            if full + b"\n" == data and full.count(needle) == 1:
                return document, full.replace(needle, b"", 1)
    except (orjson.JSONDecodeError, orjson.JSONEncodeError, RecursionError):
        pass  # not for the fast path (NaN, a lone surrogate, a huge number...): the strict parse says why
    try:
        document = json.loads(text, object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constant)
    except (ValueError, RecursionError):
        raise PackageError(QT_TRANSLATE_NOOP("Errors", "package is not valid JSON")) from None
    return document, None


def _read(source: bytes | str | os.PathLike[str], max_bytes: int) -> bytes:
    if isinstance(source, bytes | bytearray | memoryview):
        return bytes(source)
    try:
        with Path(source).open("rb") as handle:
            return handle.read(max_bytes + 1)
    except OSError as exc:
        raise PackageError(
            QT_TRANSLATE_NOOP("Errors", "cannot read package file: {error}"), error=exc.strerror or exc
        ) from None


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError("duplicate key")
        result[key] = value
    return result


def _no_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not allowed")
