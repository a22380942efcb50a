"""How the lower layers reach their views in the higher ones, without importing them.

A model object shows itself in Jupyter (``_repr_html_``), a profile renders itself as Markdown
(``SuccessProfile.to_markdown``) and a framework makes itself a DataFrame
(``Framework.to_dataframe``), yet the code for each lives above them, in :mod:`civilframe.render`
and :mod:`civilframe.export`. They ask :func:`view` for it by kind; the package, which sits above
every layer, installs the provider that imports the right module on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["install", "view"]

#: What a provider returns for a kind of view: a function of the object (and its arguments).
View = Callable[..., Any]

_provider: Callable[[str], View] | None = None


def install(provider: Callable[[str], View]) -> None:
    """Make ``provider`` the source of views: given a kind, it returns that kind's function."""
    global _provider
    _provider = provider


def view(kind: str, subject: object, *args: object) -> Any:
    """The ``kind`` view (``"html"``, ``"markdown"``, ``"dataframe"``) of ``subject``."""
    if _provider is None:  # pragma: no cover - importing any civilframe module installs it
        raise RuntimeError("civilframe's views are not installed: import civilframe first")
    return _provider(kind)(subject, *args)
