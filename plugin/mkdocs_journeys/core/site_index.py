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
from .model import Department, Journey, Opportunity, Persona, Stage, Step
from .problems import Problem, Severity, has_errors


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


class Site:
    def __init__(
        self,
        documents: Iterable[Document],
        known_paths: Collection[str] | Mapping[str, str],
        today: date,
        stale_after_days: int = 365,
        index_path: str | None = None,
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
        self._collect_profiles()
        self._check_references()
        self._resolve_sources(known_paths)
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
        for document in self.documents.values():
            for ref in document.references:
                if ref.target_kind == "persona" and ref.target not in self.personas:
                    self._missing(document, ref.target, ref.field, ref.line, "persona", self.missing_personas)
                elif ref.target_kind == "department" and ref.target not in self.departments:
                    self._missing(document, ref.target, ref.field, ref.line, "department", self.missing_departments)
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
        for journey in self.journeys:
            for source in journey.sources:
                if source.url:
                    continue
                source.page = next((path for path in source.candidates if path in known_paths), None)
                if source.page is not None and isinstance(known_paths, Mapping):
                    source.title = known_paths[source.page]
                if source.page is None:
                    self.site_problems[journey.path].append(Problem(
                        path=journey.path, line=source.line, field=source.field, value=repr(source.text),
                        expected="a page that exists in the site (it is shown as plain text)",
                        severity=Severity.WARNING,
                    ))

    def _missing(self, document: Document, target: str, field: str, line: int | None, kind: str,
                 registry: dict[str, list[str]]) -> None:
        if document.path not in registry[target]:
            registry[target].append(document.path)
        self.site_problems[document.path].append(Problem(
            path=document.path, line=line, field=field, value=repr(target),
            expected=f"a {kind} with a page of its own ({kind}s/{target}.md); a page is generated for it meanwhile",
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
        """The stage and step an opportunity improves (None for the whole journey)."""
        journey = self.journey_by_path[opportunity.journey_path]
        stage = next((s for s in journey.stages if s.id == opportunity.stage_id), None)
        step = next((s for s in stage.steps if s.id == opportunity.step_id), None) if stage else None
        return stage, step

    def opportunities_of_journeys(self, journeys: Iterable[Journey]) -> list[Opportunity]:
        return [opportunity for journey in journeys for opportunity in journey.opportunities
                if self.opportunity_by_id.get(opportunity.id) is opportunity]

    def persona_name(self, persona_id: str) -> str:
        persona = self.personas.get(persona_id)
        return persona.display_name if persona else persona_id

    def department_name(self, department_id: str) -> str:
        department = self.departments.get(department_id)
        return department.display_name if department else department_id

    def pages_drawn_on(self, view: str, page_id: str) -> list[str]:
        """The journey pages a view shows data of (besides its own page): a `map` (page_id:
        the journey's path) its own journey; a `persona` page the journeys that name the
        persona; a `department` page the journeys it owns or owns steps or opportunities
        of; the `index` every journey. What a cache of rendered views checks for changes."""
        if view == "map":
            return [page_id]
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
