"""Allow ``python -m kzru``."""

from kzru.cli import main

main()
