"""When a pathway is reviewed next: the centre's interval (shorter for her if the centre sets one for
high risk and her latest risk assessment is high), offered by default and checked when she agrees."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.models.cases import RiskAssessment
from app.services import settings as centre_settings
from app.services import validation as v
from app.services.errors import ValidationError

HIGH_RISK = "ELEVATO"


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by whole months (negative: back), kept within the month: 31 January + 1 is 28/29 February."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


@dataclass(frozen=True)
class ReviewInterval:
    """How far ahead the next review is offered for one case."""

    months: int = centre_settings.TODAY_REVIEW_MONTHS.default
    high_risk_weeks: int = 0  # 0: the centre sets no shorter interval for high risk
    high_risk: bool = False  # her latest risk assessment says high

    @property
    def shortened(self) -> bool:
        return self.high_risk and self.high_risk_weeks > 0

    def after(self, day: dt.date) -> dt.date:
        """The review offered after an agreement or a review on `day`."""
        if self.shortened:
            return day + dt.timedelta(weeks=self.high_risk_weeks)
        return add_months(day, self.months)


def latest_risk_is_high(session: Session, case_id: int) -> bool:
    level = session.scalar(
        select(RiskAssessment.level)
        .where(RiskAssessment.case_id == case_id)
        .order_by(RiskAssessment.date.desc(), RiskAssessment.id.desc())
        .limit(1)
    )
    return level == HIGH_RISK


def review_interval(session: Session, case_id: int) -> ReviewInterval:
    """The interval for this case, from the centre's settings and her latest risk assessment."""
    return ReviewInterval(
        centre_settings.get(session, centre_settings.TODAY_REVIEW_MONTHS),
        centre_settings.get(session, centre_settings.REVIEW_HIGH_RISK_WEEKS),
        latest_risk_is_high(session, case_id),
    )


AFTER = {
    "pathway": QT_TRANSLATE_NOOP(
        "Errors", "The next review must come after the day the pathway is agreed ({field})."
    ),
    "review": QT_TRANSLATE_NOOP("Errors", "The next review must come after this review ({field})."),
}


def next_review(
    session: Session, case_id: int, planned: dt.date | None, base: dt.date, since: str
) -> dt.date:
    """The next review she agreed (after `base`, the agreement or the review), or one interval on."""
    if planned is None:
        return review_interval(session, case_id).after(base)
    day = v.check_future_ok(planned, "next_review_on")
    assert day is not None
    if day <= base:
        raise ValidationError(AFTER[since], field="next_review_on")
    return day
