"""The command line parser's own errors (an unknown option, a missing argument, a value that is
not a number), said in the reader's language.

Why not click's gettext domain: typer vendors its own copy of click, which formats its messages
with plain f-strings (no ``gettext`` call to hook a catalogue into). So the message is rebuilt
here from what the exception holds (the option, its possibilities, the parameter, the value);
an error this module does not know keeps click's English text. Imported only on that path.
"""

from __future__ import annotations

import re
from typing import Any

from kzru.labels import Said, say

# click's messages for a value its own types refuse (types.py), in English
_NOT_NUMBER = re.compile(r"(?P<value>'.*') is not a valid (?P<kind>integer|float|int range|"
                         r"float range)\.")
_NOT_IN_RANGE = re.compile(r"(?P<value>\S+) is not in the range (?P<range>.+)\.")
_NEEDS = re.compile(r"Option (?P<option>'.*') requires (an argument|(?P<count>\d+) arguments)\.")
_TAKES_NONE = re.compile(r"Option (?P<option>'.*') does not take a value\.")
_NO_COMMAND = re.compile(r"No such command (?P<name>'.*?')\.")
_EXTRA = re.compile(r"Got unexpected extra argument(?:s|\(s\))? \((?P<args>.*)\)")


def _literal(quoted: str) -> str:
    """The value inside click's repr quotes (it quoted it with repr)."""
    import ast

    try:
        return str(ast.literal_eval(quoted))
    except (ValueError, SyntaxError):
        return quoted.strip("'")


def _reason(message: str) -> object:
    """Why click refused a value (the part after "Invalid value for X: ")."""
    found = _NOT_NUMBER.fullmatch(message)
    if found:
        key = "usage.not_integer" if found["kind"].startswith("int") else "usage.not_number"
        return Said(key, value=_literal(found["value"]), kind=found["kind"])
    found = _NOT_IN_RANGE.fullmatch(message)
    if found:
        return Said("usage.not_in_range", value=found["value"], range=found["range"])
    return message


def _hint(error: Any) -> str:
    """What click calls the parameter ('--year' / '-y', 'EVENT')."""
    if error.param_hint is not None:
        hint = error.param_hint
    elif error.param is not None:
        hint = error.param.get_error_hint(error.ctx)
    else:
        return ""
    return " / ".join(hint) if isinstance(hint, (list, tuple)) else str(hint)


def said(error: Any, errors: Any) -> object:
    """The usage error ``error`` (one of click's ``errors`` module) as a Said when this module
    knows its kind, else click's own English message."""
    if isinstance(error, errors.NoSuchOption):
        possible = (Said("usage.possible", options=", ".join(sorted(error.possibilities)))
                    if error.possibilities else "")
        if error.message.startswith("No such option: "):
            option = error.message[len("No such option: "):]  # control characters escaped
            return _joined(Said("usage.no_such_option", option=option), possible)
    elif isinstance(error, errors.MissingParameter):
        kind = error.param_type or (error.param.param_type_name if error.param else "")
        if kind in ("argument", "option") and not error.message:
            return Said(f"usage.missing_{kind}", name=_hint(error))
    elif isinstance(error, errors.BadParameter):
        name = _hint(error)
        if name:
            return Said("usage.bad_value", name=name, why=_reason(error.message))
    elif isinstance(error, errors.BadOptionUsage):
        found = _NEEDS.fullmatch(error.message)
        if found:
            option = _literal(found["option"])
            return (Said("usage.needs_values", option=option, count=int(found["count"]))
                    if found["count"] else Said("usage.needs_value", option=option))
        found = _TAKES_NONE.fullmatch(error.message)
        if found:
            return Said("usage.takes_no_value", option=_literal(found["option"]))
    else:
        if error.message == "Missing command.":
            return Said("usage.missing_command")
        found = _NO_COMMAND.match(error.message)
        if found:
            rest = error.message[found.end():].strip()
            close = re.fullmatch(r"Did you mean ('.*?')\?", rest)
            hint = Said("err.did_you_mean", choice=_literal(close[1])) if close else \
                f" {rest}" if rest else ""
            return _joined(Said("usage.no_such_command", name=_literal(found["name"])), hint)
        found = _EXTRA.fullmatch(error.message)
        if found:
            return Said("usage.extra_arguments", args=found["args"])
    return error.format_message()


def _joined(*parts: object) -> object:
    from kzru.labels import Joined

    return Joined(parts, "")


def _command_in(args: list[str], group: Any) -> str | None:
    """The command ``args`` name (click leaves the context out of an option's own errors,
    such as a missing value: `kzru search gas -n`), skipping kzru's options and their
    values; None when there is none."""
    commands = getattr(group, "commands", {})
    takes_value = {name for param in getattr(group, "params", ())
                   if not getattr(param, "is_flag", True) for name in param.opts}
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg == "--":
            return None
        elif arg.startswith("-"):
            skip = arg in takes_value
        else:
            return arg if arg in commands else None
    return None


def message(error: Any, errors: Any, lang: str, group: Any = None,
            args: list[str] | None = None) -> str:
    """The one line kzru prints for a usage error, with where to read more: the help of the
    command it happened in."""
    if error.ctx and error.ctx.parent:
        where = f"kzru {error.ctx.info_name}"
    else:
        named = _command_in(args or [], group) if error.ctx is None else None
        where = f"kzru {named}" if named else "kzru"
    text = said(error, errors) if lang != "en" else error.format_message()
    return say(text, lang).replace("\n", " ") + say(Said("usage.see_help", command=where), lang)
