"""Pages per second for PDF and DOCX redaction through the real engine.

Usage: python bench/formats.py [SET_DIR] [--rounds N]
Builds each document of the set as DOCX and PDF (as the evaluation does), redacts them all
with one session per case, and prints one line:
RESULT pdf_pages_per_s=.. docx_pages_per_s=..
DOCX has no fixed pages; a DOCX page is counted as the pages of the same text as PDF.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import pymupdf

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from redaction.context import CaseContext  # noqa: E402
from redaction.engine import RedactionEngine  # noqa: E402
from redaction.formats import redact_docx, redact_pdf  # noqa: E402
from redaction.profiles import load_profile  # noqa: E402
from tests.functional.test_formats_engine import make_docx, make_pdf  # noqa: E402

DEFAULT_SET = Path(__file__).resolve().parents[1] / "tests" / "data" / "eval_dev"


def main() -> None:
    """Run the benchmark and print the RESULT line."""
    ap = argparse.ArgumentParser()
    ap.add_argument("set_dir", nargs="?", default=str(
        DEFAULT_SET if DEFAULT_SET.exists() else "/work/shared/eval/dev"))
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    sd = Path(a.set_dir)
    labels = json.loads((sd / "labels.json").read_text())
    engine = RedactionEngine()
    inputs = []
    for doc_id, lab in sorted(labels.items()):
        case = json.loads((sd / "cases" / f"{lab['case']}.json").read_text())
        author = case["subjects"][0]["names"][0]
        text = (sd / "docs" / f"{doc_id}.txt").read_text()
        pdf = make_pdf(text, author, f"Declaration of {author}")
        with pymupdf.open(stream=pdf, filetype="pdf") as doc:
            pages = doc.page_count
        inputs.append((lab, pages, pdf, make_docx(text, author, f"Notes re {author}")))
    engine.session(CaseContext.from_file(sd / "cases" / f"{inputs[0][0]['case']}.json"),
                   load_profile("court")).redact_many(["warm up the pipeline"])
    seconds = {"pdf": 0.0, "docx": 0.0}
    pages_done = 0
    for _ in range(a.rounds):
        for lab, pages, pdf, docx_data in inputs:
            context = CaseContext.from_file(sd / "cases" / f"{lab['case']}.json")
            profile = load_profile(lab.get("profile", "court"))
            for fmt, fn, data in (("pdf", redact_pdf, pdf), ("docx", redact_docx, docx_data)):
                session = engine.session(context, profile)
                t0 = time.perf_counter()
                fn(data, session, keep_images=profile.keep_images)
                seconds[fmt] += time.perf_counter() - t0
            pages_done += pages
    print(f"documents={len(inputs)} rounds={a.rounds} pages={pages_done} "
          f"pdf_s={seconds['pdf']:.2f} docx_s={seconds['docx']:.2f}")
    print(f"RESULT pdf_pages_per_s={pages_done / seconds['pdf']:.1f} "
          f"docx_pages_per_s={pages_done / seconds['docx']:.1f}")


if __name__ == "__main__":
    main()
