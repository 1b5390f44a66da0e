"""Concise objects: whatever the public API returns (a DataFrame aside) shows in a line or a
small table, under 2 KB, with the headline figure first; the working stays in ``explain()``.

Every public function of :mod:`cgvlib` is called once on a real scenario. Headline figures
checked against hand-worked values:

- Teogest, 10,000 EUR due and invoiced 2024-03-01, paid 2024-04-15: the default reading (the
  delay starts on day 31 after issue, 2024-04-01) counts 15 days; as written 5.07 + 3 =
  8.07 %: 10,000 x 8.07 % x 15 / 365 = 33.164 -> 33.16 EUR; the L441-10 II floor 3 x 5.07 =
  15.21 %: 10,000 x 15.21 % x 15 / 365 = 62.507 -> 62.51 EUR; + 40 EUR indemnity: 102.51 EUR
  lawful, 73.16 EUR as written;
- Teogest, 0.5 % unavailability on a 1,000 EUR month: tier 0.21–0.5 %, credit 3 % = 30.00 EUR;
- GOUT, a 300 EUR appointment on 2024-06-10 14:00 cancelled 2024-06-09 09:00 (29 h before,
  under 48 h, not travelling, estimable): 50 % = 150.00 EUR;
- JANQUOR's VAT on 100 EUR: 20 % = 20.00 EUR, total 120.00 EUR;
- 99.8 % availability over a mean month (365.2425 / 12 = 30.436875 days): 0.2 % x
  2,629,746 s = 5,259.492 s = 1 h 27 min 39.5 s, as Teogest's annex prints it;
- Leappy's recruitment fee on 50,000 EUR of first-year fixed pay: 25 % = 12,500.00 EUR.
"""

from __future__ import annotations

import inspect

import pandas as pd
import pytest

import cgvlib
from cgvlib.arithmetic.common import REPR_LIMIT, Result

INVOICES = pd.DataFrame({"amount": [10_000], "due": ["2024-03-01"], "paid": ["2024-04-15"],
                         "invoice_date": ["2024-03-01"]})
PAYMENTS = [{"date": "2024-01-15", "amount": 1200}]

# one real call of every public function (the error classes aside)
CALLS = {
    "add_days": lambda: cgvlib.add_days("2024-05-07", 1, "ouvré"),
    "add_months": lambda: cgvlib.add_months("2024-01-31", 1),
    "cancellation_fee": lambda: cgvlib.cancellation_fee(
        "gout", 300, "2024-06-10 14:00", "2024-06-09 09:00", travelled=False, estimable=True),
    "check": lambda: cgvlib.check("teogest", at="2024-03-01"),
    "check_all": lambda: cgvlib.check_all(),
    "citation": lambda: cgvlib.citation("teogest", "late_payment"),
    "compare": lambda: cgvlib.compare(["teogest", "leappy"], families=["late payment"]),
    "compare_long": lambda: cgvlib.compare_long(["teogest"]),
    "count_days": lambda: cgvlib.count_days("2024-05-01", "2024-05-31", "ouvrable"),
    "day_after_month_of": lambda: cgvlib.day_after_month_of("2024-11-20"),
    "deposit": lambda: cgvlib.deposit("gout", 1000, which=0),
    "downtime_table": lambda: cgvlib.downtime_table(99.8),
    "early_exit": lambda: cgvlib.early_exit("janquor", "2024-01-31", "2024-06-15",
                                            monthly_amount=1000),
    "ecb_rate": lambda: cgvlib.ecb_rate("2024-01-10"),
    "ecb_rate_series": lambda: cgvlib.ecb_rate_series(),
    "ecb_semester_rate": lambda: cgvlib.ecb_semester_rate("2023-08-15"),
    "end_of_month": lambda: cgvlib.end_of_month("2024-02-10"),
    "exit_plan": lambda: cgvlib.exit_plan("teogest", start="2021-03-15",
                                          notice_sent="2024-11-20", monthly_amount=1000),
    "findings_summary": lambda: cgvlib.findings_summary(cgvlib.check("teogest")),
    "is_day": lambda: cgvlib.is_day("2024-05-08", "ouvré"),
    "late_payment": lambda: cgvlib.late_payment(
        "teogest", 10_000, due="2024-03-01", paid="2024-04-15", invoice_date="2024-03-01"),
    "late_payment_frame": lambda: cgvlib.late_payment_frame("iosmart", INVOICES),
    "legal_rate": lambda: cgvlib.legal_rate("2023-09-15"),
    "legal_rate_series": lambda: cgvlib.legal_rate_series(),
    "liability_cap": lambda: cgvlib.liability_cap("gout", PAYMENTS, at="2024-06-30"),
    "list_checks": lambda: cgvlib.list_checks(),
    "load_vendor": lambda: cgvlib.load_vendor(cgvlib.vendor("leappy").origin),
    "management_fee": lambda: cgvlib.management_fee("janquor", 1000),
    "minimum_billing": lambda: cgvlib.minimum_billing("teogest", 100, "2024-03"),
    "minimum_late_rate": lambda: cgvlib.minimum_late_rate("2024-03-01"),
    "months_after": lambda: cgvlib.months_after("2024-01-31", 1),
    "months_before": lambda: cgvlib.months_before("2024-03-31", 1),
    "non_solicitation_penalty": lambda: cgvlib.non_solicitation_penalty("leappy", 3000),
    "overrun_surcharge": lambda: cgvlib.overrun_surcharge("gout", 1000, "2024-01-01",
                                                          "2024-06-01"),
    "price_path": lambda: cgvlib.price_path("leappy", 1000, "2023-03-15", "2024-07-02"),
    "public_holidays": lambda: cgvlib.public_holidays(2024),
    "recruitment_fee": lambda: cgvlib.recruitment_fee("leappy", 50_000),
    "renewal_deadlines": lambda: cgvlib.renewal_deadlines("janquor", start="2024-01-31",
                                                          until="2027-01-31"),
    "revise_price": lambda: cgvlib.revise_price("leappy", 1000, base_date="2023-03-15",
                                                at="2024-07-02"),
    "sla_credit": lambda: cgvlib.sla_credit("teogest", 0.5, 1000),
    "sla_credit_table": lambda: cgvlib.sla_credit_table("teogest"),
    "sla_downtime": lambda: cgvlib.sla_downtime(99.8, "month"),
    "started_months": lambda: cgvlib.started_months("2024-01-31", "2024-06-15"),
    "statutory": lambda: cgvlib.statutory(),
    "statutory_late_rate": lambda: cgvlib.statutory_late_rate("2024-03-01"),
    "syntec": lambda: cgvlib.syntec("2022-08"),
    "syntec_last_published": lambda: cgvlib.syntec_last_published("2023-06-30"),
    "syntec_ratio": lambda: cgvlib.syntec_ratio("2022-08", "2023-08"),
    "syntec_series": lambda: cgvlib.syntec_series(),
    "time_and_materials": lambda: cgvlib.time_and_materials("iosmart", 95),
    "time_limit": lambda: cgvlib.time_limit("leappy", 0, "2024-12-20"),
    "time_limits": lambda: cgvlib.time_limits("leappy", "2024-12-20", topic="acceptance"),
    "unavailability": lambda: cgvlib.unavailability(3600, "2024-03"),
    "vat": lambda: cgvlib.vat("janquor", 100),
    "vendor": lambda: cgvlib.vendor("teogest"),
    "vendors": lambda: cgvlib.vendors(),
}


def test_every_public_function_is_called():
    public = {name for name in cgvlib.__all__
              if not (inspect.isclass(getattr(cgvlib, name))
                      and issubclass(getattr(cgvlib, name), Exception))}
    assert public - set(CALLS) == set()


@pytest.fixture(scope="module")
def returned() -> dict:
    return {name: call() for name, call in CALLS.items()}


def _tables(value) -> bool:
    return isinstance(value, pd.DataFrame | pd.Series)


def test_every_repr_is_short(returned):
    long = {name: len(repr(value)) for name, value in returned.items()
            if not _tables(value) and len(repr(value)) >= REPR_LIMIT}
    assert long == {}


def test_every_result_has_a_short_html_table(returned):
    results = {name: value for name, value in returned.items() if isinstance(value, Result)}
    assert len(results) >= 15  # the arithmetic's results: late payment, SLA, exit, fees...
    for name, result in results.items():
        table = result._repr_html_()
        assert table.startswith("<table>") and table.endswith("</table>"), name
        assert len(table) < REPR_LIMIT, name
        assert "\n" not in repr(result), name  # one line


@pytest.mark.parametrize("name, figure", [
    ("late_payment", "102.51 EUR for 45 days late (lawful, L441-10 II floor; as written "
                     "73.16 EUR)"),
    ("sla_credit", "= 30.00 EUR"),
    ("cancellation_fee", "cancellation fee 150.00 EUR"),
    ("vat", "20.00 EUR (total 120.00 EUR)"),
    ("sla_downtime", "1 h 27 min 39.5 s"),
    ("recruitment_fee", "12,500.00 EUR"),
])
def test_the_repr_gives_the_headline_figure(returned, name, figure):
    result = returned[name]
    assert figure in repr(result)
    assert figure in result._repr_html_()


def test_the_repr_names_the_reading_and_the_html_the_other_readings(returned):
    # Teogest's late-payment clause reads six ways (where the delay starts x when the rate
    # is fixed), each with its figure as written beside: twelve results
    late = returned["late_payment"]
    assert repr(late).startswith("<LatePaymentResult teogest: 102.51 EUR")
    assert "reading day_31_semester (the default) of 12" in repr(late)
    assert repr(late).endswith("; .explain() for the working>")
    # the reading from the day after the due date: 45 days at 15.21 %:
    # 10,000 x 15.21 % x 45 / 365 = 187.520 -> 187.52, + 40 = 227.52 EUR
    assert ("other reading after_due_date_semester</th><td style='text-align:left'>227.52 EUR "
            "for 45 days late") in late._repr_html_()
    # the working stays in explain(), not in the repr
    assert "62.51 EUR" in late.explain() and "62.51 EUR" not in repr(late)


def test_a_vendor_shows_in_one_line(returned):
    assert repr(returned["vendor"]) == (
        "<Vendor teogest: Teogest, Conditions Générales de Vente Teogest (Mises à jour le "
        "19 mars 2024); .model_dump() for every clause>")
    assert len(repr(returned["vendors"])) < REPR_LIMIT
