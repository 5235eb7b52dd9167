"""kzru add, as a library call: read → annotate → draft (in worker processes with jobs > 1)
→ link events → propose same_as → validate → write, all or nothing.

Nothing is written until every article has been drafted and the new tables pass the same
loader ``kzru check`` uses (evidence re-verified by ``store.verify_evidence``, in a scratch
copy: kzru.curate.scratch); then the
tables, the article texts and the reviewer's notes are committed together (kzru.writer).
"""

from __future__ import annotations

import json
import os
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, Callable, Iterator, NamedTuple

from kzru import store, writer
from kzru.curate import inputs, same_text
from kzru.curate.annotate import Token, annotate
from kzru.curate.corroborate import Candidates, propose
from kzru.curate.datelines import refuse_undated
from kzru.curate.draft import Draft, draft_article
from kzru.curate.events import Linker, link_article
from kzru.curate.lexicon import Lexicon, lexicon
from kzru.curate.notes import NOTES, read_notes
from kzru.curate.read import ARTICLE_LIMIT, Article, Overrides, read_article
from kzru.curate.scratch import ARTICLES, validate
from kzru.errors import KzruError
from kzru.labels import Said, as_data
from kzru.model import Fact, Source


class ArticleResult(NamedTuple):
    """The summary of one article's drafting (the table kzru add prints)."""

    file: str
    source: str
    sentences: int
    drafts: int
    statuses: dict[str, int]
    kinds: dict[str, int]
    events_linked: int
    events_proposed: int
    corroborations: int
    seconds: float
    skipped: dict[str, int]  # sentences not drafted, by reason ("formula start")
    warnings: tuple = ()  # how the article was read, said on stderr (read.Article.warnings)


def _draft_one(article: Article, lexicon_: Lexicon
               ) -> tuple[list[Draft], dict[int, Any], int, float, dict[str, int]]:
    """Annotate and draft one article. Only the drafted sentences go back to the parent,
    each without its tokens but the first that has a tense and the verbs (linking reads a
    sentence's text, entities, tense and where its verbs stand; the rest would only be
    pickled between processes)."""
    began = time.perf_counter()
    annotated = annotate(article)
    skipped: dict[str, set[int]] = {}
    drafts = draft_article(annotated, lexicon_, skipped)
    used = {draft.sentence for draft in drafts}
    sentences = {s.index: s._replace(tokens=_linking_tokens(s.tokens))
                 for s in annotated.sentences if s.index in used}
    return drafts, sentences, len(annotated.sentences), time.perf_counter() - began, \
        {reason: len(numbers) for reason, numbers in skipped.items()}


# The workers' lexicon: set in the parent before the workers fork (they inherit it, nothing
# is pickled), or by _start in each worker where the system cannot fork.
_LEXICON: Lexicon | None = None


def _start(lexicon_: Lexicon | None, parent: int) -> None:
    """A worker's start: it lets go of the folder's lock it inherited and dies with its
    parent (a SIGKILLed add left workers that held the folder locked for good), then takes
    the lexicon (where it was not inherited) and the language models."""
    global _LEXICON
    from kzru.journal import release_inherited

    release_inherited()
    _die_with(parent)
    if lexicon_ is not None:
        _LEXICON = lexicon_
    from kzru.curate.annotate import tools

    tools()


def _die_with(parent: int) -> None:
    """Ask Linux to kill this worker when its parent dies (elsewhere the pool's own
    shutdown does it); a parent gone already ends the worker now."""
    import signal
    import sys

    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:
        os._exit(1)


def _draft_chunk(articles: list[Article]) -> list[tuple]:
    """Worker: draft a run of articles, one round trip for all of them."""
    assert _LEXICON is not None
    return [_draft_one(article, _LEXICON) for article in articles]


CHUNKS_PER_WORKER = 4  # a few runs each: the progress bar moves, a slow run is shared


def chunks(articles: list[Article], jobs: int) -> list[list[Article]]:
    """The articles in runs, about CHUNKS_PER_WORKER per worker, in their order."""
    count = min(len(articles), jobs * CHUNKS_PER_WORKER)
    size, extra = divmod(len(articles), count)
    runs, at = [], 0
    for number in range(count):
        step = size + (number < extra)
        runs.append(articles[at:at + step])
        at += step
    return runs


def draft_all(articles: list[Article], lexicon_: Lexicon, jobs: int = 1,
              progress: Callable[[str], None] | None = None) -> list[tuple]:
    """_draft_one for every article, in order (draft_each, collected)."""
    return list(draft_each(articles, lexicon_, jobs, progress))


def draft_each(articles: list[Article], lexicon_: Lexicon, jobs: int = 1,
               progress: Callable[[str], None] | None = None) -> Iterator[tuple]:
    """_draft_one for every article, yielded in order as each is ready: in this process, or
    with jobs > 1 in worker processes started once, each sent runs of articles (one round
    trip per run, the lexicon never sent) and sending back compact results. The caller links
    and corroborates one article's drafts while the workers draft the next ones, so that
    serial part of add overlaps the parallel one instead of following it."""
    if jobs <= 1 or len(articles) <= 1:
        for article in articles:
            drafted = _draft_one(article, lexicon_)
            if progress:
                progress(article.path)
            yield drafted
        return
    from concurrent.futures.process import BrokenProcessPool

    runs = chunks(articles, jobs)
    pool = _pool(jobs, lexicon_)
    try:
        # A killed worker breaks the pool: submit raises (while runs are still being sent)
        # or a result does; the caller's own work between yields is not inside this try.
        futures = [pool.submit(_draft_chunk, run) for run in runs]
        for run, future in zip(runs, futures):
            results = future.result()
            for article, drafted in zip(run, results):
                if progress:
                    progress(article.path)
                yield drafted
    except BrokenProcessPool:
        raise KzruError(Said("err.worker_died", jobs=jobs)) from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _pool(jobs: int, lexicon_: Lexicon) -> ProcessPoolExecutor:
    """Workers that share the parent's language models and lexicon: loaded here once, then
    forked (where the system forks; elsewhere each worker loads them as it starts)."""
    import multiprocessing

    from kzru.curate.annotate import tools

    global _LEXICON
    if "fork" in multiprocessing.get_all_start_methods():
        tools()
        _LEXICON = lexicon_
        return ProcessPoolExecutor(max_workers=jobs, initializer=_start,
                                   initargs=(None, os.getpid()),
                                   mp_context=multiprocessing.get_context("fork"))
    return ProcessPoolExecutor(max_workers=jobs, initializer=_start,
                               initargs=(lexicon_, os.getpid()))


def refuse_bundled(folder: Path) -> None:
    try:
        if folder.resolve() == store.bundled_data_dir().resolve():
            raise KzruError(Said("err.bundled"))
    except OSError:
        pass


def next_source_id(taken: set[str]) -> str:
    number = 0
    while f"a{number:03d}" in taken:
        number += 1
    return f"a{number:03d}"


def read_all(paths: list[Path], overrides: Overrides, known: dict[str, Source]
             ) -> list[Article]:
    """Read every article; refuse (before anything is written) a text already in the data
    or given twice (the same text: kzru/curate/same_text.py), or one with no publication
    date."""
    articles: list[Article] = []
    seen: dict[str, str | Source] = dict(known)
    for path in paths:
        article = read_article(path, overrides)
        key = next((key for key in same_text.probes(article.text) if key in seen), None)
        if key is not None:
            met = seen[key]
            source, digest = (met.id, met.sha256) if isinstance(met, Source) else \
                (met, article.sha256)
            raise KzruError(Said("err.same_text" if key == article.sha256 else
                                 "err.same_text_trimmed", path=path, source=source,
                                 digest=digest[:12]))
        if article.published is None:
            refuse_undated(path, article.text)
        seen.update(dict.fromkeys(same_text.keys(article.text), str(path)))
        articles.append(article)
    return articles


def add(paths: list[Path], folder: Path, overrides: Overrides = Overrides(), jobs: int = 1,
        progress: Callable[[str], None] | None = None) -> list[ArticleResult]:
    """Draft every article into ``folder``; return one summary per article. The folder is
    held (writer.folder_lock) from the first read to the last write: another add or review
    is refused meanwhile, so neither rewrites the tables over the other's work."""
    refuse_bundled(folder)
    with writer.folder_lock(folder):
        return _add(paths, folder, overrides, jobs, progress)


def _add(paths: list[Path], folder: Path, overrides: Overrides, jobs: int,
         progress: Callable[[str], None] | None) -> list[ArticleResult]:
    data = store.load(folder)
    known = same_text.known(data.sources.values(), folder / ARTICLES, ARTICLE_LIMIT)
    articles = read_all(paths, overrides, known)
    lexicon_ = lexicon(data.sectors.values(), data.glossary.values())
    drafted = draft_each(articles, lexicon_, jobs, progress)
    tables = {name: writer.read_table(folder / f"{name}.csv")
              for name in ("sources", "events", "facts")}
    notes = read_notes(folder)
    linker = Linker(data.events.values())
    candidates = Candidates(data.facts.values())  # what a draft may be the same as
    taken_files = {source.file for source in data.sources.values()}
    taken_ids = set(data.sources)
    results: list[ArticleResult] = []
    given: dict[str, tuple[str, Article, int]] = {}  # row id -> its table, article, sentence
    texts: dict[str, bytes] = {}
    modes: dict[str, int] = {}  # an article's copy gets no permission its file lacked
    origins: dict[str, str] = {}
    for article, (drafts, sentences, count, seconds, skipped) in zip(articles, drafted):
        source_id = next_source_id(taken_ids)
        taken_ids.add(source_id)
        name = article.name if article.name not in taken_files else f"{source_id}_{article.name}"
        taken_files.add(name)
        texts[f"{ARTICLES}/{name}"] = article.text.encode("utf-8")
        modes[f"{ARTICLES}/{name}"] = article.mode
        origins[f"{ARTICLES}/{name}"] = article.path
        tables["sources"].rows.append(writer.cells(Source(
            id=source_id, file=name, publisher=article.publisher, title=article.title,
            published=article.published, published_precision=article.precision,
            published_basis=article.basis, published_note=article.note, url=article.url,
            url_note=article.url_note, sha256=article.sha256,
            # an article that gave no draft has nothing to review: it is settled as added
            # (kept, so the same text is refused later), never left a draft no review can take
            review="draft" if drafts else "accepted")))
        given[source_id] = ("sources", article, 0)
        # how the article was dated, kept as labels too: said in the reader's language
        said = {column: as_data(note) for column, note in (
            ("published_note", article.note), ("url_note", article.url_note))
            if isinstance(note, Said)}
        if said:
            notes["sources"][source_id] = said
        before = set(linker.events)
        links = link_article(drafts, sentences, source_id, article.published,
                             article.precision, linker)
        invited = [linker.invited.get(index, "") for index in range(len(drafts))]
        settled = linker.settle(links + invited, set(linker.events) - before)
        links, invited = settled[:len(drafts)], settled[len(drafts):]
        proposed_here = {e for e in links + invited if e and e not in before}
        corroborations = 0
        statuses: dict[str, int] = {}
        kinds: dict[str, int] = {}
        for draft, event_id, proposes in zip(drafts, links, invited):
            fact = _fact(draft, source_id, event_id)
            same = propose(fact, candidates.of(fact))
            fact = fact._replace(same_as=same)
            corroborations += bool(same)
            candidates.add(fact)
            tables["facts"].rows.append(writer.cells(fact))
            given[fact.id] = ("facts", article, sentences[draft.sentence].start)
            notes["drafts"][fact.id] = _note(draft, sentences, article, name)
            if proposes:  # an invitation's visit: review accepts it with the invitation
                notes["drafts"][fact.id]["proposes"] = proposes
            statuses[fact.status] = statuses.get(fact.status, 0) + 1
            kinds[fact.kind] = kinds.get(fact.kind, 0) + 1
        given.update({e: ("events", article, 0) for e in proposed_here})
        linked = {e for e in links if e and e not in proposed_here}  # (invited: proposed)
        results.append(ArticleResult(str(article.path), source_id, count, len(drafts), statuses,
                                     kinds, len(linked), len(proposed_here), corroborations,
                                     round(seconds, 3), skipped, article.warnings))
    for event_id in sorted(linker.proposed):  # by date: the same rows in the same order
        tables["events"].rows.append(writer.cells(linker.events[event_id]))
    contents = writer.render_tables(tables)
    contents.update(texts)
    contents[NOTES] = json.dumps(notes, ensure_ascii=False, indent=1).encode("utf-8")
    validate(folder, contents, origins, _locate(given))
    writer.commit(folder, contents, modes)
    return results


def _locate(given: dict[str, tuple[str, Article, int]]) -> inputs.Locate:
    """Where a problem in a row this add drafted comes from: the source row's option or the
    article's line or page, a draft's sentence, a proposed event's article."""

    def locate(table: str, row_id: str, column: str | None) -> inputs.Input | None:
        found = given.get(row_id)
        if found is None or found[0] != table:
            return None
        _, article, start = found
        if table == "sources":
            return inputs.source_input(article.origins or {}, article.path, column)
        if table == "facts":
            return inputs.sentence_input(article.path, article.path.lower().endswith(".txt"),
                                         article.text, start, row_id, column)
        return inputs.event_input(article.path, row_id, column)

    return locate


def _fact(draft: Draft, source: str, event: str) -> Fact:
    from kzru.store import exact_number

    return Fact(
        id=f"{source}-s{draft.sentence:03d}" + (f"-{draft.part}" if draft.part else ""),
        kind=draft.kind, event=event, date=draft.date.date,
        date_precision=draft.date.precision, date_basis=draft.date.basis,
        date_note=draft.date.note, sectors=draft.sectors, status=draft.status,
        speaker=draft.speaker, summary="", text=draft.text, evidence=draft.evidence,
        source=source, value=exact_number(draft.value) if draft.value else None,
        unit=draft.unit if draft.value else "", names=draft.names, part_of="", follows=(),
        same_as=(), review="draft")


def _linking_tokens(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """The first token with a tense (the sentence's tense) and every verb or infinitive."""
    first = next((t for t in tokens if t.tense), None)
    return tuple(t for t in tokens if t is first or t.pos in ("VERB", "INFN"))


def _note(draft: Draft, sentences: dict[int, Any], article: Article, name: str) -> dict:
    sentence = sentences[draft.sentence]
    # the drafter's notes as its labels' keys and fields too, so review says them in the
    # reader's language; the English (status_from, the row's date_note) stays as written
    said = {"status_from": as_data(draft.why.status_from)}
    if draft.date.note:
        said["date_note"] = as_data(draft.date.note)
    return {"file": name, "sentence": [sentence.start, sentence.stop],
            "cue": draft.why.cue, "status_from": str(draft.why.status_from),
            "kind_word": draft.why.kind_word, "entity": draft.why.entity, "said": said}
