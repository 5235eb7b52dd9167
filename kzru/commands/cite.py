"""kzru cite: one reference per article, the cited facts as locators with their evidence."""

import json
import sys
from typing import Annotated, List

import typer

from kzru import cite
from kzru.commands.shared import complete_citable, dataset, resolve_ids
from kzru.json_writer import json_text
from kzru.model import Fact
from kzru.options import Options, with_common_options
from kzru.render import printable

# Its line in `kzru --help`: one line at 60 columns and wider (46 characters at most).
SUMMARY = "References for facts, events or sources"
EXAMPLES = ("kzru cite 2024-11-csto-council",
            "kzru cite 2025-11-state-visit-moscow --format md > sources.md",
            "kzru cite 2022-08-sochi-talks --format json > sochi.json",
            "kzru cite moscow-2025 --format bibtex > kzru.bib",
            "kzru facts --kind figure --limit 2 --fields id --format tsv | tail -n +2 "
            "| xargs kzru cite")


@with_common_options(formats=cite.FORMATS, default="text")
def command(
    record_ids: Annotated[List[str], typer.Argument(
        metavar="ID...", autocompletion=complete_citable,
        help="Fact ids; event ids (each stands for its facts that are not parts; a shorter "
             "unambiguous form is enough); or source ids (the whole article).")],
    *, options: Options,
) -> None:
    """One reference per article, each cited fact under it: its id as the locator and its
    evidence quoted (the only verbatim text).

    text (default): references to paste, fitted to the terminal. md: a Markdown list with
    each article's pandoc key ([@key]). json / jsonl: CSL-JSON, one item per article, for
    Zotero, Mendeley or pandoc --citeproc; the cited facts are the item's note. bibtex:
    BibLaTeX entries (@article, or @online where the outlet is not named)."""
    data = dataset(options)
    facts: list[Fact] = []
    cited: set[str] = set()
    whole: list[str] = []
    for kind, record_id in resolve_ids(data, record_ids, sources=True):
        if kind == "source":
            whole.append(record_id)
            continue
        chosen = [data.facts[record_id]] if kind == "fact" else \
            data.event_facts(record_id, top_level=True)
        fresh = [fact for fact in chosen if fact.id not in cited]  # a set: events are large
        cited.update(fact.id for fact in fresh)
        facts.extend(fresh)
    references = cite.references(facts, data.sources, options.language, whole)
    fmt = options.format or "text"
    if fmt == "json":
        sys.stdout.write(json_text([cite.as_csl(r) for r in references], plain=False) + "\n")
    elif fmt == "jsonl":
        for reference in references:
            sys.stdout.write(json.dumps(cite.as_csl(reference), ensure_ascii=False) + "\n")
    elif fmt == "md":
        sys.stdout.write("\n".join(_clean(cite.as_markdown(r)) for r in references) + "\n")
    elif fmt == "bibtex":
        sys.stdout.write("\n\n".join(_clean(cite.as_bibtex(r)) for r in references) + "\n")
    else:
        sys.stdout.write("\n\n".join(_text(reference) for reference in references) + "\n")
    if not references:
        raise typer.Exit(1)


def _text(reference: cite.Reference) -> str:
    """At a terminal each line wrapped at spaces to the width (ids, addresses and words whole,
    continuation lines indented); in a pipe one line each."""
    import textwrap

    from kzru.table import screen_width

    width = screen_width() if sys.stdout.isatty() else 0
    lines = []
    for text, indent in cite.as_text(reference):
        text = printable(text)
        if width <= indent + 20:
            lines.append(" " * indent + text)
            continue
        wrapped = textwrap.wrap(text, width=width, initial_indent=" " * indent,
                                subsequent_indent=" " * (indent + 2),
                                break_long_words=False, break_on_hyphens=False)
        # an address longer than the indented line loses its indent rather than spill its
        # last characters onto a line of their own (it is never broken)
        lines.extend(line.lstrip(" ") if len(line) > width else line for line in wrapped)
    return "\n".join(lines)


def _clean(text: str) -> str:
    return "\n".join(printable(line) for line in text.split("\n"))
