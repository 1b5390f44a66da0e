"""Article numbers read from the vendor's text: references to articles the text lacks (the
duplicated numbers are in test_checks_consistency.py)."""

from __future__ import annotations

from cgvlib.analysis.checks import NOT_COMPUTED
from cgvlib.analysis.checks.numbering import article_labels, references
from tests.analysis.checks_support import build, rows, run, src

TEXT = "\n".join([
    "CONDITIONS GÉNÉRALES",
    "ARTICLE 1 : Objet",
    "Les présentes conditions régissent les prestations.",
    "ARTICLE 2 : Responsabilité",
    "2.1 Plafond",
    "La responsabilité est limitée au montant de la commande.",
    "ARTICLE 3 : Assurance",
    "La Société est assurée. Cette exclusion est cohérente avec la limitation définie à "
    "l’article 7.2 ci-dessus. Le Client s’assure.",
    "ARTICLE 4 : Garanties",
    "Voir article 2, l’article 2.1 des présentes conditions et l'article 1 du présent contrat.",
    "Conformément à l’article 1148 du Code civil, aux articles 1641 et suivants du Code civil "
    "et à l’article 28 du RGPD.",
    "ARTICLE 12. TRAITEMENT DES DONNÉES À CARACTÈRE PERSONNEL DANS LE CADRE DU RGPD ET "
    "L’EDITEUR AGISSANT EN TANT QUE RESPONSABLE",
    "Les données sont traitées selon l’article 12.",
]) + "\n"


def texts_with(tmp_path, text: str):
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "refs.txt").write_text(text, encoding="utf-8")
    return folder


def test_references_and_headings_read_from_a_text():
    # line 8: « l'article 7.2 ci-dessus »; line 10: article 2, 2.1 (« des présentes ») and 1
    # (« du présent contrat »); line 11: only other instruments (Code civil, RGPD); line 12
    # opens with « ARTICLE 12. » (a heading too long for headings(), still an article); line
    # 13 refers to it
    assert [(n, label) for n, label, _ in references(TEXT)] == [
        (8, "7.2"), (10, "2"), (10, "2.1"), (10, "1"), (13, "12")]
    assert article_labels(TEXT) == {"1", "2", "2.1", "3", "4", "12"}


def test_a_reference_to_an_article_the_text_lacks(example_data, write_vendor, tmp_path):
    texts = texts_with(tmp_path, TEXT)
    example_data["document"]["file"] = "refs.txt"
    v = build(write_vendor, example_data)
    [f] = rows(run(v, texts_dir=texts), "reference_to_missing_article")
    assert f["severity"] == "note"
    assert f["article"] == "3"  # the heading the reference stands under
    assert f["quote"] == ("Cette exclusion est cohérente avec la limitation définie à l’article "
                          "7.2 ci-dessus.")
    assert f["explanation"].startswith("The text refers to article 7.2 (line 8: « Cette exclusion")
    assert "but has no article 7.2: no heading of the text is numbered 7.2 or under it" in (
        f["explanation"])
    assert (f["family"], f["path"]) == ("document", "document.file")


def test_the_clause_citing_the_passage_is_named(example_data, write_vendor, tmp_path):
    texts = texts_with(tmp_path, TEXT)
    example_data["document"]["file"] = "refs.txt"
    example_data["liability"] = [{
        "applies_to": "all claims", "basis": "order_amount_paid",
        "source": src("3", "cohérente avec la limitation définie à l’article 7.2 ci-dessus")}]
    [f] = rows(run(build(write_vendor, example_data), texts_dir=texts),
               "reference_to_missing_article")
    assert (f["family"], f["path"]) == ("liability", "liability[0]")
    assert f["explanation"].endswith("The file cites that passage at liability[0].")


def test_a_text_without_any_numbered_heading(example_data, write_vendor, tmp_path):
    # every reference of an unnumbered text designates nothing
    texts = texts_with(tmp_path,
                       "Responsabilité\nElle est limitée, voir l’article 7.2 ci-dessus.\n")
    example_data["document"]["file"] = "refs.txt"
    [f] = rows(run(build(write_vendor, example_data), texts_dir=texts),
               "reference_to_missing_article")
    assert "the text numbers no heading at all" in f["explanation"]
    assert f["article"] == ""


def test_references_that_all_exist_report_nothing(example_data, write_vendor, tmp_path):
    texts = texts_with(tmp_path, TEXT.replace("l’article 7.2 ci-dessus", "l’article 2.1 ci-dessus"))
    example_data["document"]["file"] = "refs.txt"
    frame = run(build(write_vendor, example_data), texts_dir=texts)
    assert rows(frame, "reference_to_missing_article") == []
    # the example's own text has no reference at all
    assert rows(run(build(write_vendor, example_data)), "reference_to_missing_article") == []


def test_without_the_text_the_check_says_it_did_not_run(example_data, write_vendor, tmp_path):
    frame = run(build(write_vendor, example_data), texts_dir=tmp_path / "nowhere",
                checks=["reference_to_missing_article"])
    [f] = rows(frame, NOT_COMPUTED)
    assert f["explanation"].startswith("reference_to_missing_article not computed: the vendor's "
                                       "text exemple.txt is not in")
