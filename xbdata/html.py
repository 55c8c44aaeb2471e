"""Executed notebook to one self-contained HTML file that opens offline.

Inputs are hidden (the reader sees the story, not the code); cells tagged `live-only` (ipywidgets,
which need a kernel) are left out, so the file shows no broken widget, and so are cells tagged
`notebook-only` (notes for people working in the notebook); the template fetches nothing from
the network. The page's language follows the report's `lang` parameter, and JupyterLab's
stylesheet is cut to the rules the page can use (xbdata/css.py).
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbconvert import HTMLExporter
from nbconvert.preprocessors import TagRemovePreprocessor

from .css import slim_page

TEMPLATES = Path(__file__).resolve().parent / "templates"
LEFT_OUT = {"live-only", "notebook-only"}


def notebook_to_html(notebook: nbformat.NotebookNode, title: str | None = None) -> str:
    """The executed `notebook` as a self-contained HTML page."""
    lang = notebook.metadata.get("papermill", {}).get("parameters", {}).get("lang", "en")
    exporter = HTMLExporter(template_name="xbdata", extra_template_basedirs=[str(TEMPLATES)],
                            exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
                            language_code=lang)   # ISO 639-1, which nbconvert requires: en, zh
    exporter.register_preprocessor(TagRemovePreprocessor(remove_cell_tags=LEFT_OUT, enabled=True), enabled=True)
    if title:
        notebook.metadata["title"] = title
    body, _ = exporter.from_notebook_node(notebook)
    return slim_page(body)
