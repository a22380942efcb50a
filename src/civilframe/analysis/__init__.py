"""Analysis over frameworks: comparing editions, finding text, checking quoted indicators.

- :mod:`civilframe.analysis.compare`: what changed between two frameworks
  (:func:`~civilframe.diff`);
- :mod:`civilframe.analysis.find`: indicators by their words (:func:`~civilframe.search`);
- :mod:`civilframe.analysis.quotes`: what a document quotes (:func:`~civilframe.check_quotes`).
"""
