"""kzru brief: one event on one page."""

import re
import sys
from typing import Annotated, Any

import typer

from kzru.brief import build
from kzru.brief_data import data
from kzru.commands.shared import complete_event, dataset
from kzru.ids import resolve_event
from kzru.json_writer import write_json_value
from kzru.options import Options, with_common_options
from kzru.render_brief import markdown, write_markdown

# Its line in `kzru --help`: one line at 60 columns and wider (46 characters at most).
SUMMARY = "One event on one page, by sector"
EXAMPLES = ("kzru brief 2025-11-state-visit-moscow",
            "kzru brief 2022-02-working-visit --format md > brief.md", "kzru brief sochi",
            "kzru brief 2024-11-state-visit-astana --format json | jq '.sections[].title'",
            "kzru brief 2024-11-csto-council --lang ru")
FORMATS = ("table", "md", "json")


@with_common_options(formats=FORMATS, default="table on a terminal, md in a pipe")
def command(
    event_id: Annotated[str, typer.Argument(
        metavar="EVENT", autocompletion=complete_event,
        help="An event id (kzru visits), or a shorter form naming only it (moscow-2025).")],
    *, options: Options,
) -> None:
    """The event on one page: signed, agreed, done, planned, expected and proposed, by sector;
    figures; what is new since the previous meeting of its kind; numbered sources."""
    loaded = dataset(options)
    event_id = resolve_event(event_id, loaded.events)
    fmt = options.format or ("table" if sys.stdout.isatty() else "md")
    if fmt in ("json", "md"):
        from kzru.kept import kept_text, write_text

        def write(out: Any) -> None:
            _write(loaded, event_id, fmt, options.language, out)

        # kept beside the store once written (kept.py): a brief at 100,000 facts is seconds
        # of work and tens of megabytes of text
        kept = kept_text(loaded.index, "brief", (event_id, fmt, options.language,
                                                 loaded.drafts), write)
        if kept is None:
            write(sys.stdout)
        else:
            write_text(kept, sys.stdout)
        return
    _draw(markdown(build(loaded, event_id), loaded, options.language), options)


def _write(loaded: Any, event_id: str, fmt: str, lang: str, out: Any) -> None:
    """The brief in JSON or Markdown, written to ``out`` as it is made."""
    brief = build(loaded, event_id)
    if fmt == "json":
        write_json_value(data(brief, lazy=True), out, plain=False)
        out.write("\n")
        return
    write_markdown(brief, loaded, lang, out)


def _draw(page: str, options: Options) -> None:
    """The Markdown drawn by rich for the terminal, through the pager when it is long."""
    import io

    from rich.console import Console
    from rich.markdown import Markdown
    from rich.theme import Theme

    from kzru import pager
    from kzru.table import screen_width

    terminal = sys.stdout.isatty()
    buffer = io.StringIO()
    width = screen_width() if terminal else 100
    # Ids in the terminal's own colours: rich draws inline code on black, harsh on light themes.
    theme = Theme({"markdown.code": "bold cyan", "markdown.code_block": "cyan"})
    Console(file=buffer, width=width, force_terminal=terminal, theme=theme,
            color_system="auto" if options.colored(terminal) else None, highlight=False,
            emoji=False).print(Markdown(page))
    text = _unpadded(buffer.getvalue())
    if terminal and options.pager:
        pager.show(text, text.count("\n"))
    else:
        sys.stdout.write(text)


_TAIL = re.compile(r"(?:[ \t\u00a0]|\x1b\[[0-9;]*m)+$", re.M)
_CODE = re.compile(r"\x1b\[[0-9;]*m")


def _unpadded(text: str) -> str:
    """rich fills every line to the width with spaces: drop them (and keep the colour codes
    among them), so copied lines carry no trailing blanks."""
    return _TAIL.sub(lambda found: "".join(_CODE.findall(found.group())), text)
