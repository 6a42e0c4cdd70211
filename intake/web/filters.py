"""Template filters: one way of writing dates, times, sizes and colleagues on every page."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Protocol

from flask import Flask
from markupsafe import Markup

from intake.users import staff_label


class StaffMember(Protocol):
    """An account as pages show it (a `User`, or the signed-in `StaffUser`)."""

    display_name: str
    email: str
    role: str


def format_date(value: date | datetime | None) -> str:
    """A day as `5 Nov 2026` (an aware datetime is read in UTC, as every time is shown)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(UTC).date()
    return f"{value.day} {value:%b %Y}"


def format_datetime(value: datetime | None, seconds: bool = False) -> str:
    """A moment as `5 Nov 2026, 14:05 UTC` (with seconds where order matters, as in the log)."""
    if value is None:
        return ""
    moment = value.astimezone(UTC)
    clock = f"{moment:%H:%M:%S}" if seconds else f"{moment:%H:%M}"
    return f"{format_date(moment)}, {clock} UTC"


def format_size(size: int) -> str:
    """A byte count as staff read it: 50 MB, 1.5 KB, 900 bytes."""
    for unit, factor in (("GB", 1024 ** 3), ("MB", 1024 ** 2), ("KB", 1024)):
        if size >= factor:
            value = size / factor
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{size} bytes"


def format_staff(user: StaffMember, role: bool = False) -> str:
    """A colleague as `Name <email>`, or the email alone while they have no name; with
    `role=True`, followed by `(role)`."""
    return staff_label(user.display_name, user.email, user.role if role else None)


def with_class(control: Markup, css: str) -> Markup:
    """A rendered form control with `class` added after its other attributes.

    WTForms writes attributes in alphabetical order, so a class passed to it would come
    before the id and name that pages (and their tests) look controls up by.
    """
    end = control.index(">")
    if control[end - 1] == "/":
        end -= 1
    return control[:end].rstrip() + Markup(' class="{}"').format(css) + control[end:]


def register_filters(app: Flask) -> None:
    """Make the filters available as `|date`, `|datetime`, `|filesize`, `|staff` and
    `|with_class`."""
    app.jinja_env.filters["date"] = format_date
    app.jinja_env.filters["datetime"] = format_datetime
    app.jinja_env.filters["filesize"] = format_size
    app.jinja_env.filters["staff"] = format_staff
    app.jinja_env.filters["with_class"] = with_class
