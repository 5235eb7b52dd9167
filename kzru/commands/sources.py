"""kzru sources: the articles behind the table."""

from kzru.commands.shared import dataset
from kzru.options import Options, with_common_options
from kzru.output import Output
from kzru.render import Column, source_row

EXAMPLES = ("kzru sources", "kzru sources --format csv")


@with_common_options
def command(*, options: Options) -> None:
    """The articles behind the table: publisher, date and how many facts each gave."""
    data = dataset(options)
    out = Output(options)
    counts = {source: 0 for source in data.sources}
    for fact in data.top_level():
        counts[fact.source] += 1
    rows = []
    for source in sorted(data.sources.values(), key=lambda s: (s.published, s.id)):
        row = source_row(source, counts[source.id])
        mark = "" if source.published_basis == "stated" else "*"
        row["when"] = f"{source.published.isoformat()}{mark}" + (
            "" if source.published_precision == "day" else f" ({source.published_precision})")
        rows.append(row)
    columns = [Column("id", "Id", no_wrap=True), Column("when", "Published", no_wrap=True),
               Column("publisher", "Publisher", no_wrap=True), Column("title", "Title", ratio=1),
               Column("file", "File", no_wrap=True), Column("facts", "Facts", justify="right")]
    out.rows(rows, ("id", "file", "publisher", "title", "published", "facts"), columns,
             "no sources")
