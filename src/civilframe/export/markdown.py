"""A framework as a Markdown document (rendered by :mod:`civilframe.render.markdown`)."""

from __future__ import annotations

from ..loading import resolve
from ..model import Framework
from ..render.markdown import framework_markdown

__all__ = ["to_markdown"]


def to_markdown(framework: Framework | str) -> str:
    """The framework as a Markdown document.

    The title; edition, publisher, sources and levels; the clusters; then each competency with
    its description and, level by level, its effective and ineffective indicators as lists.
    Text a source lost is shown where it was lost ("Text lost in the source: …"), and an
    indicator taken from another source than the framework's own names that source. All text
    is escaped, so that ``*``, ``|``, ``<`` and the like print as themselves.

    >>> import civilframe
    >>> to_markdown(civilframe.load("competency-framework-2012-sms1")).splitlines()[2:4]
    ['- Edition: July 2012', '- Publisher: Civil Service']
    """
    return framework_markdown(resolve(framework))
