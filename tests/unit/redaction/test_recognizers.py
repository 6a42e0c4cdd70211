"""What the case file does not know: each recognizer on positive and negative examples."""

import pytest

from redaction.recognizers.contact import (
    EmailAddressRecognizer,
    HandleRecognizer,
    PersonalUrlRecognizer,
    PhoneNumberRecognizer,
)
from redaction.recognizers.identifiers import (
    AccountRecognizer,
    CardRecognizer,
    IpAddressRecognizer,
    LabeledIdRecognizer,
    ListingIdRecognizer,
    SsnRecognizer,
)
from redaction.recognizers.places import (
    DobRecognizer,
    PlateRecognizer,
    RoomRecognizer,
    ShelterRecognizer,
    StreetAddressRecognizer,
)

CASES = [
    (PhoneNumberRecognizer, "call (678) 555-0191 now", "(678) 555-0191"),
    (PhoneNumberRecognizer, "call 678.555.0191 now", "678.555.0191"),
    (PhoneNumberRecognizer, "call +1 678 555 0191 now", "+1 678 555 0191"),
    (PhoneNumberRecognizer, "text 6785550191", "6785550191"),
    (PhoneNumberRecognizer, "WhatsApp +52 55 1234 5678", "+52 55 1234 5678"),
    (EmailAddressRecognizer, "from r.s.consult@example.com.", "r.s.consult@example.com"),
    (HandleRecognizer, "account @dre.getmoney404 wrote", "@dre.getmoney404"),
    (HandleRecognizer, "send it to $DreMoneyATL", "$DreMoneyATL"),
    (HandleRecognizer, "Username: bigdre_404", "bigdre_404"),
    (PersonalUrlRecognizer, "see https://instagram.com/some.one", "https://instagram.com/some.one"),
    (PersonalUrlRecognizer, "see tiktok.com/@some.one", "tiktok.com/@some.one"),
    (SsnRecognizer, "SSN 123-45-6789", "123-45-6789"),
    (CardRecognizer, "card 4111 1111 1111 1111", "4111 1111 1111 1111"),
    (AccountRecognizer, "Account number: 12345678", "12345678"),
    (LabeledIdRecognizer, "MRN: 00731846", "00731846"),
    (LabeledIdRecognizer, "Emp. ID: H2A-22-0417", "H2A-22-0417"),
    (LabeledIdRecognizer, "Passport (GTM) 253918406", "253918406"),
    (IpAddressRecognizer, "Creation IP: 203.0.113.47", "203.0.113.47"),
    (ListingIdRecognizer, "listing SH-4471902 removed", "SH-4471902"),
    (StreetAddressRecognizer, "held at 8841 Sunfield Way, Bend Hollow.",
     "8841 Sunfield Way, Bend Hollow"),
    # a large city stays readable after the street: FRCP 5.2 keeps city and state
    (StreetAddressRecognizer, "held at 8841 Sunfield Way, Elk Grove.", "8841 Sunfield Way"),
    (StreetAddressRecognizer, "at 1432 W 36th St, Apt 5, Los Angeles, CA 90007",
     "1432 W 36th St, Apt 5"),
    (StreetAddressRecognizer, "at 1432 W 36th St, Apt 5, Los Angeles, CA 90007", "90007"),
    (DobRecognizer, "DOB: 03/14/1991", "03/14/1991"),
    (DobRecognizer, "born on March 14, 1991 in", "March 14, 1991"),
    (PlateRecognizer, "Georgia tag RKD4407", "RKD4407"),
    (PlateRecognizer, "California plate 8KRT412.", "8KRT412"),
    (PlateRecognizer, "outside in the charger. BXT7782.", "BXT7782"),
    (RoomRecognizer, "kept her in Room 214", "214"),
    (RoomRecognizer, "stay in 214. dont go", "214"),
    (RoomRecognizer, "they moving u to 131 for a week", "131"),
    (ShelterRecognizer, "she is at Magnolia House now", "Magnolia House"),
]

NEGATIVE = [
    (PhoneNumberRecognizer, "No. 1:24-cv-03051-RKO and SWAPHVN-0021044"),
    (PhoneNumberRecognizer, "Paid $744.00 on 08/13/2022 at 21:40"),
    (EmailAddressRecognizer, "email me at the office"),
    (HandleRecognizer, "Paid $24.00 per bin"),
    (PersonalUrlRecognizer, "see https://www.uscourts.gov/rules"),
    (SsnRecognizer, "invalid 000-12-3456 and 666-12-3456 and 123-00-4567"),
    (CardRecognizer, "4111111111111112"),  # a run failing Luhn; four groups of four count
    (LabeledIdRecognizer, "Civil Action No. 1:24-cv-00417-TAB"),
    (StreetAddressRecognizer, "under 18 U.S.C. § 1591 and 22 U.S.C. § 7102"),
    (StreetAddressRecognizer, "Orchard Blocks 12 and 14, Yakima County"),
    (DobRecognizer, "Admission: 10/29/2023 21:40"),
    (PlateRecognizer, "Form I-914, Supplement B; H-2A visa"),
    (RoomRecognizer, "moved to 2023 and stayed in 2024"),
    (ShelterRecognizer, "at the White House and her own home"),
]


@pytest.mark.parametrize(("cls", "text", "span"), CASES)
def test_recognizer_finds(cls, text, span):
    found = [text[r.start:r.end] for r in cls().analyze(text, [])]
    assert span in found


@pytest.mark.parametrize(("cls", "text"), NEGATIVE)
def test_recognizer_ignores(cls, text):
    assert cls().analyze(text, []) == []
