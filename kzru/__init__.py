"""kzru: a command-line fact finder for Kazakhstan–Russia relations."""

__version__ = "0.1.0"
