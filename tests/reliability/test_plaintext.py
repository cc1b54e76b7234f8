"""No plaintext anywhere after a real working session.

Cases are created with a random marker in names and every free-text field, and documents carrying it in
their names and bytes (a PDF and a PNG, added from memory and from a file, viewed and printed), then
searched, opened,
reported, exported, backed up and the workspace locked, with the application's logging at DEBUG into a
log file. Then the data folder, the backups, the exports (package JSON, PDFs), the log files (any *.log
under the data folder, the test folder or the working directory) and every file of the temporary folder
modified during the test are scanned for the marker in UTF-8, UTF-16 LE and BE (and upper case): zero
hits, the encrypted database included.
"""

from __future__ import annotations

import datetime as dt
import logging
import tempfile
import time
import uuid
from pathlib import Path

from app.reports.periods import parse_period
from app.services import backup, maintenance, releases, reports
from app.services import cases as c
from app.services.cases import documents as docs
from app.services.workspace import Workspace
from tests.case_fixtures import FAST_KDF
from tests.document_fixtures import make_pdf, make_png
from tests.plaintext_scan import files_under, hits
from tests.plaintext_scan import needles as encodings_of
from tests.reliability import figures

USER, PASSWORD = "anna", "lanterna torrente civetta brina"


def test_no_plaintext_after_a_working_session(tmp_path: Path) -> None:
    started = time.time() - 2
    marker = "zq" + uuid.uuid4().hex[:12]  # a name-like word that cannot occur by chance
    folder, exports, backups = tmp_path / "data", tmp_path / "exports", tmp_path / "stick"
    exports.mkdir()
    log_file = tmp_path / "session.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    today = dt.date.today()
    opened = dt.date(today.year - 1, 6, 15)  # in a year that has ended: only ended periods leave
    try:
        ws, _ = Workspace.initialise(
            folder,
            centre_name="Centro prova",
            centre_code="PT",
            desk_name="Sportello",
            username=USER,
            full_name="Anna",
            password=PASSWORD,
            kdf=FAST_KDF,
        )
        with ws:
            refs = []
            for n in range(10):  # a release needs at least 10 women
                refs.append(
                    c.open_case(
                        ws,
                        c.IdentityInput(
                            f"{marker}{n}",
                            f"Cognome{marker}",
                            tax_code="RSSMRA85A41H501X",
                            phone=f"333{n} {marker}",
                            email=f"{marker}@example.org",
                            address=f"via {marker} {n}",
                            safe_contact_channel="SMS",
                            safe_contact_times=f"mattina {marker}",
                            safe_contact_notes=f"chiamare {marker}",
                            notes=f"identita {marker}",
                        ),
                        c.ProfileInput(birth_year=1980 + n, country="IT", has_children="NO"),
                        c.ConsentInput(("TRATTAMENTO", "CONTATTO_SICURO", "STATISTICHE"), opened),
                        opened_on=opened,
                    )
                )
            for ref in refs:
                c.add_intake(
                    ws,
                    ref.id,
                    c.IntakeInput(
                        opened, "N1522", "TELEFONO", ("FISICA",), "01", "1_5Y", notes=f"colloquio {marker}"
                    ),
                )
                c.add_risk_assessment(ws, ref.id, opened, "ELEVATO", "SARA_S", f"rischio {marker}")
                c.agree_pathway(ws, ref.id, opened + dt.timedelta(days=1), f"percorso {marker}")
                c.add_goal(ws, ref.id, "SICUREZZA", f"obiettivo {marker}")
                c.add_service(
                    ws,
                    ref.id,
                    c.ServiceInput(
                        opened + dt.timedelta(days=2),
                        "PSICO_IND",
                        "PRESENZA",
                        60,
                        "PSICOLOGA",
                        notes=f"servizio {marker}",
                    ),
                )
                c.add_referral(
                    ws,
                    ref.id,
                    c.ReferralInput(opened + dt.timedelta(days=3), "CONSULTORIO", notes=f"invio {marker}"),
                )
            # her documents: the marker in their names and, as written, in their bytes
            pdf, png = make_pdf(f"Ordinanza {marker}", pages=2), make_png(text=f"referto {marker}")
            assert marker.encode() in pdf and marker.encode() in png  # the scan below could see them
            chosen = folder.parent / f"{marker}.png"
            chosen.write_bytes(png)
            document = docs.add_document_bytes(ws, refs[0].id, f"denuncia {marker}.pdf", pdf)
            docs.add_document(ws, refs[1].id, chosen)
            chosen.unlink()  # the file she chose is hers: only what Ascolto wrote is scanned
            assert docs.open_document(ws, document).content == pdf
            docs.record_print(ws, document)
            assert c.search_cases(ws, marker).total == len(refs)
            assert c.search_cases(ws, f"cognome{marker}").total == len(refs)
            for ref in refs:
                assert marker in c.get_case(ws, ref.id).identity.notes  # type: ignore[union-attr]
            data = reports.prepare(ws, parse_period(str(opened.year)))  # only ended calendar periods leave
            releases.write_report(ws, data, exports / "relazione.pdf")
            exported = releases.export(ws, data, exports / "pacchetto.json")
            made = backup.make_backup(ws, backups)
            assert maintenance.verify(ws).ok
            ws.lock()
    finally:
        root.removeHandler(handler)
        handler.close()
        root.setLevel(old_level)

    needles = encodings_of(marker)
    data_files = files_under(folder)
    assert {p.name for p in data_files} >= {"ascolto.db", "keyslots.json"}
    scanned = {
        "data folder": data_files,
        "backups": [*files_under(backups), made.path],
        "exports": [exported.package_path, exported.preview_path, exports / "relazione.pdf"],
        "logs": [
            log_file,
            *files_under(folder, pattern="*.log"),
            *files_under(Path.cwd(), since=started, pattern="*.log"),
        ],
        "temporary folder": files_under(Path(tempfile.gettempdir()), since=started),
    }
    assert log_file.stat().st_size > 0, "the application logged nothing at DEBUG: the log scan proves nothing"
    found = {where: hits(paths, needles) for where, paths in scanned.items()}
    figures.add("plaintext scan: files scanned", sum(len(p) for p in scanned.values()))
    figures.add("plaintext scan: hits", sum(len(h) for h in found.values()))
    assert found == {where: [] for where in scanned}
    # and the scan can see: a file holding the marker is found
    probe = tmp_path / "probe.txt"
    probe.write_text(f"x {marker} y", encoding="utf-16-le")
    assert f"{probe} (utf-16-le)" in hits([probe], needles)
