"""One kind of words kept as a ``str`` of their English: a line of working and a note on a
reference value are both :class:`cgvlib.i18n.Worded`."""

from __future__ import annotations

import pickle

from cgvlib.arithmetic.working_words import Worded as WorkingLine
from cgvlib.i18n import Joined, Phrase, Worded, say
from cgvlib.reference.series import Note


def test_a_working_line_and_a_note_are_the_same_kind_of_words():
    assert WorkingLine is Worded and Note is Worded


def test_worded_reads_as_its_english_and_is_said_in_french():
    words = Worded(Joined((Phrase("Late payment"), " (", Phrase("negative"), ")")))
    assert isinstance(words, str)
    assert words == "Late payment (negative)" and words.upper() == "LATE PAYMENT (NEGATIVE)"
    assert say(words, "fr") == words.say("fr") == "Retard de paiement (négatif)"
    assert say(words + "!", "fr") == "Late payment (negative)!"  # joined as a str: English


def test_worded_pickles_with_its_words():
    copied = pickle.loads(pickle.dumps(Worded(Phrase("Late payment"))))
    assert (copied, say(copied, "fr")) == ("Late payment", "Retard de paiement")
