"""Command line: ``python -m cgvlib compare`` prints the clause-by-vendor comparison;
``python -m cgvlib report`` runs the report for one vendor, several or all (executed notebook +
HTML); ``python -m cgvlib export`` writes the comparison (with the findings) to Excel and the
notice deadlines to an iCalendar file; ``python -m cgvlib rates`` says how current the reference
series are and adds to them (``rates status``, ``rates add``, ``rates update ecb``);
``python -m cgvlib ledger FILE`` prints what each vendor could claim for the late payments of
an analyst's own ledger and writes them to Excel (:mod:`cgvlib.ledger.command`).

``--assume-last`` (``compare``, ``report``, ``export``, ``ledger``) carries each reference
series' last value past the end of the data (:func:`cgvlib.reference.provisional.assume_last`),
every figure so computed marked provisional; without it a date past the data is refused.

Errors cgvlib raises on purpose are printed as one clear message (exit status 2), never as a
traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import signal
import sys

from cgvlib.errors import CgvError, InputError
from cgvlib.ledger.arguments import add_arguments as ledger_arguments
from cgvlib.output import check_target, guarded_write
from cgvlib.reference.rates_command import add_arguments as rates_arguments

EXIT_SIGINT = 130  # 128 + SIGINT, as a shell reports a command stopped by Ctrl-C
EXIT_SIGTERM = 143  # 128 + SIGTERM


class Terminated(BaseException):
    """Raised by the SIGTERM handler of :func:`main`, so that every ``finally`` and context
    manager on the way out cleans up (scratch folders, temporary files, the report lock), as
    for Ctrl-C. A BaseException, so that ``except Exception`` does not take it for a failed
    run."""


def _compare(args: argparse.Namespace) -> int:
    from cgvlib.analysis.compare import AMBIGUOUS_MARK, FAMILIES, compare
    from cgvlib.views.text_table import render

    if args.csv:  # refused before any work: data/, an input, an existing file without --force
        check_target(args.csv, force=args.force)
    with _assumed(args, None):
        table = compare(_chosen_vendors(args), args.family or None)
    if args.csv:
        written = guarded_write(args.csv, table.to_csv, force=args.force)
        print(f"comparison written to {written}")
        return 0
    legend = (f"{AMBIGUOUS_MARK} the clause admits several readings (default reading shown); "
              "— nothing stated. Families: " + ", ".join(FAMILIES.values()))
    print(render(table, width=args.width, legend=legend))
    return 0


def _chosen_vendors(args: argparse.Namespace) -> list | None:
    """The vendors a command works on: ``--vendor`` ids, then each ``--file`` (an analyst's
    own vendor file, added beside the built-in ones: :func:`cgvlib.model.loader.own_vendor`;
    a built-in vendor's own file counts as its id). Files alone are added to every built-in
    vendor, unless ``--only``; None: every built-in vendor."""
    from cgvlib.model.loader import own_vendor, vendor_files

    builtin = [p.stem for p in vendor_files()]
    own = {}
    for path in getattr(args, "vendor_file", []):
        added = own_vendor(path)
        own[added.id] = added.id if added.id in builtin else added
    only = getattr(args, "only", False)
    if only and not (own or args.vendor):
        raise InputError("--only: give the vendors to show alone, with --file my_vendor.yaml "
                         "or --vendor ID")
    if not own:
        return list(args.vendor) or None
    ids = list(args.vendor) if (args.vendor or only) else builtin
    return [*dict.fromkeys(ids), *(v for k, v in own.items() if k not in ids)]


def _assumed(args: argparse.Namespace, until):
    """``assume_last(until)`` (today when ``until`` is None) when ``--assume-last`` was given,
    else a block that changes nothing."""
    import datetime as dt

    from cgvlib.reference.provisional import assume_last_if

    return assume_last_if(args.assume_last, until or dt.date.today())


def _export(args: argparse.Namespace) -> int:
    if not (args.xlsx or args.ics):
        raise InputError("export: give --xlsx FILE and/or --ics FILE")
    if args.ics and not (args.start and args.until):
        raise InputError("export --ics: give --start and --until (dates such as 2024-01-01)")
    chosen = _chosen_vendors(args)
    with _assumed(args, args.until):
        _export_files(args, chosen)
    return 0


def _export_files(args: argparse.Namespace, chosen: list | None) -> None:
    from cgvlib.i18n import say, translate
    from cgvlib.report.exports import commitment_arguments, deadline_events, export_ics, export_xlsx

    lang = args.lang
    if args.xlsx:
        written = export_xlsx(args.xlsx, vendors=chosen, lang=lang, force=args.force)
        print(translate("comparison and findings written to {path}", lang).format(path=written))
    if args.ics:
        months = commitment_arguments(args.commitment)
        written = export_ics(args.ics, vendors=chosen, start=args.start, until=args.until,
                             commitment_months=months, alarm_days=args.alarm_days, lang=lang,
                             force=args.force)
        found = deadline_events(chosen, start=args.start, until=args.until,
                                commitment_months=months, alarm_days=args.alarm_days)
        print(translate("{count} notice deadline(s) written to {path}", lang)
              .format(count=len(found.events), path=written))
        for name, why in found.skipped.items():
            print(translate("skipped {vendor}: {why}", lang).format(vendor=name,
                                                                   why=say(why, lang)))


def _report(args: argparse.Namespace) -> int:
    from cgvlib.model.loader import vendor_files
    from cgvlib.report.batch import parse_cli_value, read_parameters_file, run

    if (args.all and args.vendor) or not (args.all or args.vendor or args.vendor_file):
        raise InputError("report: give --vendor ID (repeatable) or --all, and/or --file "
                         "my_vendor.yaml (an analyst's own vendor file, repeatable)")
    parameters: dict = {}
    for path in args.params:
        parameters.update(read_parameters_file(path))
    for name, value in args.parameter:
        parameters[name] = parse_cli_value(value, name)
    if args.assume_last:  # the report carries the series to its latest date (its parameter)
        parameters["assume_last"] = True
    chosen = ([p.stem for p in vendor_files()] if args.all else list(args.vendor))
    batch = run([*chosen, *args.vendor_file], out=args.out, parameters=parameters,
                together=args.together, force=args.force, progress=not args.quiet)
    print(batch.summary())
    return 0 if batch.ok else 1


def _ledger(args: argparse.Namespace) -> int:
    """``ledger FILE``: an analyst's own ledger's late-payment claims
    (:mod:`cgvlib.ledger.command`)."""
    from cgvlib.ledger.command import run

    return run(args)


def _rates(args: argparse.Namespace) -> int:
    """``rates status|add|update``: the reference series (:mod:`cgvlib.reference.rates_command`)."""
    from cgvlib.reference.rates_command import run

    return run(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cgvlib", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("compare", help="print the clause-by-vendor comparison")
    p.add_argument("--vendor", action="append", default=[], help="vendor id (repeatable)")
    _vendor_file_options(p, "the vendors in data/vendors")
    p.add_argument("--family", action="append", default=[], help="clause family (repeatable)")
    p.add_argument("--width", type=int, default=None, help="table width in characters")
    p.add_argument("--csv", help="write the table to this CSV file instead of printing it")
    p.add_argument("--force", action="store_true", help="overwrite an existing --csv file")
    _assume_last_option(p, "today")
    p.set_defaults(run=_compare)
    p = sub.add_parser("report", help="run the report for vendors: executed notebook + HTML")
    p.add_argument("--vendor", action="append", default=[], help="vendor id (repeatable)")
    p.add_argument("--all", action="store_true", help="every vendor in data/vendors")
    p.add_argument("--file", dest="vendor_file", action="append", default=[],
                   help="an analyst's own vendor YAML file, its text beside it (repeatable)")
    p.add_argument("--together", action="store_true",
                   help="one report over the chosen vendors instead of one per vendor")
    p.add_argument("--out", default="reports", help="output folder (default: reports/)")
    p.add_argument("-p", "--parameter", nargs=2, action="append", default=[],
                   metavar=("NAME", "VALUE"), help="a report parameter, e.g. -p lang en")
    p.add_argument("-f", "--params", dest="params", action="append", default=[],
                   help="a YAML file of parameters (with an optional per_vendor: mapping)")
    p.add_argument("--force", action="store_true", help="replace reports that exist")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    _assume_last_option(p, "the latest date among the report parameters")
    p.set_defaults(run=_report)
    p = sub.add_parser("export", help="write the comparison and findings (.xlsx) and the "
                                      "notice deadlines (.ics)")
    p.add_argument("--xlsx", help="write the comparison and findings workbook to this file")
    p.add_argument("--ics", help="write the notice deadlines calendar to this file")
    p.add_argument("--start", help="contract start date for --ics, e.g. 2024-01-01")
    p.add_argument("--until", help="last term start for --ics, e.g. 2027-01-01")
    p.add_argument("--commitment", action="append", default=[],
                   help="term length in months: vendor=months (repeatable) or one number")
    p.add_argument("--alarm-days", type=int, default=14, help="alarm this many days before")
    p.add_argument("--lang", choices=["fr", "en"], default="fr",
                   help="language of the workbook and the calendar (fr)")
    p.add_argument("--vendor", action="append", default=[], help="vendor id (repeatable)")
    _vendor_file_options(p, "every vendor in data/vendors")
    p.add_argument("--force", action="store_true", help="overwrite existing files")
    _assume_last_option(p, "--until, or today")
    p.set_defaults(run=_export)
    p = sub.add_parser("rates", help="reference series: status, add a value, update the ECB rate")
    rates_arguments(p)
    p.set_defaults(run=_rates)
    p = sub.add_parser("ledger", help="your own ledger: what each vendor could claim for late "
                                      "payment (printed, and an .xlsx in --out)")
    ledger_arguments(p)
    p.set_defaults(run=_ledger)
    return parser


def _assume_last_option(parser: argparse.ArgumentParser, until: str) -> None:
    """``--assume-last``: carry the reference series' last values forward to ``until``."""
    parser.add_argument("--assume-last", action="store_true",
                        help="past the end of the reference data, carry each series' last "
                             f"value forward (to {until}); those figures are marked "
                             "provisional")


def _vendor_file_options(parser: argparse.ArgumentParser, others: str) -> None:
    """``--file`` (an analyst's own vendor file, added to ``others``) and ``--only``."""
    parser.add_argument("--file", dest="vendor_file", action="append", default=[],
                        help=f"an analyst's own vendor YAML file, its text beside it, added to "
                             f"{others} (repeatable)")
    parser.add_argument("--only", action="store_true",
                        help="only the vendors given by --file and --vendor")


_RECEIVED: list[int] = []  # the signals received while a command runs


def _on_signal(signum, frame):
    """Ctrl-C raises KeyboardInterrupt, SIGTERM :class:`Terminated`; both are recorded, since
    Python drops an exception raised where it cannot propagate (a weakref callback, ``__del__``)
    and :func:`main` must still stop."""
    _RECEIVED.append(signum)
    logging.disable(logging.CRITICAL)  # no "kernel died" log line: the stop says it in one
    raise KeyboardInterrupt if signum == signal.SIGINT else Terminated


def _unraisable_hook(previous):
    def hook(unraisable) -> None:
        if isinstance(unraisable.exc_value, KeyboardInterrupt | Terminated):
            return  # recorded in _RECEIVED: main reports it in one line
        previous(unraisable)

    return hook


def _stopped(how: str, status: int, program: bool) -> int:
    """The one line a stopped command prints. A stopped report leaves papermill's tasks and
    event loop half done; collected at exit they would print warnings (or, for a loop cut
    short while it was being made, end the process on the signal): the program ends at once
    instead, its files already cleaned up on the way here."""
    print(f"cgvlib: {how}; stopped, nothing partial left behind", file=sys.stderr)
    if program:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
    logging.getLogger("asyncio").setLevel(logging.CRITICAL + 1)
    return status


def main(argv: list[str] | None = None, *, program: bool = False) -> int:
    """Run one command. Ctrl-C (SIGINT) and SIGTERM stop it with a one-line message and exit
    status 130 or 143; what was being written is cleaned up on the way out (no partial file,
    no scratch folder, no lock). ``program``: the process ends with this command
    (``python -m cgvlib``), so once it is done a late Ctrl-C or SIGTERM is ignored rather
    than interrupting the interpreter's exit; otherwise the earlier handlers are restored."""
    args = build_parser().parse_args(argv)
    previous: dict = {}
    _RECEIVED.clear()
    with contextlib.suppress(ValueError):  # not the main thread: leave signals alone
        for signum in (signal.SIGINT, signal.SIGTERM):
            if signal.getsignal(signum) != signal.SIG_IGN:  # an ignored signal stays ignored
                previous[signum] = signal.signal(signum, _on_signal)
    hook = sys.unraisablehook
    sys.unraisablehook = _unraisable_hook(hook)
    try:
        status = args.run(args)
        if _RECEIVED:  # the signal's exception was dropped on its way: stop all the same
            raise KeyboardInterrupt if _RECEIVED[0] == signal.SIGINT else Terminated
        return status
    except CgvError as exc:
        print(f"cgvlib: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return _stopped("interrupted (Ctrl-C)", EXIT_SIGINT, program)
    except Terminated:
        return _stopped("terminated (SIGTERM)", EXIT_SIGTERM, program)
    except BrokenPipeError:  # output piped into a pager or `head` that closed early
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keep Python's exit flush quiet
        return 0
    finally:
        for signum, before in previous.items():  # done: only the exit is left
            signal.signal(signum, signal.SIG_IGN if program or before is None else before)
        sys.unraisablehook = hook
        logging.disable(logging.NOTSET)


if __name__ == "__main__":
    sys.exit(main(program=True))
