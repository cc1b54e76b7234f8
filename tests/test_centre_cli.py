"""`ascolto centre ...`, `transfer`, `send`, `receive` in fresh processes: two PCs set up a centre as the
README says, a wrong fingerprint is refused in one line, a case moves, a removed PC is refused."""

from __future__ import annotations

import re
from pathlib import Path

from app.services import cases as c
from app.services.cases import transfer
from app.services.workspace import Workspace
from tests.case_fixtures import D0, TODAY
from tests.foundation_fixtures import ADMIN, ADMIN_PW, initialise, run_cli

FINGERPRINT = re.compile(r"((?:[0-9a-f]{4} ){7}[0-9a-f]{4})")


def _cli(folder: Path, *args: str) -> tuple[int, str, str]:
    done = run_cli(
        [*args, "--data-dir", str(folder), "--user", ADMIN, "--password-stdin"], folder.parent, ADMIN_PW
    )
    return done.returncode, done.stdout, done.stderr


def _fingerprint(text: str) -> str:
    found = FINGERPRINT.search(text)
    assert found, text
    return found.group(1)


def test_two_pcs_set_up_a_centre_and_move_a_case(tmp_path: Path) -> None:
    main, desk, stick = tmp_path / "main", tmp_path / "desk", tmp_path / "stick"
    stick.mkdir()
    for folder, name in ((main, "Sede"), (desk, "Sportello Treviglio")):
        ws, _ = initialise(folder, desk_name=name)
        ws.close()
    code, out, err = _cli(
        main, "centre", "invite", "--desk", "Sportello Treviglio", "--out", str(stick / "i.json")
    )
    assert code == 0, err
    main_fp = _fingerprint(out)
    code, out, err = _cli(
        desk,
        "centre",
        "join",
        str(stick / "i.json"),
        "--out",
        str(stick / "a.json"),
        "--fingerprint",
        "0" * 32,
    )
    assert code == 1 and "does not match" in err and len(err.strip().splitlines()) == 1
    code, out, err = _cli(
        desk,
        "centre",
        "join",
        str(stick / "i.json"),
        "--out",
        str(stick / "a.json"),
        "--fingerprint",
        main_fp,
    )
    assert code == 0, err
    desk_fp = _fingerprint(out)
    code, _, err = _cli(main, "centre", "accept", str(stick / "a.json"), "--fingerprint", main_fp)
    assert code == 1 and "does not match" in err
    code, out, err = _cli(main, "centre", "accept", str(stick / "a.json"), "--fingerprint", desk_fp)
    assert code == 0, err
    code, out, err = _cli(main, "centre", "list")
    assert code == 0 and desk_fp in out and main_fp in out

    with Workspace.open(desk) as ws:
        ws.unlock(ADMIN, ADMIN_PW)
        ref = c.open_case(
            ws,
            c.IdentityInput("Maria", "Bianchi"),
            c.ProfileInput(birth_year=1985, country="IT"),
            c.ConsentInput(("TRATTAMENTO",), D0),
            opened_on=D0,
        )
        c.record_consent(ws, ref.id, transfer.CONSENT_SCOPE, True, TODAY)
    code, out, err = _cli(desk, "transfer", ref.code, "--to", "Centro Antiviolenza Prova")
    assert code == 0, err
    code, out, err = _cli(desk, "transfer", ref.code, "--to", "Centro Antiviolenza Prova")
    assert code == 1 and "already left" in err
    code, out, err = _cli(desk, "send", "--out", str(stick))
    assert code == 0, err
    bundles = sorted(stick.glob("*.age"))
    # number 1 carries the case; the others the desk PC's partial aggregates of each ended period
    assert "-000001.age" in bundles[0].name and len(bundles) > 1
    code, out, err = _cli(main, "receive", *map(str, bundles))
    assert code == 0 and ref.code in out, err
    code, out, err = _cli(main, "receive", *map(str, bundles))
    assert code == 1 and "already received" in out

    code, out, err = _cli(main, "centre", "remove", "Sportello Treviglio")
    assert code == 0, err
    with Workspace.open(desk) as ws:
        ws.unlock(ADMIN, ADMIN_PW)
        ref = c.open_case(
            ws,
            c.IdentityInput("Anna", "Neri"),
            c.ProfileInput(birth_year=1990, country="IT"),
            c.ConsentInput(("TRATTAMENTO",), D0),
            opened_on=D0,
        )
        c.record_consent(ws, ref.id, transfer.CONSENT_SCOPE, True, TODAY)
    code, out, err = _cli(
        desk, "transfer", ref.code, "--to", "Centro Antiviolenza Prova", "--out", str(stick / "t.age")
    )
    assert code == 0, err
    code, out, err = _cli(main, "receive", str(stick / "t.age"))
    assert code == 1 and "removed from the centre" in out
