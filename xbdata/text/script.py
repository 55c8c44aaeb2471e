"""Simplified and traditional Chinese: one place that knows both scripts.

Everything that matches Chinese words (the number parser, the extractor, search) works on
simplified text. Conversion keeps the text's length, so an offset found in the converted text
is the same offset in the original, which is what provenance needs.
"""

import re
from functools import lru_cache

import opencc

_FULLWIDTH = str.maketrans(
    {**{chr(0xFF10 + i): str(i) for i in range(10)}, "％": "%", "．": ".", "－": "-", "～": "~", "／": "/"}
)
# str.translate visits every character; a regular expression finds the few full-width ones 15x faster.
_FULLWIDTH_CHARS = re.compile("[" + "".join(chr(c) for c in _FULLWIDTH) + "]")


@lru_cache(maxsize=None)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def _convert_same_length(text: str, config: str) -> str:
    converter = _converter(config)
    converted = converter.convert(text)
    if len(converted) == len(text):
        return converted
    # A phrase rule changed the length somewhere: fall back to one character at a time.
    return "".join(ch if len(c := converter.convert(ch)) != 1 else c for ch in text)


def to_simplified(text: str) -> str:
    """Return `text` in simplified characters with ASCII digits and %, same length as `text`."""
    return _FULLWIDTH_CHARS.sub(lambda m: m.group().translate(_FULLWIDTH), _convert_same_length(text, "t2s"))


def to_traditional(text: str) -> str:
    """Return `text` in traditional characters, same length as `text`."""
    return _convert_same_length(text, "s2t")


def detect_script(text: str) -> str:
    """Guess whether `text` is written in simplified (`zh-Hans`) or traditional (`zh-Hant`) characters."""
    simplified = sum(a != b for a, b in zip(text, to_traditional(text)))
    traditional = sum(a != b for a, b in zip(text, _convert_same_length(text, "t2s")))
    return "zh-Hant" if traditional > simplified else "zh-Hans"


def romanized(name: str) -> str:
    """A Chinese place name in pinyin without tones, as places are catalogued (天门 -> Tianmen).

    pypinyin is imported here, not at the top: only drafting needs it, and report kernels import
    this module too."""
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(name)).capitalize()
