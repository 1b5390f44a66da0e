"""``python -m cgvlib rates``: how current the reference series are, and adding to them.

- ``rates status``: per series, the last date covered, the missing months, the latest value
  with its source, its age, and how to extend it;
- ``rates add legal|ecb|syntec …``: one value with its source, into the user data folder
  (:mod:`cgvlib.reference.rates_add`);
- ``rates update ecb [--from-file FILE]``: the ECB rate from the ECB Data Portal
  (:mod:`cgvlib.reference.ecb_portal`). The legal rate and the Syntec index have no
  machine-readable official source: ``rates update legal|syntec`` says where their figures are
  published, to be added with ``rates add``.

This module only builds the arguments and runs them; heavy imports wait for the run, so that
building the command line stays fast.
"""

from __future__ import annotations

import argparse

WHERE_PUBLISHED = {
    "legal": "the arrêté fixing each semester's legal interest rate is published in the Journal "
             "officiel, in the second half of June and of December (https://www.legifrance."
             "gouv.fr, search 'fixation du taux de l'intérêt légal'; the Banque de France "
             "reproduces the rates); add it with: python -m cgvlib rates add legal --semester "
             "YYYY-S1|S2 --professional P --consumer C --source 'Arrêté du …, NOR …, JORF n° …'",
    "ecb": "the ECB Data Portal publishes the series FM.D.U2.EUR.4F.KR.MRR_FR.LEV "
           "(https://data.ecb.europa.eu); run: python -m cgvlib rates update ecb (or --from-file "
           "FILE.csv offline), or add a decision with: python -m cgvlib rates add ecb --effective "
           "YYYY-MM-DD --rate R --source URL",
    "syntec": "the Fédération Syntec publishes each month's index around the end of the "
              "following month (https://www.syntec.fr, 'indice Syntec'); add it with: python -m "
              "cgvlib rates add syntec --month YYYY-MM --value V [--published YYYY-MM-DD] "
              "--source URL",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``rates`` subcommands, on the ``rates`` parser."""
    sub = parser.add_subparsers(dest="rates_command", required=True,
                                metavar="{status,add,update}")
    p = sub.add_parser("status", help="how far each reference series goes, and how old it is")
    p.add_argument("--today", help="as of this date (YYYY-MM-DD; default: today)")
    p = sub.add_parser("add", help="add a value with its source to the user data folder")
    kinds = p.add_subparsers(dest="series", required=True, metavar="{legal,ecb,syntec}")
    k = kinds.add_parser("legal", help="a semester's legal interest rates")
    k.add_argument("--semester", required=True, help="YYYY-S1 or YYYY-S2, e.g. 2026-S2")
    k.add_argument("--professional", required=True, help="rate in percent, e.g. 2.62")
    k.add_argument("--consumer", required=True, help="rate in percent, e.g. 6.67")
    _common(k)
    k = kinds.add_parser("ecb", help="an ECB change of the MRO rate, or a hold (--until only)")
    k.add_argument("--effective", help="the date the new rate takes effect, YYYY-MM-DD")
    k.add_argument("--rate", help="the new MRO rate in percent, e.g. 2.15")
    k.add_argument("--until", help="no other change up to this date (default: --effective)")
    _common(k)
    k = kinds.add_parser("syntec", help="a month of the Syntec index")
    k.add_argument("--month", required=True, help="YYYY-MM")
    k.add_argument("--value", required=True, help="the index as published, e.g. 322.2")
    k.add_argument("--published", help="its publication date, YYYY-MM-DD (default: assumed the "
                                       "last day of the following month)")
    _common(k)
    p = sub.add_parser("update", help="fetch a series from its machine-readable official source")
    p.add_argument("series", choices=("ecb", "legal", "syntec"), metavar="{ecb,legal,syntec}",
                   help="ecb (the ECB Data Portal); legal and syntec say where to find them")
    p.add_argument("--from-file", help="a CSV downloaded from the ECB Data Portal (offline)")
    p.add_argument("--until", help="no change after the file's last one up to this date")
    p.add_argument("--force", action="store_true",
                   help="replace user-supplied values the portal contradicts")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--source", required=True,
                        help="URL, NOR number or Journal officiel reference stating the value")
    parser.add_argument("--force", action="store_true",
                        help="replace a value the series already holds")


def run(args: argparse.Namespace) -> int:
    """Run ``rates status|add|update``; errors are :class:`~cgvlib.errors.CgvError`."""
    if args.rates_command == "status":
        print(status_text(args.today))
        return 0
    if args.rates_command == "add":
        from cgvlib.reference import rates_add

        if args.series == "legal":
            result = rates_add.add_legal_rate(args.semester, args.professional, args.consumer,
                                              args.source, force=args.force)
        elif args.series == "ecb":
            result = rates_add.add_ecb_rate(args.effective, args.rate, args.source,
                                            until=args.until, force=args.force)
        else:
            result = rates_add.add_syntec(args.month, args.value, args.source,
                                          published=args.published, force=args.force)
        print(result)
        return 0
    if args.series != "ecb":
        from cgvlib.errors import InputError

        raise InputError(f"rates update {args.series}: no machine-readable official source; "
                         + WHERE_PUBLISHED[args.series])
    from cgvlib.reference.ecb_portal import update_ecb

    print(update_ecb(args.from_file, until=args.until, force=args.force))
    return 0


def status_text(today=None) -> str:
    """The ``rates status`` report: one block per series."""
    from cgvlib import paths
    from cgvlib.reference.sources import packaged_rows, secondary_rows
    from cgvlib.reference.status import rates_status

    table = rates_status(today)
    secondary = secondary_rows().series.value_counts()
    total: dict[str, int] = {}
    for series, _, _ in packaged_rows():
        key = "legal" if series == "legal_annual" else series
        total[key] = total.get(key, 0) + 1
    lines = [f"Reference series; user data folder: {paths.user_data_dir()} "
             "(CGVLIB_USER_DATA overrides it)"]
    for key, row in table.iterrows():
        behind = (f"ended {row.age_days} day(s) ago" if row.age_days else "covers today")
        lines += [
            "",
            f"{row.title}: {row.covered_from} to {row.covered_until} ({behind})",
            f"  latest value: {row.latest}, from {row.latest_from}"
            + (" [user-supplied]" if row.latest_user_supplied else ""),
            f"  its source: {row.latest_source}",
            f"  missing months: {_months(row.missing)}",
            f"  packaged rows resting on a secondary site: "
            f"{secondary.get(key, 0) + (secondary.get('legal_annual', 0) if key == 'legal' else 0)}"
            f" of {total.get(key, 0)} (data/rates/README.md, 'Primary and secondary sources')",
            f"  user-supplied values: {row.user_rows}"
            + (f" ({row.user_file})" if row.user_file else ""),
            *([f"  superseded by the packaged data (the packaged value is used; rates add "
               f"--force to keep yours): {', '.join(row.superseded)}"] if row.superseded else []),
            f"  to extend: {WHERE_PUBLISHED[key]}",
        ]
    return "\n".join(lines)


def _months(months: list[str]) -> str:
    if not months:
        return "none"
    return f"{len(months)}: " + ", ".join(months)
