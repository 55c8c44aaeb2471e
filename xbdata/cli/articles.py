"""The `xbdata add` and `xbdata review` commands, what they print, and the notes `xbdata check`
prints about added articles (conflicts, drafts awaiting review).

The work is done by xbdata/curate/ (add, review, conflicts); this module only parses and prints,
with every string from an article made safe for a terminal. It imports that work when a command
runs, so the command line's start-up stays light.
"""

from __future__ import annotations

import sys

from ..escape import terminal_text
from ..exceptions import UsageError

SCRIPT_CHOICES = ("auto", "zh-Hans", "zh-Hant")


def add_parsers(sub) -> None:
    """Register `add` and `review` on the `xbdata` subcommand parser."""
    p = sub.add_parser("add", help="register a new article (UTF-8 text) and propose its statistics for review")
    p.add_argument("file", help="the article as a UTF-8 text file; it is copied byte for byte")
    p.add_argument("--title", required=True, help="the article's headline")
    p.add_argument("--url", default="", help="where it was published (http or https only)")
    p.add_argument("--outlet", default="", help="who published it")
    p.add_argument("--published", default="", metavar="YYYY-MM-DD",
                   help="when it was published; relative dates (今年, 去年) are read against it")
    p.add_argument("--script", choices=SCRIPT_CHOICES, default="auto",
                   help="simplified or traditional characters (default: auto, detected from the text)")
    p.set_defaults(run=cmd_add)

    p = sub.add_parser("review", help="list the drafts of added articles; accept, reject or edit them")
    p.add_argument("--accept", nargs="+", metavar="ID", help="accept these drafts as proposed (ids like 005-3)")
    p.add_argument("--reject", nargs="+", metavar="ID", help="reject these drafts: each is excluded with --reason")
    p.add_argument("--reason", help="why the rejected drafts are not statistics (required with --reject)")
    p.add_argument("--edit", nargs="+", metavar=("ID", "FIELD=VALUE"),
                   help="change one draft's proposal; FIELD is a catalogue column (not source), action or reason")
    p.add_argument("--accept-all", action="store_true",
                   help="accept every pending statistic that passes the checks and is sure; exclude every other "
                        "mention; exit 1 if any is left for a person to check (the reasons go to stderr)")
    p.add_argument("--article", help="only this article (its id or its three-digit number)")
    p.add_argument("--all", action="store_true", help="list reviewed drafts too")
    p.set_defaults(run=cmd_review)


def cmd_add(args) -> int:
    from ..curate.add import add_article

    article, drafts = add_article(args.file, args.title, args.url, args.outlet, args.published, args.script)
    statistics = [d for d in drafts if d["action"] == "statistic"]
    print(f"added {article.id}: {terminal_text(article.title)}")
    print(f"{len(drafts)} numeric mentions: {len(statistics)} proposed statistics, "
          f"{len(drafts) - len(statistics)} proposed exclusions")
    for d in statistics:
        r = d["row"]
        print(f"  {d['id']:<8} {terminal_text(d['mention']['text'])}  unit {unit_shown(r)} · {r['topic']} · "
              f"{terminal_text(r['subject'])} · {terminal_text(r['measure'])} · {terminal_text(r['period'])} · {r['kind']} -> {r['stat_id']}"
              + (f"\n  {'':8} check: {terminal_text('; '.join(d['unsure']))}" if d.get("unsure") else ""))
    print("next: xbdata review (accept, reject or edit the drafts), then xbdata check")
    return 0


def cmd_review(args) -> int:
    from ..curate.review import accept, accept_all, edit, reject

    actions = [name for name, given in (("--accept", args.accept), ("--reject", args.reject), ("--edit", args.edit),
                                        ("--accept-all", args.accept_all)) if given]
    if len(actions) > 1:
        raise UsageError(f"give one of {', '.join(actions)} at a time")
    if args.reason is not None and not args.reject:
        raise UsageError("--reason goes with --reject")
    if args.article and actions and actions[0] != "--accept-all":
        raise UsageError("--article goes with --accept-all or the listing; draft ids already name their article")
    if args.accept:
        lines = accept(args.accept)
    elif args.reject:
        lines = reject(args.reject, args.reason or "")
    elif args.edit:
        lines = edit(args.edit[0], args.edit[1:])
    elif args.accept_all:
        done, kept = accept_all(args.article)
        for line in done:
            print(line)
        for line in kept:
            print(line, file=sys.stderr)
        print(f"{len(done)} reviewed, {len(kept)} kept pending" + (" (fix them with --edit, or --reject)" if kept else ""))
        return 1 if kept else 0
    else:
        lines = pending_lines(args.article, args.all)
    for line in lines:
        print(line)
    return 0


def check_notes(stats) -> list[str]:
    """Lines `xbdata check` adds: conflicts across articles, and added articles with drafts awaiting review."""
    from ..curate.review import State

    lines = conflict_lines(stats)
    state = State()
    for a in state.articles:
        pending = state.pending_count(a)
        if pending:
            lines.append(f"{a}: {pending} drafts await review (xbdata review --article {a[:3]})")
    return lines


def unit_shown(row: dict) -> str:
    """A draft's unit as a listing shows it: the unit column, the number's own, or what is missing."""
    from ..curate.propose import parsed_unit

    if row["unit"]:
        return row["unit"]
    own, _ = parsed_unit(row["number"])
    return f"{own} (in the number)" if own else "MISSING (--edit ID unit=...)"



def pending_lines(article: str | None = None, include_resolved: bool = False) -> list[str]:
    """The listing `xbdata review` prints: per article, its drafts, statistics with their proposed row."""
    from ..curate.review import refreshed_state

    state = refreshed_state()
    chosen = state.chosen(article)
    if not chosen:
        return [f"no added articles in {state.folder} (add one with: xbdata add FILE --title TITLE)"]
    lines = []
    for a in chosen:
        info = state.articles[a]
        counts = [s for s, _ in state.status[a].values()]
        lines.append(f"{a}  {terminal_text(info.title)[:50]}  ({terminal_text(info.outlet)}, {info.published or 'undated'}): "
                     f"{len(counts)} drafts, {counts.count('pending')} pending, {counts.count('accepted')} accepted, "
                     f"{counts.count('excluded')} excluded")
        for d in state.drafts[a]:
            status, detail = state.status[a][d["id"]]
            if status != "pending" and not include_resolved:
                continue
            r = d["row"]
            mark = "" if status == "pending" else f"[{status}] "
            if d["action"] == "statistic":
                unit = unit_shown(r)
                lines.append(f"  {d['id']:<8} {mark}statistic  {terminal_text(d['mention']['text'])}  unit {unit} · "
                             f"{r['topic']} · {terminal_text(r['subject'])} · {terminal_text(r['measure'])}"
                             f"{' · ' + r['measure_kind'] if r['measure_kind'] else ''}"
                             f"{' · band ' + terminal_text(r['band']) if r['band'] else ''} · {terminal_text(r['geography'])} · "
                             f"{terminal_text(r['period'])} · {r['kind']} -> {r['stat_id']}")
                lines.append(f"  {'':8} quote 「{terminal_text(r['quote'])}」 label {terminal_text(r['label_zh'])}")
                if status == "excluded":       # rejected: the reason a person gave
                    lines.append(f"  {'':8} reason: {terminal_text(detail)}")
                if status == "pending" and d.get("unsure"):
                    lines.append(f"  {'':8} check: {terminal_text('; '.join(d['unsure']))} (accept-all leaves it)")
            else:
                reason = detail if status == "excluded" else d["reason"]
                lines.append(f"  {d['id']:<8} {mark}exclusion  {terminal_text(d['mention']['text'])}  "
                             f"({d['mention']['kind']}): {terminal_text(reason)}")
    return lines


def conflict_lines(stats=None) -> list[str]:
    """What `xbdata check` prints of the conflicts."""
    from ..curate.conflicts import conflicts

    frame = conflicts(stats)
    if frame.empty:
        return ["conflicts: none (no two articles give different values for the same subject, measure and period)"]
    lines = [f"conflicts (information, never averaged): {frame['conflict'].nunique()} statistics on which articles differ"]
    for number, group in frame.groupby("conflict"):
        first = group.iloc[0]
        lines.append(f"  {terminal_text(first['subject'])} · {terminal_text(first['measure'])} · {terminal_text(first['period'])} · "
                     f"{terminal_text(first['geography'])}{' · ' + terminal_text(first['breakdown']) if first['breakdown'] else ''}:")
        for _, r in group.iterrows():
            where = r["sources"].replace(";", ", ") if r["mentions"] > 1 else r["source"]
            lines.append(f"    {r['stat_id']} ({where}, {r['kind']}): {terminal_text(r['number'])} "
                         f"「{terminal_text(r['quote'])[:50]}」")
    return lines
