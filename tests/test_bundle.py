"""The cached Vega bundle is inlined into every report: it is trusted only if it hashes to the
SHA-256 the package itself holds, so swapping the cache together with anything beside it fails."""

import hashlib

from xbdata.reports import charts


def test_a_cache_swapped_together_with_a_stamp_beside_it_is_not_used(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    real = charts.vega_bundle()
    [cached] = (tmp_path / "xbdata").glob("*.js")
    forged = "alert('not vega');"
    cached.write_text(forged, encoding="utf-8")
    cached.with_name(cached.name + ".sha256").write_text(hashlib.sha256(forged.encode()).hexdigest() + "\n",
                                                         encoding="ascii")
    assert charts.vega_bundle() == real
    assert cached.read_text(encoding="utf-8") == real, "the cache is made again"


def test_the_package_holds_the_hash_of_the_installed_vl_convert_s_bundle(tmp_path, monkeypatch):
    """After `make lock` moves vl-convert, this fails until its bundle's hash is added to
    charts.VEGA_BUNDLE_SHA256 (until then every report makes the bundle afresh, never from the cache)."""
    from importlib.metadata import version

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    made = charts.vega_bundle()
    assert charts.VEGA_BUNDLE_SHA256[version("vl-convert-python")] == hashlib.sha256(made.encode("utf-8")).hexdigest()
    assert [p.name for p in (tmp_path / "xbdata").iterdir()] == [f"vega-bundle-{version('vl-convert-python')}.js"]
