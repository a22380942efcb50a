"""The constrained scalar types of the file formats, and the checks that define them.

They are ``str`` and ``int`` annotated with their rule: to a type checker and at run time they
are plain strings and numbers (so a caller building a profile passes ``"Analyst"``, not
``Text("Analyst")``), while the one converter finds each field's rule by its annotation and
reports a broken one at the field's JSON path.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Annotated, Literal

__all__ = [
    "POLARITIES",
    "Date",
    "Id",
    "Number",
    "Polarity",
    "Text",
    "Url",
    "all_ids",
    "all_texts",
    "date_problem",
    "id_problem",
    "text_problem",
    "type_name",
    "url_problem",
]

#: Non-empty, trimmed text with no TAB, newline or other control character, no doubled spaces.
Text = Annotated[str, "civilframe.text"]

#: A stable identifier: lower-case letters and digits, ``-`` and ``.`` between them.
Id = Annotated[str, "civilframe.id"]

#: A calendar date in ISO 8601, to the precision its source gives: ``"2012"``, ``"2012-07"`` or
#: ``"2012-07-31"``.
Date = Annotated[str, "civilframe.date"]

#: An absolute ``http`` or ``https`` URL.
Url = Annotated[str, "civilframe.url"]

#: A whole number from 1 upwards: a level or competency number.
Number = Annotated[int, "civilframe.number"]

#: Which column of a level an indicator sits in.
Polarity = Literal["effective", "ineffective"]

#: Both polarities, in the order a level holds its columns.
POLARITIES: tuple[Polarity, Polarity] = ("effective", "ineffective")

_ID = re.compile(r"[a-z0-9]+(?:[-.][a-z0-9]+)*")
_IDS = re.compile(r"[a-z0-9]+(?:[-.,][a-z0-9]+)*")  # ids joined by ",", which no id holds
#: The days of each month in a year that is not a leap year.
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
#: An absolute web address: a scheme, a host, then anything but white space.
_URL = re.compile(r"https?://[^\s/?#]+[^\s]*")
_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
#: The printable ASCII characters, as bytes: the space to the tilde.
_PRINTABLE_ASCII = bytes(range(0x20, 0x7F))


def _printable(text: str) -> bool:
    """``text.isprintable()``, a few times quicker for ASCII text, which most text is."""
    if text.isascii():
        return not text.encode("ascii").translate(None, _PRINTABLE_ASCII)
    return text.isprintable()


def text_problem(value: str) -> str | None:
    """What is wrong with ``value`` as framework text, or None when it is fine.

    >>> text_problem("Listen well"), text_problem("Listen  well")
    (None, 'text must not contain doubled spaces')
    """
    # str.isprintable() is false for every control character and lone surrogate (and for some
    # harmless letters, such as a no-break space): the regular expressions decide only then.
    if (
        value
        and value == value.strip()
        and "  " not in value
        and (_printable(value) or not (_CONTROL.search(value) or _SURROGATE.search(value)))
    ):
        return None
    if not value:
        return "text must not be empty"
    if "\t" in value:
        return "text must not contain a TAB"
    if _CONTROL.search(value):
        return "text must not contain a newline or other control character"
    if surrogate := _SURROGATE.search(value):
        return (
            f"text must not contain a lone surrogate ({surrogate.group()!r}): "
            "it is no character and cannot be written as UTF-8"
        )
    if value != value.strip():
        return "text must not have leading or trailing spaces"
    return "text must not contain doubled spaces"


def id_problem(value: str) -> str | None:
    """What is wrong with ``value`` as an id, or None when it is fine.

    >>> id_problem("seeing-the-big-picture.l3.e2"), id_problem("Listening")
    (None, "id 'Listening' must be lower-case letters and digits, with '-' or '.' between them")
    """
    if _ID.fullmatch(value):
        return None
    return f"id {value!r} must be lower-case letters and digits, with '-' or '.' between them"


def date_problem(value: str) -> str | None:
    """What is wrong with ``value`` as a date, or None when it is fine.

    >>> date_problem("2012-07"), date_problem("July 2012")
    (None, "date 'July 2012' must be ISO 8601: a year, year-month or year-month-day (2012-07)")
    """
    found = _DATE.fullmatch(value)
    if found is None:
        return f"date {value!r} must be ISO 8601: a year, year-month or year-month-day (2012-07)"
    year, month, day = (int(part) if part else 1 for part in found.groups())
    if not 1 <= month <= 12:
        return f"date {value!r} is no calendar date: there is no month {month}"
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    days = _MONTH_DAYS[month - 1] + (1 if month == 2 and leap else 0)
    if not 1 <= day <= days:
        return f"date {value!r} is no calendar date: that month has {days} days"
    return None


def url_problem(value: str) -> str | None:
    """What is wrong with ``value`` as a URL, or None when it is fine.

    >>> url_problem("https://www.gov.uk/"), url_problem("www.gov.uk")
    (None, "URL 'www.gov.uk' must be absolute, starting http:// or https://")
    """
    if any(character.isspace() for character in value) or _CONTROL.search(value):
        return f"URL {value!r} must not contain spaces or control characters"
    if _URL.fullmatch(value):
        return None
    return f"URL {value!r} must be absolute, starting http:// or https://"


def type_name(value: object) -> str:
    """The JSON type of ``value`` in words, for messages: "a string", "a number", "null"."""
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}
    names.update({int: "a number", float: "a number", type(None): "null", tuple: "a list"})
    return names.get(type(value), type(value).__name__)


def all_texts(values: list[str]) -> bool:
    """Whether every one of ``values`` is sound text (see :func:`text_problem`), checked at once.

    Joined by single spaces, sound texts make a line that is printable (Python counts no white
    space but the space as printable), has no doubled space and does not start or end with a
    space; a text that is empty, has a control character, other white space, a doubled space
    or a leading or trailing space breaks one of those. False may also mean harmless
    non-printable letters (a no-break space): check each with :func:`text_problem` then.
    """
    line = " ".join(values)
    return (
        "" not in values
        and _printable(line)
        and "  " not in line
        and not line.startswith(" ")
        and not line.endswith(" ")
    )


def all_ids(values: Sequence[str]) -> bool:
    """Whether every one of ``values`` is a well-formed id (see :func:`id_problem`), at once."""
    line = ",".join(values)
    return line.count(",") == len(values) - 1 and _IDS.fullmatch(line) is not None
