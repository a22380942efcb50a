"""A framework's indicators as a pandas DataFrame (pandas is an optional extra)."""

from __future__ import annotations

import importlib
from typing import Any

from ..loading import resolve
from ..model import Framework
from .spreadsheet import COLUMNS, records

__all__ = ["to_dataframe"]


def to_dataframe(framework: Framework | str) -> Any:
    """The framework's indicators as a :class:`pandas.DataFrame`, one row per indicator.

    The columns are those of the CSV export (:data:`COLUMNS`), in the same order, with
    ``level`` an integer and a missing ``cluster`` or ``note`` as None. pandas is an optional
    extra: without it this raises :class:`ImportError` saying how to install it.

    >>> import civilframe
    >>> frame = to_dataframe(civilframe.load("competency-framework"))
    >>> frame.shape, int(frame["level"].max())
    ((664, 11), 6)
    """
    try:
        pandas = importlib.import_module("pandas")
    except ImportError:
        raise ImportError(
            "to_dataframe needs pandas: pip install 'civilframe[pandas]'", name="pandas"
        ) from None
    return pandas.DataFrame(list(records(resolve(framework))), columns=list(COLUMNS))
