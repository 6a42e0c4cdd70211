"""Throughput of `clinic redact`'s engine against plain Presidio on the same documents.

Replicates a labelled set (default: tests/data/eval_dev) to at least --docs documents, then
runs two whole processes over them with the same spaCy model:
  ours      RedactionEngine: one session per case and profile, redact_many + leak check;
  presidio  AnalyzerEngine with its default recognizers + AnonymizerEngine "replace".
The two alternate for --rounds rounds (default 3) and the fastest run of each counts, so a
slow moment of the machine does not decide the ratio. Prints docs/s for each and the ratio,
ending with one `RESULT ...` line.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SET = ROOT / "tests" / "data" / "eval_dev"


def build_corpus(set_dir: Path, n_docs: int, work: Path) -> int:
    """Copy the set's documents into work/<case>/<profile>/ until there are n_docs."""
    labels = json.loads((set_dir / "labels.json").read_text())
    items = sorted(labels.items())
    count = 0
    rep = 0
    while count < n_docs:
        for doc_id, lab in items:
            folder = work / lab["case"] / lab.get("profile", "court")
            folder.mkdir(parents=True, exist_ok=True)
            text = (set_dir / "docs" / f"{doc_id}.txt").read_text()
            (folder / f"{doc_id}_{rep:03d}.txt").write_text(text)
            count += 1
        rep += 1
    return count


def groups(set_dir: Path, work: Path) -> list[tuple[Path, str, list[Path]]]:
    """(context file, profile, documents) for every case and profile folder."""
    out = []
    for case_dir in sorted(p for p in work.iterdir() if p.is_dir()):
        for prof_dir in sorted(p for p in case_dir.iterdir() if p.is_dir()):
            out.append((set_dir / "cases" / f"{case_dir.name}.json", prof_dir.name,
                        sorted(prof_dir.glob("*.txt"))))
    return out


def run_ours(set_dir: Path, work: Path, processes: int = 1) -> int:
    """Worker: our engine, one session per case and profile, its model in `processes`
    processes as `clinic redact` runs it."""
    from redaction.context import CaseContext
    from redaction.engine import RedactionEngine
    from redaction.profiles import load_profile

    engine = RedactionEngine(processes=processes)
    n = 0
    for ctx_path, profile, files in groups(set_dir, work):
        session = engine.session(CaseContext.from_file(ctx_path), load_profile(profile))
        texts = [f.read_text() for f in files]
        for out in session.redact_many(texts):
            session.leaks(out.text)
            n += 1
    return n


def run_presidio(set_dir: Path, work: Path, model: str) -> int:
    """Worker: plain Presidio with its default recognizers and the same spaCy model."""
    import tldextract

    # The public suffix list must come from the bundled snapshot: no network at run time.
    tldextract.extract = tldextract.TLDExtract(  # type: ignore[assignment]
        suffix_list_urls=(), cache_dir=None)
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_anonymizer import AnonymizerEngine
    from presidio_anonymizer.entities import OperatorConfig

    provider = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": model}]})
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine())
    anonymizer = AnonymizerEngine()
    ops = {"DEFAULT": OperatorConfig("replace")}
    n = 0
    for _ctx, _profile, files in groups(set_dir, work):
        for f in files:
            text = f.read_text()
            results = analyzer.analyze(text=text, language="en")
            anonymizer.anonymize(text=text, analyzer_results=results,  # type: ignore[arg-type]
                                 operators=ops)
            n += 1
    return n


def timed(args: list[str]) -> float:
    """Wall-clock seconds of one whole worker process."""
    t0 = time.perf_counter()
    subprocess.run([sys.executable, __file__, *args], check=True, cwd=ROOT)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--set", type=Path, default=DEFAULT_SET)
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--worker", choices=["ours", "presidio"])
    ap.add_argument("--work", type=Path)
    ap.add_argument("--model")
    ap.add_argument("--processes", type=int,
                    help="processes for our NER model (default: as `clinic redact`, "
                         "$CLINIC_NER_PROCESSES or 2 on a machine with two cores); plain "
                         "Presidio always runs in one")
    ap.add_argument("--rounds", type=int, default=3,
                    help="alternate the two engines this many times; the fastest run of each "
                         "counts (this VM's speed drifts by 10%% between runs)")
    a = ap.parse_args()
    if a.worker == "ours":
        run_ours(a.set, a.work, a.processes or 1)
        return
    if a.worker == "presidio":  # imports nothing of ours: same model, Presidio's defaults
        run_presidio(a.set, a.work, a.model)
        return
    from redaction.engine import default_model, default_processes

    # Both workers get the BLAS setting our engine uses (importing `redaction` sets it), so
    # the ratio compares the engines, not a thread setting Presidio could use as well.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    model = default_model()
    processes = a.processes or default_processes()
    with tempfile.TemporaryDirectory(prefix="bench-redaction-") as tmp:
        work = Path(tmp)
        n = build_corpus(a.set, a.docs, work)
        common = ["--set", str(a.set), "--work", str(work)]
        runs: dict[str, list[float]] = {"ours": [], "presidio": []}
        for _ in range(max(1, a.rounds)):
            runs["ours"].append(timed(["--worker", "ours", "--processes", str(processes),
                                       *common]))
            runs["presidio"].append(timed(["--worker", "presidio", "--model", model, *common]))
    ours, presidio = min(runs["ours"]), min(runs["presidio"])
    ours_rate, presidio_rate = n / ours, n / presidio
    print(f"docs={n} model={model} rounds={len(runs['ours'])} ours_processes={processes} "
          f"OPENBLAS_NUM_THREADS={os.environ['OPENBLAS_NUM_THREADS']} (both workers)")
    for name, times in runs.items():
        print(f"{name:9} runs: " + ", ".join(f"{t:.2f} s" for t in times))
    print(f"ours:     {ours:7.2f} s  {ours_rate:6.2f} docs/s")
    print(f"presidio: {presidio:7.2f} s  {presidio_rate:6.2f} docs/s")
    print(f"RESULT docs={n} ours_docs_per_s={ours_rate:.2f} "
          f"presidio_docs_per_s={presidio_rate:.2f} ratio={ours_rate / presidio_rate:.2f} "
          f"ours_processes={processes}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
