"""kzru brief: one event on one page."""

import json
import sys
from typing import Annotated

import typer

from kzru import query
from kzru.brief import build
from kzru.commands.shared import dataset
from kzru.errors import KzruError
from kzru.options import Options, with_common_options
from kzru.render_brief import data, markdown

EXAMPLES = ("kzru brief 2025-11-state-visit-moscow",
            "kzru brief 2022-02-working-visit --format md > brief.md",
            "kzru brief 2024-11-state-visit-astana --format json | jq '.sections[].title'",
            "kzru brief 2024-11-csto-council --lang ru")
FORMATS = ("table", "md", "json")


@with_common_options
def command(
    event_id: Annotated[str, typer.Argument(metavar="EVENT", help="An event id (kzru visits).")],
    *, options: Options,
) -> None:
    """The event on one page: signed, agreed, done, planned, expected and proposed, by sector;
    figures; what is new since the previous meeting of its kind; numbered sources."""
    loaded = dataset(options)
    query.choose(event_id, loaded.events, "event")
    fmt = options.fmt or ("table" if sys.stdout.isatty() else "md")
    if fmt not in FORMATS:
        raise KzruError(f"brief prints {', '.join(FORMATS)}, not {fmt}")
    brief = build(loaded, event_id)
    if fmt == "json":
        sys.stdout.write(json.dumps(data(brief), ensure_ascii=False, indent=2) + "\n")
        return
    page = markdown(brief, loaded, options.lang)
    if fmt == "md":
        sys.stdout.write(page)
        return
    from rich.console import Console
    from rich.markdown import Markdown

    Console(color_system="auto" if options.color else None, highlight=False,
            emoji=False).print(Markdown(page))
