"""The words a search document already holds, so that each is indexed once.

Every reader's browser downloads the whole search index, and search matches words, not
phrases (lunr ranks by how often a word occurs, which a map's repeated texts would only
skew). A journey's search text therefore gives its readable headline verbatim and then,
of the longer texts (pain points, touchpoints, moments, ...), only the words it does not
hold yet, each once.

Words are cut where every separator of Material's search cuts (white space and hyphens),
and compared as lunr compares them: in lower case, without punctuation at either end.
Chinese, written without spaces, stays whole: Material's search cuts it (with jieba).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping

from ..core.model import Journey

# Every language's `search.config.separator` of Material cuts at white space and hyphens
# (some at more). A word is what lies between, without what is no letter or digit at either
# end (lunr's trimmer drops that too): the first to the last letter or digit.
_WORD_RE = re.compile(r"\w(?:[^\s\-]*\w)?")


def search_words(text: str) -> list[str]:
    """The words of `text` as search cuts them, what is no letter or digit at their ends removed."""
    return _WORD_RE.findall(text)


def lane_texts(journey: Journey) -> dict[str, list[str]]:
    """The texts of each lane of a journey's steps, in step order, gathered in one pass
    (journeys/search_text.html chooses which it indexes). `owner` holds department ids,
    each once; `moments` the moment kinds found, then the moments' texts; `touchpoints`
    the names, then the channels."""
    lanes: dict[str, list[str]] = {name: [] for name in ("actions", "thoughts", "pain_points", "backstage")}
    kinds: dict[str, None] = {}
    moments: list[str] = []
    names: list[str] = []
    channels: list[str] = []
    owners: dict[str, None] = {}
    for stage in journey.stages:
        for step in stage.steps:
            lanes["actions"] += step.actions
            for texts in step.persona_actions.values():
                lanes["actions"] += texts
            lanes["thoughts"] += step.thoughts
            for texts in step.persona_thoughts.values():
                lanes["thoughts"] += texts
            lanes["pain_points"] += step.pain_points
            lanes["backstage"] += step.backstage
            for moment in step.moments:
                kinds[moment.kind] = None
                moments.append(moment.text)
            for touchpoint in step.touchpoints:
                names.append(touchpoint.name)
                if touchpoint.channel:
                    channels.append(touchpoint.channel)
            if step.owner:
                owners[step.owner] = None
    lanes["moment_kinds"] = list(kinds)
    lanes["moments"] = moments
    lanes["touchpoints"] = names + channels
    lanes["owner"] = list(owners)
    return lanes


class SearchWords:
    """The words of one search document so far: `note` what is written out, `fragments`
    gives what texts add."""

    def __init__(self, *held: str | None) -> None:
        """`held`: texts the document holds already (its title)."""
        self._seen: set[str] = set()
        for text in held:
            self.note(text)

    def note(self, text: str | None) -> str:
        """`text` as it is, its words now held."""
        if text:
            self._seen.update(_WORD_RE.findall(text.lower()))
        return text or ""

    def note_each(self, texts: Iterable[str | None]) -> list[str]:
        """`texts` as they are, their words now held (a headline's list of names)."""
        return [self.note(text) for text in texts]

    def fragments(self, *texts: object) -> list[str]:
        """Of each text in `texts` (texts, or lists and dicts of them, nested), the words not
        held yet, each once, in the order they come; a text that adds none is left out.
        New words that follow each other keep the hyphen written between them
        ("Eleven-field form"). From now on they are held."""
        found: list[str] = []
        seen = self._seen
        for text in _texts(texts):
            if seen.issuperset(_WORD_RE.findall(text.lower())):
                continue  # most texts of a map, once its headline is written
            pieces: list[str] = []
            previous_end = -1  # where the last word ended, if it was new
            for match in _WORD_RE.finditer(text):
                key = match.group().lower()
                if key in seen:
                    previous_end = -1
                    continue
                seen.add(key)
                if pieces:
                    joined = previous_end >= 0 and "-" in text[previous_end : match.start()]
                    pieces.append("-" if joined else " ")
                pieces.append(match.group())
                previous_end = match.end()
            if pieces:
                found.append("".join(pieces))
        return found


def _texts(value: object) -> Iterator[str]:
    """The texts of `value` in order: a text, or lists and dicts (their values) of them."""
    if isinstance(value, str):
        if value:
            yield value
        return
    if isinstance(value, Mapping):
        value = value.values()
    if isinstance(value, Iterable):
        for item in value:
            if isinstance(item, str):
                if item:
                    yield item
            elif item is not None:
                yield from _texts(item)
