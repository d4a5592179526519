"""Every form of the handbook's words, and the one function that puts an organization's words
into a text.

The handbook's English uses its words in more forms than the six an organization names:
plurals, possessives, "mentorship", and "mentor" as a verb ("to mentor someone", "being
mentored"). `FORMS` and `VERBS` list them all, in one place: each default form and what it
becomes in the organization's words. A verb has no word of the organization's to become
(its word for mentor is often a noun only: "preceptor"), so the verb's forms become a phrase
around that noun: "mentoring a director" -> "being a preceptor to a director".

Capitals are kept ("Mentor" -> "Preceptor"), "a"/"an" before the new word is mended, and
code, link targets and attribute lists (`{: .mentor }`) are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from generator.grammar import article

FORMS: Mapping[str, str] = {
    # default form (as the handbook writes it) -> the organization's word it becomes
    "mentor": "mentor",
    "mentors": "mentors",
    "mentee": "mentee",
    "mentees": "mentees",
    "mentoring": "mentoring",
    "mentorship": "mentoring",
    "mentorships": "mentoring+s",
    "facilitator": "facilitator",
    "facilitators": "facilitators",
    "session": "session",
    "sessions": "sessions",
    "program": "program",
    "programs": "programs",
    "pair": "pair",
    "pairs": "pairs",
    "group": "group",
    "groups": "groups",
}
"""Possessives follow from these: the apostrophe and `s` after a word stay ("mentor's" ->
"preceptor's", "mentees'" -> "preceptees'", with ' or ’)."""

VERBS: Mapping[str, str] = {
    # the verb "to mentor", where the text uses it as one -> a phrase around the noun
    "mentor": "be {a mentor} to",  # "to mentor someone" -> "to be a preceptor to someone"
    "mentors": "is {a mentor} to",  # "the junior person mentors the senior one"
    "mentoring": "being {a mentor} to",  # "a colleague mentoring a director"
    "mentored": "supported by {a mentor}",  # "the person being mentored"
}
"""Only "mentored" is always a verb; the others are read as one where the words around them
say so (`_is_verb`)."""

# What follows a verb and never a noun: its object.
_OBJECTS = [
    "someone",
    "somebody",
    "anyone",
    "others",
    "people",
    "them",
    "him",
    "her",
    "me",
    "you",
    "us",
    "a",
    "an",
    "the",
    "your",
    "their",
    "his",
    "my",
    "our",
    "this",
    "that",
    "new",
    "junior",
    "senior",
    "colleagues",
    "each",
]
_BEFORE_VERB = {
    "mentor": [
        "to",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "not",
        "i",
        "we",
        "they",
        "you",
        "and",
        "or",
    ],
    "mentors": ["who", "person", "one", "she", "he", "colleague", "it", "that"],
    "mentoring": (),  # any word: the object after it decides
}


# What comes before "mentoring" the noun, never the verb: "reverse mentoring the power..." is
# about reverse mentoring, not someone mentoring the power.
_BEFORE_NOUN = {"reverse", "peer", "group", "formal", "informal", "good", "effective", "of", "in", "about", "for"}
_BEFORE_NOUN |= {"your", "our", "their", "the", "a", "this", "that", "what", "whose", "cross-team", "team"}


def _is_verb(form: str, before: str, after: str) -> bool:
    if form == "mentored":
        return True
    if form not in _BEFORE_VERB or after not in _OBJECTS or before in _BEFORE_NOUN:
        return False
    allowed = _BEFORE_VERB[form]
    return not allowed or before in allowed


def rewording(
    words: Mapping[str, str], english: bool = True, spelled: Mapping[str, str] | None = None
) -> Callable[[str], str]:
    """A function that puts the organization's words (default word -> its word) into a text.
    In English text every form in FORMS and VERBS is replaced, and each word of `spelled`
    (read/spelling.py) is respelled; in another language's, the words themselves only."""
    changed = {old: new for old, new in words.items() if old != new}
    respell = dict(spelled or {}) if english else {}
    if not changed and not respell:
        return unchanged
    return _Rewording(changed, english, respell)


class _Rewording:
    """The organization's words put into a text: `rewording`'s function, with its tables."""

    def __init__(self, changed: Mapping[str, str], english: bool, respell: Mapping[str, str]) -> None:
        table = _table(changed) if english else {old.casefold(): new for old, new in changed.items()}
        self.verbs = _verbs(changed) if english else {}
        self.respell = {form: new for form, new in respell.items() if form not in table}  # the organization's word wins
        self.table = table | self.respell
        self.pattern = _pattern({*self.table, *self.verbs})
        # A spelling table's words start with most letters, so the pattern's search can skip
        # few positions; most texts hold none of its words, which a plain scan for words finds
        # out three times as fast (1,000 sessions: British spelling adds about 1.3 s to
        # loading, not 5).
        self.forms = frozenset(self.table) | frozenset(self.verbs) if self.respell else None

    def __call__(self, text: str) -> str:
        if self.forms is not None and self.forms.isdisjoint(_WORD.findall(text.lower())):
            return text
        return self.pattern.sub(self._replace, text)

    def _replace(self, match: re.Match[str]) -> str:
        if match.group("keep"):
            return match.group("keep")
        found = match.group("word")
        form = found.casefold()
        new = self._new(form, match)
        if new is None:  # also a match only by Unicode's case rules ("mentorİng")
            return match.group(0)
        new = _same_case(found, _unrepeated(match, new))
        article = match.group("article")
        if not article or form in self.respell:  # a respelled word sounds the same: "an honor", "an honour"
            return match.string[match.start() : match.start("word")] + new
        return f"{_same_case(article, _article(new))} {new}"

    def _new(self, form: str, match: re.Match[str]) -> str | None:
        """What `form` becomes here: a verb's word where it is used as a verb, else its word."""
        if form in self.verbs:
            text = match.string
            before = text[max(match.start("word") - 40, 0) : match.start("word")].split()[-1:] or [""]
            after = re.match(r"\s+(\w+)", text[match.end() :])
            if _is_verb(form, before[0].casefold(), after.group(1).casefold() if after else ""):
                return self.verbs[form]
        return self.table.get(form)


_WORD = re.compile(r"[^\W\d_]+")


def _pattern(words: set[str]) -> re.Pattern[str]:
    """Code, link targets and placeholders (kept as they are), or one of `words`, with the
    article before it. Every match starts with one of a few characters; saying so first lets
    the search skip every other position at once: 0.14 s instead of 0.36 s over 1,000 sessions."""
    starts = re.escape("`]{a" + "".join(sorted({word[0] for word in words})))
    return re.compile(
        rf"(?=[{starts}])"
        rf"(?:(?P<keep>`[^`]*`|\]\([^)]*\)|\{{[^}}]*\}})|(?:\b(?P<article>an?)\s+)?\b(?P<word>{_trie(words)})\b)",
        re.IGNORECASE,
    )


def _trie(words: set[str]) -> str:
    """An alternation of `words` written as a trie ("colo(?:r|ur)"...): with the several
    hundred words of a spelling table, a flat alternation is tried word by word at every
    letter; a trie follows one branch."""
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = tree
        for character in word:
            node = node.setdefault(character, {})
        node[""] = {}

    def pattern(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        branches = [re.escape(c) + pattern(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        optional = "" in node
        if len(branches) == 1 and not optional:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if optional else "")

    return pattern(tree)


def _table(changed: Mapping[str, str]) -> dict[str, str]:
    """Each default form whose word the organization changed, with what it becomes."""
    table = {}
    for form, source in FORMS.items():
        word, _, suffix = source.partition("+")
        if word in changed:
            table[form] = changed[word] + suffix
    return table


def _verbs(changed: Mapping[str, str]) -> dict[str, str]:
    mentor = changed.get("mentor")
    if mentor is None:
        return {}
    with_article = f"{_article(mentor)} {mentor}"
    return {form: phrase.replace("{a mentor}", with_article) for form, phrase in VERBS.items()}


def _article(word: str) -> str:
    return article(word)


def _bare(word: str) -> str:
    """A word without the possessive or punctuation after it: "learner's," -> "learner"."""
    return re.sub(r"(?:['’]s?)?\W*$", "", word).casefold()


def _unrepeated(match: re.Match[str], new: str) -> str:
    """The new words without those the text already says around them: "a senior mentor" with
    "senior partner" for mentor is "a senior partner", not "a senior senior partner"."""
    words = new.split(" ")
    if len(words) < 2:
        return new
    text = match.string
    before = text[max(match.start("word") - 60, 0) : match.start("word")].split()
    after = text[match.end() : match.end() + 60].split()
    while len(words) > 1 and before and before[-1].casefold() == words[0].casefold():
        words, before = words[1:], before[:-1]
    while len(words) > 1 and after and _bare(after[0]) == words[-1].casefold():
        words, after = words[:-1], after[1:]
    return " ".join(words)


def unchanged(text: str) -> str:
    return text


def _same_case(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
