import socket

from redaction.context import CaseContext
from redaction.engine import DEFAULT_MODEL, default_model
from redaction.profiles import load_profile


def test_default_model_comes_from_the_environment(monkeypatch):
    monkeypatch.delenv("CLINIC_SPACY_MODEL", raising=False)
    assert default_model() == DEFAULT_MODEL
    monkeypatch.setenv("CLINIC_SPACY_MODEL", "/models/en_core_web_lg")
    assert default_model() == "/models/en_core_web_lg"


def test_only_the_components_the_engine_needs_run(engine):
    assert engine.nlp.pipe_names == ["ner"]


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
