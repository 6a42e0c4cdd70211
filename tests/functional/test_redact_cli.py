"""`clinic redact` and `clinic redact-eval` exactly as external checks call them."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from redaction import cli
from redaction.evaluation import present
from redaction.types import Leak

CLINIC = str(Path(sys.executable).with_name("clinic"))
DATA = Path(__file__).resolve().parents[1] / "data"
SETS = [DATA / "eval_dev", DATA / "eval_extra", DATA / "eval_extra2"]

CASE = {
    "matter": "Doe v. Bluewater Motor Lodge, LLC",
    "subjects": [{
        "pseudonym": "Jane Doe 3",
        "names": ["Shanice Tamara Okonjo", "Shanice Okonjo"],
        "aliases": ["Neecy"],
        "date_of_birth": "2005-09-17",
        "minor": False,
        "phones": ["(702) 555-0148"],
        "emails": ["neecy.okonjo05@example.com"],
        "addresses": ["419 Desert Willow Ct, Henderson, NV 89015"],
        "handles": ["@neecy_702"],
        "identifiers": ["SSN 601-22-7781"],
    }],
    "related_people": [{"label": "Family Member 1", "names": ["Gloria Okonjo"],
                        "phones": ["(702) 555-0166"]}],
    "keep": ["Bluewater Motor Lodge, LLC", "Harriet M. Quill"],
}
DOC = """Shanice Okonjo (DOB 9/17/2005) told Harriet M. Quill that her mother, Gloria Okonjo,
called 702.555.0148 twice. SHANICE lived at 419 Desert Willow Ct until the recruiter,
Victor Salas, moved her to the Bluewater Motor Lodge, LLC in Room 12. Her SSN ends in 7781.
"""


def clinic(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CLINIC, *args], capture_output=True, text=True, timeout=600)


@pytest.fixture()
def case_file(tmp_path: Path) -> Path:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(CASE))
    return path


def _score_set(set_dir: Path, work: Path) -> dict[str, float]:
    labels = json.loads((set_dir / "labels.json").read_text())
    groups: dict[tuple[str, str], list[str]] = {}
    for doc_id, lab in labels.items():
        groups.setdefault((lab["case"], lab["profile"]), []).append(doc_id)
    totals = {"known": 0, "known_leaks": 0, "unknown": 0, "unknown_leaks": 0, "keep": 0,
              "lost": 0, "pseudo": 0, "short": 0}
    for (case, profile), docs in groups.items():
        out = work / case / profile
        files = [str(set_dir / "docs" / f"{d}.txt") for d in docs]
        proc = clinic("redact", "--context", str(set_dir / "cases" / f"{case}.json"),
                      "--profile", profile, "--out", str(out), *files)
        assert proc.returncode == 0, proc.stderr
        for d in docs:
            lab = labels[d]
            text = re.sub(r"\s+", " ", (out / f"{d}.txt").read_text()).lower()
            for item in lab["must_remove"]:
                kind = item["kind"]
                totals[kind] += 1
                totals[f"{kind}_leaks"] += present(item["text"], text)
            for s in lab["must_keep"]:
                totals["keep"] += 1
                totals["lost"] += not present(s, text)
            for p, n in lab["pseudonyms"].items():
                totals["pseudo"] += 1
                totals["short"] += len(re.findall(rf"(?<!\w){re.escape(p.lower())}(?!\w)",
                                                  text)) < n
    return {
        "known_leaks": totals["known_leaks"],
        "unknown_recall": 1 - totals["unknown_leaks"] / totals["unknown"],
        "keep_rate": 1 - totals["lost"] / totals["keep"],
        "pseudonym_hits": 1 - totals["short"] / totals["pseudo"],
    }


# Written apart from the engine (see the README): each holds the floor measured when it was
# first used, so a change that generalises worse shows here.
BLIND_FLOORS = {
    "eval_blind_a": {"known_leaks": 0, "unknown_recall": 0.93, "keep_rate": 0.99,
                     "pseudonym_hits": 1.0},
    "eval_blind_b": {"known_leaks": 0, "unknown_recall": 0.94, "keep_rate": 0.96,
                     "pseudonym_hits": 0.90},
    # the second round (set C keeps third parties in its co-counsel files, as that profile does)
    "eval_blind_c": {"known_leaks": 1, "unknown_recall": 0.73, "keep_rate": 0.99,
                     "pseudonym_hits": 1.0},
    # (since round ten officers named by rank stay, as the labellers of most sets kept them;
    # D's marked two school resource officers, "Deputy Hargrove" and "Ofc. Patel", for removal)
    "eval_blind_d": {"known_leaks": 1, "unknown_recall": 0.93, "keep_rate": 0.99,
                     "pseudonym_hits": 1.0},
    # the fourth round: forced criminality and immigration; platforms and payment processors
    "eval_blind_e": {"known_leaks": 3, "unknown_recall": 0.93, "keep_rate": 0.97,
                     "pseudonym_hits": 1.0},
    "eval_blind_f": {"known_leaks": 2, "unknown_recall": 0.95, "keep_rate": 0.98,
                     "pseudonym_hits": 0.94},
    # the fifth round: familial trafficking and domestic servitude; massage businesses, truck
    # stops and farm labour
    "eval_blind_g": {"known_leaks": 0, "unknown_recall": 0.95, "keep_rate": 0.97,
                     "pseudonym_hits": 0.94},
    "eval_blind_h": {"known_leaks": 4, "unknown_recall": 0.94, "keep_rate": 0.97,
                     "pseudonym_hits": 0.95},
    # the sixth round: labour trafficking in restaurants, salons, cleaning and construction;
    # youth trafficking online, with a tribal-court and an Appalachian matter
    "eval_blind_i": {"known_leaks": 5, "unknown_recall": 0.96, "keep_rate": 0.96,
                     "pseudonym_hits": 0.92},
    "eval_blind_j": {"known_leaks": 0, "unknown_recall": 0.93, "keep_rate": 0.98,
                     "pseudonym_hits": 1.0},
    # the seventh round: foreign domestic workers, au pairs and marriage brokers; hotels,
    # classified-ad sites and payment processors (set L's labeller kept adults' names and rooms
    # in court files, which the court profile replaces by design: 45 of its 59 lost keeps)
    "eval_blind_k": {"known_leaks": 0, "unknown_recall": 0.97, "keep_rate": 0.96,
                     "pseudonym_hits": 0.97},
    "eval_blind_l": {"known_leaks": 4, "unknown_recall": 0.90, "keep_rate": 0.88,
                     "pseudonym_hits": 0.92},
    # the eighth round: farms, seafood and meat-packing, massage businesses with Korean and
    # Chinese clients (names and towns in Hangul and Chinese characters); US-born minors in
    # foster care, motels, a truck stop and a social-media platform
    "eval_blind_m": {"known_leaks": 8, "unknown_recall": 0.88, "keep_rate": 0.94,
                     "pseudonym_hits": 0.82},
    "eval_blind_n": {"known_leaks": 6, "unknown_recall": 0.97, "keep_rate": 0.96,
                     "pseudonym_hits": 0.94},
    # the ninth round: Alaska's fishing fleet and canneries (Indonesian, Filipino, Marshallese,
    # Ukrainian and Mexican workers; towns in Cyrillic); the Great Lakes with Ontario (Somali,
    # Arabic-speaking, Ojibwe, Hmong and Haitian families; Canadian postcodes, Arabic script)
    "eval_blind_o": {"known_leaks": 2, "unknown_recall": 0.98, "keep_rate": 0.96,
                     "pseudonym_hits": 0.96},
    "eval_blind_p": {"known_leaks": 2, "unknown_recall": 0.93, "keep_rate": 0.94,
                     "pseudonym_hits": 1.0},
    # the tenth round: domestic servitude in diplomatic households around Washington (Amharic,
    # Oromo, Sinhala, Tamil, Krio; Ethiopic script); minors recruited online in the Ohio
    # Valley and Appalachia (gaming platforms, gift cards, a K'iche' interpreter's note)
    "eval_blind_q": {"known_leaks": 2, "unknown_recall": 0.93, "keep_rate": 0.96,
                     "pseudonym_hits": 1.0},
    "eval_blind_r": {"known_leaks": 2, "unknown_recall": 0.97, "keep_rate": 0.97,
                     "pseudonym_hits": 1.0},
    # the eleventh round: forced criminality on cannabis grows and in theft crews (Vietnamese,
    # Fujianese, Hmong, Lao; Chinese characters); travelling sales and carnival crews (Lakota,
    # Marshallese, Jamaican, South African); minors in New England's foster care
    "eval_blind_s": {"known_leaks": 2, "unknown_recall": 0.94, "keep_rate": 0.96,
                     "pseudonym_hits": 0.98},
    "eval_blind_t": {"known_leaks": 3, "unknown_recall": 0.94, "keep_rate": 0.97,
                     "pseudonym_hits": 0.98},
    "eval_blind_u": {"known_leaks": 1, "unknown_recall": 0.95, "keep_rate": 0.98,
                     "pseudonym_hits": 0.98},
    # the twelfth round: au pairs and J-1 visitors with host families (Brazilian, Kenyan,
    # Ukrainian, Nepali, Mongolian); teenagers moved along I-35 and paid in crypto (Choctaw,
    # Cherokee, Salvadoran, Marshallese); live-in home-care aides (Haitian, Filipino, Nigerian,
    # Ghanaian, K'iche')
    "eval_blind_v": {"known_leaks": 4, "unknown_recall": 0.95, "keep_rate": 0.95,
                     "pseudonym_hits": 0.88},
    "eval_blind_w": {"known_leaks": 0, "unknown_recall": 0.94, "keep_rate": 0.97,
                     "pseudonym_hits": 0.97},
    "eval_blind_x": {"known_leaks": 0, "unknown_recall": 0.94, "keep_rate": 0.97,
                     "pseudonym_hits": 1.0},
    # the thirteenth round: H-2B workers on carnival crews (Mexican, South African, K'iche',
    # Jamaican, Filipino, Marshallese, Hmong); minors forced to steal and sell (Haitian,
    # Vietnamese, Somali); teenagers sent to work by a religious ranch school (Samoan,
    # Ukrainian, Ojibwe, Eritrean; Cyrillic and Ge'ez)
    "eval_blind_y": {"known_leaks": 2, "unknown_recall": 0.96, "keep_rate": 0.98,
                     "pseudonym_hits": 1.0},
    "eval_blind_z": {"known_leaks": 3, "unknown_recall": 0.96, "keep_rate": 0.94,
                     "pseudonym_hits": 0.95},
    "eval_blind_aa": {"known_leaks": 4, "unknown_recall": 0.95, "keep_rate": 0.97,
                      "pseudonym_hits": 1.0},
    # the fourteenth round: workers held on illicit cannabis grows (Mandarin, Cantonese,
    # Fujianese, Hmong, Lao; Chinese characters); young people on door-to-door sales crews
    # (Marshallese, Ojibwe, Chuukese); webcam and subscription studios (Colombian, Venezuelan,
    # Ukrainian, Moldovan; Cyrillic, IBANs and wallets)
    "eval_blind_ab": {"known_leaks": 1, "unknown_recall": 0.96, "keep_rate": 0.99,
                      "pseudonym_hits": 1.0},
    "eval_blind_ac": {"known_leaks": 2, "unknown_recall": 0.95, "keep_rate": 0.97,
                      "pseudonym_hits": 1.0},
    "eval_blind_ad": {"known_leaks": 0, "unknown_recall": 0.93, "keep_rate": 0.96,
                      "pseudonym_hits": 0.96},
    # the fifteenth round: forced scamming in compounds abroad, hurricane rebuilding crews,
    # minors along truck-stop corridors
    "eval_blind_ae": {"known_leaks": 2, "unknown_recall": 0.96, "keep_rate": 0.99,
                      "pseudonym_hits": 0.98},
    "eval_blind_af": {"known_leaks": 0, "unknown_recall": 0.97, "keep_rate": 0.98,
                      "pseudonym_hits": 0.98},
    "eval_blind_ag": {"known_leaks": 4, "unknown_recall": 0.98, "keep_rate": 0.97,
                      "pseudonym_hits": 0.98},
    # the sixteenth round: students made to work off a sham school's tuition, fishermen held on
    # longline boats, children and disabled adults made to beg on city transit
    "eval_blind_ah": {"known_leaks": 1, "unknown_recall": 0.96, "keep_rate": 0.99,
                      "pseudonym_hits": 1.0},
    "eval_blind_ai": {"known_leaks": 1, "unknown_recall": 0.92, "keep_rate": 0.96,
                      "pseudonym_hits": 0.95},
    "eval_blind_aj": {"known_leaks": 2, "unknown_recall": 0.91, "keep_rate": 0.96,
                      "pseudonym_hits": 0.98},
    # the seventeenth round: women brought through international marriage brokers, youths on
    # traveling sales crews and carnivals, home-care aides held by agency "breach fees"
    "eval_blind_ak": {"known_leaks": 4, "unknown_recall": 0.93, "keep_rate": 0.98,
                      "pseudonym_hits": 1.0},
    "eval_blind_al": {"known_leaks": 6, "unknown_recall": 0.96, "keep_rate": 0.98,
                      "pseudonym_hits": 1.0},
    "eval_blind_am": {"known_leaks": 0, "unknown_recall": 0.94, "keep_rate": 0.98,
                      "pseudonym_hits": 1.0},
    # the eighteenth round: nail salons, ranches and dairies, children groomed through games
    "eval_blind_an": {"known_leaks": 8, "unknown_recall": 0.93, "keep_rate": 0.94,
                      "pseudonym_hits": 0.98},
    "eval_blind_ao": {"known_leaks": 2, "unknown_recall": 0.96, "keep_rate": 0.96,
                      "pseudonym_hits": 0.97},
    "eval_blind_ap": {"known_leaks": 4, "unknown_recall": 0.94, "keep_rate": 0.94,
                      "pseudonym_hits": 0.98},
    # the nineteenth round: children on meat-plant sanitation crews, Native women trafficked
    # around oil-field camps, seafarers on cruise and cargo ships
    "eval_blind_aq": {"known_leaks": 0, "unknown_recall": 0.98, "keep_rate": 0.93,
                      "pseudonym_hits": 0.98},
    "eval_blind_ar": {"known_leaks": 1, "unknown_recall": 0.96, "keep_rate": 0.98,
                      "pseudonym_hits": 0.97},
    "eval_blind_as": {"known_leaks": 1, "unknown_recall": 0.96, "keep_rate": 0.97,
                      "pseudonym_hits": 0.93},
    # the twentieth round: boys brought over by fake football academies, workers held in gas
    # stations and motels by a family network
    "eval_blind_at": {"known_leaks": 2, "unknown_recall": 0.91, "keep_rate": 0.97,
                      "pseudonym_hits": 0.96},
    "eval_blind_au": {"known_leaks": 0, "unknown_recall": 0.93, "keep_rate": 0.93,
                      "pseudonym_hits": 0.97},
    # the twenty-first round: begging rings, live-in care aides, students of sham colleges
    # (AX's three are one town of 365,000 people, public by GeoNames)
    "eval_blind_av": {"known_leaks": 2, "unknown_recall": 0.94, "keep_rate": 0.95,
                      "pseudonym_hits": 0.97},
    "eval_blind_aw": {"known_leaks": 1, "unknown_recall": 0.96, "keep_rate": 0.96,
                      "pseudonym_hits": 0.98},
    "eval_blind_ax": {"known_leaks": 3, "unknown_recall": 0.93, "keep_rate": 0.97,
                      "pseudonym_hits": 0.98},
    # the twenty-second round: girls held in braiding salons, a closed religious community
    "eval_blind_ay": {"known_leaks": 5, "unknown_recall": 0.92, "keep_rate": 0.93,
                      "pseudonym_hits": 0.96},
    "eval_blind_az": {"known_leaks": 4, "unknown_recall": 0.90, "keep_rate": 0.94,
                      "pseudonym_hits": 0.98},
    # the twenty-third round: scam compounds abroad, young people made to steal and carry drugs
    "eval_blind_ba": {"known_leaks": 1, "unknown_recall": 0.90, "keep_rate": 0.98,
                      "pseudonym_hits": 1.0},
    "eval_blind_bb": {"known_leaks": 6, "unknown_recall": 0.93, "keep_rate": 0.95,
                      "pseudonym_hits": 0.98},
    # the twenty-fourth round: truck drivers held by a CDL school, disaster-recovery crews
    # (BC's Isfara is a district of 274,000 by GeoNames, public by the rule)
    "eval_blind_bc": {"known_leaks": 5, "unknown_recall": 0.94, "keep_rate": 0.94,
                      "pseudonym_hits": 0.98},
    "eval_blind_bd": {"known_leaks": 2, "unknown_recall": 0.92, "keep_rate": 0.95,
                      "pseudonym_hits": 1.0},
    # the twenty-fifth round: mining and logging camps, webcam studios, marriage brokers
    "eval_blind_be": {"known_leaks": 3, "unknown_recall": 0.95, "keep_rate": 0.93,
                      "pseudonym_hits": 0.97},
    "eval_blind_bf": {"known_leaks": 5, "unknown_recall": 0.93, "keep_rate": 0.94,
                      "pseudonym_hits": 0.97},
    "eval_blind_bg": {"known_leaks": 2, "unknown_recall": 0.94, "keep_rate": 0.94,
                      "pseudonym_hits": 0.93},
}


@pytest.mark.parametrize("name", sorted(BLIND_FLOORS))
def test_sets_written_apart_hold_their_floor(name, tmp_path):
    # `clinic redact-eval` reads the whole set in one process (a quarter of the time of one
    # `clinic redact` per case and profile); the sets above go through `clinic redact` itself.
    floor = BLIND_FLOORS[name]
    proc = clinic("redact-eval", str(DATA / name), "--json", str(tmp_path / "scores.json"))
    assert proc.returncode == 0, proc.stderr
    scores = json.loads((tmp_path / "scores.json").read_text())
    assert scores["held_back"] == 0, scores
    assert scores["known_leaks"] <= floor["known_leaks"], scores
    for key in ("unknown_recall", "keep_rate", "pseudonym_hits"):
        assert scores[key] >= floor[key], (key, scores)


@pytest.mark.parametrize("set_dir", SETS, ids=lambda p: p.name)
def test_labelled_sets_meet_the_targets_through_the_cli(set_dir, tmp_path):
    scores = _score_set(set_dir, tmp_path)
    assert scores["known_leaks"] == 0
    assert scores["unknown_recall"] >= 0.95
    assert scores["keep_rate"] >= 0.95
    assert scores["pseudonym_hits"] >= 0.98


def test_redact_eval_prints_the_scores():
    proc = clinic("redact-eval", str(DATA / "eval_dev"))
    assert proc.returncode == 0, proc.stderr
    assert "known leaks: 0/" in proc.stdout
    def number(label: str) -> float:
        m = re.search(rf"{label}: ([\d.]+)", proc.stdout)
        assert m, label
        return float(m.group(1))

    recall, keep, hits = number("unknown recall"), number("keep rate"), number("pseudonym hits")
    assert recall >= 0.95 and keep >= 0.95 and hits >= 0.98
    lost = re.search(r"collateral, lower-case words lost: (\d+)/(\d+)", proc.stdout)
    assert lost and int(lost.group(2)) > 1000  # every ordinary word of the set was counted
    assert int(lost.group(1)) / int(lost.group(2)) <= 0.01
    assert re.search(r"collateral, capitalised words lost: \d+/\d+", proc.stdout)


def test_redact_writes_output_report_and_reference_list(case_file, tmp_path):
    doc = tmp_path / "in" / "note.txt"
    doc.parent.mkdir()
    doc.write_text(DOC)
    out, report, ref = tmp_path / "out", tmp_path / "report.json", tmp_path / "ref.json"
    proc = clinic("redact", "--context", str(case_file), "--profile", "court", "--out", str(out),
                  "--report", str(report), "--reference-list", str(ref), str(doc))
    assert proc.returncode == 0, proc.stderr
    text = (out / "note.txt").read_text()
    for gone in ["Shanice", "Okonjo", "SHANICE", "702.555.0148", "9/17/2005",
                 "419 Desert Willow Ct", "7781", "Victor Salas", "Room 12"]:
        assert not present(gone, text), gone
    assert "Jane Doe 3" in text and "Family Member 1" in text
    assert present("Harriet M. Quill", text) and present("Bluewater Motor Lodge, LLC", text)
    assert sorted(p.name for p in out.iterdir()) == ["note.txt"]  # no temporary files left
    data = json.loads(report.read_text())
    entry = data["files"][0]
    assert entry["file"] == "note.txt" and entry["written"] is True
    assert {"start", "end", "category", "replacement", "detector", "score"} <= set(
        entry["redactions"][0])
    raw = report.read_text()
    for value in ["Shanice", "Okonjo", "555-0148", "Desert Willow", "Victor"]:
        assert value not in raw  # the report never carries original text
    sealed = json.loads(ref.read_text())["reference_list"]
    assert any(e["replacement"] == "Jane Doe 3" and "Shanice Okonjo" in e["replaced"]
               for e in sealed)


def test_no_reference_list_unless_asked(case_file, tmp_path):
    doc = tmp_path / "note.txt"
    doc.write_text(DOC)
    proc = clinic("redact", "--context", str(case_file), "--profile", "co-counsel", "--out",
                  str(tmp_path / "out"), str(doc))
    assert proc.returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.json", "note.txt", "out"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--context", "{tmp}/missing.json", "--profile", "court"], "context file not readable"),
        (["--context", "{case}", "--profile", "public"], "unknown profile"),
        (["--context", "{case}", "--profile", "court", "{tmp}/missing.txt"], "not found"),
        (["--context", "{bad}", "--profile", "court"], "not valid JSON"),
    ],
)
def test_bad_input_exits_2_with_one_line(case_file, tmp_path, args, message):
    bad = tmp_path / "bad.json"
    bad.write_text("{ Shanice Okonjo")
    doc = tmp_path / "note.txt"
    doc.write_text(DOC)
    argv = [a.format(tmp=tmp_path, case=case_file, bad=bad) for a in args]
    if not any(a.endswith(".txt") for a in argv):
        argv.append(str(doc))
    proc = clinic("redact", *argv[:4], "--out", str(tmp_path / "out"), *argv[4:])
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0]
    assert "Shanice" not in proc.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_leak_check_holds_back_the_file_and_exits_3(case_file, tmp_path, monkeypatch):
    from redaction.session import RedactionSession

    real = RedactionSession.leaks

    def leaky(self, text):
        if "clean" in text:
            return real(self, text)
        return [Leak("PHONE", 10, 22, "Jane Doe 3")]

    monkeypatch.setattr(RedactionSession, "leaks", leaky)
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(DOC)
    b.write_text("a clean note about the weather")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli.redact, ["--context", str(case_file), "--profile", "court",
                                             "--out", str(out), str(a), str(b)])
    assert result.exit_code == 3
    assert sorted(p.name for p in out.iterdir()) == ["b.txt"]
    assert "held back: a.txt" in result.output and "PHONE at 10-22" in result.output
    assert "Shanice" not in result.output


def test_progress_on_stderr_for_many_files(case_file, tmp_path):
    files = []
    for i in range(6):
        f = tmp_path / f"n{i}.txt"
        f.write_text(DOC)
        files.append(str(f))
    proc = clinic("redact", "--context", str(case_file), "--profile", "court", "--out",
                  str(tmp_path / "out"), *files)
    assert proc.returncode == 0
    assert "[6/6] n5.txt" in proc.stderr
    assert len(list((tmp_path / "out").iterdir())) == 6


def test_profiles_lists_both():
    proc = clinic("profiles")
    assert proc.returncode == 0
    assert proc.stdout.startswith("co-counsel") and "\ncourt" in proc.stdout


def test_a_bad_ner_process_count_exits_2_with_one_line(case_file, tmp_path):
    doc = tmp_path / "note.txt"
    doc.write_text(DOC)
    env = {**os.environ, "CLINIC_NER_PROCESSES": "many"}
    proc = subprocess.run([CLINIC, "redact", "--context", str(case_file), "--profile", "court",
                           "--out", str(tmp_path / "out"), str(doc)],
                          capture_output=True, text=True, timeout=600, env=env)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "error: CLINIC_NER_PROCESSES must be a whole number of 1 or more"]
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
