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
    from redaction.engine import RedactionEngine, default_model

    try:
        return RedactionEngine()
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
    texts: dict[Path, str] = {}
    for p in paths:
        if p.suffix.lower() == ".txt":
            try:
                texts[p] = p.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                _fail(f"input file not readable as UTF-8 text: {p}")
    engine = _make_engine()
    session = engine.session(context, profile)
    progress = len(paths) >= PROGRESS_FROM
    if progress:
        click.echo(f"redacting {len(paths)} files ({profile.name})", err=True)
    redacted = dict(zip(texts, session.redact_many(list(texts.values())), strict=True))
    report: list[dict[str, Any]] = []
    held = bad = 0
    for i, p in enumerate(paths, 1):
        entry: dict[str, Any] = {"file": p.name, "written": False, "redactions": [], "leaks": []}
        if p in redacted:
            result = redacted[p]
            leaks = [(None, lk) for lk in session.leaks(result.text)]
            entry["redactions"] = [_redaction_json(r) for r in result.redactions]
            data = result.text.encode("utf-8")
        else:
            outcome = _redact_binary(p, session, profile.keep_images)
            if outcome is None:
                bad += 1
                entry["error"] = "bad input"
                report.append(entry)
                continue
            data, pairs, leaks = outcome
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
        report.append(entry)
    if report_path:
        doc = {"profile": profile.name, "files": report}
        write_atomic(Path(report_path), json.dumps(doc, indent=1).encode("utf-8"))
    if reference_path:
        data = json.dumps({"reference_list": session.reference_list()}, indent=1)
        write_atomic(Path(reference_path), data.encode("utf-8"))
    if bad:
        sys.exit(EXIT_BAD_INPUT)
    sys.exit(EXIT_HELD_BACK if held else EXIT_OK)


def _redact_binary(path: Path, session: Any, keep_images: bool) -> Any:
    """DOCX/PDF through redaction.formats; None (after one error line) on bad input."""
    try:
        import redaction.formats as formats
        handler = getattr(formats, "redact_docx" if path.suffix.lower() == ".docx"
                          else "redact_pdf")
    except (ImportError, AttributeError):
        click.echo(f"error: format support not installed: {path}", err=True)
        return None
    try:
        result = handler(path.read_bytes(), session, keep_images=keep_images)
    except getattr(formats, "UnreadablePage", ()) as exc:
        page = getattr(exc, "page", None)
        return b"", [], [(page, Leak("UNREADABLE_PAGE", 0, 0, ""))]
    except getattr(formats, "FormatError", ()):
        click.echo(f"error: cannot read {path.suffix.lstrip('.')} file: {path}", err=True)
        return None
    return result.data, list(result.redactions), list(result.leaks)


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
