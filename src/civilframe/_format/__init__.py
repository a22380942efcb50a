"""The civilframe file formats: their scalar types, the one converter and the document rules.

Private: users meet the formats through :mod:`civilframe.loading` and the objects' own methods.
"""
