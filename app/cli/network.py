"""`network-report`: merge the signed packages of a network's centres, trusting new keys only by name."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.options import (
    CliError,
    Subparsers,
    add_common,
    add_document_language,
    document_language,
    open_unlocked,
)
from app.i18n import QT_TRANSLATE_NOOP, day_text, translate


def register(sub: Subparsers) -> None:
    network = sub.add_parser(
        "network-report", help=QT_TRANSLATE_NOOP("Cli", "merge signed packages and print the network report")
    )
    add_common(network)
    network.add_argument("packages", nargs="+", help=QT_TRANSLATE_NOOP("Cli", "package files (.json)"))
    network.add_argument("--out", required=True, help=QT_TRANSLATE_NOOP("Cli", "PDF file to write"))
    add_document_language(
        network, QT_TRANSLATE_NOOP("Cli", "language of the report (default: that of the messages)")
    )
    network.add_argument(
        "--trust-new",
        action="append",
        nargs="?",
        const="",
        metavar="FINGERPRINT",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "trust the new signing key with this fingerprint, once compared with its sender (repeat for each)",
        ),
    )
    network.set_defaults(handler=cmd_network_report)


def _fingerprint_hex(text: str) -> str:
    """A fingerprint as typed (groups, spaces, colons, any case) reduced to its 32 hex digits."""
    return "".join(ch for ch in text.casefold() if ch not in " :-\t")


def cmd_network_report(args: argparse.Namespace) -> int:
    from app.services import network

    named = [_fingerprint_hex(f) for f in args.trust_new or []]
    if any(len(f) != 32 or any(ch not in "0123456789abcdef" for ch in f) for f in named):
        raise CliError(
            translate(
                "Cli",
                "--trust-new needs the fingerprint of the key to trust, as the sender read it to you "
                '(32 hexadecimal digits, e.g. --trust-new "3f9a 01c2 ..."); repeat it for each key',
            )
        )
    with open_unlocked(args) as workspace:
        items = network.import_packages(workspace, [Path(p).expanduser() for p in args.packages])
        for item in items:
            for change in item.key_changes:
                print(
                    translate(
                        "Cli",
                        "The signing key of {centre} changed on {day}; the new key {new} was signed by the "
                        "previous one ({old}), which is no longer accepted.",
                    ).format(
                        centre=item.package.centre,
                        day=day_text(change.at.date()),
                        new=change.new_fingerprint,
                        old=change.old_fingerprint,
                    )
                )
        new_keys: dict[str, list[network.ImportedPackage]] = {}
        for item in items:
            if not item.trusted:
                new_keys.setdefault(_fingerprint_hex(item.package.fingerprint), []).append(item)
        for group in new_keys.values():  # every new key of the batch, before any is trusted
            names = list(  # the centres named by every package of the batch signed with it, trusted or not
                {
                    " ".join(i.package.centre.split()).casefold(): i.package.centre
                    for i in items
                    if i.package.public_key == group[0].package.public_key
                }.values()
            )
            if len(names) > 1:  # trust is the pair (centre, key): one key cannot be trusted for two names
                raise CliError(
                    translate(
                        "Cli",
                        "The key {fingerprint} signs packages in the names of {centres}: a key belongs to one centre.",
                    ).format(fingerprint=group[0].package.fingerprint, centres=", ".join(names))
                )
            print(
                translate("Cli", "New signing key of {centre} ({files}): fingerprint {fingerprint}").format(
                    centre=group[0].package.centre,
                    files=", ".join(i.path.name for i in group),
                    fingerprint=group[0].package.fingerprint,
                )
            )
            if group[0].trusted_for is not None:
                print(
                    translate(
                        "Cli", "This key is trusted for {other}, not for {centre}: ask both centres why."
                    ).format(other=group[0].trusted_for, centre=group[0].package.centre)
                )
        unnamed = [group[0] for key, group in new_keys.items() if key not in named]
        if unnamed:
            raise CliError(
                translate(
                    "Cli",
                    "{n} signing keys are not trusted yet. Compare each fingerprint with its sender (by phone, "
                    "on a number you already know), then run again with --trust-new FINGERPRINT for each key "
                    "that matches: {fingerprints}",
                ).format(n=len(unnamed), fingerprints="; ".join(i.package.fingerprint for i in unnamed))
            )
        for group in new_keys.values():
            network.trust_key(workspace, group[0])
            for item in group:
                item.trusted = True
            print(
                translate("Cli", "Trusted the key of {centre}: {fingerprint}").format(
                    centre=group[0].package.centre, fingerprint=group[0].package.fingerprint
                )
            )
        data = network.network_report(
            workspace, items, Path(args.out).expanduser(), lang=document_language(args)
        )
    for item in items:
        for warning in (item.audit_warning, item.release_warning):
            if warning is not None:
                print(
                    translate("Cli", "Warning: {text}").format(text=warning.text(translate)), file=sys.stderr
                )
    print(
        translate("Cli", "Network report for {period} from {n} packages written to {path}").format(
            period=data.period.label(data.lang), n=len(items), path=args.out
        )
    )
    return 0
