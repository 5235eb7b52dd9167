"""kzru track: every commitment, plan, forecast, signed document and discussed item, and what
became of it."""

from itertools import islice
from typing import Annotated, Any, Iterator, List, Optional

import typer

from kzru import fields, follow, query
from kzru.commands.shared import (
    EventFilter,
    FieldsOption,
    KindFilter,
    LimitOption,
    PlaceFilter,
    SectorFilter,
    SinceOption,
    SourceFilter,
    SpeakerFilter,
    UntilOption,
    YearFilter,
    complete_query,
    cut_limit,
    dataset,
    fact_filter,
    hits,
)
from kzru.labels import label
from kzru.options import Choice, Options, with_common_options
from kzru.output import Output
from kzru.render_track import ALL_KEYS, EXPLAIN_KEYS, KEYS, blocks, row

# Its line in `kzru --help`: one line at 60 columns and wider (46 characters at most).
SUMMARY = "What became of commitments and plans"
EXAMPLES = ("kzru track газ", "kzru track университет --explain",
            "kzru track --status discussed --sector energy",
            "kzru track --role document --year 2025",
            "kzru track --event moscow-2025 --kind commitment",
            "kzru track --by commentator --year 2025",
            "kzru track --sector transport --fields id,verdict,later",
            "kzru track --format json | jq '.[] | select(.verdict == \"done\") | .id'")
# What --status takes: the statuses track follows, and "discussed", which its status column
# shows for an item a meeting discussed (its status is reported, its role discussed).
STATUSES = (*follow.TRACKED, "signed", "reported", follow.DISCUSSED)
ROLES = (follow.COMMITMENT, follow.VIEW, follow.DOCUMENT, follow.DISCUSSED, follow.PROJECT)


@with_common_options
def command(
    words: Annotated[Optional[List[str]], typer.Argument(
        metavar="[QUERY...]", autocompletion=complete_query, help="Only what is about these "
        "words, read as kzru search reads them (a word inside an organisation's name counts "
        "only for facts of the sector it names).")] = None,
    since: SinceOption = None, until: UntilOption = None,
    status: Annotated[Optional[List[str]], typer.Option(
        "--status", click_type=Choice(STATUSES, "status"),
        help="Only these statuses, as the status column shows them (repeatable): a "
             "commitment's (agreed … ongoing), signed (documents), discussed (what a meeting "
             "discussed) or reported (every reported item, the discussed ones too).")] = None,
    role: Annotated[Optional[List[str]], typer.Option(
        "--role", click_type=Choice(ROLES, "role"),
        help="Only what is tracked as this (the role field, repeatable): commitment, view "
             "(a forecast or proposal stated as a view), document, discussed, or project (a "
             "reported project or institution).")] = None,
    by: Annotated[Optional[str], typer.Option(
        "--by", click_type=Choice(follow.VOICES, "voice"),
        help="Only what the reports say the sides and theirs did, agreed or run — governments, "
             "agencies, joint companies (state) — or commentators' views (commentator).")
    ] = None,
    year: YearFilter = None, sector: SectorFilter = None, event: EventFilter = None,
    kind: KindFilter = None, source: SourceFilter = None, speaker: SpeakerFilter = None,
    place: PlaceFilter = None, limit: LimitOption = None,
    see_also: Annotated[bool, typer.Option(
        "--see-also/--no-see-also", show_default=False,
        help="Beside an item nothing later is linked to, later facts the link suggester "
             "proposes, marked unconfirmed; its verdict is then \"not linked\" [default: "
             "on].")] = True,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Say why each verdict was reached: the later fact and its words.")
    ] = False,
    fields_: FieldsOption = None, *, options: Options,
) -> None:
    """Commitments, plans, forecasts, ongoing work, signed documents and items a meeting
    discussed, each with the later facts that report on it and a verdict: done, in progress,
    reaffirmed — still open, restated — still operating (an institution named again as open
    or at work), taken up again (a topic only discussed, discussed again), borne out / partly
    borne out / not mentioned / not named (a preview's forecasts against the visit's report),
    not taken up at the visit / as such (a preview's background), no later report, not linked
    (later facts that may report on it beside it, as see also), or latest report (nothing newer
    exists)."""
    loaded = dataset(options)
    # the fact filters every listing takes, meaning here what they mean in kzru facts
    given = {"sector": sector, "year": year, "event": event, "kind": kind, "source": source,
             "speaker": speaker, "place": place, "since": since, "until": until}
    selection = query.FactFilter()
    if any(given.values()):  # read the filters only when given: start-up is measured
        from kzru.filters import Typed

        selection = fact_filter(loaded, Typed.of(**given))
    # the hits read light (walks.Light): the kept path reads the words of few (judged.py)
    found = hits(options, " ".join(words), {}, exact=False, light=True, data=loaded) \
        if words else None
    wanted = _Wanted(status or (), role or ())
    with Output(options) as out:
        default = (*KEYS, *EXPLAIN_KEYS) if explain else KEYS
        keys = fields.choose(fields_, default, ALL_KEYS, "track")
        if not out.is_table and _kept(loaded, out, keys, see_also, found, selection,
                                      wanted, by, cut_limit(limit)):
            return
        candidates = None
        if found is not None:
            from kzru.topic import about, in_named_sectors

            whole = loaded.fetch(hit.fact.id for hit in found.hits)
            topical = about(loaded, [hit._replace(fact=whole[hit.fact.id])
                                     for hit in found.hits], found.reading)
            candidates = in_named_sectors(loaded, follow.with_earlier(loaded, topical),
                                          topical, found.reading)
        entries = (entry for entry in follow.tracked(loaded, candidates, selection.since,
                                                     wanted.statuses)
                   if selection.accepts(entry.fact) and (by is None or entry.voice == by)
                   and wanted.accepts(entry))
        if not out.is_table:
            # JSON and the like, item by item as judged (the suggester's candidates added a
            # batch at a time: each item's are its own): at 100,000 facts never all held
            counted = _Counted(entries)
            shown: Iterator[follow.Tracked] = islice(counted, cut_limit(limit))
            if see_also:
                from kzru.judged import with_see_also

                shown = with_see_also(loaded, shown)
            written = out.rows((row(entry, out.lang) for entry in shown), keys,
                               fields.columns_for(keys), label("empty.tracked", out.lang))
            for _ in counted:  # the rest only counted, for the note that the list was cut
                pass
            out.cut(written, counted.count, "tracked")
            return
        tracked = list(entries)
        shown_entries = tracked[:cut_limit(limit)]
        if see_also:  # read from the store's rare keys: only the candidates (suggest_index.py)
            from kzru.suggest import see_also as with_candidates

            shown_entries = with_candidates(loaded, shown_entries)
        rows = [row(entry, out.lang) for entry in shown_entries]
        draw = None
        if not fields_:
            def draw() -> None:
                writer = out.writer
                writer.texts(blocks(shown_entries, writer.width, out.lang, explain,
                                    writer.console))
        out.rows(rows, keys, fields.columns_for(keys), label("empty.tracked", out.lang),
                 draw=draw)
        out.cut(len(shown_entries), len(tracked), "tracked")


class _Wanted:
    """--status and --role: values of one are alternatives, the two must both hold. The
    status "discussed" is what track's status column shows for an item a meeting discussed:
    a reported fact whose role is discussed (so reported takes it too)."""

    def __init__(self, statuses: "tuple[str, ...] | list[str]",
                 roles: "tuple[str, ...] | list[str]") -> None:
        self.plain = set(statuses) - {follow.DISCUSSED}
        self.discussed = follow.DISCUSSED in statuses
        self.roles = set(roles)
        # what follow.tracked narrows by before judging (a discussed item's status: reported)
        self.statuses = None if not statuses else \
            self.plain | ({"reported"} if self.discussed else set())

    def sql(self, by: Optional[str]) -> "tuple[str, list[str]]":
        """``accepts`` (and --by) over the kept judgement's columns (judged.py)."""
        clauses, params = [], []
        if self.statuses is not None:
            either = [f"status IN ({','.join('?' * len(self.plain))})"] if self.plain else []
            either += ["role = ?"] if self.discussed else []
            clauses.append(f"({' OR '.join(either)})")
            params += [*sorted(self.plain), *([follow.DISCUSSED] if self.discussed else [])]
        if self.roles:
            clauses.append(f"role IN ({','.join('?' * len(self.roles))})")
            params += sorted(self.roles)
        if by is not None:
            clauses.append("voice = ?")
            params.append(by)
        return " AND ".join(clauses) or "1", params

    def accepts(self, entry: follow.Tracked) -> bool:
        if self.statuses is not None and entry.fact.status not in self.plain and not (
                self.discussed and entry.role == follow.DISCUSSED):
            return False
        return not self.roles or entry.role in self.roles


def _kept(loaded: Any, out: Output, keys: list[str], see_also: bool, found: Any,
          selection: query.FactFilter, wanted: _Wanted, by: Optional[str],
          limit: Optional[int]) -> bool:
    """Answer from the judgement kept beside the store (judged.py), made on the first run
    asked this way; False when there is none to keep (a store in memory: then judged afresh,
    as before). ``found``: a query's hits, whose topic picks the items (judged.topic_rows)."""
    from kzru import judged

    kept = judged.judgement(loaded, out.fmt, keys, out.lang, see_also)
    if kept is None:
        return False
    allowed = None
    if not selection.empty:  # the fact filters, in SQL over the store's indexed columns
        where, params = selection.sql()
        allowed = {row[0] for row in loaded.index.rows(
            f"SELECT x.id FROM filters x WHERE {loaded.index.admit(where)}", params)}
    where, params = wanted.sql(by)
    frame = judged.Frame(out.fmt, keys)
    counts: list[int] = []
    try:
        # a topic's items are all read before anything is written (a damaged one: nothing)
        pages = judged.rows(kept, where, params) if found is None else \
            judged.topic_rows(loaded, kept, found.hits, found.reading, where, params)

        def write(stdout: Any) -> int:
            counts.extend(judged.written(kept, frame, pages, allowed, limit, stdout))
            return counts[0]

        out.written(write)
    finally:
        kept.close()
    out.cut(*counts, "tracked")
    return True


class _Counted:
    """The items of an iterator, counted as they pass."""

    def __init__(self, items: Iterator[follow.Tracked]) -> None:
        self.items = items
        self.count = 0

    def __iter__(self) -> Iterator[follow.Tracked]:
        for item in self.items:
            self.count += 1
            yield item
