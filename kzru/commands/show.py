"""kzru show: one fact or event in full."""

from typing import Annotated

import typer

from kzru import query
from kzru.commands.shared import dataset
from kzru.options import Options, with_common_options
from kzru.output import Output
from kzru.render import Column, flat, record_dict

EXAMPLES = ("kzru show a004-declaration-strategic-partnership-alliance",
            "kzru show 2024-11-state-visit-astana",
            "kzru show a001-joint-statement-strategic-partnership --format json")


@with_common_options
def command(
    record_id: Annotated[str, typer.Argument(metavar="ID", help="A fact id or an event id.")],
    *, options: Options,
) -> None:
    """One fact or event in full: every field, the evidence, its source, event and related facts."""
    data = dataset(options)
    record = query.find_record(data, record_id)
    out = Output(options)
    full = record_dict(record)
    if record_id in data.facts:
        source = data.sources[record.source]
        event = data.events.get(record.event)
        related = query.related_facts(data, record)
        full.update({"event_title": event.title(out.lang) if event else "",
                     "source_file": source.file, "source_publisher": source.publisher,
                     "parts": [part.id for part in data.parts.get(record.id, [])],
                     "related": [fact.id for fact in related]})
        if out.is_table:
            full["evidence"] = f"«{record.evidence}» (verbatim quotation from {source.file})"
    else:
        full["facts"] = [fact.id for fact in data.facts_by_event.get(record.id, [])]
    if out.is_table:
        pairs = [{"field": key, "value": flat(value)} for key, value in full.items()]
        out.writer.table(pairs, [Column("field", "Field", no_wrap=True),
                                 Column("value", "Value", ratio=1)], title=record_id)
        return
    out.rows([full], list(full), [], "not found")
