"""The wiki as a whole: every journey as a card, grouped by lifecycle phase, computed from
the cross-referenced site in one pass (per journey a constant amount of work).

A card carries the figures the overview page and overview.json show: state, owner,
personas, an emotion per step, metrics, pain points, open and overdue opportunities and
whether the map is due for review. Pairs of states (`compares`) sit side by side and
sub-journeys nest under their parent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .model import STATES, Journey
from .problems import Problem, Severity
from .site_index import Site


@dataclass(frozen=True, slots=True)
class Phase:
    id: str
    label: str


@dataclass
class JourneyCard:
    journey: Journey
    emotions: list[float | None]  # one per step: its emotion, or its personas' mean
    personas: list[str] = field(default_factory=list)  # the journey's, then those of its stages and steps
    pain_points: int = 0
    open_opportunities: int = 0
    overdue_opportunities: int = 0
    review_due: bool = False
    # the other state of the journey (`compares`), shown beside this card
    partner: JourneyCard | None = None
    children: list[JourneyEntry] = field(default_factory=list)  # sub-journeys

    @property
    def needs_attention(self) -> bool:
        return self.review_due or self.overdue_opportunities > 0


@dataclass
class JourneyEntry:
    """What the overview lists: one card, or the two states of a journey side by side."""

    cards: list[JourneyCard]

    @property
    def lead(self) -> JourneyCard:
        return self.cards[0]


@dataclass
class PhaseGroup:
    phase: Phase | None  # None: the journeys without a phase
    entries: list[JourneyEntry] = field(default_factory=list)


@dataclass
class Overview:
    groups: list[PhaseGroup]
    cards: list[JourneyCard]  # every journey's card, in site order

    def owners(self) -> list[str]:
        return sorted({card.journey.owner for card in self.cards if card.journey.owner})

    def personas(self) -> list[str]:
        return sorted({persona for card in self.cards for persona in card.personas})


def parse_lifecycle(items: list[Any]) -> list[Phase]:
    """The `lifecycle` option: [{id: discover, label: Discover}, ...] or plain ids.
    Raises ValueError with the item's place, value and what was expected."""
    phases: list[Phase] = []
    for index, item in enumerate(items):
        where = f"lifecycle[{index}]"
        if isinstance(item, str):
            item = {"id": item}
        if not isinstance(item, dict):
            raise ValueError(f"{where}: found {item!r}; expected a phase id or {{id: ..., label: ...}}")
        if set(item) - {"id", "label"}:
            raise ValueError(f"{where}: found the keys {sorted(map(str, item))}; expected only id and label")
        phase_id, label = item.get("id"), item.get("label", item.get("id"))
        if not isinstance(phase_id, str) or not phase_id.strip():
            raise ValueError(f"{where}.id: found {phase_id!r}; expected the phase id journeys write as `phase`, a text")
        if any(phase.id == phase_id.strip() for phase in phases):
            raise ValueError(f"{where}.id: found {phase_id!r}; expected an id not listed twice")
        if not isinstance(label, str) or not label.strip():
            raise ValueError(f"{where}.label: found {label!r}; expected the phase's label, a text")
        phases.append(Phase(phase_id.strip(), label.strip()))
    return phases


def step_emotions(journey: Journey) -> list[float | None]:
    """One emotion per step: the step's own, else the mean of its personas' (None: none given)."""
    values: list[float | None] = []
    for _, step in journey.steps():
        if step.emotion is not None:
            values.append(step.emotion)
        elif step.persona_emotions:
            values.append(sum(step.persona_emotions.values()) / len(step.persona_emotions))
        else:
            values.append(None)
    return values


def build_overview(site: Site, lifecycle: list[Phase] | None = None) -> Overview:
    """Every journey's card, in one pass over the journeys and one over the opportunities.

    With a `lifecycle`, a phase it does not list is reported (a warning naming the page and
    the phases expected) and grouped after the listed ones."""
    cards = {journey.path: JourneyCard(
        journey=journey,
        emotions=step_emotions(journey),
        personas=list(journey.personas),
        pain_points=sum(len(step.pain_points) for stage in journey.stages for step in stage.steps),
        review_due=journey.is_stale(site.today, site.stale_after_days),
    ) for journey in site.journeys}
    # then the personas named only on stages and steps: the site has found them all already
    # (Journey.all_personas() again would walk every step of every journey a second time)
    for persona, roles in site.persona_roles.items():
        for role in roles:
            card = cards.get(role.journey.path)
            if card is not None and persona not in card.journey.personas:
                card.personas.append(persona)
    for opportunity in site.opportunities:  # each once: duplicates are left out of the index
        if opportunity.status == "done":
            continue
        overdue = opportunity.is_overdue(site.today)
        for path in {opportunity.journey_path, *(place.journey_path for place in opportunity.places if place.stage_id)}:
            card = cards.get(path)
            if card is not None:
                card.open_opportunities += 1
                card.overdue_opportunities += overdue
    known = {phase.id: phase for phase in lifecycle or ()}
    groups: dict[str | None, PhaseGroup] = {phase.id: PhaseGroup(phase) for phase in lifecycle or ()}
    extra: dict[str, PhaseGroup] = {}  # phases in order of first use (not in the lifecycle)
    placed: dict[str, JourneyEntry] = {}
    for journey in site.journeys:
        if journey.path in placed:
            continue
        card = cards[journey.path]
        other = site.counterpart.get(journey.path)
        pair = [card]
        if other is not None and other.path in cards:
            pair = sorted([card, cards[other.path]], key=lambda c: (STATES.index(c.journey.state), c.journey.path))
            pair[0].partner, pair[1].partner = pair[1], pair[0]
        entry = JourneyEntry(pair)
        for member in pair:
            placed[member.journey.path] = entry
    for journey in site.journeys:
        entry = placed[journey.path]
        if entry.lead.journey is not journey:
            continue
        parent = site.parent_of.get(journey.path)
        if parent is not None and parent.journey.path in cards and not _nests_in_itself(entry, parent.journey.path,
                                                                                        placed, site):
            cards[parent.journey.path].children.append(entry)
            continue
        phase_id = journey.phase
        if phase_id is None:
            groups.setdefault(None, PhaseGroup(None))
            group = groups[None]
        elif phase_id in groups:
            group = groups[phase_id]
        else:
            if known:
                site.site_problems[journey.path].append(Problem(
                    path=journey.path, line=journey.phase_line, field="journey.phase", value=repr(phase_id),
                    expected="a phase of the plugin's `lifecycle` option: " + ", ".join(known),
                    severity=Severity.WARNING,
                ))
            group = extra.setdefault(phase_id, PhaseGroup(Phase(phase_id, phase_id)))
        group.entries.append(entry)
    ordered = [group for key, group in groups.items() if key is not None]
    ordered += extra.values()
    if None in groups:
        ordered.append(groups[None])
    return Overview(groups=ordered, cards=list(cards.values()))


def _nests_in_itself(entry: JourneyEntry, parent_path: str, placed: dict[str, JourneyEntry], site: Site) -> bool:
    """Would nesting the entry under this parent put it inside itself? (A pair joins two
    journeys, so parent chains without cycles can still lead back to the same entry.)"""
    seen: set[str] = set()
    current: str | None = parent_path
    while current is not None and current not in seen:
        seen.add(current)
        if placed[current] is entry:
            return True
        above = site.parent_of.get(placed[current].lead.journey.path)
        current = above.journey.path if above is not None and above.journey.path in placed else None
    return False


def overview_records(overview: Overview, url_for: Any = None) -> list[dict[str, Any]]:
    """overview.json: one record per journey with the figures of its card (a dashboard
    reads these). `url_for(path)` gives a page's published URL."""
    phase_label = {group.phase.id: group.phase.label for group in overview.groups if group.phase}
    records = []
    for card in overview.cards:
        journey = card.journey
        records.append({
            "path": journey.path,
            "url": url_for(journey.path) if url_for else None,
            "title": journey.title,
            "phase": journey.phase,
            "phase_label": phase_label.get(journey.phase) if journey.phase else None,
            "state": journey.state,
            "type": journey.type,
            "scope": journey.scope,
            "owner": journey.owner,
            "personas": card.personas,
            "compares": card.partner.journey.path if card.partner else None,
            "sub_journeys": [member.journey.path for entry in card.children for member in entry.cards],
            "emotions": card.emotions,
            "nps": journey.metrics.nps,
            "ces": journey.metrics.ces,
            "csat": journey.metrics.csat,
            "metrics_history": [
                {"date": point.date.isoformat() if point.date else None, "nps": point.nps, "ces": point.ces,
                 "csat": point.csat} for point in journey.metrics.history
            ],
            "pain_points": card.pain_points,
            "open_opportunities": card.open_opportunities,
            "overdue_opportunities": card.overdue_opportunities,
            "reviewed": journey.reviewed.isoformat() if journey.reviewed else None,
            "review_due": card.review_due,
            "needs_attention": card.needs_attention,
        })
    return records
