"""A :class:`~cgvlib.i18n.Phrase` keeps English words and their values until it is said in a
language; values that are phrases or :class:`~cgvlib.i18n.Said` are said in the same one."""

from cgvlib.i18n import Joined, Phrase, Said, say

COST = "What paying a {amount} invoice due {due} late costs, by days late"


def amount(lang: str) -> str:
    return "1 234,56 €" if lang == "fr" else "€1,234.56"


def test_a_phrase_is_said_in_english_and_in_french_with_its_values():
    phrase = Phrase(COST, amount=Said(amount), due="2024-03-01")
    assert str(phrase) == "What paying a €1,234.56 invoice due 2024-03-01 late costs, by days late"
    assert phrase.say("fr") == ("Coût du paiement en retard d'une facture de 1 234,56 € échue "
                                "le 2024-03-01")


def test_phrases_nest_and_join_in_one_language():
    inner = Phrase("Late payment")
    joined = Joined((inner, ": ", Phrase(COST, amount=Said(amount), due=inner)))
    assert say(joined, "fr") == ("Retard de paiement: Coût du paiement en retard d'une facture "
                                 "de 1 234,56 € échue le Retard de paiement")
    assert say(inner + " !", "en") == "Late payment !"


def test_plain_words_are_shown_as_they_are_and_phrases_compare_by_words_and_values():
    assert say("« sans rappel »", "fr") == "« sans rappel »"
    assert Phrase(COST, amount=1, due=2) == Phrase(COST, amount=1, due=2)
    assert Phrase(COST, amount=1, due=2) != Phrase(COST, amount=1, due=3)
    assert len({Phrase("Late payment"), Phrase("Late payment")}) == 1
