"""Validate a labelled redaction set written in FORMAT.md's format.

Usage: python3 validate.py SET_DIR
Prints counts and every problem; ends with 'problems N'.
"""
import json
import re
import sys
from pathlib import Path


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().lower()


def present(needle: str, hay: str) -> int:
    n = re.escape(norm(needle)).replace(r"\ ", r"\s+")
    return len(re.findall(r"(?<!\w)" + n + r"(?!\w)", norm(hay)))


def main() -> int:
    root = Path(sys.argv[1])
    problems: list[str] = []
    cases = {}
    for p in sorted((root / "cases").glob("*.json")):
        try:
            c = json.loads(p.read_text())
        except Exception as e:  # noqa: BLE001
            problems.append(f"{p.name}: not JSON ({e})")
            continue
        cases[p.stem] = c
        for s in c.get("subjects", []):
            if not s.get("pseudonym") or not s.get("names"):
                problems.append(f"{p.name}: subject without pseudonym or names")
        for r in c.get("related_people", []):
            if not r.get("label") or not r.get("names"):
                problems.append(f"{p.name}: related person without label or names")
    labels = json.loads((root / "labels.json").read_text())
    docs = {p.stem: p for p in (root / "docs").glob("*.txt")}
    counts = {"known": 0, "unknown": 0, "keep": 0}
    for d in docs:
        if d not in labels:
            problems.append(f"{d}: no labels")
    for doc_id, lab in labels.items():
        if doc_id not in docs:
            problems.append(f"{doc_id}: labelled but no docs/{doc_id}.txt")
            continue
        text = docs[doc_id].read_text(encoding="utf-8")
        if lab.get("case") not in cases:
            problems.append(f"{doc_id}: case {lab.get('case')!r} has no cases/ file")
            continue
        if lab.get("profile") not in ("court", "co-counsel"):
            problems.append(f"{doc_id}: profile must be court or co-counsel")
        case = cases[lab["case"]]
        pseuds = {s["pseudonym"] for s in case.get("subjects", [])} | {
            r["label"] for r in case.get("related_people", [])}
        for item in lab.get("must_remove", []):
            t = item.get("text", "")
            if item.get("kind") not in ("known", "unknown"):
                problems.append(f"{doc_id}: must_remove {t!r} kind must be known/unknown")
            counts[item.get("kind", "unknown")] = counts.get(item.get("kind", "unknown"), 0) + 1
            if not present(t, text):
                problems.append(f"{doc_id}: must_remove {t!r} not found as a whole word")
        for k in lab.get("must_keep", []):
            counts["keep"] += 1
            if not present(k, text):
                problems.append(f"{doc_id}: must_keep {k!r} not found as a whole word")
            for item in lab.get("must_remove", []):
                if norm(item["text"]) == norm(k):
                    problems.append(f"{doc_id}: {k!r} is both kept and removed")
        for p, n in lab.get("pseudonyms", {}).items():
            if p not in pseuds:
                problems.append(
                    f"{doc_id}: pseudonym {p!r} not a subject or related label of {lab['case']}")
            if not isinstance(n, int) or n < 1:
                problems.append(f"{doc_id}: pseudonym count must be a positive int")
    print(f"cases {len(cases)} docs {len(docs)} known {counts['known']} "
          f"unknown {counts['unknown']} keep {counts['keep']}")
    for problem in problems:
        print("PROBLEM", problem)
    print(f"problems {len(problems)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
