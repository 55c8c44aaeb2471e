"""The `xbdata` command: a thin layer that parses arguments and calls the Python API.

User mistakes (an unknown topic, a missing file) print one line on stderr and exit 2.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

from .. import __version__
from ..curate.vocabulary import TOPICS
from ..exceptions import XbdataError
from ..reports.parameters import REPORTS, get_report, parse_cli_parameters
from ..text.labels import LANGS
from .articles import add_parsers, check_notes


STATS_FORMATS = ("table", "csv", "json", "xlsx")
# Topics that have a tidy view of their own; the others are rows of the catalogue.
TOPIC_VIEWS = {"market_size": "market_size", "demographics": "demographics", "category": "categories",
               "platform": "platforms"}
TABLE_COLUMNS = ["stat_id", "label", "shown", "period", "kind", "source"]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, no usage block
        self.exit(2, f"{self.prog}: error: {message}\n")


def _number(x) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.4g}"


TABLE_TEXT_WIDTH = 40   # characters of a sentence or label a table shows, unless --wide


def _table(frame, wide: bool = False) -> str:
    shown = frame.copy()
    for column in ("value", "low", "high"):
        if column in shown:
            shown[column] = shown[column].map(_number)
    for column in ("sentence", "label"):
        if column in shown and not wide:
            shown[column] = shown[column].map(
                lambda t: t[:TABLE_TEXT_WIDTH - 1] + "…" if isinstance(t, str) and len(t) > TABLE_TEXT_WIDTH else t)
    return shown.fillna("").to_string(index=False)


def _emit(frame, fmt: str, output: str | None, table_columns: list[str], wide: bool = False) -> None:
    from ..curate.export import csv_text, write_table

    if output:
        write_table(frame, Path(output), "xlsx" if fmt == "xlsx" else ("json" if fmt == "json" else "csv"))
        print(f"wrote {output} ({len(frame)} rows)", file=sys.stderr)
        return
    if fmt == "xlsx":
        raise XbdataError("--format xlsx needs -o FILE.xlsx")
    if fmt == "csv":
        sys.stdout.write(csv_text(frame))
    elif fmt == "json":
        records = json.loads(frame.to_json(orient="records", force_ascii=False))
        print(json.dumps(records, ensure_ascii=False, indent=1))
    else:
        print(_table(frame[[c for c in table_columns if c in frame.columns]], wide))


def cmd_extract(args) -> int:
    """One file's mentions; for a folder or a glob, every file's, with a `file` column, in parallel."""
    from ..engine.extract_corpus import COLUMNS, corpus_files, extract_corpus

    corpus = not Path(args.target).is_file()
    columns = (["file"] if corpus else []) + COLUMNS
    result = extract_corpus(corpus_files(args.target), args.jobs, args.executor, args.scheduler,
                            progress=lambda line: print(line, file=sys.stderr) if corpus else None,
                            as_csv=args.format == "csv", with_file=corpus)
    if not corpus and result.failed:
        raise XbdataError(result.failed[0][1])
    if args.format == "csv":
        sys.stdout.write(",".join(columns) + "\n" + result.csv)
    else:
        import pandas as pd

        frame = pd.DataFrame(result.rows, columns=["file", *COLUMNS, "sentence_start"])
        shown = (["file"] if corpus else []) + ["start", "end", "kind", "text", "value", "unit", "qualifier", "sentence"]
        _emit(frame[columns], args.format, None, shown)
    if corpus:
        print(f"extracted {result.mentions} mentions from {result.files - len(result.failed)} of {result.files} file(s)",
              file=sys.stderr)
    for _, why in result.failed:
        print(f"xbdata: error: {why}", file=sys.stderr)
    return 1 if result.failed else 0


def cmd_stats(args) -> int:
    from ..curate.tables import TABLES, statistics

    if args.topic in TOPIC_VIEWS:
        frame = TABLES[TOPIC_VIEWS[args.topic]](args.lang)
    else:
        frame = statistics(args.lang)
        if args.topic != "all":
            frame = frame[frame["topic"] == args.topic]
    _emit(frame, args.format, args.output, TABLE_COLUMNS, args.wide)
    return 0


def cmd_export(args) -> int:
    from ..curate.export import export_tables

    paths = export_tables(args.output, args.lang, progress=lambda line: print(line, file=sys.stderr))
    print(f"exported {len(paths)} files to {args.output}")
    return 0


def cmd_check(args) -> int:
    from ..curate.catalogue import accounting, catalogue, load_exclusions

    stats = catalogue()
    exclusions = load_exclusions()
    missing = accounting(stats, exclusions)
    for source, mentions in missing.items():
        reported = int(((stats["source"] == source) & (stats["kind"] != "derived")).sum())
        excluded = sum(e.source == source for e in exclusions)
        print(f"{source}: {reported} statistics, {excluded} exclusions, {len(mentions)} unaccounted")
        for m in mentions:
            print(f"  unaccounted {m.start}-{m.end} {m.text!r} ({m.kind}): {m.sentence[:60]!r}")
    total = sum(len(v) for v in missing.values())

    for line in check_notes(stats):  # conflicts across articles and drafts awaiting review: information only
        print(line)
    print(f"catalogue valid: {len(stats)} rows ({int((stats['kind'] == 'derived').sum())} derived); "
          f"{'every mention accounted for' if total == 0 else f'{total} mentions unaccounted'}")
    return 0 if total == 0 else 1


def _print_outcomes(outcomes) -> int:
    failed = [o for o in outcomes if o.status == "failed"]
    for o in failed:
        print(f"xbdata: error: report {o.name} failed: {o.message}", file=sys.stderr)
    built = sum(o.status == "built" for o in outcomes)
    skipped = sum(o.status == "skipped" for o in outcomes)
    print(f"{built} built, {skipped} unchanged, {len(failed)} failed")
    return 1 if failed else 0


def _print_plan(outcomes) -> int:
    for o in outcomes:
        print(f"{o.name}: {'would build' if o.status == 'would build' else 'unchanged'} ({o.message})")
    return 0


def _progress(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _build(args, names, params=None, force=False, grid=None, force_tables=None) -> int:
    from ..engine.build import build

    dry_run = getattr(args, "dry_run", False)
    if args.pdf and not dry_run:
        from ..engine.pdf import check_pdf_tools

        check_pdf_tools()   # before any kernel starts: a missing Chromium is one line, not a late failure
    outcomes = build(names, args.output, force=force, jobs=getattr(args, "jobs", None), params=params, grid=grid,
                     timeout=args.timeout, executor=args.executor, scheduler=args.scheduler, wait=not args.no_wait,
                     dry_run=dry_run, progress=_progress, force_tables=force_tables)
    if dry_run:
        return _print_plan(outcomes)
    code = _print_outcomes(outcomes)
    return max(code, _write_pdfs(Path(args.output), outcomes, args.paper)) if args.pdf else code


def _write_pdfs(folder: Path, outcomes, paper: str = "A4") -> int:
    """NAME.pdf on `paper` beside each good report's HTML (made again when the HTML is newer or the
    paper differs), all printed by one Chromium; 1 if any failed."""
    from ..engine.pdf import paper_of, write_pdfs

    todo = []
    for o in outcomes:
        html, pdf = folder / f"{o.name}.html", folder / f"{o.name}.pdf"
        if o.status not in ("built", "skipped") or not html.exists():
            continue
        if pdf.exists() and pdf.stat().st_mtime >= html.stat().st_mtime and paper_of(pdf) == paper:
            continue
        todo.append((o.name, html, pdf))
    code = 0
    if todo:
        try:
            printed = write_pdfs([(html, pdf, paper) for _, html, pdf in todo])
        except Exception as error:  # before any page: every report's PDF failed for it
            printed = [error] * len(todo)
        for (name, _, pdf), result in zip(todo, printed):
            if isinstance(result, Exception):  # one line per report, as for a failed build
                print(f"xbdata: error: PDF of {name} failed: "
                      f"{str(result).splitlines()[0] if str(result) else type(result).__name__}", file=sys.stderr)
                code = 1
            else:
                print(f"wrote {pdf}", file=sys.stderr)
    _refresh_index(folder)
    return code


def _refresh_index(folder: Path) -> None:
    """The index again, under the output folder's lock, so that it links the PDFs just printed."""
    from ..engine.build import pending_drafts, write_index
    from ..engine.manifest import output_lock, read_manifest

    with output_lock(folder):
        manifest = read_manifest(folder)
        if manifest.get("reports"):
            write_index(folder, manifest, pending_drafts())


def _grid(name: str, specs: list[str]) -> dict[str, list]:
    """`--grid KEY=V1,V2` options as {KEY: [typed values]}; each value checked later, with its combination."""
    report = get_report(name)
    grid, given = {}, {}
    for spec in specs:
        key, sep, values = spec.partition("=")
        if not sep or not values:
            raise XbdataError(f"--grid takes KEY=V1,V2,... (got {spec!r})")
        if key in given:
            raise XbdataError(f"--grid {key} is given twice ({given[key]}, then {spec}): give its values once, "
                              f"as --grid {key}={given[key].partition('=')[2]},{values}")
        given[key] = spec
        grid[key] = [report.param(key).parse(raw) for raw in values.split(",")]
    return grid


def cmd_build(args) -> int:
    for name in args.reports:
        get_report(name)
    if args.grid or args.parameters:
        if len(args.reports) != 1:
            raise XbdataError("--grid and -p apply to one report: name it, e.g. xbdata build category_trends --grid top_n=3,5")
        [name] = args.reports
        given = {key: get_report(name).param(key).parse(raw) for key, raw in args.parameters}
        return _build(args, [name], params={name: given}, force=args.force, grid={name: _grid(name, args.grid)})
    return _build(args, args.reports or None, force=args.force)


def cmd_report(args) -> int:
    """Run the report whatever changed; its tables only if they changed or are missing (a user
    trying one parameter after another does not wait for the same tables each time)."""
    params = parse_cli_parameters(args.name, [tuple(p) for p in args.parameters])
    return _build(args, [args.name], params={args.name: params}, force=True, force_tables=False)


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be a number of seconds above 0 (got {text!r})")
    return value


def _build_options(p: argparse.ArgumentParser) -> None:
    """The options `build` and `report` share: where, how long, and what to do if the folder is busy."""
    from ..engine.build import DEFAULT_TIMEOUT
    from ..engine.pdf import PAPERS

    p.add_argument("-o", "--output", default="reports", help="folder to write into (default: reports)")
    p.add_argument("--timeout", type=_positive, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                   help=f"stop a report that takes longer, kernel start to HTML (default: {DEFAULT_TIMEOUT:g})")
    p.add_argument("--no-wait", action="store_true",
                   help="if another build is writing to the folder, exit 3 at once instead of waiting for it")
    p.add_argument("--executor", choices=("local", "dask"), default="local",
                   help="where reports run: local processes (default) or Dask distributed "
                        "(its logs go to OUTPUT/dask.log)")
    p.add_argument("--scheduler", metavar="ADDRESS", default=None,
                   help="with --executor dask, the scheduler to use, e.g. tcp://10.0.0.5:8786 (default: a LocalCluster)")
    p.add_argument("--pdf", action="store_true",
                   help="also write NAME.pdf beside each report's HTML, printed by headless Chromium "
                        "(/usr/bin/chromium, or $XBDATA_CHROMIUM)")
    p.add_argument("--paper", choices=tuple(PAPERS), default="A4", help="the PDF's paper size (default: A4)")


def cmd_list(args) -> int:
    for report in REPORTS.values():
        print(f"{report.name}  ({report.notebook}): {report.title['en']} / {report.title['zh']}")
        for p in report.params:
            print(f"  {p.name:14} {p.type.__name__:5} default {p.default!r:8} {p.describe()}")
            print(f"  {'':14} {p.doc}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="xbdata", description="Statistics from Chinese cross-border e-commerce articles, "
                     "each traced to the sentence it came from.")
    parser.add_argument("--version", action="version", version=f"xbdata {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("extract", help="list every numeric mention in a UTF-8 text file, or in a whole corpus")
    p.add_argument("target", metavar="FILE|DIR|GLOB",
                   help="a UTF-8 text file (an article, simplified or traditional Chinese), a folder (every .txt "
                        "file under it) or a quoted glob ('corpus/**/*.txt'); for a folder or glob, rows gain a "
                        "file column and come in file, then offset, order")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table", help="output format (default: table)")
    p.add_argument("--jobs", type=int, default=None, help="processes to extract with (default: the number of cores)")
    p.add_argument("--executor", choices=("local", "dask"), default="local",
                   help="local processes (default) or Dask distributed, as for xbdata build")
    p.add_argument("--scheduler", metavar="ADDRESS", help="with --executor dask, the scheduler to use (default: a LocalCluster)")
    p.set_defaults(run=cmd_extract)

    p = sub.add_parser("stats", help="print or write the catalogued statistics")
    p.add_argument("--topic", choices=("all", *TOPICS), default="all",
                   help="market_size, demographics, category and platform give their tidy view (default: all)")
    p.add_argument("--lang", choices=LANGS, default="en", help="language of the label column (default: en)")
    p.add_argument("--format", choices=STATS_FORMATS, default="table", help="output format (default: table)")
    p.add_argument("-o", "--output", help="write to this file instead of standard output (needed for xlsx)")
    p.add_argument("--wide", action="store_true",
                   help=f"show labels whole in the table (default: cut at {TABLE_TEXT_WIDTH} characters, marked …)")
    p.set_defaults(run=cmd_stats)

    p = sub.add_parser("export", help="write every tidy table as CSV plus one Excel workbook")
    p.add_argument("-o", "--output", default="reports/data", help="folder to write into (default: reports/data)")
    p.add_argument("--lang", choices=LANGS, default="en", help="language of the label column (default: en)")
    p.set_defaults(run=cmd_export)

    p = sub.add_parser("build", help="execute every report with its defaults and write HTML, tables and an index")
    p.add_argument("reports", nargs="*", metavar="REPORT", help=f"reports to build (default: all of {', '.join(REPORTS)})")
    _build_options(p)
    p.add_argument("--force", action="store_true", help="rebuild even reports whose inputs have not changed")
    p.add_argument("--dry-run", action="store_true", help="list what would be built and which inputs changed; run nothing")
    p.add_argument("--jobs", type=int, default=None, help="reports to run at once (default: the number of cores plus one)")
    p.add_argument("--grid", action="append", default=[], metavar="KEY=V1,V2",
                   help="build one variant per value (repeatable, once per KEY: every combination); needs one REPORT")
    p.add_argument("-p", "--parameter", dest="parameters", nargs=2, action="append", default=[],
                   metavar=("KEY", "VALUE"), help="set a parameter for every variant (repeatable); needs one REPORT")
    p.set_defaults(run=cmd_build)

    p = sub.add_parser("report", help="run one report with parameters, papermill style")
    p.add_argument("name", help=f"one of {', '.join(REPORTS)}")
    p.add_argument("-p", "--parameter", dest="parameters", nargs=2, action="append", default=[],
                   metavar=("KEY", "VALUE"), help="set a parameter (repeatable); see xbdata list")
    _build_options(p)
    p.set_defaults(run=cmd_report)

    p = sub.add_parser("list", help="show the reports and each one's parameters")
    p.set_defaults(run=cmd_list)

    p = sub.add_parser("check", help="validate the catalogue, show that every mention in every article is accounted for, list conflicts")
    p.set_defaults(run=cmd_check)


    add_parsers(sub)  # xbdata add, xbdata review
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except XbdataError as error:
        print(f"xbdata: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("xbdata: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
