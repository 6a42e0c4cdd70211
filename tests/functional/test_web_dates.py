"""One date format on every page: the `date` and `datetime` template filters."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import intake
from intake.web.filters import format_date, format_datetime
from tests.functional.web_support import member_client

TEMPLATES = Path(intake.__file__).parent / "templates"


def test_dates_and_times_are_written_one_way():
    assert format_date(date(2026, 11, 5)) == "5 Nov 2026"
    eastern = timezone(timedelta(hours=-5))
    late = datetime(2026, 11, 5, 21, 30, 9, tzinfo=eastern)  # already 6 Nov in UTC
    assert format_date(late) == "6 Nov 2026"
    assert format_datetime(late) == "6 Nov 2026, 02:30 UTC"
    assert format_datetime(late, seconds=True) == "6 Nov 2026, 02:30:09 UTC"
    assert format_date(None) == format_datetime(None) == ""


def test_no_template_formats_a_date_itself():
    for template in TEMPLATES.rglob("*.html"):
        text = template.read_text()
        assert "strftime" not in text and "isoformat" not in text, template.name


def test_consent_pages_use_the_clinic_format(app, svc):
    client, _staff, seeded = member_client(app, svc)
    page = client.get(f"/consents/{seeded.consent_id}").get_data(as_text=True)
    today = date.today()
    last = today.replace(year=today.year + 1) - timedelta(days=1)
    assert f"<dd>{format_date(today)}</dd>" in page and f"<dd>{format_date(last)}</dd>" in page
    assert today.isoformat() not in page
