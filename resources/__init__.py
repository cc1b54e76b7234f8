"""Ascolto's non-code assets, installed as the package ``app.resources`` (see pyproject.toml).

Code lists, the perturbation table, the package JSON Schema, the texts documents print, fonts and their
licence, icons and the translations live here, at the top of the source tree, so that a translator or a
statistician finds them without reading code. They are read only through
``importlib.resources.files("app.resources")``, which works the same from the source tree (editable
install), a wheel and the PyInstaller bundle.
"""
