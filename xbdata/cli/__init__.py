"""The `xbdata` command, a thin layer over the Python API: it parses arguments, calls the stages'
functions and prints. `commands` parses and dispatches; `articles` holds the commands on added
articles (`add`, `review`) and what `check` says of them."""

from .commands import main

__all__ = ["main"]
