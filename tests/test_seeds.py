import hashlib
import tomllib
from pathlib import Path

import pytest

from xbdata.exceptions import SeedError
from xbdata.text.script import detect_script
from xbdata.curate.articles import articles, load_manifest
from xbdata.iorw import read_text


def _sums(path):
    return {line.split()[1]: line.split()[0] for line in path.read_text().splitlines() if line.strip()}


def test_seeds_are_byte_identical_to_the_recorded_hashes(root):
    recorded = _sums(root / "seeds" / "SHA256SUMS")
    assert len(recorded) == 5
    for name, digest in recorded.items():
        assert hashlib.sha256((root / "seeds" / name).read_bytes()).hexdigest() == digest


SHARED_SUMS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds" / "SHA256SUMS"


@pytest.mark.skipif(not SHARED_SUMS.exists(), reason="the shared originals (../shared/seeds) are outside the repository: "
                    "only the workspace it was written in has them, so a clone elsewhere cannot compare")
def test_recorded_hashes_match_the_shared_originals(root):
    assert _sums(SHARED_SUMS) == _sums(root / "seeds" / "SHA256SUMS")


def test_manifest_describes_every_seed(root):
    found = articles()
    assert sorted(found) == sorted(p.stem for p in (root / "seeds").glob("*.txt"))
    for article in found.values():
        assert article.script == detect_script(read_text(article.path))
        assert article.period and (not article.period_inferred or article.period_basis)
    assert found["001_1cbe8866d55724c7"].script == "zh-Hant"


def _seed_folder(tmp_path, files: dict, manifest: str):
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "sources.toml").write_text(manifest, encoding="utf-8")
    return tmp_path


A = "000_0123456789abcdef"
ENTRY = f'["{A}"]\nslug = "a"\ntitle = "t"\noutlet = "o"\nscript = "zh-Hans"\nperiod = "2022"\n'


def test_good_folder_loads(tmp_path):
    folder = _seed_folder(tmp_path, {f"{A}.txt": "超7万亿".encode()}, ENTRY + 'url = "https://example.com/a?b=1"\n')
    assert list(load_manifest(folder)) == [A]


@pytest.mark.parametrize("files,manifest,message", [
    ({}, ENTRY, f"{A}.txt is missing"),
    ({f"{A}.txt": b"x", "b.txt": b"y"}, ENTRY, "b.txt: no entry"),
    ({f"{A}.txt": b"x"}, ENTRY.replace('script = "zh-Hans"', 'script = "en"'), "script 'en' is not one of"),
    ({f"{A}.txt": b"x"}, ENTRY.replace('outlet = "o"\n', ""), "missing outlet"),
    ({f"{A}.txt": b"x"}, "not toml [", "not valid TOML"),
    ({"a.txt": b"x"}, ENTRY.replace(A, "a"), "an article id is three digits, _ and 16 hex digits"),
    ({f"{A}.txt": b"x"}, ENTRY + 'url = "javascript:alert(1)"\n', "is not an http\\(s\\) URL"),
    ({f"{A}.txt": b"x"}, ENTRY + 'url = "data:text/html,x"\n', "is not an http\\(s\\) URL"),
])
def test_bad_manifest(tmp_path, files, manifest, message):
    folder = _seed_folder(tmp_path, files, manifest)
    with pytest.raises(SeedError, match=message):
        load_manifest(folder)


@pytest.mark.parametrize("data,message", [(b"", "empty"), (b"  \n", "empty"), ("中文".encode("gbk"), "not UTF-8")])
def test_bad_seed_file(tmp_path, data, message):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    with pytest.raises(SeedError, match=message) as info:
        read_text(path)
    assert str(path) in str(info.value)


def test_missing_seed_file(tmp_path):
    with pytest.raises(SeedError, match="not found"):
        read_text(tmp_path / "nope.txt")


def test_missing_seeds_folder(monkeypatch, tmp_path):
    from xbdata.curate.articles import seeds_dir
    monkeypatch.setenv("XBDATA_SEEDS", str(tmp_path / "absent"))
    with pytest.raises(SeedError, match="XBDATA_SEEDS"):
        seeds_dir()


def test_manifest_is_valid_toml_with_urls_where_the_text_gives_one(root, texts):
    manifest = tomllib.loads((root / "seeds" / "sources.toml").read_text(encoding="utf-8"))
    for article_id, entry in manifest.items():
        if entry["url"]:
            assert entry["url"] in texts[article_id]


def test_one_outlet_is_named_one_way(root):
    """An outlet's name is its identity in every citation: written the same way for every seed."""
    manifest = tomllib.loads((root / "seeds" / "sources.toml").read_text(encoding="utf-8"))
    by_brand = {}
    for entry in manifest.values():
        brand = entry["outlet"].rsplit("(", 1)[-1].rstrip(")") if "(" in entry["outlet"] else entry["outlet"]
        by_brand.setdefault(brand, set()).add(entry["outlet"])
    assert {b: names for b, names in by_brand.items() if len(names) > 1} == {}
