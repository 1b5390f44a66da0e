"""One rule names a ledger's column in a rejected row and in an error: the file's own header
when the file has the column (by its usual name or named through ``columns``), else the
canonical name the documentation gives (``invoice_date``, ``due``...)."""

from __future__ import annotations

import pytest

from cgvlib.errors import InputError
from cgvlib.ledger import ledger_claims, read_ledger
from cgvlib.ledger.headers import column_name

AS_OF = "2024-06-30"
# Teogest's clause counts its delay from the invoice date: a late row without one is refused
LATE_TEOGEST = "Teogest;;15/03/2024;100,00;20/04/2024"


def refused(path, **options):
    result = ledger_claims(read_ledger(path, lang="en", **options), as_of=AS_OF, lang="en")
    return result.rejected[["row", "column", "value"]].values.tolist()


def test_the_rule():
    found = {"vendor": "Société", "due": "Échéance"}
    assert column_name("due", found) == "Échéance"
    assert column_name("vendor", found) == "Société"
    assert column_name("invoice_date", found) == "invoice_date"  # not in the file
    assert column_name("", found) == ""  # an empty line: no column


def test_a_column_the_file_lacks_is_named_canonically(tmp_path):
    path = tmp_path / "livre.csv"
    path.write_text("Fournisseur;Échéance;Montant HT;Payée le\n"
                    "Teogest;15/03/2024;100,00;20/04/2024\n", encoding="utf-8")
    assert refused(path) == [[2, "invoice_date", ""]]


def test_a_usual_header_is_named_as_the_file_writes_it(tmp_path):
    path = tmp_path / "livre.csv"
    path.write_text("Fournisseur;Date de facture;Échéance;Montant HT;Payée le\n"
                    + LATE_TEOGEST + "\n", encoding="utf-8")
    assert refused(path) == [[2, "Date de facture", ""]]


def test_a_header_named_through_columns_is_named_as_the_file_writes_it(tmp_path):
    path = tmp_path / "livre.csv"
    path.write_text("Société;Émise le;Échéance;Montant HT;Payée le\n"
                    + LATE_TEOGEST + "\n"
                    "Acme;01/03/2024;15/03/2024;100,00;20/04/2024\n", encoding="utf-8")
    got = refused(path, columns={"vendor": "Société", "invoice_date": "Émise le"})
    # row 2 at the computation (its invoice date), row 3 at reading (an unknown vendor)
    assert got == [[2, "Émise le", ""], [3, "Société", "Acme"]]


def test_a_missing_required_column_is_named_canonically_with_the_headers(tmp_path):
    path = tmp_path / "livre.csv"
    path.write_text("Fournisseur;Montant HT\nLoi;100,00\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_ledger(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: no due column found; its headers: 'Fournisseur', "
                              "'Montant HT'; usual names: Échéance")
    assert "--column due=HEADER" in message
