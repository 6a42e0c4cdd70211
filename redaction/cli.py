"""`clinic redact`, `clinic redact-eval` and `clinic profiles`: plain click commands."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any, NoReturn

import click

from redaction.context import CaseContext
from redaction.errors import RedactionError
from redaction.formats import FormatError, UnreadablePage, prepare_docx, prepare_pdf
from redaction.formats.base import PreparedDocument
from redaction.profiles import list_profiles, load_profile
from redaction.types import Leak, Redaction

EXIT_OK, EXIT_BAD_INPUT, EXIT_HELD_BACK = 0, 2, 3
SUPPORTED = {".txt", ".docx", ".pdf"}
PROGRESS_FROM = 5  # files; fewer go quietly


def _fail(message: str) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(EXIT_BAD_INPUT)


def write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file in the same folder and a rename: never half a file."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _redaction_json(r: Redaction, page: int | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"start": r.start, "end": r.end, "category": r.category,
                           "replacement": r.replacement, "detector": r.detector,
                           "score": round(r.score, 3)}
    if page is not None:
        out["page"] = page
    return out


def _leak_json(leak: Leak, page: int | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"category": leak.category, "start": leak.start, "end": leak.end,
                           "owner": leak.owner}
    if page is not None:
        out["page"] = page
    return out


def _make_engine() -> Any:
    from redaction.engine import RedactionEngine, default_model, default_processes

    try:
        processes = default_processes()
    except ValueError as exc:
        _fail(str(exc))
    try:
        return RedactionEngine(processes=processes)
    except (OSError, ImportError):
        _fail(f"spaCy model not available: {default_model()}")


def _check_inputs(files: tuple[str, ...]) -> list[Path]:
    paths = [Path(f) for f in files]
    names = set()
    for p in paths:
        if not p.is_file():
            _fail(f"input file not found: {p}")
        if p.suffix.lower() not in SUPPORTED:
            _fail(f"unsupported file type (use .txt, .docx or .pdf): {p}")
        if p.name in names:
            _fail(f"two inputs share the output name: {p.name}")
        names.add(p.name)
    return paths


@click.command("redact")
@click.option("--context", "context_path", required=True, help="Case context JSON.")
@click.option("--profile", "profile_name", required=True, help="Profile name (clinic profiles).")
@click.option("--out", "out_dir", required=True, help="Folder for the redacted files.")
@click.option("--report", "report_path", help="Write a JSON report of every redaction here.")
@click.option("--reference-list", "reference_path",
              help="Write the sealed reference list (pseudonym -> what it replaced) here.")
@click.argument("files", nargs=-1, required=True)
def redact(context_path: str, profile_name: str, out_dir: str, report_path: str | None,
           reference_path: str | None, files: tuple[str, ...]) -> None:
    """Redact FILE... for a case and profile into --out; hold back any file that leaks."""
    try:
        context = CaseContext.from_file(context_path)
        profile = load_profile(profile_name)
    except RedactionError as exc:
        _fail(str(exc))
    paths = _check_inputs(files)
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError:
        _fail(f"output folder not writable: {out}")
    engine = _make_engine()
    session = engine.session(context, profile)
    progress = len(paths) >= PROGRESS_FROM
    if progress:
        click.echo(f"redacting {len(paths)} files ({profile.name})", err=True)
    opened, bad, unreadable = _open_inputs(paths, profile.keep_images)
    # Every text unit of every file goes through one batch, so what one document reveals
    # (a surname, a room, a plate) is redacted in all of them.
    units: list[str] = []
    slices: dict[Path, slice] = {}
    for p, item in opened.items():
        texts = [item] if isinstance(item, str) else item.texts
        slices[p] = slice(len(units), len(units) + len(texts))
        units.extend(texts)
    results = session.redact_many(units)
    report: list[dict[str, Any]] = []
    held = 0
    for i, p in enumerate(paths, 1):
        entry: dict[str, Any] = {"file": p.name, "written": False, "redactions": [], "leaks": []}
        report.append(entry)
        if p in bad:
            entry["error"] = "bad input"
            continue
        if p in unreadable:
            held += 1
            entry["error"] = f"page {unreadable[p]} has images but no text layer"
            click.echo(f"held back: {p.name}: {entry['error']}", err=True)
            continue
        item, mine = opened[p], results[slices[p]]
        leaks: list[tuple[int | None, Leak]]
        if isinstance(item, str):
            leaks = [(None, lk) for lk in session.leaks(mine[0].text)]
            pairs: list[tuple[int | None, Redaction]] = [(None, r) for r in mine[0].redactions]
            data = mine[0].text.encode("utf-8")
        else:
            outcome = item.finish(mine, session)
            data, pairs, leaks = outcome.data, list(outcome.redactions), list(outcome.leaks)
        entry["redactions"] = [_redaction_json(r, pg) for pg, r in pairs]
        entry["leaks"] = [_leak_json(lk, pg) for pg, lk in leaks]
        if leaks:
            held += 1
            where = ", ".join(
                f"{lk.category} at {lk.start}-{lk.end}" + (f" page {pg}" if pg is not None else "")
                for pg, lk in leaks[:10])
            click.echo(f"held back: {p.name}: known identifiers remain ({where})", err=True)
        else:
            write_atomic(out / p.name, data)
            entry["written"] = True
        if progress:
            click.echo(f"[{i}/{len(paths)}] {p.name}", err=True)
    if report_path:
        doc = {"profile": profile.name, "files": report}
        write_atomic(Path(report_path), json.dumps(doc, indent=1).encode("utf-8"))
    if reference_path:
        data = json.dumps({"reference_list": session.reference_list()}, indent=1)
        write_atomic(Path(reference_path), data.encode("utf-8"))
    if bad:
        sys.exit(EXIT_BAD_INPUT)
    sys.exit(EXIT_HELD_BACK if held else EXIT_OK)


def _open_inputs(
    paths: list[Path], keep_images: bool
) -> tuple[dict[Path, str | PreparedDocument], set[Path], dict[Path, int]]:
    """Read text files and open DOCX/PDF files; bad files get one error line each."""
    opened: dict[Path, str | PreparedDocument] = {}
    bad: set[Path] = set()
    unreadable: dict[Path, int] = {}
    for p in paths:
        kind = p.suffix.lower()
        try:
            if kind == ".txt":
                opened[p] = p.read_text(encoding="utf-8")
            else:
                prepare = prepare_docx if kind == ".docx" else prepare_pdf
                opened[p] = prepare(p.read_bytes(), keep_images=keep_images)
        except (OSError, UnicodeDecodeError):
            click.echo(f"error: input file not readable: {p}", err=True)
            bad.add(p)
        except UnreadablePage as exc:
            unreadable[p] = exc.page
        except FormatError as exc:
            click.echo(f"error: cannot read {kind.lstrip('.')} file {p}: {exc}", err=True)
            bad.add(p)
    return opened, bad, unreadable


@click.command("redact-eval")
@click.argument("set_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "json_path", help="Also write the scores as JSON here.")
@click.option("--show-failures", is_flag=True,
              help="List the labelled strings that failed (they are identifying).")
def redact_eval(set_dir: str, json_path: str | None, show_failures: bool) -> None:
    """Score the engine on a labelled set (cases/, docs/, labels.json)."""
    from redaction.evaluation import evaluate

    try:
        scores = evaluate(_make_engine(), set_dir)
    except RedactionError as exc:
        _fail(str(exc))
    s = scores
    click.echo(f"known leaks: {s.known_leaks}/{s.known_total}")
    click.echo(f"unknown recall: {s.unknown_recall:.4f}")
    click.echo(f"keep rate: {s.keep_rate:.4f}")
    click.echo(f"pseudonym hits: {s.pseudonym_hits:.4f}")
    click.echo(f"held back: {s.held_back}")
    click.echo(f"collateral, lower-case words lost: {s.lower_lost}/{s.lower_words} "
               f"({s.lower_collateral:.2%})")
    click.echo(f"collateral, capitalised words lost: {s.capital_lost}/{s.capital_words} "
               f"({s.capital_collateral:.2%})")
    if show_failures:
        for f in s.failures:
            click.echo(json.dumps(f, ensure_ascii=False))
    if json_path:
        write_atomic(Path(json_path), json.dumps(s.as_dict(), indent=1).encode("utf-8"))


@click.command("profiles")
def profiles() -> None:
    """List the redaction profiles."""
    for p in list_profiles():
        images = "keeps images" if p.keep_images else "drops images"
        click.echo(f"{p.name}\t{images}\t{p.description}")


COMMANDS = [redact, redact_eval, profiles]


@click.group()
def _main() -> None:
    """Redaction commands (the `clinic` group adds these too)."""


for _command in COMMANDS:
    _main.add_command(_command)

if __name__ == "__main__":
    _main()
