"""The constrained scalar types of the file format, checked by the converter.

They are ``str`` and ``int`` annotated with their rule: to a type checker and at run time they
are plain strings and numbers (so a caller building a profile passes ``"Analyst"``, not
``Text("Analyst")``), while the one converter finds each field's rule by its annotation and
reports a broken one at the field's JSON path.
"""

from __future__ import annotations

from typing import Annotated, Literal

__all__ = ["Id", "Number", "Polarity", "Text"]

#: Non-empty, trimmed text with no TAB, newline or other control character, no doubled spaces.
Text = Annotated[str, "civilframe.text"]

#: A stable identifier: lower-case letters and digits, ``-`` and ``.`` between them.
Id = Annotated[str, "civilframe.id"]

#: A whole number from 1 upwards: a level or competency number.
Number = Annotated[int, "civilframe.number"]

#: Which column of a level an indicator sits in.
Polarity = Literal["effective", "ineffective"]
