"""American and British spelling: the profile's `spelling` chooses, and the handbook's English
follows it everywhere, as its words do (applied in the same pass as the terminology, by
read/wording.py, so code and link targets are left alone and capitals are kept).

The shipped text is written in American spelling (a test keeps it so), so `en-US` changes
nothing and costs nothing; `SPELLINGS` lists each word that differs, in every form the
handbook may use, as (American, British), and an `en-GB` profile turns "color" into "colour".
Words whose spelling depends on their use are left out: "practice" is a British noun but
"practise" a British verb, "license" likewise; only their unambiguous forms are listed.
"""

from __future__ import annotations

from collections.abc import Mapping

_IZE = [
    "apologiz",
    "authoriz",
    "categoriz",
    "characteriz",
    "criticiz",
    "customiz",
    "emphasiz",
    "energiz",
    "familiariz",
    "finaliz",
    "formaliz",
    "internaliz",
    "legitimiz",
    "maximiz",
    "memoriz",
    "minimiz",
    "mobiliz",
    "normaliz",
    "optimiz",
    "organiz",
    "personaliz",
    "prioritiz",
    "realiz",
    "recogniz",
    "socializ",
    "specializ",
    "standardiz",
    "summariz",
    "sympathiz",
    "utiliz",
    "verbaliz",
    "visualiz",
]
_IZE_ENDINGS = ("e", "es", "ed", "ing", "ation", "ations", "er", "ers")
_OR = ["behavior", "color", "favor", "flavor", "honor", "humor", "labor", "neighbor", "rumor", "endeavor"]
_OR_ENDINGS = ("", "s", "ed", "ing", "al", "ful", "able", "ite", "ites", "hood", "ly")
_OTHER = {
    "analyze": "analyse", "analyzes": "analyses", "analyzed": "analysed", "analyzing": "analysing",
    "center": "centre", "centers": "centres", "centered": "centred", "theater": "theatre",
    "canceled": "cancelled", "canceling": "cancelling", "traveled": "travelled",
    "traveling": "travelling", "traveler": "traveller", "travelers": "travellers",
    "labeled": "labelled", "labeling": "labelling", "modeled": "modelled", "modeling": "modelling",
    "counselor": "counsellor", "counselors": "counsellors", "counseling": "counselling",
    "enrollment": "enrolment", "fulfill": "fulfil", "fulfills": "fulfils", "fulfillment": "fulfilment",
    "skillful": "skilful", "judgment": "judgement", "judgments": "judgements",
    "acknowledgment": "acknowledgement", "defense": "defence", "offense": "offence",
    "practiced": "practised", "practicing": "practising", "aging": "ageing", "gray": "grey",
    "catalog": "catalogue", "program": "programme", "programs": "programmes",
}  # fmt: skip


def _pairs() -> dict[str, str]:
    pairs = dict(_OTHER)
    for stem in _IZE:
        pairs.update({stem + end: stem[:-1] + "s" + end for end in _IZE_ENDINGS})
    for word in _OR:
        pairs.update({word + end: word[:-2] + "our" + end for end in _OR_ENDINGS})
    return pairs


SPELLINGS: Mapping[str, str] = _pairs()
"""American -> British, every form."""

SPELLING_CHOICES = ("en-US", "en-GB")


def spellings(choice: str) -> Mapping[str, str]:
    """Each form to respell for this choice, with its spelling there."""
    return SPELLINGS if choice == "en-GB" else {}


def to_american() -> Mapping[str, str]:
    """British -> American: what a text written the British way needs for en-US (the shipped
    text is American already; a test keeps it so)."""
    return {british: american for american, british in SPELLINGS.items()} | _AMERICAN_VERBS


_AMERICAN_VERBS = {"practise": "practice", "practises": "practices"}  # British verbs; one American word
