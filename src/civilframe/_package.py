"""Facts about the installed package itself."""

from __future__ import annotations

import functools

__all__ = ["version"]


@functools.cache
def version() -> str:
    """The installed version of civilframe, from its package metadata (read on first use)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("civilframe")
    except PackageNotFoundError:  # pragma: no cover - a source tree never installed
        return "0+unknown"
