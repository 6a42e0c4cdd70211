"""Classes found in a twenty-second look (two sets written apart: West African girls held in
hair-braiding salons, and a closed religious community's unpaid labour): her town in capitals
without its accent, an everyday-word name beside another of her names joined by another
language's "and", a one-word alias cut short, a KakaoTalk speaker, her town before a Korean
particle, "they call me" in Portuguese, a Portuguese "-zinho", a Spanish pet name that shares
few letters with the name ("Lupita" of Guadalupe)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.redaction.written import case_fixtures, present, redacted

CASE: dict[str, Any] = {
    "matter": "Does v. Fellowship of the Open Vine",
    "subjects": [
        {"pseudonym": "Jane Doe B", "names": ["Nanavi Mahougnon Hounkpatin"],
         "aliases": ["Summer"], "addresses": ["Comè, Mono, Bénin"]},
        {"pseudonym": "Victim-1", "names": ["Ndèye Fatou Sarr"], "aliases": ["Paris"]},
        {"pseudonym": "Victim-2", "names": ["Mariama Bhoye Diallo"], "aliases": ["Bhoye", "Mamie"]},
        {"pseudonym": "Jane Doe C", "names": ["Park Seo-yeon"], "aliases": ["Mercy"],
         "addresses": ["17 Jungang-ro 3-gil, Yeongyang-eup, Yeongyang-gun, Gyeongsangbuk-do, "
                       "South Korea"]},
        {"pseudonym": "Jane Doe D", "names": ["Luíza Fernandes Carvalho"],
         "aliases": ["Patience"]},
    ],
    "related_people": [{"label": "Family Member 1", "names": ["Mateus Fernandes Carvalho"]},
                       {"label": "Family Member 2", "names": ["Guadalupe Ruiz Mendoza"]}],
    "keep": ["Josiah Pellham", "Fellowship of the Open Vine"],
}


session, cocounsel = case_fixtures(CASE)


@pytest.mark.parametrize("text, gone", [
    ("Lieu de naissance / Place of birth   COME", "COME"),
    ("[6/1/23, 6:02 AM] Yaay Sokhna: Jàmm nga fanaane? Paris ak Mamie, 7h ci salon bi.", "Paris"),
    ("[6/1/23, 9:49 PM] Yaay Sokhna: 2,140 cash. bhoy 4 heads.", "bhoy"),
    ("[Mercy] [PM 9:40] 네 엄마. 오늘도 14시간 일했어요", "Mercy"),
    ("[Mercy] [AM 8:20] Yeongyang-e amuhante malhaji maseyo", "Yeongyang"),
    ("[03/11/2023, 23:40:41] Luíza: aqui eles me chamam de patience kkk", "patience"),
    ("[12/11/2023, 19:09:20] Luíza: amo vc mateuzinho", "mateuzinho"),
    ("[12/08/23 22:14:03] Lupita ❤️: ya van 4 meses sin mandar nada", "Lupita"),
])
def test_her_names_and_town_in_more_forms(session, text, gone):
    out = redacted(session, text)
    assert not present(gone, out), out


def test_the_everyday_words_stay(session):
    out = redacted(session, "Come back this summer; it takes patience. Lola went home.")
    for kept in ("Come", "summer", "patience", "Lola"):
        assert kept in out, out
