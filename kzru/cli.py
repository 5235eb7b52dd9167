"""The kzru command line: pick the command, run it, turn every failure into one line.

Each command lives in its own module under ``kzru.commands``; only the one being run is imported.
"""

import importlib
import os
import sys
from typing import List, Optional

import typer

from kzru.commands.shared import examples
from kzru.errors import DataError, KzruError, tell
from kzru.labels import READER
from kzru.options import (
    ColorOption,
    DataOption,
    DraftsOption,
    FormatOption,
    LangOption,
    NoColorOption,
    Options,
    PagerOption,
    VersionOption,
)

# Command name -> module in kzru.commands, in the order `kzru --help` lists them.
COMMANDS = {
    "visits": "visits", "search": "search", "facts": "facts", "sectors": "sectors",
    "show": "show", "sources": "sources", "timeline": "timeline", "brief": "brief",
    "track": "track", "cite": "cite", "export": "export", "check": "check",
    "init": "init", "add": "add", "review": "review",
}
HELP = ("kzru: a fact finder for Kazakhstan–Russia relations. Visits, agreements, projects and "
        "figures from news articles, each with a verbatim evidence excerpt.")
EPILOG = examples("kzru visits", "kzru search атом",
                  "kzru search Kostanay --format json | jq '.[].summary'",
                  "kzru sectors --matrix",
                  "kzru brief 2025-11-state-visit-moscow")


def _main(
    ctx: typer.Context, data: DataOption = None, fmt: FormatOption = None,
    lang: LangOption = None, color: ColorOption = None, no_color: NoColorOption = None,
    no_pager: PagerOption = None, drafts: DraftsOption = None, version: VersionOption = None,
) -> None:
    ctx.obj = Options.merge(None, {"data": data, "fmt": fmt, "lang": lang, "color": color,
                                   "no_color": no_color, "no_pager": no_pager,
                                   "drafts": drafts})


def reader_language(args: List[str]) -> str:
    """The language the command line asks for: the last --lang given (before a lone --, as
    the command would read it), else KZRU_LANG, else English. Not LANG or LC_MESSAGES: --lang
    also chooses which text of the data a table shows, which a script must not get from
    the locale it happens to run under (see README, "Languages")."""
    from kzru.options import LANGS

    chosen = None
    for position, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and position + 1 < len(args):
            chosen = args[position + 1]
        elif arg.startswith("--lang="):
            chosen = arg[len("--lang="):]
    if chosen is None:
        chosen = os.environ.get("KZRU_LANG", "")
    chosen = chosen.strip().lower()  # --lang RU is ru, as the option itself reads it
    return chosen if chosen in LANGS else "en"


def _fail(message: object, code: int = 2) -> "NoReturn":  # noqa: F821
    tell(message)
    raise SystemExit(code)


def _wants_help(args: List[str]) -> bool:
    """Will this run print help: no arguments at all, or -h/--help before a lone --."""
    for arg in args:
        if arg == "--":
            return False
        if arg in ("-h", "--help"):
            return True
    return not args


def _said(key: str, **fields: object) -> object:
    from kzru.labels import Said

    return Said(key, **fields)


def _check_streams() -> None:
    """stderr closed: write messages to nowhere, keep the exit status. stdout closed: the
    output has nowhere to go, an error (and fd 1 must not be reused by a file we open)."""
    for descriptor in (2, 1):
        try:
            os.fstat(descriptor)
        except OSError:
            null = os.open(os.devnull, os.O_WRONLY)
            if null != descriptor:
                os.dup2(null, descriptor)
                os.close(null)
            stream = open(descriptor, "w", encoding="utf-8", errors="backslashreplace",
                          closefd=False)
            if descriptor == 2:
                sys.stderr = stream
            else:
                sys.stdout = stream
                _fail(_said("err.stdout_closed"))
    try:  # a parent may hand over stdout with O_NONBLOCK set (node, some CI runners)
        if not os.get_blocking(1):
            os.set_blocking(1, True)
            STDOUT_FLAG.given_nonblocking = True
            import atexit

            atexit.register(give_back_stdout)
    except OSError:
        pass


class _StdoutFlag:
    """Whether the parent handed stdout over non-blocking. Python's buffered writer drops
    what a non-blocking pipe cannot take at once, without an error, so kzru writes in
    blocking mode and gives the flag back as it came at exit (it belongs to the parent's
    open file, shared with kzru)."""

    __slots__ = ("given_nonblocking",)

    def __init__(self) -> None:
        self.given_nonblocking = False


STDOUT_FLAG = _StdoutFlag()


def give_back_stdout() -> None:
    """Flush stdout, then set fd 1 non-blocking again if kzru found it so; once, however
    often it is called (at a quick exit and again by atexit)."""
    if not STDOUT_FLAG.given_nonblocking:
        return
    STDOUT_FLAG.given_nonblocking = False
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        pass
    try:
        os.set_blocking(1, False)
    except OSError:
        pass


def _silence_stdout() -> None:
    """Point fd 1 at /dev/null so the interpreter's last flush of unwritten output succeeds."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.__stdout__.fileno() if sys.__stdout__ else 1)
        os.close(null)
    except (OSError, ValueError):
        pass


def _unwrap_streams() -> bool:
    """Undo typer's own broken-pipe handling (it wraps the streams and exits 1); True if it ran."""
    pacified = type(sys.stdout).__name__ == "PacifyFlushWrapper"
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if type(stream).__name__ == "PacifyFlushWrapper":
            setattr(sys, name, stream.wrapped)
    return pacified


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
        app.command(name=name, short_help=module.SUMMARY,
                    epilog=examples(*module.EXAMPLES))(module.command)
    return app


def _interrupts_as_usual() -> None:
    """From here on Ctrl-C is a KeyboardInterrupt, caught below (so temporary files are
    removed on the way out); kzru.start ended the run at once until now."""
    import signal

    handler = signal.getsignal(signal.SIGINT)
    if getattr(handler, "__module__", None) == "kzru.start":
        signal.signal(signal.SIGINT, signal.default_int_handler)
    # SIGTERM (timeout, systemd stop, docker stop) and SIGHUP (a terminal closed, ssh
    # dropped) end kzru the way Ctrl-C does: the folder lock removed, a write whole or not at
    # all, stdout's flag given back, one line, exit 128 + the signal's number (killed, kzru
    # left .kzru-lock behind). Each left alone when the caller ignores it (nohup).
    ENDED_BY.number = None
    for number in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(number) in (signal.SIG_DFL, _ended):
            signal.signal(number, _ended)
    if not ENDED_BY.fork_hook_set:  # a forked worker is ended by these as before, silently
        os.register_at_fork(after_in_child=_endings_as_default)
        ENDED_BY.fork_hook_set = True


class _EndedBy:
    """Which signal, SIGTERM or SIGHUP, ended the run (each arrives as a KeyboardInterrupt,
    as Ctrl-C does; they are said and coded apart), and whether the hook that gives a forked
    worker their default actions back is set (once a process)."""

    __slots__ = ("number", "fork_hook_set")

    def __init__(self) -> None:
        self.number: int | None = None
        self.fork_hook_set = False


ENDED_BY = _EndedBy()
# what kzru says when a signal ends it, by the signal's name
_ENDED_SAYING = {"SIGTERM": "err.terminated", "SIGHUP": "err.hung_up"}


def _ended(number: int, frame: object) -> None:
    ENDED_BY.number = number
    raise KeyboardInterrupt


def _endings_as_default() -> None:
    import signal

    try:
        for number in (signal.SIGTERM, signal.SIGHUP):
            if signal.getsignal(number) is _ended:
                signal.signal(number, signal.SIG_DFL)
    except ValueError:  # forked from a thread that is not the main one: nothing to undo
        pass


def _fail_stopped(ctrl_c: str) -> "NoReturn":  # noqa: F821
    """One line and 130 for a Ctrl-C (said as ``ctrl_c``); for a signal that ended the run,
    its own line and 128 + its number."""
    import signal

    number = ENDED_BY.number
    if number is None:
        _fail(_said(ctrl_c), 130)
    _fail(_said(_ENDED_SAYING[signal.Signals(number).name]), 128 + number)


def _say_hidden_drafts(code: object) -> None:
    """Nothing found (exit 1) in a folder whose drafts were left out: say so, and how to see
    or decide them (a folder just added to holds only drafts)."""
    from kzru.commands.shared import HIDDEN_DRAFTS

    if code == 1 and HIDDEN_DRAFTS:
        import shlex

        count, folder = HIDDEN_DRAFTS[0]
        tell(_said("err.drafts_hidden", count=count, folder=shlex.quote(folder)))


def main(argv: Optional[List[str]] = None) -> None:
    """Entry point: run the app, turning every failure into one line and an exit code."""
    try:
        from typer._click import exceptions as click_errors
    except ImportError:  # typer < 0.28 depends on click instead of vendoring it
        from click import exceptions as click_errors  # type: ignore[no-redef]
    # --lang is parsed only once the command line is, too late for a usage error or --help:
    # the reader's language (of every message, kzru's and the library's) is read first
    READER.lang = reader_language(sys.argv[1:] if argv is None else argv)
    from kzru.commands.shared import HIDDEN_DRAFTS

    HIDDEN_DRAFTS.clear()  # one run's (main runs again in the same process in tests)
    _check_streams()
    if (getattr(sys.stdout, "encoding", None) or "utf8").lower().replace("-", "") != "utf8":
        sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    try:
        _interrupts_as_usual()
        command = typer.main.get_command(_app_for(argv))
        if READER.lang == "ru" and _wants_help(sys.argv[1:] if argv is None else argv):
            from kzru.help_ru import russian  # only now: a run without help never reads it

            russian(command)
        code = command.main(args=argv, prog_name="kzru", standalone_mode=False)
        if code == 130:  # typer's answer to a Ctrl-C inside a command: say it, as below
            raise KeyboardInterrupt
        sys.stdout.flush()
    except SystemExit as ended:
        if _unwrap_streams():  # the reader closed the pipe: success, silently
            _silence_stdout()
            raise SystemExit(0) from None
        _say_hidden_drafts(ended.code)
        raise
    except DataError as error:
        for problem in error.problems:
            tell(problem)
        _fail(error.args[0] if error.args else str(error))
    except KzruError as error:
        _fail(error.args[0] if error.args else str(error))
    except getattr(click_errors, "NoArgsIsHelpError", ()) as error:  # bare `kzru`: the help
        sys.stdout.write(error.ctx.get_help() + "\n")
        code = 0
    except click_errors.UsageError as error:
        from kzru.usage import message

        _fail(message(error, click_errors, READER.lang, command,
                      sys.argv[1:] if argv is None else list(argv)))
    except click_errors.ClickException as error:
        _fail(error.format_message().replace("\n", " "), error.exit_code)
    except typer.Abort:
        _fail_stopped("err.aborted")
    except BrokenPipeError:
        _silence_stdout()
        raise SystemExit(0) from None
    except KeyboardInterrupt:
        _fail_stopped("err.interrupted")
    except OSError as error:
        if error.filename is not None:
            _fail(_said("err.os", path=error.filename, why=error.strerror))
        _silence_stdout()  # a full disk or a failing device under stdout
        _fail(_said("err.cannot_write", why=error.strerror or error))
    except Exception as error:  # a bug: still one line, with a way to see more
        if os.environ.get("KZRU_DEBUG"):
            raise
        _fail(_said("err.internal", kind=type(error).__name__, error=error))
    _say_hidden_drafts(code)
    raise SystemExit(code if isinstance(code, int) else 0)
