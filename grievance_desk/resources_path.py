"""Where the shipped resources (letter templates, fonts, icons) are at run time.

A wheel carries the top-level ``resources/`` folder inside the package as
``grievance_desk/resources`` (hatch force-include), and the frozen app keeps the same
layout; a development or editable install reads the repository's own ``resources/``.
Nothing is ever fetched from the network.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_REPOSITORY_RESOURCES = _PACKAGE.parent / "resources"


@cache
def resources_root() -> Path:
    """The folder holding the resources, packaged copy first so an installed app uses its own.

    Both places are plain folders wherever the app is installed from a wheel, frozen or run
    from a checkout, so they are looked at directly: importing importlib.resources cost ~5 ms
    of the unlock screen's cold start. Only a package loaded some other way (a zip) asks it.
    """
    for candidate in (_PACKAGE / "resources", _REPOSITORY_RESOURCES):
        if candidate.is_dir():
            return candidate
    from importlib.resources import files

    packaged = files("grievance_desk") / "resources"
    return Path(str(packaged)) if packaged.is_dir() else _REPOSITORY_RESOURCES


def resource_path(*parts: str) -> Path:
    """A file or folder under ``resources/`` (it may not exist: callers say what is missing)."""
    return resources_root().joinpath(*parts)
