"""Only the CSS a page uses: JupyterLab's 240 KB stylesheet, cut to the rules that can match.

nbconvert's lab template inlines all of JupyterLab's CSS (the editor, the file browser, every
widget) into each report, a third of its size. A rule can only style a shared report if every
class its selector names is on the page, or is added by the page's own scripts (vega-embed,
xbdata's figures); `used_css` keeps those rules, the rules that name no class (elements), and
every at-rule's used contents. Of the custom properties on :root (most of the 240 KB: icons as
data URLs) it keeps those some kept rule, or the page, reads with var(). Nothing is rewritten,
only left out.
"""

from __future__ import annotations

import re

import tinycss2

# Classes that scripts add after the page loads: vega-embed's, Vega's SVG groups, xbdata's figures.
RUNTIME_CLASS_PREFIXES = ("vega", "mark-", "role-", "chart-wrapper", "xbdata", "marks", "background")
_CLASS_ATTR = re.compile(r'class\s*=\s*["\']([^"\']*)["\']')
_SELECTOR_CLASS = re.compile(r"\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)")


def page_classes(html: str) -> set[str]:
    """Every class named in a class attribute of `html`."""
    return {c for value in _CLASS_ATTR.findall(html) for c in value.split()}


def _selector_can_match(selector: str, classes: set[str]) -> bool:
    needed = _SELECTOR_CLASS.findall(selector)
    return all(c in classes or c.startswith(RUNTIME_CLASS_PREFIXES) for c in needed)


def _keep(rules, classes: set[str]) -> list[str]:
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = tinycss2.serialize(rule.prelude).split(",")
            if any(_selector_can_match(s, classes) for s in selectors):
                out.append(rule.serialize())
        elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in ("media", "supports"):
            inner = _keep(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), classes)
            if inner:
                out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{''.join(inner)}}}")
        elif rule.type == "at-rule":
            out.append(rule.serialize())
    return out


_VAR = re.compile(r"var\(\s*(--[\w-]+)")


def _is_root(rule) -> bool:
    return rule.type == "qualified-rule" and tinycss2.serialize(rule.prelude).strip() == ":root"


def _used_variables(rules, elsewhere: str) -> list[str]:
    """The :root rules cut to the custom properties read with var(), directly or through another property."""
    declarations = {}
    for rule in rules:
        for d in tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True):
            if d.type == "declaration" and d.name.startswith("--"):
                declarations[d.name] = tinycss2.serialize(d.value).strip() + (" !important" if d.important else "")
    wanted, todo = set(), set(_VAR.findall(elsewhere))
    while todo:
        name = todo.pop()
        if name in declarations and name not in wanted:
            wanted.add(name)
            todo.update(_VAR.findall(declarations[name]))
    kept = "".join(f"{name}:{value};" for name, value in declarations.items() if name in wanted)
    return [f":root{{{kept}}}"] if kept else []


def used_css(css: str, classes: set[str], elsewhere: str = "") -> str:
    """The rules of `css` that can style a page whose class attributes name `classes`.

    `elsewhere` is the rest of the page's CSS and markup, whose var() reads keep their variables.
    """
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    roots = [r for r in rules if _is_root(r)]
    kept = _keep([r for r in rules if not _is_root(r)], classes)
    return "\n".join(_used_variables(roots, "\n".join(kept) + elsewhere) + kept)


_STYLE = re.compile(r"(<style[^>]*>)(.*?)(</style>)", re.S)


def slim_page(html: str, threshold: int = 20_000) -> str:
    """`html` with each large inline stylesheet cut to the rules its page can use."""
    classes = page_classes(html)
    return _STYLE.sub(lambda m: m.group(1) + (used_css(m.group(2), classes, html.replace(m.group(2), ""))
                                              if len(m.group(2)) > threshold else m.group(2)) + m.group(3), html)
