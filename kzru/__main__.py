"""Allow ``python -m kzru``."""

from kzru.start import main

main()
