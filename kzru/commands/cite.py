"""kzru cite: references to paste, or CSL-JSON for a reference manager."""

import json
import sys
from typing import Annotated, List

import typer

from kzru import cite, query
from kzru.commands.shared import complete_record, dataset
from kzru.options import Options, with_common_options
from kzru.render import printable

EXAMPLES = ("kzru cite 2024-11-csto-council",
            "kzru cite 2025-11-state-visit-moscow --format md > sources.md",
            "kzru cite 2022-08-sochi-talks --format json > sochi.json",
            "kzru facts --kind figure --limit 2 --fields id --format tsv | tail -n +2 "
            "| xargs kzru cite")


@with_common_options
def command(
    record_ids: Annotated[List[str], typer.Argument(
        metavar="ID...", autocompletion=complete_record,
        help="Fact ids, or event ids (each stands for its facts that are not parts).")],
    *, options: Options,
) -> None:
    """A reference for each fact: publisher, headline, date, file and the quoted evidence.

    Plain text by default, Markdown with --format md, CSL-JSON (Zotero, pandoc) with --format
    json or jsonl."""
    data = dataset(options)
    facts = []
    for record_id in record_ids:
        record = query.find_record(data, record_id)
        chosen = [record] if record_id in data.facts else \
            data.top_level(data.facts_by_event.get(record_id, []))
        facts.extend(fact for fact in chosen if fact not in facts)
    lang = options.language
    citations = [cite.Citation(fact, data.sources[fact.source], data.events.get(fact.event), lang)
                 for fact in facts]
    fmt = options.fmt or "table"  # KZRU_FORMAT is for listings; a citation is text
    if fmt == "json":
        json.dump([cite.as_csl(c) for c in citations], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif fmt == "jsonl":
        for citation in citations:
            sys.stdout.write(json.dumps(cite.as_csl(citation), ensure_ascii=False) + "\n")
    elif fmt == "md":
        sys.stdout.write("\n".join(_clean(cite.as_markdown(c)) for c in citations) + "\n")
    elif fmt in ("table",):
        sys.stdout.write("\n\n".join(_clean(cite.as_text(c)) for c in citations) + "\n")
    else:
        raise typer.BadParameter(f"cite prints text, md, json or jsonl, not {fmt}",
                                 param_hint="--format")
    if not citations:
        raise typer.Exit(1)


def _clean(text: str) -> str:
    return "\n".join(printable(line) for line in text.split("\n"))
