"""A framework as a Markdown document (rendered by :mod:`civilframe.render.markdown`)."""

from __future__ import annotations

from ..loading import resolve
from ..model import Framework
from ..render.markdown import framework_markdown

__all__ = ["to_markdown"]


def to_markdown(framework: Framework | str) -> str:
    """The framework (a Framework or a bundled id) as a Markdown document.

    The document :func:`civilframe.render.markdown.framework_markdown` renders: every text
    escaped, every gap and every borrowed indicator said where it is.

    >>> import civilframe
    >>> to_markdown(civilframe.load("competency-framework-2012-sms1")).splitlines()[2:4]
    ['- Edition: July 2012', '- Publisher: Civil Service']
    """
    return framework_markdown(resolve(framework))
