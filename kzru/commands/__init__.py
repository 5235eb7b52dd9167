"""One module per command: each parses its options, calls the library and renders. Nothing else.

Each module exposes ``command`` (the typer callback) and ``EXAMPLES``; ``kzru.cli`` imports only
the module of the command being run, since start-up time is a promise (see README).
"""
