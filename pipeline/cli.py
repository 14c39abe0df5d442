"""The ``bvtrack`` command line: ``bvtrack run`` and ``bvtrack inspect``."""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from pathlib import Path

from extractors.errors import BvtrackError
from pipeline import config
from pipeline.errors import ConfigError, WorkspaceBusy
from pipeline.inspect import inspect_paper
from pipeline.run import run
from pipeline.summary import summarise

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_QUARANTINED = 0, 1, 2, 3

RUN_EXAMPLE = """example:
  bvtrack run --input /mnt/shared/best-value --workspace /srv/bvtrack --no-email
  bvtrack run                      # process what ./raw already holds
exit status: 0 all papers read, 3 some quarantined, 2 usage or configuration error (or another run
  holds the workspace: nothing was done), 1 failure"""

INSPECT_EXAMPLE = """example:
  bvtrack inspect raw/update-2021-02.docx
  bvtrack inspect paper.pdf --page 2 --image page2.png   # draw the detected cells (PDF)"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bvtrack", description="Read Best Value audit progress papers into one tracker.")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging and full tracebacks")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="one batch run over the shared folder", epilog=RUN_EXAMPLE,
                         formatter_class=argparse.RawDescriptionHelpFormatter)
    run.add_argument("--input", type=Path, help="the shared folder; new or changed files are copied into raw/")
    run.add_argument("--workspace", type=Path, default=Path("."),
                     help="folder holding raw/, staged/, outputs/ (default: current folder)")
    run.add_argument("--config", type=Path, help="settings file (default: <workspace>/bvtrack.toml if present)")
    run.add_argument("--email", dest="email", action="store_true", default=None,
                     help="send the data-quality report (overrides [email] enabled)")
    run.add_argument("--no-email", dest="email", action="store_false", help="do not send e-mail")
    run.add_argument("--workers", type=int, help="papers read in parallel (default: number of cores)")

    inspect = sub.add_parser("inspect", help="show how one paper's tables were read", epilog=INSPECT_EXAMPLE,
                             formatter_class=argparse.RawDescriptionHelpFormatter)
    inspect.add_argument("paper", type=Path, help="a .docx, .pdf or .xlsx paper")
    inspect.add_argument("--config", type=Path, help="settings file")
    inspect.add_argument("--page", type=int, help="PDF: the page to draw (with --image)")
    inspect.add_argument("--image", type=Path, help="PDF: write a PNG of the page with detected cells drawn")
    return parser


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO,
                        format="%(asctime)s %(levelname)s %(message)s", stream=sys.stderr)
    for noisy in ("pdfminer", "great_expectations", "PIL", "fontTools", "mail.log"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def _cmd_run(args: argparse.Namespace) -> int:
    workspace = args.workspace.resolve()
    if args.input is not None and not args.input.is_dir():
        print(f"bvtrack: --input {args.input}: not a folder", file=sys.stderr)
        return EXIT_USAGE
    if args.workers is not None and args.workers < 1:
        print("bvtrack: --workers must be 1 or more", file=sys.stderr)
        return EXIT_USAGE
    settings = config.load(config.find_config(workspace, args.config))
    result = run(workspace, settings, input_dir=args.input, email=args.email, workers=args.workers)
    print(summarise(result, workspace))
    return result.exit_code


def _cmd_inspect(args: argparse.Namespace) -> int:
    settings = config.load(args.config)
    if not args.paper.is_file():
        print(f"bvtrack: {args.paper}: no such file", file=sys.stderr)
        return EXIT_USAGE
    print(inspect_paper(args.paper, settings, page=args.page, image=args.image))
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _setup_logging(args.verbose)
    try:
        if args.command == "run":
            return _cmd_run(args)
        return _cmd_inspect(args)
    except ConfigError as exc:
        print(f"bvtrack: configuration error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except WorkspaceBusy as exc:  # not a failure: the scheduler started us while a run was going on
        print(f"bvtrack: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("bvtrack: interrupted", file=sys.stderr)
        return EXIT_FAILURE
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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
