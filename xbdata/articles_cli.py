"""The `xbdata add` and `xbdata review` commands, and the notes `xbdata check` prints about added articles.

Kept apart from xbdata/cli.py so that the command line's start-up stays light: this module
imports only argparse-level things; the work is imported when a command runs.
"""

from __future__ import annotations

import sys

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
                   help="accept every pending statistic that passes the checks, exclude every other mention")
    p.add_argument("--article", help="only this article (its id or its three-digit number)")
    p.add_argument("--all", action="store_true", help="list reviewed drafts too")
    p.set_defaults(run=cmd_review)


def cmd_add(args) -> int:
    from .ingest import add_article
    from .review import plain, unit_shown

    article, drafts = add_article(args.file, args.title, args.url, args.outlet, args.published, args.script)
    statistics = [d for d in drafts if d["action"] == "statistic"]
    print(f"added {article.id}: {plain(article.title)}")
    print(f"{len(drafts)} numeric mentions: {len(statistics)} proposed statistics, "
          f"{len(drafts) - len(statistics)} proposed exclusions")
    for d in statistics:
        r = d["row"]
        print(f"  {d['id']:<8} {plain(d['mention']['text'])}  unit {unit_shown(r)} · {r['topic']} · "
              f"{plain(r['subject'])} · {plain(r['measure'])} · {plain(r['period'])} · {r['kind']} -> {r['stat_id']}")
    print("next: xbdata review (accept, reject or edit the drafts), then xbdata check")
    return 0


def cmd_review(args) -> int:
    from .exceptions import UsageError
    from .review import accept, accept_all, edit, pending_lines, reject

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
    from .conflicts import conflict_lines
    from .review import State

    lines = conflict_lines(stats)
    state = State()
    for a in state.articles:
        pending = sum(s == "pending" for s, _ in state.status[a].values())
        if pending:
            lines.append(f"{a}: {pending} drafts await review (xbdata review --article {a[:3]})")
    return lines
