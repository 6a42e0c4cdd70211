import pytest

from redaction.errors import UnknownProfileError
from redaction.profiles import list_profiles, load_profile


def test_profiles_are_listed_from_data_files():
    names = [p.name for p in list_profiles()]
    assert names == ["co-counsel", "court"]


@pytest.mark.parametrize(
    ("name", "keep_images", "third_parties", "facts"),
    [("court", False, True, True), ("co-counsel", True, False, False)],
)
def test_profile_settings(name, keep_images, third_parties, facts):
    p = load_profile(name)
    assert p.keep_images is keep_images
    assert p.redacts_third_parties is third_parties
    assert p.redacts_case_facts is facts
    assert p.description


@pytest.mark.parametrize("name", ["public", "../court", "", "COURT"])
def test_unknown_profile(name):
    with pytest.raises(UnknownProfileError):
        load_profile(name)
