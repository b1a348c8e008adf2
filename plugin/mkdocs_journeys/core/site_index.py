"""The whole wiki: every document read once, cross-referenced in one pass.

Everything a persona, department or index page shows is looked up here in a dictionary;
no page rendering scans the site.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from .documents import Document
from .model import Department, Journey, Opportunity, Persona, Place, Source, Stage, Step
from .problems import Problem, Severity, has_errors
from .slugs import slugify
from .suggest import Suggestions


def generated_page_path(folder: str, page_id: str) -> str:
    return f"{folder}/{page_id}.md"


@dataclass
class PersonaRole:
    """Where a persona acts in one journey: the stages and steps that name it."""

    journey: Journey
    stages: list[Stage] = field(default_factory=list)
    steps: list[tuple[Stage, Step]] = field(default_factory=list)


@dataclass
class OwnedStep:
    journey: Journey
    stage: Stage
    step: Step


@dataclass
class Citation:
    """A step that cites a page as its evidence."""

    journey: Journey
    stage: Stage
    step: Step
    anchor: str | None  # the part of the page cited, if any


@dataclass
class ParentPlace:
    """Where a sub-journey belongs: a step (or stage, or the whole) of another journey."""

    journey: Journey
    stage: Stage | None = None
    step: Step | None = None


class Site:
    def __init__(
        self,
        documents: Iterable[Document],
        known_paths: Collection[str] | Mapping[str, str],
        today: date,
        stale_after_days: int = 365,
        index_path: str | None = None,
        custom_lanes: Collection[str] = (),
    ):
        self.today = today
        self.stale_after_days = stale_after_days
        self.index_path = index_path  # the opportunity index page, when the site has one
        self.documents: dict[str, Document] = {d.path: d for d in sorted(documents, key=lambda d: d.path)}
        self.journeys: list[Journey] = [d.journey for d in self.documents.values() if d.journey is not None]
        self.journey_by_path: dict[str, Journey] = {j.path: j for j in self.journeys}
        self.personas: dict[str, Persona] = {}
        self.departments: dict[str, Department] = {}
        # ids that are referenced but have no page: the adapter generates pages for them
        self.missing_personas: dict[str, list[str]] = defaultdict(list)
        self.missing_departments: dict[str, list[str]] = defaultdict(list)
        self.persona_roles: dict[str, list[PersonaRole]] = defaultdict(list)
        self.journeys_by_owner: dict[str, list[Journey]] = defaultdict(list)
        self.steps_by_owner: dict[str, list[OwnedStep]] = defaultdict(list)
        self.opportunities: list[Opportunity] = []
        self.opportunities_by_owner: dict[str, list[Opportunity]] = defaultdict(list)
        self.opportunity_by_id: dict[str, Opportunity] = {}
        # Problems only the whole site shows, by page. Kept apart from each document's own,
        # so that documents stay as read (and can be reused by a rebuild when unchanged).
        self.site_problems: dict[str, list[Problem]] = defaultdict(list)
        # format 2: the links that go both ways
        self.custom_lanes = frozenset(custom_lanes)  # site-wide custom lane ids (the plugin option)
        self.cited_by: dict[str, list[Citation]] = defaultdict(list)  # page path -> steps citing it
        self.counterpart: dict[str, Journey] = {}  # journey path -> the other side of its `compares` pair
        self.parent_of: dict[str, ParentPlace] = {}  # sub-journey path -> where it belongs
        self.sub_journeys: dict[tuple[str, str], list[Journey]] = defaultdict(list)  # (path, step id) -> sub-journeys
        self._children: dict[str, list[Journey]] = defaultdict(list)  # path -> its sub-journeys, all steps
        # opportunities written in one journey that (also) improve another: journey path -> (opportunity, place)
        self.foreign_opportunities: dict[str, list[tuple[Opportunity, Place]]] = defaultdict(list)
        self._collect_profiles()
        self._check_references()
        self._resolve_sources(known_paths)
        self._resolve_format2_links(known_paths)
        self._number_derived_opportunity_ids()
        self._index_journeys()

    # -- one pass over the documents ------------------------------------------------------

    def _collect_profiles(self) -> None:
        for document in self.documents.values():
            for profile, registry in ((document.persona, self.personas), (document.department, self.departments)):
                if profile is None:
                    continue
                if profile.id in registry:
                    first = registry[profile.id].path
                    self.site_problems[document.path].append(Problem(
                        path=document.path, line=None, field=document.kind or "", value=repr(profile.id),
                        expected=f"a file name not used by another {document.kind} page (also {first})",
                    ))
                    continue
                registry[profile.id] = profile  # type: ignore[assignment]

    def _check_references(self) -> None:
        opportunity_pages: dict[str, str] = {}
        persona_hints = department_hints = None  # made at the first unknown id, if any
        for document in self.documents.values():
            for ref in document.references:
                if ref.target_kind == "persona" and ref.target not in self.personas:
                    persona_hints = persona_hints or Suggestions(self.personas)
                    self._missing(document, ref.target, ref.field, ref.line, "persona", self.missing_personas,
                                  persona_hints.hint(ref.target))
                elif ref.target_kind == "department" and ref.target not in self.departments:
                    department_hints = department_hints or Suggestions(self.departments)
                    self._missing(document, ref.target, ref.field, ref.line, "department", self.missing_departments,
                                  department_hints.hint(ref.target))
                elif ref.target_kind == "lane" and ref.target not in self.custom_lanes:
                    self.site_problems[document.path].append(Problem(
                        path=document.path, line=ref.line, field=ref.field, value=repr(ref.target),
                        expected="a custom lane declared in journey.custom_lanes or in the plugin's `custom_lanes` "
                        "option" + (f" ({', '.join(sorted(self.custom_lanes))})" if self.custom_lanes else ""),
                        severity=Severity.WARNING,
                    ))
                elif ref.target_kind == "opportunity":
                    if ref.target in opportunity_pages:
                        self.site_problems[document.path].append(Problem(
                            path=document.path, line=ref.line, field=ref.field, value=repr(ref.target),
                            expected=f"an opportunity id unique in the whole site (also used in {opportunity_pages[ref.target]}); "
                            "give one an explicit `id`",
                        ))
                    else:
                        opportunity_pages[ref.target] = document.path

    def _resolve_sources(self, known_paths: Collection[str] | Mapping[str, str]) -> None:
        """A source page link is relative to the journey's folder, or else to the docs folder."""
        page_hints = None  # made at the first missing page, if any
        for journey in self.journeys:
            for source in journey.sources:
                if source.url:
                    continue
                source.page = next((path for path in source.candidates if path in known_paths), None)
                if source.page is not None and isinstance(known_paths, Mapping):
                    source.title = known_paths[source.page]
                if source.page is None:
                    page_hints = page_hints or Suggestions(known_paths)
                    self.site_problems[journey.path].append(Problem(
                        path=journey.path, line=source.line, field=source.field, value=repr(source.text),
                        expected="a page that exists in the site (it is shown as plain text)"
                        + page_hints.hint(source.candidates[-1] if source.candidates else source.text),
                        severity=Severity.WARNING,
                    ))

    # -- format 2 --------------------------------------------------------------------------

    def _find(self, source: Source, known_paths: Collection[str] | Mapping[str, str], journey: Journey,
              expected: str, journey_page: bool = False) -> str | None:
        """The page or file a link names (None, reported, when there is none)."""
        page = next((path for path in source.candidates if path in known_paths), None)
        if page is not None and journey_page and page not in self.journey_by_path:
            self._problem(journey, source.field, source.line, source.text, f"{expected} (this page is not a journey page)")
            return None
        if page is None:
            self._problem(journey, source.field, source.line, source.text, expected, Severity.WARNING)
            return None
        source.page = page
        if isinstance(known_paths, Mapping):
            source.title = known_paths[page]
        return page

    def _problem(self, journey: Journey, field: str, line: int | None, value: str, expected: str,
                 severity: Severity = Severity.ERROR) -> None:
        self.site_problems[journey.path].append(Problem(path=journey.path, line=line, field=field, value=repr(value),
                                                        expected=expected, severity=severity))

    def _journey_place(self, journey: Journey, anchor: str | None) -> tuple[Stage | None, Step | None, str | None]:
        """The stage and step `stage-id[/step-id]` names in a journey; the third item says what is wrong."""
        if not anchor:
            return None, None, None
        stage_id, _, step_id = anchor.partition("/")
        stage = next((s for s in journey.stages if s.id == stage_id), None)
        if stage is None:
            return None, None, "a stage id of that journey: " + ", ".join(s.id for s in journey.stages)
        step = next((s for s in stage.steps if s.id == step_id), None) if step_id else None
        if step_id and step is None:
            return None, None, f"a step of its stage '{stage.id}': " + ", ".join(s.id for s in stage.steps)
        return stage, step, None

    def _resolve_format2_links(self, known_paths: Collection[str] | Mapping[str, str]) -> None:
        """Evidence, pictures, compares pairs, sub-journeys and cross-journey places, in one pass."""
        compares: dict[str, str] = {}
        for journey in self.journeys:
            if journey.compares is not None:
                target = self._find(journey.compares, known_paths, journey, "a journey page of the site", True)
                if target == journey.path:
                    self._problem(journey, journey.compares.field, journey.compares.line, journey.compares.text,
                                  "another journey page (the other state of this journey)")
                elif target is not None:
                    compares[journey.path] = target
            if journey.parent is not None:
                self._resolve_parent(journey, known_paths)
            for stage in journey.stages:
                for step in stage.steps:
                    if step.image is not None and step.image.url is None:
                        self._find(step.image, known_paths, journey, "a picture file in the docs folder")
                    for source in step.evidence:
                        if source.url is None and self._find(source, known_paths, journey,
                                                             "a page that exists in the site (it is shown as plain text)"):
                            self.cited_by[source.page].append(Citation(journey, stage, step, source.anchor))
                    if step.sub_journey is not None:
                        child = self._find(step.sub_journey, known_paths, journey, "a journey page of the site", True)
                        if child is not None and child != journey.path:
                            self._add_sub_journey(journey.path, step.id, self.journey_by_path[child])
                            self.parent_of.setdefault(child, ParentPlace(journey, stage, step))
            for opportunity in journey.opportunities:
                for index, place in enumerate(opportunity.places):
                    if place.foreign:
                        self._resolve_foreign_place(journey, opportunity, place, index, known_paths)
        self._pair_compares(compares)
        self._check_parent_cycles()

    def _resolve_parent(self, journey: Journey, known_paths: Collection[str] | Mapping[str, str]) -> None:
        parent = journey.parent
        target = self._find(parent, known_paths, journey, "a journey page of the site", True)
        if target is None:
            return
        parent_journey = self.journey_by_path[target]
        stage, step, wrong = self._journey_place(parent_journey, parent.anchor)
        if wrong:
            self._problem(journey, parent.field, parent.line, parent.text, wrong)
            return
        self.parent_of[journey.path] = ParentPlace(parent_journey, stage, step)
        if step is not None:
            self._add_sub_journey(target, step.id, journey)

    def _add_sub_journey(self, parent_path: str, step_id: str, child: Journey) -> None:
        """Either side may say it (the child's `parent`, the step's `journey`): listed once."""
        children = self.sub_journeys[(parent_path, step_id)]
        if not any(known is child for known in children):
            children.append(child)
            self._children[parent_path].append(child)

    def _resolve_foreign_place(self, journey: Journey, opportunity: Opportunity, place: Place, index: int,
                               known_paths: Collection[str] | Mapping[str, str]) -> None:
        source = Source(text=place.text, candidates=place.candidates, field=place.field, line=place.line)
        target = self._find(source, known_paths, journey, "a journey page of the site", True)
        if target is None:
            return
        stage, step, wrong = self._journey_place(self.journey_by_path[target], place.anchor)
        if wrong:
            self._problem(journey, place.field, place.line, place.text, wrong)
            return
        place.journey_path = target
        place.stage_id = stage.id if stage else None
        place.step_id = step.id if step else None
        if index == 0:
            opportunity.stage_id, opportunity.step_id = place.stage_id, place.step_id
        if target != journey.path:
            self.foreign_opportunities[target].append((opportunity, place))

    def _pair_compares(self, compares: dict[str, str]) -> None:
        """A `compares` pair names each other, or one side names the other: never a third page."""
        for path, target in compares.items():
            journey = self.journey_by_path[path]
            back = compares.get(target)
            taken = self.counterpart.get(target)
            if back not in (None, path) or (taken is not None and taken.path != path):
                other = back if back not in (None, path) else taken.path  # type: ignore[union-attr]
                self._problem(journey, journey.compares.field, journey.compares.line, journey.compares.text,  # type: ignore[union-attr]
                              f"a journey that compares with this one or with none ({target} is already "
                              f"paired with {other})")
                continue
            self.counterpart[path] = self.journey_by_path[target]
            self.counterpart[target] = journey

    def _check_parent_cycles(self) -> None:
        """A journey that is, through its parents, its own parent: reported on each journey of
        the loop; no "Part of" link is drawn for them."""
        in_cycle: set[str] = set()
        for path in self.parent_of:
            chain = [path]
            current = self.parent_of[path].journey.path
            while current in self.parent_of and current not in chain:
                chain.append(current)
                current = self.parent_of[current].journey.path
            if current != path:
                continue
            in_cycle.add(path)
            journey = self.journey_by_path[path]
            link = journey.parent
            self._problem(journey, link.field if link else "journey.parent", link.line if link else None,
                          link.text if link else path,
                          "a parent journey that is not this journey's own sub-journey (the chain "
                          + " → ".join([*chain, path]) + " is a cycle)")
        for path in in_cycle:
            del self.parent_of[path]

    def _number_derived_opportunity_ids(self) -> None:
        """An opportunity id derived from a title that is taken (anywhere in the site) gets -2, -3 ...
        in the order the pages and their opportunities come; only explicit ids may clash."""
        explicit = {o.id for j in self.journeys for o in j.opportunities if not o.derived_id}
        taken: set[str] = set()
        for journey in self.journeys:
            for opportunity in journey.opportunities:
                if not opportunity.derived_id:
                    continue
                base = slugify(opportunity.title)  # from the title again: a reused document is renumbered alike
                candidate, number = base, 2
                while candidate in taken or candidate in explicit:
                    candidate, number = f"{base}-{number}", number + 1
                opportunity.id = candidate
                taken.add(candidate)

    def _missing(self, document: Document, target: str, field: str, line: int | None, kind: str,
                 registry: dict[str, list[str]], hint: str = "") -> None:
        if document.path not in registry[target]:
            registry[target].append(document.path)
        self.site_problems[document.path].append(Problem(
            path=document.path, line=line, field=field, value=repr(target),
            expected=f"a {kind} with a page of its own ({kind}s/{target}.md){hint}; a page is generated for it meanwhile",
            severity=Severity.WARNING,
        ))

    def _index_journeys(self) -> None:
        for journey in self.journeys:
            if journey.owner:
                self.journeys_by_owner[journey.owner].append(journey)
            roles: dict[str, PersonaRole] = {}
            for persona in journey.all_personas():
                roles[persona] = PersonaRole(journey)
            for stage in journey.stages:
                for persona in stage.personas:
                    roles[persona].stages.append(stage)
                for step in stage.steps:
                    if step.owner:
                        self.steps_by_owner[step.owner].append(OwnedStep(journey, stage, step))
                    for persona in step.personas:
                        roles[persona].steps.append((stage, step))
            for persona, role in roles.items():
                self.persona_roles[persona].append(role)
            for opportunity in journey.opportunities:
                if opportunity.id in self.opportunity_by_id:
                    continue  # a duplicate id: reported above, left out of the index
                self.opportunity_by_id[opportunity.id] = opportunity
                self.opportunities.append(opportunity)
                if opportunity.owner:
                    self.opportunities_by_owner[opportunity.owner].append(opportunity)

    # -- lookups ------------------------------------------------------------------------

    def persona_path(self, persona_id: str) -> str:
        """The persona's page: its own, or the one generated for it."""
        persona = self.personas.get(persona_id)
        return persona.path if persona else generated_page_path("personas", persona_id)

    def department_path(self, department_id: str) -> str:
        department = self.departments.get(department_id)
        return department.path if department else generated_page_path("departments", department_id)

    def place(self, opportunity: Opportunity) -> tuple[Stage | None, Step | None]:
        """The stage and step an opportunity improves (None for the whole journey): its first place."""
        journey = self.journey_by_path.get(self.place_path(opportunity))
        if journey is None:
            return None, None
        stage = next((s for s in journey.stages if s.id == opportunity.stage_id), None)
        step = next((s for s in stage.steps if s.id == opportunity.step_id), None) if stage else None
        return stage, step

    def place_path(self, opportunity: Opportunity) -> str:
        """The journey page of an opportunity's first place (format 2: it may be another journey)."""
        first = opportunity.places[0] if opportunity.places else None
        return first.journey_path if first and first.journey_path else opportunity.journey_path

    def opportunities_of_journeys(self, journeys: Iterable[Journey]) -> list[Opportunity]:
        return [opportunity for journey in journeys for opportunity in journey.opportunities
                if self.opportunity_by_id.get(opportunity.id) is opportunity]

    def linked_journeys(self, path: str) -> list[str]:
        """Format 2: the other journeys a journey's map shows something of (its compares pair,
        its parent, its sub-journeys, opportunities written there with a place here): a map
        drawn again when one of them changes."""
        linked = {opportunity.journey_path for opportunity, _ in self.foreign_opportunities.get(path, ())}
        if path in self.counterpart:
            linked.add(self.counterpart[path].path)
        if path in self.parent_of:
            linked.add(self.parent_of[path].journey.path)
        linked.update(child.path for child in self._children.get(path, ()))
        linked.discard(path)
        return sorted(linked)

    def places_of(self, opportunity: Opportunity) -> list[tuple[Journey, Stage, Step | None]]:
        """Every place an opportunity improves, in its own journey or another (format 2), as
        (journey, stage, step or None for the whole stage); an opportunity for the whole
        journey has none."""
        found = []
        for place in opportunity.places:
            journey = self.journey_by_path.get(place.journey_path) if place.journey_path else None
            stage = next((s for s in journey.stages if s.id == place.stage_id), None) if journey and place.stage_id else None
            if stage is not None:
                found.append((journey, stage, next((s for s in stage.steps if s.id == place.step_id), None)))
        return found

    def persona_name(self, persona_id: str) -> str:
        persona = self.personas.get(persona_id)
        return persona.display_name if persona else persona_id

    def department_name(self, department_id: str) -> str:
        department = self.departments.get(department_id)
        return department.display_name if department else department_id

    def pages_drawn_on(self, view: str, page_id: str) -> list[str]:
        """The journey pages a view shows data of (besides its own page): a `map` (page_id:
        the journey's path) its own journey and those it links or compares with; a `cited_by` list
        (page_id: the cited page's path) the journeys citing it; a `persona` page the journeys that name the
        persona; a `department` page the journeys it owns or owns steps or opportunities
        of; the `index` and the `overview` every journey. What a cache of rendered views checks for changes."""
        if view == "map":  # format 2: a map shows parts of linked journeys and compares with its other state
            other = self.counterpart.get(page_id)
            return [page_id, *self.linked_journeys(page_id), *([other.path] if other else [])]
        if view == "cited_by":
            return sorted({citation.journey.path for citation in self.cited_by.get(page_id, [])})
        if view == "persona":
            return [role.journey.path for role in self.persona_roles.get(page_id, [])]
        if view == "department":
            return sorted({*(journey.path for journey in self.journeys_by_owner.get(page_id, [])),
                           *(owned.journey.path for owned in self.steps_by_owner.get(page_id, [])),
                           *(opportunity.journey_path for opportunity in self.opportunities_by_owner.get(page_id, []))})
        return [journey.path for journey in self.journeys]

    def problems_of(self, path: str) -> list[Problem]:
        """A page's problems: its own, then those the whole site shows, by line."""
        document = self.documents.get(path)
        own = document.problems if document else []
        return sorted(own + self.site_problems.get(path, []), key=lambda problem: problem.line or 0)

    def is_broken(self, path: str) -> bool:
        """The page breaks the format: its problems are shown instead of what it renders."""
        return has_errors(self.problems_of(path))

    def problems(self) -> list[Problem]:
        return [problem for path in self.documents for problem in self.problems_of(path)]
