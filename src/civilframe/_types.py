"""The constrained scalar types of the file format, checked by the converter.

They are plain ``str`` and ``int`` at run time; as ``NewType`` they let the one converter
check each field's rule and report it at the field's JSON path.
"""

from __future__ import annotations

from typing import Literal, NewType

__all__ = ["Id", "Number", "Polarity", "Text"]

#: Non-empty, trimmed text with no TAB, newline or other control character, no doubled spaces.
Text = NewType("Text", str)

#: A stable identifier: lower-case letters and digits, ``-`` and ``.`` between them.
Id = NewType("Id", str)

#: A whole number from 1 upwards: a level or competency number.
Number = NewType("Number", int)

#: Which column of a level an indicator sits in.
Polarity = Literal["effective", "ineffective"]
