"""The errors xbdata raises on purpose. Each message is one line naming what was wrong."""


class XbdataError(Exception):
    """Base of every error xbdata raises about its input; the command line prints it and exits 2."""

    exit_code = 2


class SeedError(XbdataError):
    """A source article or its manifest entry is missing, empty or unreadable."""


class CatalogueError(XbdataError):
    """A catalogue or exclusions row is invalid; the message names the row and the field."""


class UsageError(XbdataError):
    """A caller asked for something that does not exist (an unknown topic, format or language)."""


class BuildLocked(XbdataError):
    """Another build holds the output folder and the caller asked not to wait (`--no-wait`)."""

    exit_code = 3


class Interrupted(XbdataError):
    """The user pressed Ctrl-C: queued reports were cancelled and running ones stopped."""

    exit_code = 130
