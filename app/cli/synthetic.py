"""`demo` and `bench`: synthetic cases for training, and the benchmark that builds its own."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.options import (
    CliError,
    Subparsers,
    add_common,
    bounded_int,
    data_dir,
    open_unlocked,
    progress_bar,
    read_password,
    require_user,
)
from app.i18n import QT_TRANSLATE_NOOP, translate


def register(sub: Subparsers) -> None:
    demo = sub.add_parser(
        "demo",
        help=QT_TRANSLATE_NOOP("Cli", "add realistic synthetic cases (seeded) for training and benchmarks"),
    )
    add_common(demo)
    demo.add_argument(
        "--cases",
        type=bounded_int(1, 1_000_000),
        default=200,
        help=QT_TRANSLATE_NOOP("Cli", "number of women (default 200)"),
    )
    demo.add_argument(
        "--seed",
        type=int,
        default=1,
        help=QT_TRANSLATE_NOOP("Cli", "random seed: the same seed gives the same data"),
    )
    demo.add_argument(
        "--years",
        type=bounded_int(1, 20),
        default=3,
        help=QT_TRANSLATE_NOOP("Cli", "years of history (default 3)"),
    )
    demo.add_argument(
        "--centre",
        default="Centro antiviolenza (demo)",
        help=QT_TRANSLATE_NOOP("Cli", "centre name if the folder is new"),
    )
    demo.add_argument(
        "--into-real-archive",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "add synthetic cases even to a folder holding cases the demo did not make (a real archive?)",
        ),
    )
    demo.set_defaults(handler=cmd_demo)

    bench = sub.add_parser(
        "bench",
        help=QT_TRANSLATE_NOOP(
            "Cli", "time the services on SQLCipher and on plain SQLite (builds synthetic data once)"
        ),
    )
    bench.add_argument(
        "--quick",
        action="store_true",
        help=QT_TRANSLATE_NOOP("Cli", "a tenth of the scale: 10k women instead of 100k"),
    )
    bench.add_argument(
        "--json", metavar="FILE", help=QT_TRANSLATE_NOOP("Cli", "also write the results as JSON")
    )
    bench.add_argument(
        "--data",
        default="bench-data",
        help=QT_TRANSLATE_NOOP("Cli", "folder caching the generated databases (default ./bench-data)"),
    )
    bench.add_argument(
        "--repeat",
        type=bounded_int(1, 100),
        default=5,
        help=QT_TRANSLATE_NOOP("Cli", "runs per workload, medians reported (default 5)"),
    )
    bench.add_argument("--women", type=bounded_int(50, 1_000_000), help=argparse.SUPPRESS)
    bench.add_argument(
        "--delivery",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "time the outbox and the inbox against local SMTP and IMAP servers (needs aiosmtpd and Dovecot)",
        ),
    )
    bench.set_defaults(handler=cmd_bench)


def cmd_demo(args: argparse.Namespace) -> int:
    """Fill a data folder with synthetic cases; set the folder up first if it does not exist."""
    from app import demo
    from app.services.workspace import Workspace

    folder = data_dir(args)
    if not Workspace.exists(folder):
        user = require_user(args)
        password = read_password(
            args, translate("Cli", "Password for the demo administrator: "), confirm=True
        )
        workspace, recovery_key = Workspace.initialise(
            folder,
            centre_name=args.centre,
            centre_code="BG",
            desk_name="Bergamo",
            username=user,
            full_name=user,
            password=password,
        )
        print(
            translate("Cli", "Created the demo data folder {folder}; recovery key: {key}").format(
                folder=folder, key=recovery_key
            ),
            file=sys.stderr,
        )
    else:
        workspace = open_unlocked(args)
    with workspace:
        try:
            summary = demo.generate(
                workspace,
                cases=args.cases,
                seed=args.seed,
                years=args.years,
                progress=progress_bar("demo"),
                into_real_archive=args.into_real_archive,
            )
        except demo.RealArchive as exc:
            refusal = exc.text(translate)
            raise CliError(
                translate(
                    "Cli",
                    "{refusal} Nothing was added: choose another --data-dir, or add --into-real-archive if "
                    "you really mean to mix them",
                ).format(refusal=refusal)
            ) from exc
    print(
        translate(
            "Cli",
            "Added {cases} cases, {contacts} contacts, {intakes} interviews, {services} services and "
            "{referrals} referrals over {years} years.",
        ).format(
            cases=summary.cases,
            contacts=summary.contacts,
            intakes=summary.intakes,
            services=summary.services,
            referrals=summary.referrals,
            years=args.years,
        )
    )
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    """Time the services on SQLCipher and on plain SQLite at DESIGN.md's scale (synthetic data)."""
    if args.delivery:
        from app.bench import delivery

        return delivery.main(sys.stdout, repeat=min(args.repeat, 3))
    from app import bench

    return bench.main(
        quick=args.quick,
        json_path=Path(args.json).expanduser() if args.json else None,
        data_dir=Path(args.data).expanduser(),
        repeat=args.repeat,
        women=args.women,
        out=sys.stdout,
    )
