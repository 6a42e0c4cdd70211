import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from redaction.context import CaseContext
from redaction.engine import (
    DEFAULT_MODEL,
    PARALLEL_MIN_DOCS,
    default_model,
    default_processes,
)
from redaction.profiles import load_profile


def test_default_model_comes_from_the_environment(monkeypatch):
    monkeypatch.delenv("CLINIC_SPACY_MODEL", raising=False)
    assert default_model() == DEFAULT_MODEL
    monkeypatch.setenv("CLINIC_SPACY_MODEL", "/models/en_core_web_lg")
    assert default_model() == "/models/en_core_web_lg"


def test_only_the_components_the_engine_needs_run(engine):
    # the model's NER, then the stateless detectors (run where the model runs)
    assert engine.nlp.pipe_names == ["ner", "clinic_detectors"]


def test_redaction_never_touches_the_network(engine, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access during redaction")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    ctx = CaseContext.from_dict({"subjects": [{"pseudonym": "Jane Doe", "names": ["Ana Ruiz"]}]})
    session = engine.session(ctx, load_profile("court"))
    text = "Ana Ruiz wrote to bob.smith@example.com and see https://instagram.com/bob.smith"
    out = session.redact_many([text])[0].text
    assert "Ana" not in out and "bob.smith" not in out


def _blas_threads(env: dict[str, str]) -> str:
    """OPENBLAS_NUM_THREADS as a fresh interpreter sees it once the redaction package loaded
    numpy."""
    code = ("import redaction.engine, os, sys; assert 'numpy' in sys.modules; "
            "print(os.environ['OPENBLAS_NUM_THREADS'])")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parents[3])
    return out.stdout.strip()


def test_one_blas_thread_unless_the_operator_chose() -> None:
    base = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    assert _blas_threads(base) == "1"
    assert _blas_threads({**base, "OPENBLAS_NUM_THREADS": "2"}) == "2"


def test_ner_processes_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("CLINIC_NER_PROCESSES", "3")
    assert default_processes() == 3
    monkeypatch.setenv("CLINIC_NER_PROCESSES", "1")
    assert default_processes() == 1
    for bad in ("0", "two", "-1", "1.5"):
        monkeypatch.setenv("CLINIC_NER_PROCESSES", bad)
        with pytest.raises(ValueError, match="CLINIC_NER_PROCESSES"):
            default_processes()
    monkeypatch.delenv("CLINIC_NER_PROCESSES")
    assert default_processes() == min(2, len(os.sched_getaffinity(0)))


def test_a_second_ner_process_changes_nothing_in_the_output(engine, monkeypatch):
    ctx = CaseContext.from_dict({"subjects": [{"pseudonym": "Jane Doe", "names": ["Ana Ruiz"],
                                               "phones": ["(213) 555-0142"]}]})
    texts = [f"Note {i}: Ana Ruiz met Victor Salas at 41{i} Elm St, Fresno; "
             f"he called 213-555-0142 and Dana Whitfield ({i} pm)." for i in range(14)]
    one = [r.text for r in engine.session(ctx, load_profile("court")).redact_many(texts)]
    monkeypatch.setattr(engine, "processes", 2)
    assert engine.ner_processes(len(texts)) == 2
    assert engine.ner_processes(PARALLEL_MIN_DOCS - 1) == 1  # a few files: no fork
    two = [r.text for r in engine.session(ctx, load_profile("court")).redact_many(texts)]
    assert two == one
    assert all("Ana" not in t and "Victor" not in t and "555-0142" not in t for t in two)
