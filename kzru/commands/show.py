"""kzru show: facts and events in full."""

from typing import Annotated, Any, List

import typer

from kzru import fields, query
from kzru.commands.shared import FieldsOption, complete_record, dataset, resolve_ids
from kzru.db import Store
from kzru.labels import label
from kzru.options import Options, with_common_options
from kzru.output import Output
from kzru.render import PRECISION_OF, date_label
from kzru.table import Column

# Its line in `kzru --help`: one line at 60 columns and wider (46 characters at most).
SUMMARY = "Facts or events in full, with evidence"
EXAMPLES = ("kzru show 2024-11-state-visit-astana",
            "kzru show 2024-11-csto-council 2025-11-state-visit-moscow --format json",
            "kzru show $(kzru facts --kind figure --limit 1 --fields id --format tsv | tail -1)")
FACT_EXTRA = ("parts", "related")
EVENT_EXTRA = ("facts",)
LISTS_OF_IDS = {"id", "event", "source", "part_of", "sectors", "follows", "parts", "related",
                "facts", "sources", "source_file"}


@with_common_options
def command(
    record_ids: Annotated[List[str], typer.Argument(
        metavar="ID...", autocompletion=complete_record,
        help="Fact or event ids, in any case; an event also by a shorter form naming only it.")],
    fields_: FieldsOption = None, *, options: Options,
) -> None:
    """Facts or events in full: every field, the evidence, its source, event and related facts;
    for a package, its parts; for an event, its facts."""
    data = dataset(options)
    records = [data.facts[found] if kind == "fact" else data.events[found]
               for kind, found in resolve_ids(data, record_ids)]
    available = list(dict.fromkeys((*fields.FACT_ALL, *FACT_EXTRA, *fields.EVENT_ALL,
                                    *EVENT_EXTRA)))
    with Output(options) as out:
        full = [_full(data, record, out.lang) for record in records]
        keys = fields.choose(fields_, [], available, "show") if fields_ else list(
            dict.fromkeys(key for row in full for key in row))
        if not out.is_table:
            out.rows(full, keys, [], label("empty.records", out.lang))
            return
        if out.lang == "ru":  # closed sets, units and speakers in words (kzru.data_words)
            from kzru.data_words import names_of, said_row

            full = [said_row(row, out.lang, names_of(data.glossary)) for row in full]
        for row in full:
            if "source_file" in row:
                row["evidence"] = label("show.verbatim", out.lang, evidence=row["evidence"],
                                        file=row["source_file"])
            shown = [key for key in keys if key in row] if fields_ else list(row)
            pairs = [{"field": key, "value": _shown(row, key),
                      "ids": key in LISTS_OF_IDS} for key in shown]
            out.writer.table(pairs, [Column("field", label("col.field", out.lang), no_wrap=True),
                                     Column("value", label("col.value", out.lang), ratio=1,
                                            stack=True, ids_when="ids")],
                             title=row["id"])


def _full(data: Store, record: Any, lang: str) -> dict[str, Any]:
    if record.id in data.facts:
        row = fields.fact_record(record, data.events, data.sources, lang)
        row["parts"] = [part.id for part in data.parts.get(record.id, [])]
        row["related"] = [fact.id for fact in query.related_facts(data, record)]
        return row
    facts = data.facts_by_event.get(record.id, [])
    return {**fields.event_record(record, lang, len(data.top_level(facts))),
            "facts": [fact.id for fact in facts]}


def _shown(row: dict[str, Any], key: str) -> Any:
    value = row.get(key)
    if key in PRECISION_OF and value is not None and hasattr(value, "isoformat"):
        return date_label(value, row.get(PRECISION_OF[key]) or "day")
    return value if isinstance(value, (list, tuple)) else [value]
