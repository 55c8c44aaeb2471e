"""What a report kernel imports, and what it costs against pandas (issue 15: import cost at its source)."""

import resource
import subprocess
import sys

CHARTS = "import xbdata.reports.charts"


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout


def test_a_report_kernel_does_not_build_the_iri_grammar_until_something_checks_an_iri():
    out = _run(f"{CHARTS}; import sys; print('rfc3987_syntax.syntax_helpers' in sys.modules)")
    assert out.strip() == "False"


def test_the_deferred_iri_check_still_checks():
    out = _run(f"{CHARTS}; import jsonschema; fc = jsonschema.FormatChecker(); "
               "print(fc.conforms('https://例子.测试/路径', 'iri'), fc.conforms('no iri here', 'iri'))")
    assert out.split() == ["True", "False"]


def test_deferring_a_module_that_is_not_installed_or_already_imported_does_nothing():
    out = _run("import sys, json; from xbdata.reports.deferred import defer; "
               "print(defer('no_such_module_xbdata', ('f',)), defer('json', ('dumps',)), sys.modules['json'] is json)")
    assert out.split() == ["False", "False", "True"]


def _cpu_seconds(code: str) -> float:
    """The least CPU time (user and system) of three runs of `code` in a fresh interpreter: the cost of
    the imports themselves, which other work on a busy machine inflates far less than the clock."""
    runs = []
    for _ in range(3):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([sys.executable, "-c", code], check=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        runs.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return min(runs)


def test_a_report_kernel_s_imports_cost_a_small_multiple_of_pandas():
    """A generous bound, as a ratio measured in the same run: with the IRI grammar built at
    import the charts module cost about 5x `import pandas`; deferred, under 2x."""
    ratio = _cpu_seconds(CHARTS) / _cpu_seconds("import pandas")
    assert ratio < 3.5, f"importing the charts module costs {ratio:.1f}x importing pandas in CPU time"
