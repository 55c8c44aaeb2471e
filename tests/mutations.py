"""Mutation checks: each mistake below, made on purpose in a copy of xbdata, must make the tests fail.

    .venv/bin/python tests/mutations.py            # every mutation; prints a Markdown table
    .venv/bin/python tests/mutations.py swap-range  # the ones named

For each mutation the checkout is copied to a temporary folder (the working tree is never
touched), one line of xbdata's code is changed there (the text to change must occur exactly once,
so a mutation that no longer applies is an error, not a silent pass), and the test files that
hold figures and their words run against the copy. A mutation the tests do not catch is listed
as SURVIVED and the script exits 1. tests/MUTATIONS.md records the last run.

Not collected by pytest (the name does not start with test_): it runs the suite, it is not in it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ("tests/test_formatting.py", "tests/test_catalogue.py", "tests/test_numbers.py", "tests/test_units.py",
         "tests/test_tables.py", "tests/test_charts.py")


@dataclass(frozen=True)
class Mutation:
    name: str
    what: str
    path: str
    old: str
    new: str


MUTATIONS = (
    Mutation("cny-usd-en", "formatter: CNY and USD swapped in English (CNY 7 trillion shown as USD 7 trillion)",
             "xbdata/text/formatting.py",
             'else (f"{unit} ", "", "magnitude")',
             'else (f"{ {\'CNY\': \'USD\', \'USD\': \'CNY\'}.get(unit, unit)} ", "", "magnitude")'),
    Mutation("cny-usd-zh", "formatter: 元 and 美元 swapped in Chinese (7万亿元 shown as 7万亿美元)",
             "xbdata/text/labels.py",
             '"CNY": ("", "元"), "USD": ("", "美元")', '"CNY": ("", "美元"), "USD": ("", "元")'),
    Mutation("percent-as-pp", "formatter: every % shown as percentage points / 个百分点",
             "xbdata/text/formatting.py",
             'if unit == "%":\n        return "", "%", "plain"',
             'if unit == "%":\n        return "", ("个百分点" if zh else " percentage points"), "plain"'),
    Mutation("users-as-orders", "formatter: users shown as orders / 订单",
             "xbdata/text/labels.py", '"users": ("用户", "users")', '"users": ("订单", "orders")'),
    Mutation("drop-over", "formatter: the qualifier 超过 / over dropped",
             "xbdata/text/labels.py", '">": ("超过", "over ")', '">": ("", "")'),
    Mutation("drop-about", "formatter: the qualifier 约 / about dropped",
             "xbdata/text/labels.py", '"~": ("约", "about ")', '"~": ("", "")'),
    Mutation("drop-every-qualifier", "formatter: no qualifier word at all",
             "xbdata/text/formatting.py", "q = QUALIFIER_WORDS[flavour][i]", 'q = ""'),
    Mutation("drop-wan", "number parser: the magnitude 万 after a number dropped (80万 read as 80)",
             "xbdata/text/words.py", '"亿": 10**8, "万": 10**4, "千"', '"亿": 10**8, "万": 1, "千"'),
    Mutation("drop-yi", "number parser: the magnitude 亿 after a number dropped (5亿 read as 5)",
             "xbdata/text/words.py", '"亿": 10**8, "万": 10**4, "千"', '"亿": 1, "万": 10**4, "千"'),
    Mutation("swap-range-formatter", "formatter: a range's low and high swapped (6–25% shown as 25–6%)",
             "xbdata/text/formatting.py",
             'return f"{prefix}{_number(low, style, lang)}–{_number(high, style, lang)}{suffix}"',
             'return f"{prefix}{_number(high, style, lang)}–{_number(low, style, lang)}{suffix}"'),
    Mutation("swap-range-parser", "number parser: a range's low and high swapped (6-25% read as low 25, high 6)",
             "xbdata/text/numbers.py",
             "return _bounded(text, None, low * factor, high * factor, unit, qualifier)",
             "return _bounded(text, None, high * factor, low * factor, unit, qualifier)"),
)


def _copy() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="xbdata-mutant-"))
    skip = shutil.ignore_patterns(".venv", ".git", "__pycache__", "*.egg-info", ".pytest_cache")

    def ignore(folder, names):   # reports/ and articles/ at the top are a build's and a user's, not the code's
        return set(skip(folder, names)) | ({"reports", "articles"} & set(names) if Path(folder) == ROOT else set())
    shutil.copytree(ROOT, folder / "checkout", ignore=ignore)
    return folder / "checkout"


def _pytest(checkout: Path, *files: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rf", *files],
                          cwd=checkout, env=env, capture_output=True, text=True, timeout=900)


def run(mutation: Mutation | None) -> tuple[int, list[str], str]:
    """(pytest's exit code, the failed tests, pytest's last line) for one mutation; None: unmutated."""
    checkout = _copy()
    try:
        if mutation:
            path = checkout / mutation.path
            text = path.read_text(encoding="utf-8")
            if text.count(mutation.old) != 1:
                raise SystemExit(f"{mutation.name}: {mutation.old!r} occurs {text.count(mutation.old)} times in "
                                 f"{mutation.path}; update the mutation")
            path.write_text(text.replace(mutation.old, mutation.new), encoding="utf-8")
        where = subprocess.run([sys.executable, "-c", "import xbdata; print(xbdata.__file__)"], cwd=checkout,
                               env={**os.environ, "PYTHONPATH": str(checkout)}, capture_output=True, text=True)
        assert where.stdout.strip().startswith(str(checkout)), f"the copy's xbdata is not the one imported: {where}"
        done = _pytest(checkout, *TESTS)
        failed = re.findall(r"^(?:FAILED|ERROR) (\S+)", done.stdout, flags=re.M)
        last = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr.strip()[-200:]
        return done.returncode, failed, last
    finally:
        shutil.rmtree(checkout.parent, ignore_errors=True)


def caught_by(failed: list[str]) -> str:
    """The failed tests by function, with how many of its cases failed: test_formatting::test_x (10)."""
    counts: dict[str, int] = {}
    for test_id in failed:
        key = test_id.replace("tests/", "").replace(".py", "").split("[")[0]
        counts[key] = counts.get(key, 0) + 1
    return "<br>".join(f"{k} ({n})" for k, n in counts.items())


def main(names: list[str]) -> int:
    chosen = [m for m in MUTATIONS if not names or m.name in names]
    code, failed, last = run(None)
    if code != 0:
        print(f"the unmutated copy fails already ({last}): fix that first", file=sys.stderr)
        return 2
    print(f"unmutated: {last}\n")
    print("| mutation | what | failed | caught by (test, failing cases) |")
    print("| --- | --- | --- | --- |")
    survived = []
    for m in chosen:
        code, failed, last = run(m)
        if code == 0:
            survived.append(m.name)
        print(f"| `{m.name}` | {m.what} | {len(failed)} | {caught_by(failed) if failed else 'SURVIVED'} |", flush=True)
    if survived:
        print(f"\nSURVIVED: {', '.join(survived)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
