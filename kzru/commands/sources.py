"""kzru sources: the articles behind the table."""

from kzru import fields
from kzru.commands.shared import FieldsOption, dataset, layout
from kzru.labels import label
from kzru.options import Options, with_common_options
from kzru.output import Output
from kzru.render import date_label
from kzru.table import Column

# Its line in `kzru --help`: one line at 60 columns and wider (46 characters at most).
SUMMARY = "The articles behind the table"
EXAMPLES = ("kzru sources", "kzru sources --format csv",
            "kzru sources --fields id,publisher,title,url")


@with_common_options
def command(fields_: FieldsOption = None, *, options: Options) -> None:
    """The articles behind the table: publisher, date and how many facts each gave.

    At narrow widths File goes first, then Published. An article with no fact (facts 0,
    its drafts all rejected in review, or one only an event lists) is kept and listed: its
    row is what refuses the same text added again; the table says so under it."""
    data = dataset(options)
    counts = data.top_level_counts("source")
    rows = []
    for source in sorted(data.sources.values(), key=lambda s: (s.published, s.id)):
        row = fields.source_record(source, counts.get(source.id, 0))
        mark = "" if source.published_basis == "stated" else "*"
        row["when"] = date_label(source.published, source.published_precision) + mark
        row["heading"] = source.title or label("cite.no_headline", options.language)
        rows.append(row)
    lang = options.language
    columns = [Column("id", label("col.id", lang), no_wrap=True),
               Column("when", label("col.published", lang), no_wrap=True, drop=2),
               Column("publisher", label("col.publisher", lang), min_width=10),
               Column("heading", label("col.title", lang), ratio=1, footnote="url",
                      min_width=20),
               Column("file", label("col.file", lang), no_wrap=True, drop=1),
               Column("facts", label("col.facts", lang), justify="right")]
    with Output(options) as out:
        if out.is_table and lang == "ru":  # the machine formats keep the table's English
            rows = _notes_said(rows, data.folder, lang)
        keys, columns = layout(out, fields_, fields.SOURCE_DEFAULT, fields.SOURCE_ALL, columns,
                               "sources")
        out.rows(rows, keys, columns, label("empty.sources", lang))
        if out.is_table and not fields_:
            out.writer.line(label("note.sources_inferred", lang), style="dim")
        empty = [row["id"] for row in rows if not row["facts"]]
        if out.is_table and empty and "facts" in keys:  # why a row gave nothing, said
            out.writer.line(label("note.sources_no_facts", lang, ids=", ".join(empty)),
                            style="dim")


def _notes_said(rows: list[dict], folder: str, lang: str) -> list[dict]:
    """How kzru add dated each article (published_note, url_note) in the reader's language,
    from the labels it kept beside the folder, while the row still holds their English; a
    note a curator wrote or changed is shown as written."""
    from pathlib import Path

    from kzru.curate.notes import source_notes
    from kzru.labels import say

    kept = source_notes(Path(folder))
    said_rows = []
    for row in rows:
        row = dict(row)
        for column, said in kept.get(row["id"], {}).items():
            if row.get(column) == str(said):
                row[column] = say(said, lang)
        said_rows.append(row)
    return said_rows
