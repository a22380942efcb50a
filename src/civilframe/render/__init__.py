"""Renderings of civilframe's objects for people: HTML for notebooks, text, Markdown.

- :mod:`civilframe.render.notebook`: the HTML fragments behind every ``_repr_html_``;
- :mod:`civilframe.render.terminal`: the plain text the CLI prints;
- :mod:`civilframe.render.markdown`: frameworks and Success Profiles as Markdown.
"""
