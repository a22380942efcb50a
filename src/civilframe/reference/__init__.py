"""Reference data beside the frameworks.

Grades, the elements of a Success Profile and the ways they are assessed, and civilframe's
editorial map from competencies to behaviours.

Each module holds one kind of reference data, read from ``civilframe/data/reference`` through
the one converter on first use, and checked as a framework is.
"""
