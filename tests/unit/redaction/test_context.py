import json

import pytest

from redaction.context import CaseContext
from redaction.errors import ContextError, RedactionError
from tests.unit.redaction.conftest import CASE


def test_from_dict_reads_subjects_related_and_keep():
    ctx = CaseContext.from_dict(CASE)
    assert [p.replacement for p in ctx.people] == ["Jane Doe 1", "Jane Doe 2", "Family Member 1"]
    dob = ctx.subjects[0].date_of_birth
    assert ctx.subjects[0].minor and dob is not None and dob.year == 2006
    assert not ctx.related_people[0].is_subject
    assert "Annie Carter" in ctx.keep


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.pop("subjects"),
        lambda d: d.update(subjects=[]),
        lambda d: d["subjects"][0].pop("pseudonym"),
        lambda d: d["subjects"][0].update(names=[]),
        lambda d: d["subjects"][0].update(date_of_birth="April 3 2006"),
        lambda d: d["subjects"][0].update(phones=[5]),
        lambda d: d["related_people"][0].update(label="Jane Doe 1"),
    ],
)
def test_malformed_context_raises_context_error_without_values(mutate):
    data = json.loads(json.dumps(CASE))
    mutate(data)
    with pytest.raises(ContextError) as err:
        CaseContext.from_dict(data)
    assert isinstance(err.value, RedactionError)
    message = str(err.value)
    assert "\n" not in message
    for secret in ("Maria", "Lopez", "2006", "213", "April"):
        assert secret not in message


def test_from_file_errors_name_only_the_path(tmp_path):
    bad = tmp_path / "case.json"
    bad.write_text("{ not json Maria Lopez")
    with pytest.raises(ContextError, match="not valid JSON") as err:
        CaseContext.from_file(bad)
    assert "Maria" not in str(err.value)
    with pytest.raises(ContextError, match="not readable"):
        CaseContext.from_file(tmp_path / "missing.json")
