"""Presidio recognizers: what the case file knows (case.py) and what it does not (the rest)."""

from __future__ import annotations

from collections.abc import Callable

from redaction.recognizers.base import RegexRecognizer
from redaction.recognizers.case import CaseRecognizer
from redaction.recognizers.contact import (
    EmailAddressRecognizer,
    HandleRecognizer,
    PersonalUrlRecognizer,
    PhoneNumberRecognizer,
)
from redaction.recognizers.identifiers import (
    AccountRecognizer,
    CardRecognizer,
    CodeRecognizer,
    IpAddressRecognizer,
    LabeledIdRecognizer,
    LastFourRecognizer,
    ListingIdRecognizer,
    MrzRecognizer,
    ReceiptRecognizer,
    SsnRecognizer,
)
from redaction.recognizers.persons import PersonRecognizer
from redaction.recognizers.places import (
    AddressBlockRecognizer,
    BirthplaceRecognizer,
    DobRecognizer,
    GpsRecognizer,
    PlateRecognizer,
    RoomRecognizer,
    SchoolRecognizer,
    ShelterRecognizer,
    StreetAddressRecognizer,
)
from redaction.recognizers.presidio_default import PresidioDetector, presidio_detectors
from redaction.recognizers.tables import TableColumnRecognizer


def generic_recognizers(
    is_word: Callable[[str], bool] | None = None,
) -> list[RegexRecognizer | PersonRecognizer | PresidioDetector | TableColumnRecognizer]:
    """The recognizers for identifiers no case file holds; stateless, shared by sessions."""
    return [
        PhoneNumberRecognizer(), EmailAddressRecognizer(), HandleRecognizer(),
        PersonalUrlRecognizer(),
        SsnRecognizer(), CardRecognizer(), AccountRecognizer(), LabeledIdRecognizer(),
        IpAddressRecognizer(), ListingIdRecognizer(), StreetAddressRecognizer(), DobRecognizer(),
        AddressBlockRecognizer(), SchoolRecognizer(), GpsRecognizer(), ReceiptRecognizer(),
        BirthplaceRecognizer(),
        CodeRecognizer(),
        LastFourRecognizer(), MrzRecognizer(),
        PlateRecognizer(), RoomRecognizer(), ShelterRecognizer(), PersonRecognizer(is_word),
        TableColumnRecognizer(),
        *presidio_detectors(),
    ]


__all__ = ["CaseRecognizer", "RegexRecognizer", "generic_recognizers"]
