"""`clinic redact-eval`'s scores, collateral damage included, on a set made here."""

from __future__ import annotations

import json

from redaction.evaluation import Scores, _collateral, evaluate


def test_collateral_counts_ordinary_words_lost_outside_labelled_identifiers():
    scores = Scores()
    text = "Maria met the night manager in Houston and paid the Motel cash."
    out = "Jane Doe 1 met the night [Person 1] in Houston and paid the [Person 2] cash."
    _collateral(scores, text, out, [{"text": "Maria", "kind": "known"}])
    # "manager" (lower case) and "Motel" (capitalised) were lost; "Maria" is labelled
    assert (scores.lower_lost, scores.capital_lost) == (1, 1)
    assert scores.lower_words == 9 and scores.capital_words == 2
    assert round(scores.lower_collateral, 4) == round(1 / 9, 4)
    assert scores.as_dict()["capital_words_lost"] == 1


def test_evaluate_reports_collateral_for_a_set(engine, tmp_path):
    (tmp_path / "cases").mkdir()
    (tmp_path / "docs").mkdir()
    case = {"subjects": [{"pseudonym": "Jane Doe 1", "names": ["Keisha Brantley"]}]}
    (tmp_path / "cases" / "c.json").write_text(json.dumps(case))
    (tmp_path / "docs" / "d1.txt").write_text(
        "Keisha Brantley told the caseworker that the night clerk kept her ID card.")
    labels = {"d1": {"case": "c", "profile": "court",
                     "must_remove": [{"text": "Keisha Brantley", "kind": "known"}],
                     "must_keep": ["night clerk"], "pseudonyms": {"Jane Doe 1": 1}}}
    (tmp_path / "labels.json").write_text(json.dumps(labels))
    scores = evaluate(engine, tmp_path)
    assert scores.known_leaks == 0 and scores.keep_rate == 1.0
    assert scores.lower_words >= 10 and scores.lower_lost == 0
