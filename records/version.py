"""The installed application's version, as bundles and backups record it."""

from __future__ import annotations

from importlib import metadata


def app_version() -> str:
    """The installed application's version (``0+unknown`` when it runs from a checkout not installed)."""
    try:
        return metadata.version("motcua-desk")
    except metadata.PackageNotFoundError:
        return "0+unknown"
