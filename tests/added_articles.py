"""Articles written for the add-and-review tests, in the style of industry reporting (no sentence copied),
and a fixture-like helper that points xbdata at a temporary folder of added articles."""

HALF_YEAR = """跨境电商半年观察

据海关统计，今年上半年我国跨境电商进出口额达到1.32万亿元，同比增长5.7%。其中，出口额为1.03万亿元。

一家研究机构的报告显示，2024年东南亚跨境电商交易额约为1500亿美元，预计到2027年将突破2500亿美元。

在TikTok Shop上，今年上半年新入驻的中国卖家超过8万家，平台月活跃用户达到3亿。

问卷调查显示，约六成受访者愿意通过社交媒体购买海外商品，其中25-34岁的受访者占比为41%。
"""

# Another outlet on the same half year: its import-and-export figure differs (a conflict).
SECOND_OPINION = """半年数据速览

海关数据显示，今年上半年我国跨境电商进出口额为1.3万亿元，规模继续扩大。

TikTok的全球用户中，18-24岁的用户占比约为35%。
"""

# Traditional characters, with untrusted markup in it.
TRADITIONAL = """<script>alert(1)</script>平台觀察

今年上半年，該平台的訂單量超過2000萬單，<b>同比增長</b>18%。
"""


def add_half_year(tmp_path, monkeypatch):
    """HALF_YEAR added (not reviewed) into tmp_path/articles, where XBDATA_ARTICLES now points; that folder."""
    from xbdata.cli import main

    target = tmp_path / "articles"
    monkeypatch.setenv("XBDATA_ARTICLES", str(target))
    path = tmp_path / "half.txt"
    path.write_text(HALF_YEAR, encoding="utf-8")
    assert main(["add", str(path), "--title", "跨境电商半年观察", "--published", "2025-07-20"]) == 0
    return target


def explorer_widget(lang: str = "en"):
    """xbdata.explorer(lang). (The explorer module lives in xbdata.explore, so it no longer shadows
    the function of the same name, as the flat package's xbdata.explorer module did.)"""
    import xbdata

    return xbdata.explorer(lang)
