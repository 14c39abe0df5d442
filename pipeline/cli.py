"""The ``bvtrack`` command line: ``bvtrack run``, ``bvtrack inspect`` and ``bvtrack init``.

At a terminal a run says what it is doing and ends with a summary. Under a scheduler (no
terminal) it is silent when all is well: only problems (a quarantined or skipped paper, an e-mail
not sent, an error) reach stderr, so that cron's MAILTO brings problems only; the full log is in
``outputs/logs/`` either way.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import traceback
from importlib import metadata
from pathlib import Path

from extractors.errors import BvtrackError
from extractors.sniff import peek
from pipeline import config, workspace
from pipeline.batch.collector import spare_the_last_collection
from pipeline.errors import ConfigError, WorkspaceBusy
from pipeline.inspect import inspect_paper
from pipeline.run import run
from pipeline.summary import summarise

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_QUARANTINED, EXIT_EMAIL, EXIT_INTERRUPTED = 0, 1, 2, 3, 4, 130

RUN_EXAMPLE = """example:
  bvtrack run --input /mnt/shared/best-value --workspace /srv/bvtrack --no-email
  bvtrack run                      # process what ./raw already holds
exit status: 0 all papers read, 3 some quarantined, 4 the e-mail was not sent, 2 usage or
  configuration error (or another run holds the workspace: nothing was done), 1 failure,
  130 interrupted"""

INSPECT_EXAMPLE = """example:
  bvtrack inspect raw/update-2021-02.docx
  bvtrack inspect paper.pdf --page 2 --image page2.png   # draw the detected cells (PDF)"""


INIT_EXAMPLE = """example:
  bvtrack init /srv/bvtrack        # then edit /srv/bvtrack/bvtrack.toml"""


def _version() -> str:
    try:
        return metadata.version("bvtrack")
    except metadata.PackageNotFoundError:  # run from a clone that was never installed
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bvtrack", description="Read Best Value audit progress papers into one tracker.")
    parser.add_argument("--version", action="version", version=f"bvtrack {_version()}")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging and full tracebacks")
    # -v after the subcommand too; SUPPRESS keeps a -v given before it
    verbose = argparse.ArgumentParser(add_help=False)
    verbose.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                         help="debug logging and full tracebacks")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="one batch run over the shared folder", epilog=RUN_EXAMPLE,
                         formatter_class=argparse.RawDescriptionHelpFormatter, parents=[verbose])
    run.add_argument("--input", type=Path, help="the shared folder; new or changed files are copied into raw/")
    run.add_argument("--workspace", type=Path, default=Path("."),
                     help="folder holding raw/, staged/, outputs/ (default: current folder)")
    run.add_argument("--config", type=Path, help="settings file (default: <workspace>/bvtrack.toml if present)")
    run.add_argument("--email", dest="email", action="store_true", default=None,
                     help="send the data-quality report (overrides [email] enabled)")
    run.add_argument("--no-email", dest="email", action="store_false", help="do not send e-mail")
    run.add_argument("--workers", type=int, help="papers read in parallel (default: number of cores)")

    inspect = sub.add_parser("inspect", help="show how one paper's tables were read", epilog=INSPECT_EXAMPLE,
                             formatter_class=argparse.RawDescriptionHelpFormatter, parents=[verbose])
    inspect.add_argument("paper", type=Path, help="a .docx, .pdf or .xlsx paper")
    inspect.add_argument("--config", type=Path, help="settings file")
    inspect.add_argument("--page", type=int, help="PDF: the page to draw (with --image)")
    inspect.add_argument("--image", type=Path, help="PDF: write a PNG of the page with detected cells drawn")

    init = sub.add_parser("init", help="make a workspace with a commented bvtrack.toml", epilog=INIT_EXAMPLE,
                          formatter_class=argparse.RawDescriptionHelpFormatter, parents=[verbose])
    init.add_argument("folder", type=Path, help="the workspace folder (made if missing)")
    return parser


def _setup_logging(verbose: bool) -> None:
    """Debug with -v; at a terminal what the run is doing; under a scheduler, problems only."""
    level = logging.DEBUG if verbose else logging.INFO if sys.stderr.isatty() else logging.WARNING
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(message)s", stream=sys.stderr)
    for noisy in ("pdfminer", "great_expectations", "PIL", "fontTools", "mail.log"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def _cmd_run(args: argparse.Namespace) -> int:
    root = args.workspace.resolve()
    if args.input is not None and not args.input.is_dir():
        print(f"bvtrack: --input {args.input}: not a folder", file=sys.stderr)
        return EXIT_USAGE
    if args.workers is not None and args.workers < 1:
        print("bvtrack: --workers must be 1 or more", file=sys.stderr)
        return EXIT_USAGE
    if args.input is None and args.config is None and not workspace.Workspace(root).exists():
        print(f"bvtrack: {root} is not a bvtrack workspace (no raw/ folder, no bvtrack.toml) and no --input was "
              f"given: nothing to read.\nhint: bvtrack init {root}   (then: bvtrack run --input SHARED_FOLDER "
              f"--workspace {root})", file=sys.stderr)
        return EXIT_USAGE
    settings = config.load(config.find_config(root, args.config))
    result = run(root, settings, input_dir=args.input, email=args.email, workers=args.workers)
    if sys.stdout.isatty() or args.verbose:  # under a scheduler, problems went to stderr as they happened
        print(summarise(result))
    return result.exit_code


def _cmd_inspect(args: argparse.Namespace) -> int:
    settings = config.load(args.config)
    if not args.paper.is_file():
        print(f"bvtrack: {args.paper}: no such file", file=sys.stderr)
        return EXIT_USAGE
    if args.image is not None and (kind := peek(args.paper)) != "pdf":
        print(f"bvtrack: --image draws PDF pages only; {args.paper} is {kind or 'not a paper'}", file=sys.stderr)
        return EXIT_USAGE
    print(inspect_paper(args.paper, settings, page=args.page, image=args.image))
    return EXIT_OK


def _cmd_init(args: argparse.Namespace) -> int:
    root = args.folder.resolve()
    made = workspace.create(root)
    for path in made:
        print(f"made {path}{'/' if path.is_dir() else ''}")
    if not made:
        print(f"{root} is a workspace already: nothing changed")
    print(f"next: edit {root / config.CONFIG_FILE_NAME}, then\n  bvtrack run --input SHARED_FOLDER --workspace {root}")
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _setup_logging(args.verbose)
    try:
        commands = {"run": _cmd_run, "inspect": _cmd_inspect, "init": _cmd_init}
        return commands[args.command](args)
    except ConfigError as exc:
        print(f"bvtrack: configuration error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except WorkspaceBusy as exc:  # not a failure: the scheduler started us while a run was going on
        print(f"bvtrack: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:  # Ctrl-C: the readers ignore it and end with the run; one line, no traces
        print("bvtrack: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BvtrackError as exc:  # expected, and said in words: no trace unless asked
        print(f"bvtrack: failed: {exc}", file=sys.stderr)
        if args.verbose:
            traceback.print_exc()
        return EXIT_FAILURE
    except Exception as exc:
        print(f"bvtrack: failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        if args.verbose:
            traceback.print_exc()
        else:
            print("bvtrack: run again with -v for the full trace", file=sys.stderr)
        return EXIT_FAILURE


def program() -> None:
    """The ``bvtrack`` command (and ``python -m pipeline.cli``): :func:`main`, then exit with its status."""
    try:
        status = main()
    finally:  # the status is decided: a Ctrl-C while Python shuts down must not turn it into a kill by SIGINT
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        spare_the_last_collection()
    sys.exit(status)


if __name__ == "__main__":  # pragma: no cover
    program()
