"""One small ledger in every form an analyst may hand over, all giving the same figures.

The six invoices are rows of ``fixtures/grand_livre.csv`` whose figures are worked out by hand
in test_hand_worked.py (as_of 30/06/2025):

- Loi F-L01, 10 000,00 EUR due 15/06/2023 paid 30/07/2023: 16,644 + 4,000 = 20,644 c
- JANQUOR J-06, 12 345,67 EUR due 10/10/2024 paid 10/12/2024: 247,590 + 4,000 = 251,590 c
- ioSmart IO-05, 5 000,00 EUR due 30/11/2023 paid 31/01/2024: 12,617 + 4,000 = 16,617 c
  (as written 12,315 + 4,000 = 16,315 c)
- Teogest T-02, 1 000,00 EUR invoiced and due 15/05/2023, paid 10/07/2023: 618 + 4,000
  = 4,618 c (as written 420 + 4,000 = 4,420 c)
- Leappy LP-02, 8 000,00 EUR invoiced 01/02/2022, due 01/03/2022, paid 31/03/2022: 1,499
  + 4,000 = 5,499 c (as written 999 + 4,000 = 4,999 c)
- GOUT G-04, 950,00 EUR invoiced 15/03/2025, due 14/04/2025, unpaid: 2,231 + 4,000 = 6,231 c

Sum: 20,644 + 251,590 + 16,617 + 4,618 + 5,499 + 6,231 = 305,199 c; as written 20,644
+ 251,590 + 16,315 + 4,420 + 4,999 + 6,231 = 304,199 c.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

ledger = pytest.importorskip("cgvlib.ledger", reason="the ledger package is not there yet")

AS_OF = dt.date(2025, 6, 30)

FRENCH_HEADER = ["Fournisseur", "N° de facture", "Date de facture", "Échéance", "Payée le",
                 "Montant HT"]
ENGLISH_HEADER = ["Vendor", "Invoice number", "Invoice date", "Due date", "Payment date",
                  "Amount excl. VAT"]
FRENCH_ROWS = [
    ["Loi", "F-L01", "16/05/2023", "15/06/2023", "30/07/2023", "10 000,00"],
    ["JANQUOR", "J-06", "10/09/2024", "10/10/2024", "10/12/2024", "12 345,67"],
    ["ioSmart", "IO-05", "31/10/2023", "30/11/2023", "31/01/2024", "5 000,00"],
    ["Teogest", "T-02", "15/05/2023", "15/05/2023", "10/07/2023", "1 000,00"],
    ["Leappy SAS", "LP-02", "01/02/2022", "01/03/2022", "31/03/2022", "8 000,00"],
    ["Michaël GOUT", "G-04", "15/03/2025", "14/04/2025", "", "950,00"],
]
# invoice -> (vendor id, amount cents, total cents, as-written total cents), by hand above
EXPECTED = {
    "F-L01": ("statutory", 1_000_000, 20_644, 20_644),
    "J-06": ("janquor", 1_234_567, 251_590, 251_590),
    "IO-05": ("iosmart", 500_000, 16_617, 16_315),
    "T-02": ("teogest", 100_000, 4_618, 4_420),
    "LP-02": ("leappy", 800_000, 5_499, 4_999),
    "G-04": ("gout", 95_000, 6_231, 6_231),
}
TOTAL, AS_WRITTEN_TOTAL = 305_199, 304_199


def _day(text: str) -> dt.date | None:
    return dt.datetime.strptime(text, "%d/%m/%Y").date() if text else None


def _cents(text: str) -> int:
    return int(text.replace(" ", "").replace(",", ""))


def write_text(path, header, rows, sep=";", bom=True, quote=False):
    def cell(value: str) -> str:
        return f'"{value}"' if quote or sep in value else value

    lines = [sep.join(cell(v) for v in line) for line in [header, *rows]]
    path.write_text(("\ufeff" if bom else "") + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def english_rows():
    """The same invoices as an English export writes them: ISO dates, 1,234.56 amounts."""
    out = []
    for vendor, number, invoice, due, paid, amount in FRENCH_ROWS:
        cents = _cents(amount)
        euros = f"{cents // 100:,}.{cents % 100:02d}"
        iso = [d.isoformat() if d else "" for d in map(_day, (invoice, due, paid))]
        out.append([vendor, number, *iso, euros])
    return out


def typed_frame(header=FRENCH_HEADER) -> pd.DataFrame:
    """The same invoices with typed cells: euros as floats, dates as datetime64 (NaT unpaid)."""
    records = []
    for vendor, number, invoice, due, paid, amount in FRENCH_ROWS:
        records.append([vendor, number, *(pd.Timestamp(d) if d else pd.NaT
                                          for d in map(_day, (invoice, due, paid))),
                        _cents(amount) / 100])
    return pd.DataFrame(records, columns=header)


def check_figures(source, **read):
    """``source`` read and computed gives the six hand-worked figures."""
    result = ledger.ledger_claims(ledger.read_ledger(source, **read), as_of=AS_OF)
    assert (result.rows_read, result.accepted, result.rejected_count) == (6, 6, 0)
    got = {
        r.invoice: (r.vendor, int(r.amount_cents), int(r.total_cents),
                    int(r.as_written_total_cents))
        for r in result.invoices.itertuples()
    }
    assert got == EXPECTED
    assert int(result.invoices["total_cents"].sum()) == TOTAL
    assert int(result.invoices["as_written_total_cents"].sum()) == AS_WRITTEN_TOTAL
    unpaid = result.invoices.set_index("invoice")["unpaid"]
    assert unpaid.to_dict() == {k: k == "G-04" for k in EXPECTED}
    return result


def test_semicolon_csv_with_bom(tmp_path):
    check_figures(write_text(tmp_path / "livre.csv", FRENCH_HEADER, FRENCH_ROWS))


def test_semicolon_csv_without_bom_and_crlf(tmp_path):
    path = tmp_path / "livre.csv"
    lines = [";".join(x) for x in [FRENCH_HEADER, *FRENCH_ROWS]]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    check_figures(path)


def test_comma_csv_french_numbers_quoted(tmp_path):
    # « 10 000,00 » holds the separator: a CSV writer quotes it
    check_figures(write_text(tmp_path / "livre.csv", FRENCH_HEADER, FRENCH_ROWS, sep=","))


def test_comma_csv_english_headers_and_numbers(tmp_path):
    path = write_text(tmp_path / "ledger.csv", ENGLISH_HEADER, english_rows(), sep=",",
                      bom=False)
    assert '"12,345.67"' in path.read_text(encoding="utf-8")
    book = ledger.read_ledger(path)
    assert book.amount_basis == "HT"  # « Amount excl. VAT »
    check_figures(path)


def test_tab_separated_txt(tmp_path):
    check_figures(write_text(tmp_path / "livre.txt", FRENCH_HEADER, FRENCH_ROWS, sep="\t",
                             bom=False))


def test_xlsx_with_typed_cells(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(FRENCH_HEADER)
    for vendor, number, invoice, due, paid, amount in FRENCH_ROWS:
        sheet.append([vendor, number, _day(invoice), _day(due), _day(paid),
                      _cents(amount) / 100])
    for cell in sheet["C"][1:] + sheet["D"][1:] + sheet["E"][1:]:
        cell.number_format = "DD/MM/YYYY"
    path = tmp_path / "livre.xlsx"
    book.save(path)
    check_figures(path)


def test_xlsx_with_text_cells(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    for line in [FRENCH_HEADER, *FRENCH_ROWS]:
        sheet.append([v or None for v in line])
    path = tmp_path / "livre.xlsx"
    book.save(path)
    check_figures(path)


def test_xlsx_serial_dates(tmp_path):
    # a date stored as the bare Excel serial number: 45366 is 15/03/2024 (day 1 = 1900-01-01,
    # with Excel's phantom 29/02/1900), so 45092 is 15/06/2023 and 45137 is 30/07/2023
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Fournisseur", "Échéance", "Payée le", "Montant HT"])
    sheet.append(["Loi", 45092, 45137, 10_000])
    path = tmp_path / "serial.xlsx"
    book.save(path)
    book = ledger.read_ledger(path)
    assert book.frame["due"].tolist() == [pd.Timestamp("2023-06-15")]
    assert book.frame["paid"].tolist() == [pd.Timestamp("2023-07-30")]
    result = ledger.ledger_claims(book, as_of=AS_OF)
    assert result.invoices["total_cents"].tolist() == [20_644]  # F-L01


def test_parquet_with_typed_columns(tmp_path):
    pytest.importorskip("pyarrow")
    path = tmp_path / "livre.parquet"
    typed_frame().to_parquet(path)
    check_figures(path)


def test_parquet_with_text_columns(tmp_path):
    pytest.importorskip("pyarrow")
    path = tmp_path / "livre.parquet"
    pd.DataFrame(FRENCH_ROWS, columns=FRENCH_HEADER).to_parquet(path)
    check_figures(path)


def test_dataframe_already_read():
    check_figures(typed_frame(ENGLISH_HEADER))
    check_figures(pd.DataFrame(FRENCH_ROWS, columns=FRENCH_HEADER))


def test_headers_named_with_columns(tmp_path):
    header = ["Société", "Réf. pièce", "Émise le", "À régler le", "Réglé", "Somme"]
    path = write_text(tmp_path / "export.csv", header, FRENCH_ROWS)
    columns = {"vendor": "Société", "invoice": "Réf. pièce", "invoice_date": "Émise le",
               "due": "À régler le", "paid": "Réglé", "amount": "Somme"}
    result = check_figures(path, columns=columns, amount_basis="HT")
    assert result.invoices["invoice"].iloc[0] == "J-06"  # largest first: 251,590 c


@pytest.mark.parametrize(
    "amount",
    [
        "1 234,56",  # a plain space between thousands
        "1\u00a0234,56",  # a no-break space, as French Excel writes it
        "1\u202f234,56",  # a narrow no-break space, as Babel writes it
        "1234,56",
        "1 234,56 €",
        "1234.56",
        "1,234.56",
    ],
    ids=["space", "nbsp", "narrow-nbsp", "plain", "euro-sign", "point", "comma-thousands"],
)
def test_amount_forms(tmp_path, amount):
    # statutory, due 15/06/2023, paid 30/07/2023: 15 days at 12.50 % and 30 at 14.00 %,
    # sum of bp x days 60,750 (test_hand_worked.py row 2).
    # 123,456 c x 60,750 = 7,499,952,000 / 3,650,000 = 2,054.78 -> 2,055 c; + 4,000 = 6,055 c
    path = write_text(tmp_path / "l.csv", ["Fournisseur", "Échéance", "Payée le", "Montant HT"],
                      [["Loi", "15/06/2023", "30/07/2023", amount]])
    result = ledger.ledger_claims(ledger.read_ledger(path), as_of=AS_OF)
    assert result.rejected_count == 0, result.rejected.to_dict("records")
    assert result.invoices[["amount_cents", "interest_cents", "total_cents"]].values.tolist() \
        == [[123_456, 2_055, 6_055]]


@pytest.mark.parametrize("amount", ["10000.50", "10 000,50", "10000,50"])
def test_ten_thousand_and_fifty_cents(tmp_path, amount):
    # 1,000,050 c x 60,750 = 60,753,037,500 / 3,650,000 = 16,644.67 -> 16,645 c; + 4,000
    path = write_text(tmp_path / "l.csv", ["Fournisseur", "Échéance", "Payée le", "Montant TTC"],
                      [["Loi", "15/06/2023", "30/07/2023", amount]])
    book = ledger.read_ledger(path)
    assert book.amount_basis == "TTC"
    result = ledger.ledger_claims(book, as_of=AS_OF)
    assert result.invoices[["amount_cents", "total_cents"]].values.tolist() == [
        [1_000_050, 20_645]]


@pytest.mark.parametrize(
    ("due", "paid"),
    [
        ("15/06/2023", "30/07/2023"),
        ("15 juin 2023", "30 juillet 2023"),
        ("2023-06-15", "2023-07-30"),
        ("15/06/2023", "30 juillet 2023"),
    ],
)
def test_date_forms(tmp_path, due, paid):
    # F-L01 of the hand-worked ledger: 20,644 c whichever way the dates are written
    path = write_text(tmp_path / "l.csv", ["Fournisseur", "Échéance", "Payée le", "Montant HT"],
                      [["Loi", due, paid, "10 000,00"]])
    result = ledger.ledger_claims(ledger.read_ledger(path), as_of=AS_OF)
    assert result.invoices[["days_late", "total_cents"]].values.tolist() == [[45, 20_644]]


def test_amount_basis_needed_when_the_header_does_not_say(tmp_path):
    from cgvlib.errors import InputError

    path = write_text(tmp_path / "l.csv", ["Fournisseur", "Échéance", "Payée le", "Montant"],
                      [["Loi", "15/06/2023", "30/07/2023", "10 000,00"]])
    with pytest.raises(InputError, match=r"HT.*TTC"):
        ledger.read_ledger(path)
    assert ledger.read_ledger(path, amount_basis="TTC").amount_basis == "TTC"


def test_a_ledger_without_a_payment_column():
    # no « Payée le » column: every invoice is unpaid, counted to as_of (G-04: 6,231 c)
    cells = pd.DataFrame({"Fournisseur": ["Michaël GOUT"], "Date de facture": ["15/03/2025"],
                          "Échéance": ["14/04/2025"], "Montant HT": ["950,00"]})
    result = ledger.ledger_claims(ledger.read_ledger(cells), as_of=AS_OF)
    assert result.invoices[["unpaid", "days_late", "total_cents"]].values.tolist() == [
        [True, 77, 6_231]]
