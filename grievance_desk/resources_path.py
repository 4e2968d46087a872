"""Where the shipped resources (letter templates, fonts, icons) are at run time.

A wheel carries the top-level ``resources/`` folder inside the package as
``grievance_desk/resources`` (hatch force-include); a development or editable install reads
the repository's own ``resources/``. Nothing is ever fetched from the network.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

_REPOSITORY_RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def resources_root() -> Path:
    """The folder holding the resources, packaged copy first so an installed app uses its own."""
    packaged = files("grievance_desk") / "resources"
    if packaged.is_dir():
        return Path(str(packaged))
    return _REPOSITORY_RESOURCES


def resource_path(*parts: str) -> Path:
    """A file or folder under ``resources/`` (it may not exist: callers say what is missing)."""
    return resources_root().joinpath(*parts)
