"""The usual column names of an accounting export, and which column of a file is which.

A ledger's columns are found by their headers, compared without case, accents, spaces or
punctuation (``Échéance``, ``ECHEANCE``, ``Date d'échéance`` all name the due date). The
canonical columns:

- ``vendor`` (required): who invoiced;
- ``amount`` (required): the invoice amount; the header often says HT (hors taxes, excl. VAT)
  or TTC (toutes taxes comprises, incl. VAT);
- ``invoice_date`` (optional, unless a vendor's clause counts from it);
- ``due`` (required): the due date (date d'échéance);
- ``paid`` (optional): the payment date, empty while unpaid;
- ``invoice`` (optional): the invoice number or reference.

``columns`` (canonical name -> header) names the columns whose headers are not usual ones.

A message or a rejected row names a column by one rule (:func:`column_name`): the file's own
header when the column is in the file (found by its usual name or named through ``columns``),
else its canonical name above (``invoice_date`` for a ledger without invoice dates).
"""

from __future__ import annotations

import re
import unicodedata

from cgvlib.errors import InputError

REQUIRED = ("vendor", "amount", "due")
OPTIONAL = ("invoice_date", "paid", "invoice")
CANONICAL = (*REQUIRED, *OPTIONAL)

USUAL_HEADERS: dict[str, tuple[str, ...]] = {
    "vendor": ("Fournisseur", "Vendeur", "Tiers", "Vendor", "Supplier", "Nom du fournisseur"),
    "amount": ("Montant", "Montant HT", "Montant TTC", "Amount", "Amount excl. VAT",
               "Amount incl. VAT", "Montant hors taxes", "Montant toutes taxes comprises",
               "Total HT", "Total TTC"),
    "invoice_date": ("Date de facture", "Date facture", "Date de facturation", "Invoice date",
                     "Date d'émission"),
    "due": ("Échéance", "Date d'échéance", "Date échéance", "Due date", "Due"),
    "paid": ("Date de paiement", "Payée le", "Réglée le", "Date de règlement", "Paid",
             "Payment date", "Paid on"),
    "invoice": ("N° de facture", "Numéro de facture", "N° facture", "Facture", "Invoice",
                "Invoice number", "Référence", "Reference"),
}

BASES = ("HT", "TTC")
# words of an amount's header that say what it is: HT (excl. VAT) or TTC (incl. VAT)
_BASIS_WORDS = {
    "HT": ("ht", "horstaxes", "horstaxe", "exclvat", "excludingvat", "exvat"),
    "TTC": ("ttc", "toutestaxescomprises", "inclvat", "includingvat"),
}


def plain(header) -> str:
    """``header`` without case, accents, spaces or punctuation: ``"N° de facture"`` ->
    ``"nodefacture"``, ``"Date d'échéance"`` -> ``"datedecheance"``."""
    decomposed = unicodedata.normalize("NFKD", str(header))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return re.sub(r"[^a-z0-9]", "", bare.replace("°", "o").replace("º", "o"))


_KNOWN = {plain(h): name for name, headers in USUAL_HEADERS.items() for h in headers}


def column_name(canonical: str, found: dict[str, str]) -> str:
    """How a message names the ledger column ``canonical`` (module docstring): the file's
    header ``found[canonical]`` when the file has that column, else ``canonical``; ``""``
    for no column (an empty line)."""
    return found.get(canonical, canonical) if canonical else ""


def basis_of(header: str) -> str | None:
    """``"HT"`` or ``"TTC"`` when an amount's header says which, else None."""
    words = re.findall(r"[a-z]+", unicodedata.normalize("NFKD", str(header)).casefold())
    joined = plain(header)
    for basis, marks in _BASIS_WORDS.items():
        if any(w in marks for w in words) or any(len(m) > 4 and m in joined for m in marks):
            return basis
    return None


def check_basis(basis) -> str | None:
    """``amount_basis`` checked: ``"HT"``, ``"TTC"`` (any case) or None."""
    if basis is None:
        return None
    if isinstance(basis, str) and basis.strip().upper() in BASES:
        return basis.strip().upper()
    raise InputError(f"amount_basis: {basis!r} is not a basis; valid: HT (hors taxes, excl. "
                     "VAT) or TTC (toutes taxes comprises, incl. VAT)")


def match_columns(headers, columns: dict[str, str] | None, source: str) -> dict[str, str]:
    """Canonical name -> header of the file, from ``columns`` first, then the usual names.

    A clear :class:`InputError` for an unknown canonical name, a header not in the file, two
    columns that could be the same canonical one, or a required column not found (listing
    the file's headers and the usual names)."""
    headers = [str(h) for h in headers]
    found: dict[str, str] = {}
    for name, header in (columns or {}).items():
        if name not in CANONICAL:
            raise InputError(f"columns: {name!r} is not a ledger column; valid: "
                             + ", ".join(CANONICAL))
        if header not in headers:
            raise InputError(f"{source}: columns[{name!r}]: no column {header!r} in the file; "
                             "its headers: " + ", ".join(map(repr, headers)))
        found[name] = header
    given = set(found.values())
    for header in headers:
        name = _KNOWN.get(plain(header))
        if name is None or name in found or header in given:
            continue
        rivals = [h for h in headers if _KNOWN.get(plain(h)) == name and h != header]
        if rivals:
            raise InputError(f"{source}: the columns {header!r} and {rivals[0]!r} could both be "
                             f"the {name} column; say which with --column {name}=HEADER "
                             f"(columns={{{name!r}: ...}})")
        found[name] = header
    missing = [name for name in REQUIRED if name not in found]
    if missing:
        name = missing[0]
        raise InputError(
            f"{source}: no {name} column found; its headers: {', '.join(map(repr, headers))}; "
            f"usual names: {', '.join(USUAL_HEADERS[name])}; or name it with --column "
            f"{name}=HEADER (columns={{{name!r}: 'HEADER'}})")
    return found


def amount_basis(header: str, given: str | None, source: str) -> str:
    """The basis of the amounts: the header's (HT/TTC) or ``given``; an error when neither
    says, or when they disagree."""
    said = basis_of(header)
    given = check_basis(given)
    if said and given and said != given:
        raise InputError(f"{source}: the amount column {header!r} says {said}, but "
                         f"amount_basis is {given}; drop --amount-basis or fix the header")
    if said or given:
        return said or given
    raise InputError(f"{source}: the amount column {header!r} does not say HT or TTC; give "
                     "--amount-basis HT or --amount-basis TTC (amount_basis='HT' or 'TTC')")
