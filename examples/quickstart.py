"""A first look at civilframe: what Level 3 expects in Seeing the Big Picture.

Run it with ``python examples/quickstart.py``.
"""

import civilframe as cf

for framework_id, title in cf.frameworks().items():
    print(f"{framework_id}: {title}")

ccf = cf.load("competency-framework")
competency = ccf.competency("seeing the big picture")
print()
print(f"{competency.name}, {competency.level(3).heading}, cumulatively:")
for indicator in competency.cumulative(3):
    if indicator.polarity == "effective":
        print(f"  [Level {indicator.level_number}] {indicator.text}")

gaps = [(c.name, level.number, gap.note) for c in ccf for level in c for gap in level.gaps]
print()
print("Recorded gaps:")
for name, number, note in gaps:
    print(f"  {name}, Level {number}: {note}")
