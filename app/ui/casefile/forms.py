"""The forms shared by the intake wizard and the case file: identity, profile, interview, risk.

Each form returns the service's input dataclass, can be filled from one, binds its inputs to the
service's field names (so a ValidationError lands next to its input) and empties itself on lock.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from app.services.cases import IdentityInput, IntakeInput, IntakeView, PerpetratorInput, ProfileInput
from app.ui.kit.date_field import InvalidDate
from app.ui.kit.field_groups import ContactFields
from app.ui.kit.fields import (
    BirthDateEdit,
    CodeChecks,
    CodeCombo,
    CountryCombo,
    DateEdit,
    FieldErrors,
    OptionalSpin,
    hint,
    notes_edit,
)

NOTES_LINES = 6  # what the first interview's notes show without scrolling


def _form(widget: QWidget) -> QFormLayout:
    form = QFormLayout(widget)
    form.setContentsMargins(0, 0, 0, 0)
    form.setVerticalSpacing(9)
    form.setHorizontalSpacing(14)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a narrow window: field under label
    return form


class IdentityForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first_name = QLineEdit()
        self.first_name.setAccessibleName(self.tr("First name or nickname"))
        self.first_name.setMaxLength(100)
        self.last_name = QLineEdit()
        self.last_name.setAccessibleName(self.tr("Last name"))
        self.last_name.setMaxLength(100)
        self.birth_date = BirthDateEdit()
        self.birth_date.setAccessibleName(self.tr("Date of birth"))
        self.phone = QLineEdit()
        self.phone.setAccessibleName(self.tr("Phone"))
        self.phone.setMaxLength(50)
        self.safe_channel = CodeCombo("safe_contact_channel", empty=self.tr("— not agreed —"))
        self.safe_channel.setAccessibleName(self.tr("Safe contact channel"))
        self.safe_times = QLineEdit()
        self.safe_times.setAccessibleName(self.tr("Safe contact times"))
        self.safe_times.setPlaceholderText(self.tr("e.g. weekdays 9-12, never in the evening"))
        self.safe_notes = QLineEdit()
        self.safe_notes.setAccessibleName(self.tr("Safe contact notes"))
        self.safe_notes.setPlaceholderText(self.tr("e.g. say you are calling from the library"))
        self.notes = notes_edit()
        self.notes.setAccessibleName(self.tr("Notes"))
        form = _form(self)
        form.addRow(self.tr("First n&ame or nickname:"), self.first_name)
        form.addRow(self.tr("&Last name:"), self.last_name)
        form.addRow(self.tr("&Date of birth:"), self.birth_date)
        form.addRow(self.tr("Phon&e:"), self.phone)
        form.addRow(self.tr("Safe contact channel:"), self.safe_channel)
        form.addRow(self.tr("Safe contact times:"), self.safe_times)
        form.addRow(self.tr("Safe contact notes:"), self.safe_notes)
        form.addRow(self.tr("Notes:"), self.notes)
        self._kept: IdentityInput | None = None

    def bind(self, errors: FieldErrors) -> None:
        for field, widget in {
            "first_name": self.first_name,
            "last_name": self.last_name,
            "birth_date": self.birth_date,
            "phone": self.phone,
            "safe_contact_channel": self.safe_channel,
            "safe_contact_times": self.safe_times,
            "safe_contact_notes": self.safe_notes,
            "notes": self.notes,
        }.items():
            errors.bind(field, widget)

    def value(self) -> IdentityInput:
        kept = self._kept or IdentityInput("", "")
        return IdentityInput(
            first_name=self.first_name.text().strip(),
            last_name=self.last_name.text().strip(),
            birth_date=self.birth_date.day_or_none(),
            tax_code=kept.tax_code,
            phone=self.phone.text().strip(),
            email=kept.email,
            address=kept.address,
            safe_contact_channel=self.safe_channel.code(),
            safe_contact_times=self.safe_times.text().strip(),
            safe_contact_notes=self.safe_notes.text().strip(),
            notes=self.notes.toPlainText().strip(),
        )

    def set_value(self, identity: IdentityInput | None) -> None:
        """Fields this form does not show (tax code, e-mail, address) are kept as they were."""
        self._kept = identity
        identity = identity or IdentityInput("", "")
        self.first_name.setText(identity.first_name)
        self.last_name.setText(identity.last_name)
        self.birth_date.set_day_or_none(identity.birth_date)
        self.phone.setText(identity.phone)
        self.safe_channel.set_code(identity.safe_contact_channel)
        self.safe_times.setText(identity.safe_contact_times)
        self.safe_notes.setText(identity.safe_contact_notes)
        self.notes.setPlainText(identity.notes)

    def clear(self) -> None:
        self.set_value(None)


class ProfileForm(QWidget):
    """Statistical fields: what the anonymous reports count."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        this_year = dt.date.today().year
        self.birth_year = OptionalSpin(this_year - 110, this_year)
        self.birth_year.setAccessibleName(self.tr("Year of birth"))
        self.country = CountryCombo(self.tr("type to search…"))
        self.country.setAccessibleName(self.tr("Country of citizenship"))
        self.education = CodeCombo("education")
        self.education.setAccessibleName(self.tr("Education"))
        self.employment = CodeCombo("employment")
        self.employment.setAccessibleName(self.tr("Employment"))
        self.marital = CodeCombo("marital_status")
        self.marital.setAccessibleName(self.tr("Marital status"))
        for combo in (self.education, self.employment, self.marital):
            combo.set_code("ND")
        self.cohabitation = CodeChecks("cohabitation", columns=2)
        self.cohabitation.setAccessibleName(self.tr("Living with"))
        self.has_children = CodeCombo("has_children")
        self.has_children.set_code("ND")
        self.has_children.setAccessibleName(self.tr("Children"))
        self.children_count = OptionalSpin(0, 30)
        self.children_count.setAccessibleName(self.tr("Number of children"))
        self.minors = OptionalSpin(0, 30)
        self.minors.setAccessibleName(self.tr("Of whom minors"))
        self.witnessed = OptionalSpin(0, 30)
        self.witnessed.setAccessibleName(self.tr("Minors who witnessed violence"))
        self.suffered = OptionalSpin(0, 30)
        self.suffered.setAccessibleName(self.tr("Minors who suffered violence"))
        self.pregnant = QCheckBox(self.tr("Pregnant"))
        self.pregnant.setTristate(True)
        self.pregnant.setAccessibleName(self.tr("Pregnant (grey: not known)"))
        self.pregnant.setCheckState(Qt.CheckState.PartiallyChecked)
        form = _form(self)
        form.addRow(self.tr("Year of birth:"), self.birth_year)
        form.addRow(self.tr("Country of citizenship:"), self.country)
        form.addRow(self.tr("Ed&ucation:"), self.education)
        form.addRow(self.tr("Employment:"), self.employment)
        form.addRow(self.tr("&Marital status:"), self.marital)
        form.addRow(self.tr("Living with:"), self.cohabitation)
        form.addRow(self.tr("Children:"), self.has_children)
        form.addRow(self.tr("Number of children:"), self.children_count)
        form.addRow(self.tr("Of whom minors:"), self.minors)
        form.addRow(self.tr("Minors who witnessed violence:"), self.witnessed)
        form.addRow(self.tr("Minors who suffered violence:"), self.suffered)
        form.addRow("", self.pregnant)
        form.addRow("", hint(self.tr("Leave '—' where she did not say: it is counted as not available.")))
        self.children_count.valueChanged.connect(self._children_changed)
        self._suggested_year: int | None = None

    def follow_birth_date(self, day: dt.date | None) -> None:
        """Her date of birth fills the year of birth, unless a different year was chosen by hand."""
        if day is None:
            return
        year = self.birth_year.value_or_none()
        if year is None or year == self._suggested_year:
            self.birth_year.set_value_or_none(day.year)
            self._suggested_year = day.year

    def _children_changed(self, value: int) -> None:
        if value > 0 and self.has_children.code() == "ND":
            self.has_children.set_code("SI")

    def problem(self) -> tuple[str, str] | None:
        """(field, message) for counts that contradict each other, before asking the service."""
        children, minors = self.children_count.value_or_none(), self.minors.value_or_none()
        if children is not None and minors is not None and minors > children:
            return "minors_count", self.tr("There cannot be more minor children than children.")
        for field, spin in (("minors_witnessed", self.witnessed), ("minors_suffered", self.suffered)):
            value = spin.value_or_none()
            if value is not None and minors is not None and value > minors:
                return field, self.tr("This number cannot exceed the number of minor children.")
        return None

    def bind(self, errors: FieldErrors) -> None:
        for field, widget in {
            "birth_year": self.birth_year,
            "country": self.country,
            "education": self.education,
            "employment": self.employment,
            "marital_status": self.marital,
            "cohabitation": self.cohabitation,
            "has_children": self.has_children,
            "children_count": self.children_count,
            "minors_count": self.minors,
            "minors_witnessed": self.witnessed,
            "minors_suffered": self.suffered,
        }.items():
            errors.bind(field, widget)

    def value(self) -> ProfileInput:
        state = self.pregnant.checkState()
        pregnant = None if state == Qt.CheckState.PartiallyChecked else state == Qt.CheckState.Checked
        return ProfileInput(
            birth_year=self.birth_year.value_or_none(),
            country=self.country.code(),
            education=self.education.code(),
            employment=self.employment.code(),
            marital_status=self.marital.code(),
            cohabitation=self.cohabitation.codes(),
            has_children=self.has_children.code(),
            children_count=self.children_count.value_or_none(),
            minors_count=self.minors.value_or_none(),
            minors_witnessed=self.witnessed.value_or_none(),
            minors_suffered=self.suffered.value_or_none(),
            pregnant=pregnant,
        )

    def set_value(self, profile: ProfileInput) -> None:
        self._suggested_year = None
        self.birth_year.set_value_or_none(profile.birth_year)
        self.country.set_code(profile.country)
        self.education.set_code(profile.education)
        self.employment.set_code(profile.employment)
        self.marital.set_code(profile.marital_status)
        self.cohabitation.set_codes(profile.cohabitation)
        self.has_children.set_code(profile.has_children)
        self.children_count.set_value_or_none(profile.children_count)
        self.minors.set_value_or_none(profile.minors_count)
        self.witnessed.set_value_or_none(profile.minors_witnessed)
        self.suffered.set_value_or_none(profile.minors_suffered)
        if profile.pregnant is None:
            self.pregnant.setCheckState(Qt.CheckState.PartiallyChecked)
        else:
            self.pregnant.setCheckState(
                Qt.CheckState.Checked if profile.pregnant else Qt.CheckState.Unchecked
            )

    def clear(self) -> None:
        self.set_value(ProfileInput())


class InterviewForm(QWidget):
    """An intake interview (colloquio): how she arrived, what she lives through, what was done."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        date = DateEdit()
        date.setAccessibleName(self.tr("Date of the interview"))
        self.contact = ContactFields(self, date)
        self.date, self.channel, self.mode = date, self.contact.channel, self.contact.mode
        self.forms = CodeChecks("violence_form", columns=2)
        self.forms.setAccessibleName(self.tr("Forms of violence"))
        self.relationship = CodeCombo("relationship", empty=self.tr("— not stated —"))
        self.relationship.setAccessibleName(self.tr("Relationship with the perpetrator"))
        self.duration = CodeCombo("violence_duration")
        self.duration.set_code("ND")
        self.duration.setAccessibleName(self.tr("Duration of the violence"))
        self.police = CodeCombo("police_report")
        self.police.set_code("ND")
        self.police.setAccessibleName(self.tr("Report to the authorities"))
        self.requested = CodeChecks("protective_measure", columns=2)
        self.requested.setAccessibleName(self.tr("Protective measures requested"))
        self.obtained = CodeChecks("protective_measure", columns=2)
        self.obtained.setAccessibleName(self.tr("Protective measures obtained"))
        self.help_sought = CodeChecks("help_sought", columns=2)
        self.help_sought.setAccessibleName(self.tr("Help sought before the centre"))
        self.perpetrators = OptionalSpin(1, 20)
        self.perpetrators.setAccessibleName(self.tr("Number of perpetrators"))
        self.perpetrator_sex = self._nd_combo("perpetrator_sex", self.tr("Sex of the main perpetrator"))
        self.perpetrator_age = self._nd_combo("age_istat", self.tr("Age of the main perpetrator"))
        self.perpetrator_citizenship = self._nd_combo(
            "citizenship_binary", self.tr("Citizenship of the main perpetrator")
        )
        self.weapons = self._nd_combo("yes_no", self.tr("Weapons used"))
        self.alcohol = self._nd_combo("yes_no", self.tr("Alcohol abuse"))
        self.drugs = self._nd_combo("yes_no", self.tr("Drug use"))
        self.prior_violence = self._nd_combo("yes_no", self.tr("Earlier violence against other people"))
        self.emergency = QCheckBox(self.tr("E&mergency: she needs protection now"))
        self.emergency.setAccessibleName(self.tr("Emergency"))
        self.notes = notes_edit(NOTES_LINES * self.fontMetrics().lineSpacing() + 16)  # the interview's story
        self.notes.setAccessibleName(self.tr("Notes of the interview"))
        form = _form(self)
        self.contact.add_date(form)
        self.contact.add_how(form)
        form.addRow(self.tr("Forms of violence:"), self.forms)
        form.addRow(self.tr("&Relationship with the perpetrator:"), self.relationship)
        form.addRow(self.tr("D&uration of the violence:"), self.duration)
        form.addRow(self.tr("Re&port to the authorities:"), self.police)
        form.addRow(self.tr("Protective measures requested:"), self.requested)
        form.addRow(self.tr("Protective measures obtained:"), self.obtained)
        form.addRow(self.tr("Help sought before the centre:"), self.help_sought)
        form.addRow(self.tr("Number of perpetrators:"), self.perpetrators)
        form.addRow(self.tr("Main perpetrator, sex:"), self.perpetrator_sex)
        form.addRow(self.tr("Main perpetrator, age:"), self.perpetrator_age)
        form.addRow(self.tr("Main perpetrator, citizenship:"), self.perpetrator_citizenship)
        form.addRow(self.tr("Weapons used:"), self.weapons)
        form.addRow(self.tr("Alcohol abuse:"), self.alcohol)
        form.addRow(self.tr("Drug use:"), self.drugs)
        form.addRow(self.tr("Earlier violence against others:"), self.prior_violence)
        form.addRow("", self.emergency)
        form.addRow(self.tr("N&otes:"), self.notes)

    def bind(self, errors: FieldErrors) -> None:
        for field, widget in {
            "date": self.date,
            "access_channel": self.channel,
            "first_contact_mode": self.mode,
            "violence_forms": self.forms,
            "relationship": self.relationship,
            "violence_duration": self.duration,
            "police_report": self.police,
            "measures_requested": self.requested,
            "measures_obtained": self.obtained,
            "notes": self.notes,
            "help_sought": self.help_sought,
            "perpetrators_count": self.perpetrators,
            "perpetrator_sex": self.perpetrator_sex,
            "perpetrator_age": self.perpetrator_age,
            "perpetrator_citizenship": self.perpetrator_citizenship,
            "perpetrator_weapons": self.weapons,
            "perpetrator_alcohol": self.alcohol,
            "perpetrator_drugs": self.drugs,
            "perpetrator_prior_violence": self.prior_violence,
        }.items():
            errors.bind(field, widget)

    @staticmethod
    def _nd_combo(list_name: str, name: str) -> CodeCombo:
        """A closed question whose answer starts as 'not available' (an unasked question is not a 'no')."""
        combo = CodeCombo(list_name)
        combo.set_code("ND")
        combo.setAccessibleName(name)
        return combo

    def perpetrator(self) -> PerpetratorInput:
        return PerpetratorInput(
            count=self.perpetrators.value_or_none(),
            sex=self.perpetrator_sex.code(),
            age=self.perpetrator_age.code(),
            citizenship=self.perpetrator_citizenship.code(),
            weapons=self.weapons.code(),
            alcohol=self.alcohol.code(),
            drugs=self.drugs.code(),
            prior_violence=self.prior_violence.code(),
        )

    def set_background(self, earlier: IntakeView) -> None:
        """A follow-up interview starts from what an earlier one learnt of her history and the perpetrator."""
        self.help_sought.set_codes(earlier.help_sought)
        p = earlier.perpetrator
        self.perpetrators.set_value_or_none(p.count)
        self.perpetrator_sex.set_code(p.sex)
        self.perpetrator_age.set_code(p.age)
        self.perpetrator_citizenship.set_code(p.citizenship)
        self.weapons.set_code(p.weapons)
        self.alcohol.set_code(p.alcohol)
        self.drugs.set_code(p.drugs)
        self.prior_violence.set_code(p.prior_violence)

    def value(self) -> IntakeInput:
        return IntakeInput(
            date=self.date.day(),
            access_channel=self.channel.code(),
            first_contact_mode=self.mode.code(),
            violence_forms=self.forms.codes(),
            relationship=self.relationship.code(),
            violence_duration=self.duration.code(),
            police_report=self.police.code(),
            measures_requested=self.requested.codes(),
            measures_obtained=self.obtained.codes(),
            emergency=self.emergency.isChecked(),
            notes=self.notes.toPlainText().strip(),
            perpetrator=self.perpetrator(),
            help_sought=self.help_sought.codes(),
        )

    def clear(self) -> None:
        self.date.set_day(dt.date.today())
        self.contact.clear()
        self.forms.set_codes(())
        self.relationship.setCurrentIndex(0)
        self.duration.set_code("ND")
        self.police.set_code("ND")
        self.requested.set_codes(())
        self.obtained.set_codes(())
        self.emergency.setChecked(False)
        self.notes.clear()
        self.set_background(
            IntakeView(0, dt.date.today(), "", "", (), "", "ND", "ND", None, (), (), False, "")
        )


class RiskForm(QWidget):
    """Only the level, the tool, the date and her notes: never the items of SARA or DA."""

    def __init__(self, optional: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date = DateEdit()
        self.date.setAccessibleName(self.tr("Date of the assessment"))
        self._suggested_day = self.date.day()
        # no level is preselected: a risk level is a decision, never a default
        self.level = CodeCombo(
            "risk_level",
            empty=self.tr("— not assessed now —") if optional else self.tr("— choose the level —"),
        )
        self.level.setAccessibleName(self.tr("Risk level"))
        self.tool = CodeCombo("risk_tool")
        self.tool.set_code("GIUDIZIO_PROFESSIONALE")
        self.tool.setAccessibleName(self.tr("Assessment tool"))
        self.notes = notes_edit(90)
        self.notes.setAccessibleName(self.tr("Notes on the assessment"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        holder = QWidget()
        form = _form(holder)
        form.addRow(self.tr("&Date:"), self.date)
        form.addRow(self.tr("Risk &level:"), self.level)
        form.addRow(self.tr("&Tool used:"), self.tool)
        form.addRow(self.tr("N&otes:"), self.notes)
        layout.addWidget(holder)
        layout.addWidget(
            hint(
                self.tr(
                    "Record only the resulting level, the tool and your own notes. Never copy the items or "
                    "scores of SARA, SARA-S or the Danger Assessment here: those instruments are reserved to "
                    "trained, certified users."
                )
            )
        )

    def bind(self, errors: FieldErrors) -> None:
        errors.bind("date", self.date)
        errors.bind("level", self.level)
        errors.bind("tool", self.tool)
        errors.bind("notes", self.notes)

    def value(self) -> tuple[dt.date, str, str, str]:
        return self.date.day(), self.level.code(), self.tool.code(), self.notes.toPlainText().strip()

    def follow_interview_date(self, day: dt.date) -> None:
        """Assessed in the interview: its date, unless a different date was chosen by hand."""
        try:
            chosen = self.date.day_or_none()
        except InvalidDate:  # half typed by hand: hers to finish
            return
        if chosen in (None, self._suggested_day):
            self.date.set_day(day)
            self._suggested_day = day

    def clear(self) -> None:
        self.date.set_day(dt.date.today())
        self._suggested_day = self.date.day()
        self.level.setCurrentIndex(0)
        self.tool.set_code("GIUDIZIO_PROFESSIONALE")
        self.notes.clear()
