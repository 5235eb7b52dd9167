"""kzru search: facts ranked by relevance, the query read for years, statuses, places…"""

from typing import Annotated, Any, List

import typer

from kzru import fields
from kzru.commands.fact_rows import fact_rows
from kzru.commands.shared import (
    FieldsOption,
    ReverseOption,
    complete_query,
    cut_limit,
    dataset,
    fact_columns,
    hits,
    in_order,
    layout,
    sort_option,
    with_fact_filters,
)
from kzru.filters import Typed
from kzru.labels import Joined, Said, label, say, status_word
from kzru.labels import word as vocab
from kzru.options import Options, with_common_options
from kzru.output import Output

# Its line in `kzru --help`: one line at 60 columns and wider (46 characters at most).
SUMMARY = "Facts ranked by relevance to a query"
EXAMPLES = ("kzru search атом", "kzru search соглашения 2022",
            "kzru search 'what was signed in 2022' --explain",
            "kzru search 'нефтепровод транзит нефти' --explain",
            "kzru search 'газ -транзит'", "kzru search '\"поставки нефти\"'",
            "kzru search 'уголь OR уран'", "kzru search 'договорились в Астане'",
            "kzru search 'о чем договорились по газу в 2025 году'",
            "kzru search университеты --year 2025", "kzru search Kostanay --explain",
            "kzru search соглашение --status signed --format json",
            "kzru search 'Middle Corridor' --sector transport", "kzru search Росатом --exact",
            "kzru search 2025 --literal", "kzru search атом --fields all --format jsonl")


@with_common_options
@with_fact_filters
def command(
    words: Annotated[List[str], typer.Argument(
        metavar="QUERY...", autocompletion=complete_query, help="Words to look for.")],
    limit: Annotated[int, typer.Option(
        "--limit", "-n", min=0, metavar="N", help="Show at most N facts (0: all).")] = 10,
    exact: Annotated[bool, typer.Option("--exact", help="Literal substring search.")] = False,
    literal: Annotated[bool, typer.Option(
        "--literal", help="Search every word as text: no reading of years, statuses, kinds, "
        "places, sectors or operators.")] = False,
    strict_filters: Annotated[bool, typer.Option(
        "--strict-filters", help="When a year or status in the query leaves nothing, find "
        "nothing (exit 1) instead of showing the closest facts of other statuses or years.")
    ] = False,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Show how the query was read and how each part matched.")] = False,
    sort: sort_option(("score", "date", "id"), "score") = None,
    reverse: ReverseOption = False,
    fields_: FieldsOption = None, *, options: Options, typed: Typed,
) -> None:
    """Facts ranked by relevance: word forms, both scripts, aliases and typos all match.

    The score is what orders the list: how well a fact matches, each word weighed by how
    rare it is, times the share of the query's words the fact matches, so facts matching
    more of them come first. A word that matches nothing is named ("no match for: …"), and
    only a query none of whose words match finds nothing.
    A word the table lacks is looked up through related words (нефтепровод → нефть),
    ranked below direct matches. A year or status word in the query filters (`соглашения
    2022`, `what was signed`): a year means the fact's own date, and a fact dated only by
    its article counts for 0.6 of its match, marked "reported in 2025" (reported_in in JSON,
    CSV and TSV). A verb saying a thing happened (opened, состоялись) ranks done facts first;
    negated (did not take place) it leaves them out. When a status leaves nothing, the
    closest facts of other statuses are shown, and the title says so (--strict-filters: no
    relaxing). A place means where the event or the fact happened, not a name that holds
    it (Astana Hub). A person beside a topic: their own statements on it first. Months,
    dates, kinds, places, events and sectors rank.

    Operators: -word leaves out facts that say or name the word (not those that only quote
    it); "two words" (quoted) must stand next to each other, in any form; a OR b matches
    either. КПП, АЭС, NGO… read as what they stand for. Quote the whole query in the shell:
    kzru search 'газ -транзит'. The table's title ("read as:") says how the query was read.
    Prints the best matches (10 unless --limit), best first, with their score; --sort date
    or id orders every match, then cuts.
    """
    ranked = sort in (None, "score")
    found = hits(options, " ".join(words), typed, exact,
                 cut_limit(limit) if ranked and not reverse else None, literal, strict_filters)
    if not ranked or reverse:
        order = {hit.fact.id: hit for hit in found.hits}
        facts = [hit.fact for hit in found.hits][::-1] if ranked else \
            in_order([hit.fact for hit in found.hits], sort, reverse, parts_after=False)
        chosen = [order[fact.id] for fact in facts][:cut_limit(limit)]
        found = found._replace(hits=chosen)
    with Output(options) as out:
        out.glossary = lambda: dataset(options).glossary  # speakers in Russian (--lang ru)
        rows = fact_rows([hit.fact for hit in found.hits], found.events, found.sources,
                         out.lang)
        for row, hit in zip(rows, found.hits):
            row["score"] = hit.score
            row["reported_in"] = hit.reported_in
            notes = [say(note, out.lang) for note in hit.notes]
            row["explain"] = [matched(m, out.lang) for m in hit.matches] + notes
            row["part_of_note"] = " · ".join(filter(None, (row["part_of_note"], *notes)))
            row["read_as"] = say(found.read_as, out.lang)
        extra = ("explain", "read_as") if explain else ()
        default = (*fields.FACT_DEFAULT, "reported_in", "score", *extra)
        keys, columns = layout(out, fields_, default,
                               (*fields.FACT_ALL, "reported_in", "score", "explain", "read_as"),
                               fact_columns(out, score=True, explain=explain), "search")
        terms = {number: hit.terms for number, hit in enumerate(found.hits)}
        said = [say(note, out.lang) for note in found.notes] + (
            [label("read.no_match", out.lang, words=_named(found.unmatched, out.lang))]
            if found.unmatched else [])
        nothing = " — ".join([label("empty.facts", out.lang), *said])
        reading = found.reading
        if not out.is_table and rows and not explain and reading is not None and (
                reading.years or reading.statuses or reading.not_statuses or reading.excluded):
            # a filter the query's words stated (a year, a status, a negation) leaves facts
            # out: a script is told how the query was read, as the table's title tells
            # (with --explain each row's read_as says it already)
            said = [label("title.read_as", out.lang, how=say(found.read_as, out.lang))]
        if not out.is_table and (said or not rows):  # stdout stays data: words that
            # matched nothing, a relaxed filter, and an empty answer are said on stderr
            typer.echo(f"kzru: {'; '.join(said) if rows else nothing}", err=True)
        out.rows(rows, keys, columns, nothing, terms=terms,
                 title=label("title.read_as", out.lang, how=say(found.read_as, out.lang)))
        out.cut(len(found.hits), found.total)


def matched(match: Any, lang: str) -> str:
    """One --explain entry: the query's word, what it matched and how ("атом → атом (stem)";
    a constraint names itself: "2022 → 2022 (year)"), in the reader's language."""
    how = match.how
    if how == "status":
        term: object = status_word(match.term)
    elif how == "kind":
        term = Joined([vocab("kind", kind) for kind in match.term.split("/")], "/")
    elif match.term == how:
        term = vocab("how", how)
    else:
        term = match.term
    query: object = vocab("how", match.query) if match.query == how else match.query
    if how == "status":  # a status constraint names itself by its value
        query = status_word(match.query)
    return say(Said("read.matched", query=query, term=term, how=vocab("how", how)), lang)


# words that matched nothing named at the most (a query of a thousand words is one line)
NAMED_UNMATCHED = 10


def _named(words: tuple[str, ...], lang: str) -> str:
    """Each word or phrase once, in the query's order; past NAMED_UNMATCHED, a count."""
    unique = list(dict.fromkeys(words))
    shown = ", ".join(unique[:NAMED_UNMATCHED])
    if len(unique) <= NAMED_UNMATCHED:
        return shown
    return label("data.and_more", lang, shown=shown, count=len(unique) - NAMED_UNMATCHED)
