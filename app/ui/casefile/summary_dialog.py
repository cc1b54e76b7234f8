"""The case summary: she ticks the sections and whether her name is printed, then saves the PDF.

The summary travels (to a lawyer, to a team meeting), so it carries nothing by default that she did not
choose: every section but the free-text notes is ticked, her name is not (the case code identifies the
file). Saving warns as her copy of the data does, and the file dialog leaves no history; the service
(`app.services.case_summary`) checks the permission, writes the file and audits the print.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import QCheckBox, QGroupBox, QVBoxLayout, QWidget

from app.reports.case_summary import DEFAULT_SECTIONS, SECTIONS
from app.services.case_summary import case_summary_pdf
from app.services.cases import CaseFile
from app.ui.casefile.base import CaseContext, CaseDialog
from app.ui.i18n import ui_language
from app.ui.kit import files, messages
from app.ui.kit.fields import hint


def choose_summary_path(parent: QWidget, suggested: str) -> Path | None:
    """Where to save it (tests preset the answer through `files.set_next`); None: she cancelled."""
    return files.save_file(
        parent,
        QCoreApplication.translate("CaseSummaryDialog", "Save the case summary"),
        Path(suggested),
        "PDF (*.pdf)",
        personal=True,
    )


class CaseSummaryDialog(CaseDialog):
    """Sections and name, then the warning, the file dialog and the PDF, off the GUI thread."""

    def __init__(self, context: CaseContext, case: CaseFile, parent: QWidget | None = None) -> None:
        super().__init__(context, case, self.tr("Case summary — {code}").format(code=case.code), parent)
        labels = {
            "profile": self.tr("&Profile and violence"),
            "risk": self.tr("&Risk assessments"),
            "pathway": self.tr("Pathway and &goals"),
            "services": self.tr("Ser&vices"),
            "referrals": self.tr("Re&ferrals"),
            "notes": self.tr("&Notes: everything written in the file (interviews, reviews, services…)"),
        }
        self.sections: dict[str, QCheckBox] = {}
        box = QGroupBox(self.tr("Sections"))
        column = QVBoxLayout(box)
        for key in SECTIONS:
            check = QCheckBox(labels[key])
            check.setChecked(key in DEFAULT_SECTIONS)
            column.addWidget(check)
            self.sections[key] = check
        self.form.addRow(box)
        self.with_name = QCheckBox(self.tr("Print her na&me"))
        self.with_name.setEnabled(case.identity is not None)
        self.form.addRow(self.with_name)
        self.form.addRow(
            hint(
                self.tr(
                    "Without her name the summary carries the case code {code} only. Every page says who "
                    "printed it and when; the print is recorded in the case history."
                ).format(code=case.code)
            )
        )
        self.ok_button.setText(self.tr("&Save PDF…"))
        self.target: Path | None = None
        self.choose_path: Callable[[QWidget, str], Path | None] = choose_summary_path

    def chosen(self) -> tuple[str, ...]:
        return tuple(key for key, check in self.sections.items() if check.isChecked())

    def problem(self) -> str | None:
        if not self.chosen():
            self.sections[SECTIONS[0]].setFocus()
            return self.tr("Choose at least one section.")
        return super().problem()

    @Slot()
    def submit(self) -> None:
        if self.problem() is None:
            self.target = self._where()
            if self.target is None:
                return
        super().submit()

    def _where(self) -> Path | None:
        """The warning her copy of the data gives, then where to save it; None if she stops."""
        answer = messages.ask(
            self,
            self.tr("Case summary"),
            self.tr("The PDF contains data of her case. Continue?"),
            details=self.tr(
                "Save it only where no one else can read it (not a shared folder), print it or hand it "
                "over, then delete the file."
            ),
            icon=messages.Icon.Warning,
        )
        if answer != messages.Button.Yes:
            return None
        return self.choose_path(self, self.tr("summary-{code}.pdf").format(code=self.case_code))

    def work(self) -> Callable[[], None]:
        ws, case_id, target, lang = self.workspace, self.case_id, self.target, ui_language()
        sections, with_name = self.chosen(), self.with_name.isChecked()
        assert target is not None  # submit() asked for it
        return lambda: case_summary_pdf(ws, case_id, target, sections, with_name=with_name, lang=lang)
