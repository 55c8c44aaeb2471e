"""Executed notebook to one self-contained HTML file that opens offline.

Inputs are hidden (the reader sees the story, not the code); cells tagged `live-only` (ipywidgets,
which need a kernel) are left out, so the file shows no broken widget, and so are cells tagged
`notebook-only` (notes for people working in the notebook); the template fetches nothing from
the network. The page's language follows the report's `lang` parameter, and JupyterLab's
stylesheet is cut to the rules the page can use (xbdata/engine/css.py).

The same notebook gives the same bytes: the widget state, which no cell left in the page can
show, is dropped; papermill's parameters cell gets a fixed id, and each chart's element a number in
page order, instead of random ones (random in the kernel, so two notebooks open in one JupyterLab
never share an id).
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter
from nbconvert.preprocessors import TagRemovePreprocessor

from .css import slim_page

TEMPLATES = Path(__file__).resolve().parent / "templates"
LEFT_OUT = {"live-only", "notebook-only"}
_CHART_ID = re.compile(r"xbdata-chart-[0-9a-f]{12}\b")


def notebook_to_html(notebook: nbformat.NotebookNode, title: str | None = None) -> str:
    """The executed `notebook` as a self-contained HTML page."""
    lang = notebook.metadata.get("papermill", {}).get("parameters", {}).get("lang", "en")
    exporter = HTMLExporter(template_name="xbdata", extra_template_basedirs=[str(TEMPLATES)],
                            exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
                            language_code=lang)   # ISO 639-1, which nbconvert requires: en, zh
    exporter.register_preprocessor(TagRemovePreprocessor(remove_cell_tags=LEFT_OUT, enabled=True), enabled=True)
    if title:
        notebook.metadata["title"] = title
    notebook.metadata.pop("widgets", None)
    for cell in notebook.cells:
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell["id"] = "injected-parameters"
    body, _ = exporter.from_notebook_node(notebook)
    return slim_page(_number_charts(body))


def _number_charts(page: str) -> str:
    numbers: dict[str, str] = {}
    return _CHART_ID.sub(lambda m: numbers.setdefault(m.group(), f"xbdata-chart-{len(numbers) + 1}"), page)
