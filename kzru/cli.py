"""The kzru command line: pick the command, run it, turn every failure into one line.

Each command lives in its own module under ``kzru.commands``; only the one being run is imported.
"""

import importlib
import os
import sys
from typing import List, Optional

import typer

from kzru.commands.shared import examples
from kzru.errors import DataError, KzruError
from kzru.options import (
    DataOption,
    FormatOption,
    LangOption,
    NoColorOption,
    Options,
    VersionOption,
)

# Command name -> module in kzru.commands, in the order `kzru --help` lists them.
COMMANDS = {
    "visits": "visits", "search": "search", "facts": "facts", "sectors": "sectors",
    "show": "show", "sources": "sources", "timeline": "timeline", "check": "check",
    "cite": "cite",
    "export": "export",
}
HELP = ("kzru: a fact finder for Kazakhstan–Russia relations. Visits, agreements, projects and "
        "figures from news articles, each with a verbatim evidence excerpt.")
EPILOG = examples("kzru visits", "kzru search атом",
                  "kzru search Kostanay --format json | jq '.[].summary'",
                  "kzru sectors --matrix",
                  "kzru show a004-declaration-strategic-partnership-alliance")


def _main(
    ctx: typer.Context, data: DataOption = None, fmt: FormatOption = None,
    lang: LangOption = None, no_color: NoColorOption = None, version: VersionOption = None,
) -> None:
    ctx.obj = Options.merge(None, {"data": data, "fmt": fmt, "lang": lang,
                                   "no_color": no_color})


def _fail(message: str, code: int = 2) -> "NoReturn":  # noqa: F821
    sys.stderr.write(f"kzru: {message}\n")
    sys.stderr.flush()
    raise SystemExit(code)


def _app_for(argv: Optional[List[str]]) -> typer.Typer:
    """The app with just the command named first, when it is one, and every command
    otherwise: importing and building commands costs start-up time, a promise (see README)."""
    args = sys.argv[1:] if argv is None else argv
    wanted = [args[0]] if args and args[0] in COMMANDS else list(COMMANDS)
    app = typer.Typer(
        name="kzru", no_args_is_help=True, rich_markup_mode=None,
        pretty_exceptions_enable=False, help=HELP, epilog=EPILOG,
        add_completion=len(wanted) > 1,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback()(_main)
    for name in wanted:
        module = importlib.import_module(f"kzru.commands.{COMMANDS[name]}")
        app.command(name=name, epilog=examples(*module.EXAMPLES))(module.command)
    return app


def main(argv: Optional[List[str]] = None) -> None:
    """Entry point: run the app, turning every failure into one line and an exit code."""
    try:
        from typer._click import exceptions as click_errors
    except ImportError:  # typer < 0.28 depends on click instead of vendoring it
        from click import exceptions as click_errors  # type: ignore[no-redef]
    if (getattr(sys.stdout, "encoding", None) or "utf8").lower().replace("-", "") != "utf8":
        sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    command = typer.main.get_command(_app_for(argv))
    try:
        code = command.main(args=argv, prog_name="kzru", standalone_mode=False)
        sys.stdout.flush()
    except DataError as error:
        for problem in error.problems:
            sys.stderr.write(f"kzru: {problem}\n")
        _fail(str(error))
    except KzruError as error:
        _fail(str(error))
    except getattr(click_errors, "NoArgsIsHelpError", ()) as error:  # bare `kzru`: the help
        sys.stdout.write(error.ctx.get_help() + "\n")
        code = 0
    except click_errors.UsageError as error:
        hint = f" (see 'kzru {error.ctx.info_name} --help')" if error.ctx and \
            error.ctx.parent else " (see 'kzru --help')"
        _fail(error.format_message().replace("\n", " ") + hint)
    except click_errors.ClickException as error:
        _fail(error.format_message().replace("\n", " "), error.exit_code)
    except typer.Abort:
        _fail("aborted", 130)
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise SystemExit(0)
    except KeyboardInterrupt:
        _fail("interrupted", 130)
    except Exception as error:  # a bug: still one line, with a way to see more
        if os.environ.get("KZRU_DEBUG"):
            raise
        _fail(f"internal error: {type(error).__name__}: {error} (KZRU_DEBUG=1 shows the "
              "traceback)")
    raise SystemExit(code if isinstance(code, int) else 0)
