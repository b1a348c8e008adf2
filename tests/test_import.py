"""`mkdocs-journeys import mermaid|csv`: every journey diagram of Mermaid's own documentation
and tests, and spreadsheets written by hand, imported by the real command, checked by
`validate` and built with `mkdocs build --strict` in one site, whose HTML is then read:
stages, steps, emotions and personas as the source says. Then the refusals: exit status 2,
a message naming the file (and line), and nothing written.

The Mermaid diagrams are copied as literal strings from mermaid-js/mermaid at commit
df032c942c32f805a7f4cd1cf30a565e610bc4f1 (April 2026); each says where it comes from.
What each should become is written out by hand from reading the diagram (Mermaid's rules:
a section is drawn as one column group, score 5 is the happiest face, 1 the saddest).
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import build_site
from journey_html import (
    EMOTION_SPOKEN,
    EMOTION_VALUES,
    cell_items,
    column_cells,
    lane_row,
    map_table,
    stage_headers,
    step_headers,
    step_name,
    text_of,
    touchpoint_details,
    touchpoint_name,
)
from mkdocs_journeys.core.documents import read_document
from mkdocs_journeys.core.frontmatter import split_page
from mkdocs_journeys.core.importers import InputError, department_page, journey_page, persona_page
from mkdocs_journeys.core.importers.csv_map import read_csv_map
from mkdocs_journeys.core.importers.mermaid import read_mermaid_journey
from support.command_line import run_here

# -- the Mermaid diagrams -------------------------------------------------------------------


@dataclass
class Task:
    stage: str
    name: str
    score: int
    actors: tuple[str, ...] = ()


@dataclass
class MermaidCase:
    id: str
    text: str
    title: str
    tasks: list[Task]
    scenario: str | None = None
    ids: dict[str, list[str]] = field(default_factory=dict)  # "stages"/"steps": explicit ids, in order
    suffix: str = ".mmd"


def working_day(last_score: int) -> list[Task]:
    return [
        Task("Go to work", "Make tea", 5, ("Me",)), Task("Go to work", "Go upstairs", 3, ("Me",)),
        Task("Go to work", "Do work", 1, ("Me", "Cat")), Task("Go home", "Go downstairs", 5, ("Me",)),
        Task("Go home", "Sit down", last_score, ("Me",)),
    ]


MERMAID = [
    # packages/mermaid/src/docs/syntax/userJourney.md (the documentation's example); the same
    # diagram is the example of docs/intro/examples.md, packages/examples/src/examples/
    # user-journey.ts and cypress/platform/showcase_{base,base_dark,dark,default,forest,neutral}.html.
    MermaidCase("docs-syntax", """journey
    title My working day
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me
      Do work: 1: Me, Cat
    section Go home
      Go downstairs: 5: Me
      Sit down: 5: Me
""", "My working day", working_day(5)),
    # packages/mermaid/src/docs/syntax/userJourney.md itself, the whole Markdown page: the
    # diagram is read from its ```mermaid-example block.
    MermaidCase("docs-page", """# User Journey Diagram

> User journeys describe at a high level of detail exactly what steps different users take to complete a specific task within a system, application or website. This technique shows the current (as-is) user workflow, and reveals areas of improvement for the to-be workflow. (Wikipedia)

Mermaid can render user journey diagrams:

```mermaid-example
journey
    title My working day
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me
      Do work: 1: Me, Cat
    section Go home
      Go downstairs: 5: Me
      Sit down: 5: Me
```

Each user journey is split into sections, these describe the part of the task
the user is trying to complete.

Tasks syntax is `Task name: <score>: <comma separated list of actors>`

Score is a number between 1 and 5, inclusive.
""", "My working day", working_day(5), suffix=".md"),
    # README.md, "User Journey diagram" (also cypress/integration/rendering/user-journey/
    # journey.spec.js, 'should render a user journey chart').
    MermaidCase("readme", """  journey
    title My working day
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me
      Do work: 1: Me, Cat
    section Go home
      Go downstairs: 5: Me
      Sit down: 3: Me
""", "My working day", working_day(3)),
    # packages/mermaid/src/docs/config/accessibility.md, "User Journey Diagram".
    MermaidCase("accessibility-docs", """  journey
      accTitle: My User Journey Diagram
      accDescr: My User Journey Diagram Description

      title My working day
      section Go to work
        Make tea: 5: Me
        Go upstairs: 3: Me
        Do work: 1: Me, Cat
      section Go home
        Go downstairs: 5: Me
        Sit down: 5: Me

""", "My working day", working_day(5), scenario="My User Journey Diagram Description"),
    # cypress/integration/rendering/theme.spec.js, 'should render a user journey diagram'
    # (with the theme 'forest' in place of the ${theme} of the test's loop).
    MermaidCase("theme-spec", """
        %%{init: { 'logLevel': 0, 'theme': 'forest'} }%%
        journey
            accTitle: This is a title
            accDescr: This is a description

            title My working day
            section Go to work
              Make tea: 5: Me
              Go upstairs: 3: Me
              Do work: 1: Me, Cat
            section Go home
              Go downstairs: 5: Me
              Sit down: 5: Me
                        """, "My working day", working_day(5), scenario="This is a description"),
    # demos/journey.html: the title in front matter, a description with a colon in it.
    MermaidCase("demo", """
    ---
    title: My working day
    ---
     journey
      accTitle: Very simple journey demo
      accDescr: 2 main sections: work and home, each with just a few tasks
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me
      Do work: 1: Me, Cat
    section Go home
      Go downstairs: 5: Me
      Sit down: 3: Me
""", "My working day", working_day(3), scenario="2 main sections: work and home, each with just a few tasks"),
    # cypress/platform/user-journey.html: "Get into car" in two sections.
    MermaidCase("go-shopping", """
      journey
        title Go shopping

        section Get to the shops
          Get car keys:5: Dad
          Get into car:5: Dad, Mum, Child 1, Child 2
          Really drive to supermarket:3: Dad

        section Do shopping
          Do actual shop:3: Mum
          Get in the way:2: Dad, Child 1, Child 2
          Pay: 2: Dad

        section Go home
          Lose keys:3: Dad
          Get cross:1: Dad, Child 1
          Find keys:4: Mum
          Get into car:4: Dad, Mum, Child 1, Child 2
          Drive home:3: Dad
""", "Go shopping", [
        Task("Get to the shops", "Get car keys", 5, ("Dad",)),
        Task("Get to the shops", "Get into car", 5, ("Dad", "Mum", "Child 1", "Child 2")),
        Task("Get to the shops", "Really drive to supermarket", 3, ("Dad",)),
        Task("Do shopping", "Do actual shop", 3, ("Mum",)),
        Task("Do shopping", "Get in the way", 2, ("Dad", "Child 1", "Child 2")),
        Task("Do shopping", "Pay", 2, ("Dad",)),
        Task("Go home", "Lose keys", 3, ("Dad",)), Task("Go home", "Get cross", 1, ("Dad", "Child 1")),
        Task("Go home", "Find keys", 4, ("Mum",)),
        Task("Go home", "Get into car", 4, ("Dad", "Mum", "Child 1", "Child 2")),
        Task("Go home", "Drive home", 3, ("Dad",)),
    ], ids={"steps": ["get-car-keys", "get-into-car", "really-drive-to-supermarket", "do-actual-shop",
                      "get-in-the-way", "pay", "lose-keys", "get-cross", "find-keys", "get-into-car-2",
                      "drive-home"]}),
    # packages/mermaid/src/diagrams/user-journey/parser/journey.spec.js, 'should handle a task
    # definition': actors with and without spaces, none, and an empty list after the score.
    MermaidCase("parser-tasks", "journey\n" "title Adding journey diagram functionality to mermaid\n"
                "section Documentation\n" "A task: 5: Alice, Bob, Charlie\n" "B task: 3:Bob, Charlie\n"
                "C task: 5\n" "D task: 5: Charlie, Alice\n" "E task: 5:\n" "section Another section\n"
                "P task: 5:\n" "Q task: 5:\n" "R task: 5:",
                "Adding journey diagram functionality to mermaid", [
                    Task("Documentation", "A task", 5, ("Alice", "Bob", "Charlie")),
                    Task("Documentation", "B task", 3, ("Bob", "Charlie")), Task("Documentation", "C task", 5),
                    Task("Documentation", "D task", 5, ("Charlie", "Alice")), Task("Documentation", "E task", 5),
                    Task("Another section", "P task", 5), Task("Another section", "Q task", 5),
                    Task("Another section", "R task", 5),
                ]),
    # packages/mermaid/src/diagrams/user-journey/journeyDb.spec.js, 'tasks and actors should be
    # added', written as the diagram its journeyDb calls stand for. In a diagram `#` starts a
    # comment (the lexer's `\#[^\n]*`), so "Child#1, Child#2" is read as the actor "Child".
    MermaidCase("db-spec", """journey
accTitle: Shopping
accDescr: A user journey for family shopping
section Journey to the shops
Get car keys:5:Dad
Go to car:3:Dad, Mum, Child#1, Child#2
Drive to supermarket:4:Dad
section Do shopping
Go shopping:5:Mum
""", "Shopping", [
        Task("Journey to the shops", "Get car keys", 5, ("Dad",)),
        Task("Journey to the shops", "Go to car", 3, ("Dad", "Mum", "Child")),
        Task("Journey to the shops", "Drive to supermarket", 4, ("Dad",)),
        Task("Do shopping", "Go shopping", 5, ("Mum",)),
    ], scenario="A user journey for family shopping"),
    # cypress/integration/rendering/user-journey/journey.spec.js, 'should render a user journey
    # diagram when useMaxWidth is true (default)' (and '... is false', the same diagram).
    MermaidCase("e-commerce", """journey
title E-Commerce
section Order from website
  Add to cart: 5: Me
section Checkout from website
  Add payment details: 5: Me
    """, "E-Commerce", [Task("Order from website", "Add to cart", 5, ("Me",)),
                        Task("Checkout from website", "Add payment details", 5, ("Me",))]),
    # journey.spec.js (cypress), 'should initialize with a left margin of 150px for user
    # journeys': config front matter, tasks without actors, two step names repeated.
    MermaidCase("left-margin", """
      ---
      config:
        journey:
          maxLabelWidth: 320
      ---
      journey
        title User Journey Example
        section Onboarding
            Sign Up: 5:
            Browse Features: 3:
            Use Core Functionality: 4:
        section Engagement
            Browse Features: 3
            Use Core Functionality: 4
      """, "User Journey Example", [
        Task("Onboarding", "Sign Up", 5), Task("Onboarding", "Browse Features", 3),
        Task("Onboarding", "Use Core Functionality", 4), Task("Engagement", "Browse Features", 3),
        Task("Engagement", "Use Core Functionality", 4),
    ], ids={"steps": ["sign-up", "browse-features", "use-core-functionality", "browse-features-2",
                      "use-core-functionality-2"]}),
    # journey.spec.js (cypress), 'should maintain sufficient space between legend and diagram
    # when legend labels are longer': the section "Darkoob" twice, long actor names.
    MermaidCase("web-hook", """journey
      title  Web hook life cycle
      section Darkoob
        Make preBuilt:5: Darkoob user
        register slug : 5: Darkoob userf deliberately increasing the size of this label to check if distance between legend and diagram is  maintained
        Map slug to a Prebuilt Job:5: Darkoob user
      section External Service
        set Darkoob slug as hook for an Event : 5 : admin Exjjjnjjjj qwerty
        listen to the events : 5 :  External Service
        call darkoob endpoint : 5 : External Service
      section Darkoob
        check for inputs : 5 : DarkoobAPI
        run the prebuilt job : 5 : DarkoobAPI
        """, "Web hook life cycle", [
        Task("Darkoob", "Make preBuilt", 5, ("Darkoob user",)),
        Task("Darkoob", "register slug", 5, ("Darkoob userf deliberately increasing the size of this label to "
                                             "check if distance between legend and diagram is maintained",)),
        Task("Darkoob", "Map slug to a Prebuilt Job", 5, ("Darkoob user",)),
        Task("External Service", "set Darkoob slug as hook for an Event", 5, ("admin Exjjjnjjjj qwerty",)),
        Task("External Service", "listen to the events", 5, ("External Service",)),
        Task("External Service", "call darkoob endpoint", 5, ("External Service",)),
        Task("Darkoob", "check for inputs", 5, ("DarkoobAPI",)),
        Task("Darkoob", "run the prebuilt job", 5, ("DarkoobAPI",)),
    ], ids={"stages": ["darkoob", "external-service", "darkoob-2"]}),
    # journey.spec.js (cypress), 'should wrap a single long word with hyphenation'.
    MermaidCase("long-word", """
      ---
      config:
        journey:
          maxLabelWidth: 100
      ---
      journey
        title Long Word Test
        section Test
          VeryLongWord: 5: Supercalifragilisticexpialidocious
      """, "Long Word Test", [Task("Test", "VeryLongWord", 5, ("Supercalifragilisticexpialidocious",))]),
    # journey.spec.js (cypress), 'should wrap text on whitespace without adding hyphens'.
    MermaidCase("whitespace", """
      ---
      config:
        journey:
          maxLabelWidth: 200
      ---
      journey
        title Whitespace Test
        section Test
          TextWithSpaces: 5: Gustavo Fring is played by Giancarlo Esposito and is a character in Breaking Bad.
      """, "Whitespace Test", [Task("Test", "TextWithSpaces", 5, (
        "Gustavo Fring is played by Giancarlo Esposito and is a character in Breaking Bad.",))]),
    # journey.spec.js (cypress), 'should wrap long labels into multiple lines, keep them under
    # max width, and maintain margins': actor names longer than a page id may be.
    MermaidCase("long-labels", """
      ---
      config:
        journey:
          maxLabelWidth: 320
      ---
      journey
        title User Journey Example
        section Onboarding
            Sign Up: 5: This is a long label that will be split into multiple lines to test the wrapping functionality
            Browse Features: 3: This is another long label that will be split into multiple lines to test the wrapping functionality
            Use Core Functionality: 4: This is yet another long label that will be split into multiple lines to test the wrapping functionality
        section Engagement
            Browse Features: 3
            Use Core Functionality: 4
      """, "User Journey Example", [
        Task("Onboarding", "Sign Up", 5, ("This is a long label that will be split into multiple lines to test "
                                          "the wrapping functionality",)),
        Task("Onboarding", "Browse Features", 3, ("This is another long label that will be split into multiple "
                                                  "lines to test the wrapping functionality",)),
        Task("Onboarding", "Use Core Functionality", 4, ("This is yet another long label that will be split "
                                                         "into multiple lines to test the wrapping functionality",)),
        Task("Engagement", "Browse Features", 3), Task("Engagement", "Use Core Functionality", 4),
    ]),
    # packages/mermaid/src/rendering-util/multi-diagram-id-uniqueness.spec.ts, its `journey` diagram.
    MermaidCase("id-uniqueness-spec", """journey
    title My working day
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me""", "My working day",
                [Task("Go to work", "Make tea", 5, ("Me",)), Task("Go to work", "Go upstairs", 3, ("Me",))]),
    # Written for this test (not Mermaid's): the rest of Mermaid's grammar at once. A byte
    # order mark and CRLF line ends; a multi-line directive; %% comment lines; keywords in
    # capitals; `#` comments and #35;/#quot; entity codes; a multi-line accDescr followed on
    # the brace's line by accTitle; a task before any section; <br> and other HTML in names;
    # the same section twice in a row (Mermaid draws one); a step name repeated; an actor
    # with no letters; an inline %% comment; Markdown characters that must stay text.
    MermaidCase("grammar", "\ufeff" + """%%{init: {'theme': 'forest',
  'journey': {'taskMargin': 30}}}%%
%% a comment line
JOURNEY
  Title Moving house #35;1 <b>at last</b>  # a trailing comment
  accDescr {
    Two movers and a cat,
      on a rainy day
  }accTitle: Moving day, as told by #quot;us#quot;
  Pack the van: 4: Mover
  SECTION Drive<br/>there
    Load *fragile* [boxes]: 2: Mover, Helper %% an inline comment
    Load *fragile* [boxes]: 1: Helper   # the same name again
    Cat hides: 1: 😺
  section Drive<br/>there
    Arrive: 5
""".replace("\n", "\r\n"), "Moving house #1 at last", [
        Task("Moving house #1 at last", "Pack the van", 4, ("Mover",)),
        Task("Drive there", "Load *fragile* [boxes]", 2, ("Mover", "Helper")),
        Task("Drive there", "Load *fragile* [boxes]", 1, ("Helper",)),
        Task("Drive there", "Cat hides", 1, ("😺",)), Task("Drive there", "Arrive", 5),
    ], scenario="Two movers and a cat,\non a rainy day",
        ids={"stages": ["moving-house-1-at-last", "drive-there"],
             "steps": ["pack-the-van", "load-fragile-boxes", "load-fragile-boxes-2", "cat-hides", "arrive"]}),
]

# Mermaid's own diagrams that make no journey map: no task at all (a map needs a step), or
# a task whose score is not a number. (case id, where it comes from, text, line, what the message says)
MERMAID_REFUSED = [
    ("parser-title", "parser/journey.spec.js, 'should handle a title definition'",
     "journey\ntitle Adding journey diagram functionality to mermaid", None, "at least one task"),
    ("parser-acc-descr", "parser/journey.spec.js, 'should handle an accessibility description (accDescr)'",
     "journey\naccDescr: A user journey for family shopping\ntitle Adding journey diagram functionality to "
     "mermaid\nsection Order from website", None, "at least one task"),
    ("parser-acc-descr-multiline", "parser/journey.spec.js, 'should handle an accessibility multiline "
     "description (accDescr)'",
     "journey\naccDescr {\n        A user journey for\n        family shopping\n      }title Adding journey "
     "diagram functionality to mermaid\naccTitle: Adding acc journey diagram functionality to mermaid\n"
     "section Order from website", None, "at least one task"),
    ("parser-acc-title", "parser/journey.spec.js, 'should handle an accessibility title (accDescr)'",
     "journey\n    accTitle: The title\n    section Order from website", None, "at least one task"),
    ("parser-section", "parser/journey.spec.js, 'should handle a section definition'",
     "journey\ntitle Adding journey diagram functionality to mermaid\nsection Order from website", None,
     "at least one task"),
    ("parser-line-breaks", "parser/journey.spec.js, 'should handle multiline section titles with different "
     "line breaks'",
     "journey\ntitle Adding gantt diagram functionality to mermaid\n"
     "section Line1<br>Line2<br/>Line3</br />Line4<br\t/>Line5", None, "at least one task"),
    ("cypress-simple", "cypress journey.spec.js, 'Simple test'",
     "journey\ntitle Adding journey diagram functionality to mermaid\nsection Order from website\n    ", None,
     "at least one task"),
    ("api-type-only", "packages/mermaid/src/mermaidAPI.spec.ts, the diagram type `journey` alone",
     "journey", None, "at least one task"),
    # cypress journey.spec.js, 'should correctly render the user journey diagram title with the
    # specified styling': its last line, "size: 2rem", is read by Mermaid as a task whose
    # score is "2rem" (Mermaid draws it at NaN; the import stops there).
    ("title-styling", "cypress journey.spec.js, title styling", """---
config:
  journey:
    titleColor: "#2900A5"
    titleFontFamily: "Times New Roman"
    titleFontSize: "5rem"
---

journey
    title User Journey Example
    section Onboarding
        Sign Up: 5: John, Shahir
        Complete Profile: 4: John
    section Engagement
        Browse Features: 3: John
        Use Core Functionality: 4: John
    section Retention
        Revisit Application: 5: John
        Invite Friends: 3: John

        size: 2rem
    """, 21, "'2rem'; expected a number from 1 to 5"),
]

# -- a spreadsheet written by hand ---------------------------------------------------------

# Excel's "CSV UTF-8" of a European locale: a byte order mark, `;` between cells, decimal
# commas. Column names in several spellings; a stage row with no step (its steps follow), a
# stage spanning rows (blank cells), a row adding to the step above, line breaks and bullets
# in cells, per-persona emotions next to a single one, a step name repeated, an explicit id.
CAMPING_CSV = "\ufeff" + """Stage;Step;Step ID;Actions;Thoughts;Emotion;Emotion: Li Wei;Emotion (Grandpa Chen);Touch points;Channel;Pain_Points;Aha moments;Micro moments;Backstage;Owner;Completion;Truth;Personas
Research;;;;;;;;;;;;;;;;;
;Read online guides;guides;"- Browses posts
- Reads reviews";Are these photos real?;;1;0;Social media posts;social;Photos look better than reality;;;Marketing curates posts;Marketing;82%;;Li Wei
;Ask friends;;Calls a friend;;1;;-1;;;;A friend's video of the river;;;;0,9;no;"Li Wei, Grandpa Chen"
Arrival;Find the site;;Drives to the valley;Did we miss the turn?;-2;;;"Phone map
Campsite sign";app;No signs at the turn-off;;Wishes for a text with directions;;Campsite operations;0.5;yes;
;;;Asks a farmer the way;;;;;;;"No phone signal";;;;;;;
Arrival;Find the site;;Walks the last part;;-1;;;;;;;;;;;;
Stay;Pitch the tent;;Unpacks;Finally!;2;;;Pitch 12;in-person;;The view from the pitch;;Staff check pitches;Campsite operations;;x;
"""


def written_front_matter(path: Path) -> dict:
    page = split_page(path.read_text(encoding="utf-8"))
    return yaml.safe_load(page.yaml_text)


@dataclass
class Imported:
    root: Path
    built: object
    outputs: dict[str, tuple[int, str, str]]  # case id -> (exit status, stdout, stderr)
    validate: tuple[int, str, str]


def run_cli(*args: str) -> tuple[int, str, str]:
    """The command line in this process (as `python -m mkdocs_journeys` runs it)."""
    result = run_here(*args, cwd=Path.cwd())
    return result.returncode, result.stdout, result.stderr


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> Imported:
    """Every Mermaid case and the spreadsheet imported into one wiki, validated, built --strict."""
    root = tmp_path_factory.mktemp("imported")
    config = root / "mkdocs.yml"
    config.write_text("site_name: Imported\ndocs_dir: docs\n", encoding="utf-8")
    inputs = root / "inputs"
    inputs.mkdir()
    outputs = {}
    for case in MERMAID:
        source = inputs / f"{case.id}{case.suffix}"
        source.write_bytes(case.text.encode("utf-8"))
        # One folder per case: several diagrams share a title (and so a file name).
        outputs[case.id] = run_cli("import", "mermaid", str(source), "-f", str(config),
                                   "--dir", str(root / "docs" / "mermaid" / case.id))
    source = inputs / "camping-trip.csv"
    source.write_bytes(CAMPING_CSV.encode("utf-8"))
    outputs["csv"] = run_cli("import", "csv", str(source), "-f", str(config), "--type", "service",
                             "--dir", str(root / "docs" / "csv"))
    validate = run_cli("validate", "--no-cache", "-f", str(config))
    built = build_site(root, {}, strict=True)
    return Imported(root, built, outputs, validate)


def test_every_import_succeeds_validates_and_builds_strict(imported):
    for case_id, (status, out, err) in imported.outputs.items():
        assert status == 0, (case_id, err)
        assert out.strip(), case_id  # the written paths
    status, out, err = imported.validate
    assert (status, out) == (0, ""), out + err
    assert not imported.built.aborted
    assert imported.built.warnings == []


def _emotion_values(cell) -> dict[str | None, str]:
    """Each curve's value in an emotion cell: persona name (None for a single curve) -> "+2"."""
    values = {}
    shown = [text_of(value) for value in cell.select(EMOTION_VALUES)]
    # what a screen reader hears, after the values shown: "Li Wei: -1 (Negative); Mei: +2 (...)",
    # or "-1 (Negative)" for a single curve
    spoken = cell.select_one(EMOTION_SPOKEN)
    heard = text_of(spoken).split("; ") if spoken else []
    assert len(heard) == len(shown), (shown, heard)
    for number, said in zip(shown, heard):
        persona, _, rest = said.rpartition(": ")
        assert rest.startswith(number + " ("), (number, said)
        values[persona or None] = number
    return values


def _signed(value: int) -> str:
    return f"+{value}" if value > 0 else str(value)


def _expected_emotions(case: MermaidCase) -> list[dict[str | None, str]]:
    """What the map shows per step: each actor feels the task's score - 3; one curve when the
    diagram has one actor or none; a task without actors is every persona's (the format's
    rule for a single emotion)."""
    actors = list(dict.fromkeys(actor for task in case.tasks for actor in task.actors))
    expected = []
    for task in case.tasks:
        value = _signed(task.score - 3)
        if len(actors) <= 1:
            expected.append({None: value})
        else:
            expected.append({actor: value for actor in (task.actors or actors)})
    return expected


@pytest.mark.parametrize("case", MERMAID, ids=[case.id for case in MERMAID])
def test_mermaid_diagram_becomes_the_map_it_draws(imported, case):
    built = imported.built
    page_path = next((imported.root / "docs" / "mermaid" / case.id).glob("*.md"))
    src = page_path.relative_to(built.docs_dir).as_posix()
    content = built.content(src)
    assert text_of(content.find("h1")) == case.title
    table = map_table(content)
    expected_stages = []
    for task in case.tasks:  # consecutive tasks of one section are one stage, as Mermaid draws them
        if not expected_stages or expected_stages[-1][0] != task.stage:
            expected_stages.append([task.stage, 0])
        expected_stages[-1][1] += 1
    headers = stage_headers(table)
    assert [(text_of(h.select_one(".journey-map__stage-name")), int(h.get("colspan", 1))) for h in headers] == \
        [tuple(stage) for stage in expected_stages]
    steps = step_headers(table, len(case.tasks))
    assert [step_name(h) for h in steps] == [t.name for t in case.tasks]
    cells = column_cells(lane_row(table, "emotion"), len(case.tasks))
    assert [_emotion_values(cell) for cell in cells] == _expected_emotions(case)
    actors = list(dict.fromkeys(actor for task in case.tasks for actor in task.actors))
    chips = content.select("section.journey-summary .journeys-chip")
    assert [text_of(chip) for chip in chips] == actors
    for chip in chips:  # each actor has a persona page (written, or the one an earlier import wrote)
        persona_src = (Path(src).parent / chip["href"]).as_posix()
        assert chip["href"].startswith("../../../personas/"), chip["href"]
        persona_id = chip["href"].rstrip("/").rsplit("/", 1)[-1]
        assert len(persona_id) <= 60 and (built.docs_dir / "personas" / f"{persona_id}.md").is_file(), persona_src
        persona_page = built.content(f"personas/{persona_id}.md")
        assert text_of(persona_page.find("h1")) == text_of(chip)
        assert any(case.title == text_of(link) for link in persona_page.select("a")), persona_id
    scenario = content.select_one(".journey-summary__scenario")
    if case.scenario is None:
        assert scenario is None
    else:
        assert text_of(scenario).endswith(" ".join(case.scenario.split()))
        assert written_front_matter(page_path)["journey"]["scenario"] == case.scenario
    data = written_front_matter(page_path)
    stage_ids = [stage["id"] for stage in data["journey"]["stages"]]
    step_ids = [step["id"] for stage in data["journey"]["stages"] for step in stage["steps"]]
    assert len(set(step_ids)) == len(step_ids)
    assert [h["id"] for h in steps] == [f"jm-step-{step_id}" for step_id in step_ids]
    if "stages" in case.ids:
        assert stage_ids == case.ids["stages"]
    if "steps" in case.ids:
        assert step_ids == case.ids["steps"]


def test_mermaid_title_and_accessible_texts_are_kept(imported):
    built = imported.built
    # accTitle is the title when there is no `title` (journeyDb.spec's diagram) ...
    assert text_of(built.content("mermaid/db-spec/shopping.md").find("h1")) == "Shopping"
    # ... and is said in the page when it differs from it.
    body = text_of(built.content("mermaid/accessibility-docs/my-working-day.md"))
    assert "accessible title: My User Journey Diagram" in body
    grammar = built.content("mermaid/grammar/moving-house-1-at-last.md")
    assert 'accessible title: Moving day, as told by "us"' in text_of(grammar)
    # Markdown characters of names stay text, not emphasis or links.
    assert "Load *fragile* [boxes]" in text_of(grammar)
    assert not grammar.select("table em")
    status, _, err = imported.outputs["grammar"]
    assert "grammar.mmd:13: read '# the same name again' as a comment" in err
    assert "tasks before any `section`" in err


def test_mermaid_actor_without_letters_gets_a_persona_page(imported):
    data = written_front_matter(next((imported.root / "docs" / "mermaid" / "grammar").glob("*.md")))
    assert data["journey"]["personas"] == ["mover", "helper", "persona"]
    persona = written_front_matter(imported.root / "docs" / "personas" / "persona.md")
    assert persona["persona"]["name"] == "😺"


def test_csv_becomes_the_map_it_holds(imported):
    built = imported.built
    content = built.content("csv/camping-trip.md")
    assert text_of(content.find("h1")) == "Camping trip"
    table = map_table(content)
    assert [(text_of(h.select_one(".journey-map__stage-name")), int(h.get("colspan", 1)))
            for h in stage_headers(table)] == [("Research", 2), ("Arrival", 2), ("Stay", 1)]
    steps = step_headers(table, 5)
    assert [step_name(h) for h in steps] == \
        ["Read online guides", "Ask friends", "Find the site", "Find the site", "Pitch the tent"]
    assert [h["id"] for h in steps] == ["jm-step-guides", "jm-step-ask-friends", "jm-step-find-the-site",
                                         "jm-step-find-the-site-2", "jm-step-pitch-the-tent"]

    def lane(name):
        return [[" ".join(li.get_text(" ", strip=True).split()) for li in cell_items(cell)] or
                ([text_of(cell)] if text_of(cell) else [])
                for cell in column_cells(lane_row(table, name), 5)]

    assert lane("actions") == [["Browses posts", "Reads reviews"], ["Calls a friend"],
                               ["Drives to the valley", "Asks a farmer the way"], ["Walks the last part"], ["Unpacks"]]
    assert lane("thoughts") == [["Are these photos real?"], [], ["Did we miss the turn?"], [], ["Finally!"]]
    assert lane("pain_points") == [["Photos look better than reality"], [],
                                   ["No signs at the turn-off", "No phone signal"], [], []]
    assert lane("backstage") == [["Marketing curates posts"], [], [], [], ["Staff check pitches"]]
    touchpoints = [[touchpoint_name(item) for item in cell_items(cell)]
                   for cell in column_cells(lane_row(table, "touchpoints"), 5)]
    assert touchpoints == [["Social media posts"], [], ["Phone map", "Campsite sign"], [], ["Pitch 12"]]
    channels = [[touchpoint_details(item)[0] for item in cell_items(cell)]
                for cell in column_cells(lane_row(table, "touchpoints"), 5)]
    assert channels == [["social"], [], ["app", "app"], [], ["in-person"]]
    moments = [[text_of(li) for li in cell_items(cell)] for cell in column_cells(lane_row(table, "moments"), 5)]
    assert "A friend's video of the river" in moments[1][0] and "Wishes for a text with directions" in moments[2][0]
    assert [len(m) for m in moments] == [0, 1, 1, 0, 1]
    owners = [text_of(cell) for cell in column_cells(lane_row(table, "owner"), 5)]
    assert owners == ["Marketing", "", "Campsite operations", "", "Campsite operations"]
    for link in lane_row(table, "owner").select("a"):
        department = link["href"].rstrip("/").rsplit("/", 1)[-1]
        assert (built.docs_dir / "departments" / f"{department}.md").is_file()
    emotions = [_emotion_values(cell) for cell in column_cells(lane_row(table, "emotion"), 5)]
    # Li Wei's and Grandpa Chen's columns; a single emotion is every persona's where their column is blank.
    assert emotions == [
        {"Li Wei": "+1", "Grandpa Chen": "0"},
        {"Li Wei": "+1", "Grandpa Chen": "-1"},
        {"Li Wei": "-2", "Grandpa Chen": "-2"},
        {"Li Wei": "-1", "Grandpa Chen": "-1"},
        {"Li Wei": "+2", "Grandpa Chen": "+2"},
    ]
    data = written_front_matter(built.docs_dir / "csv" / "camping-trip.md")
    assert data["journey"]["type"] == "service"
    assert data["journey"]["personas"] == ["li-wei", "grandpa-chen"]
    stages = data["journey"]["stages"]
    assert [step.get("completion") for stage in stages for step in stage["steps"]] == [0.82, 0.9, 0.5, None, None]
    truths = [step.get("truth", False) for stage in stages for step in stage["steps"]]
    assert truths == [False, False, True, False, True]
    assert [step.get("personas") for stage in stages for step in stage["steps"]] == \
        [["li-wei"], ["li-wei", "grandpa-chen"], None, None, None]


# -- refusals -----------------------------------------------------------------------------


def _files_under(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*")) if folder.exists() else []


@pytest.fixture
def workspace(tmp_path):
    """An empty project folder with a mkdocs.yml, and a function that imports into it."""
    (tmp_path / "mkdocs.yml").write_text("site_name: W\ndocs_dir: docs\n", encoding="utf-8")

    def run(kind: str, name: str, data: bytes | None, *extra: str) -> tuple[int, str, str]:
        source = tmp_path / name
        if data is not None:
            source.write_bytes(data)
        return run_cli("import", kind, str(source), "-f", str(tmp_path / "mkdocs.yml"), *extra)

    run.root = tmp_path
    return run


@pytest.mark.parametrize("case_id, where, text, line, says", MERMAID_REFUSED,
                         ids=[case[0] for case in MERMAID_REFUSED])
def test_mermaid_diagrams_without_a_map_are_refused(workspace, case_id, where, text, line, says):
    status, out, err = workspace("mermaid", f"{case_id}.mmd", text.encode("utf-8"))
    assert status == 2 and out == ""
    location = f"{case_id}.mmd:{line}:" if line else f"{case_id}.mmd:"
    assert location in err and says in err, err
    assert "nothing was written" in err
    assert not (workspace.root / "docs").exists()


@pytest.mark.parametrize("name, data, message", [
    ("flowchart.mmd", b"flowchart TD\n  A --> B\n", "flowchart.mmd:1: diagram type: found 'flowchart'; expected `journey`"),
    ("score-high.mmd", b"journey\nsection S\n  Pay: 7: Me\n", "score-high.mmd:3: score of task 'Pay': found '7'; "
     "expected a number from 1 to 5"),
    ("score-zero.mmd", b"journey\nsection S\n  Pay: 0\n", "score-zero.mmd:3: score of task 'Pay': found '0'"),
    ("score-word.mmd", b"journey\nsection S\n  Pay: high: Me\n", "score-word.mmd:3: score of task 'Pay': found 'high'"),
    ("no-score.mmd", b"journey\nsection S\n  Pay the bill\n", "no-score.mmd:3: task: found 'Pay the bill'; "
     "expected a task written `Task name: score: actor, actor`"),
    ("latin1.mmd", "journey\nsection S\n  Café: 5\n".encode("latin-1"), "latin1.mmd:3: encoding: found the byte "
     "0xe9, which is not UTF-8"),
    ("open-descr.mmd", b"journey\naccDescr {\n  never closed\nsection S\n  Pay: 3\n", "open-descr.mmd:2: accDescr"),
    ("open-front-matter.mmd", b"---\ntitle: x\njourney\nsection S\n  Pay: 3\n", "open-front-matter.mmd:1: front matter"),
    ("missing.mmd", None, "missing.mmd: cannot read it (No such file or directory)"),
])
def test_unreadable_mermaid_is_refused_with_a_message(workspace, name, data, message):
    status, out, err = workspace("mermaid", name, data)
    assert status == 2 and out == ""
    assert message in err, err
    assert not (workspace.root / "docs").exists()


@pytest.mark.parametrize("name, text, message", [
    ("no-columns.csv", "Phase,Task\nResearch,Read\n", "no-columns.csv:1: header row: found 'Phase', 'Task'; "
     "expected the column names of the first row, with a column 'stage' and a column 'step'"),
    ("unknown-column.csv", "stage,step,Notes\nA,B,c\n", "unknown-column.csv:1: header row: found 'Notes'; "
     "expected a known column name: stage, step, stage id"),
    ("same-column-twice.csv", "stage,step,Action,Actions\nA,B,c,d\n", "same-column-twice.csv:1: header row: found "
     "'Actions'; expected each column once (column 'Action' gives the same)"),
    ("bad-emotion.csv", "stage,step,emotion\nA,B,1\nA,C,3\n", "bad-emotion.csv:3: column 'emotion': found '3'; "
     "expected a number from -2 (very negative) to 2 (very positive)"),
    ("bad-completion.csv", "stage,step,completion\nA,B,lots\n", "bad-completion.csv:2: column 'completion': "
     "found 'lots'; expected a share from 0 to 1 (0.82) or a percentage (82%)"),
    ("no-stage.csv", "stage,step\n,B\n", "no-stage.csv:2: column 'stage': found ''; expected the name of the first "
     "row's stage"),
    ("no-step.csv", "stage,step,actions\nA,,Does\n", "no-step.csv:2: column 'step': found ''; expected the step's name"),
    ("empty-stage.csv", "stage,step\nA,B\nC,\n", "empty-stage.csv:3: column 'step': found ''; expected at least one "
     "step in stage 'C'"),
    ("two-emotions.csv", "stage,step,emotion\nA,B,1\n,,2\n", "two-emotions.csv:3: emotion: found 2; expected one "
     "value per step: step 'B' has its emotion on line 2 already"),
    ("duplicate-id.csv", "stage,step,step id\nA,B,x\nA,C,x\n", "duplicate-id.csv:3: column 'step id': found 'x'; "
     "expected a step id not used by another row"),
    ("extra-cell.csv", "stage,step\nA,B,surprise\n", "extra-cell.csv:2: cell 3: found 'surprise'; expected at "
     "most 2 cells"),
    ("unnamed-column.csv", "stage,step,,actions\nA,B,lost?,Does\n", "unnamed-column.csv:2: cell 3: found 'lost?'; "
     "expected a blank cell: column 3 has no name in the header row"),
    ("broken-quote.csv", 'stage,step\nA,B\nA,"C"D\n', "broken-quote.csv:3: CSV: found ',' expected after '\"'; "
     "expected CSV text: a quoted cell ends with a quote"),
    ("lone-channel.csv", "stage,step,channel\nA,B,web\n", "lone-channel.csv:2: column 'touchpoints': found ''; "
     "expected the touchpoints of step 'B', whose channel is 'web'"),
    ("header-only.csv", "stage;step\n", "header-only.csv:1: rows: found 'no step'"),
    ("empty.csv", "", "empty.csv: file: found 'no rows'"),
])
def test_unreadable_csv_is_refused_with_a_message(workspace, name, text, message):
    status, out, err = workspace("csv", name, text.encode("utf-8"))
    assert status == 2 and out == ""
    assert message in err, err
    assert not (workspace.root / "docs").exists()


def test_csv_not_utf8_names_the_line(workspace):
    status, _, err = workspace("csv", "excel.csv", "stage;step\nAnkunft;Straße finden\n".encode("cp1252"))
    assert status == 2
    assert "excel.csv:2: encoding: found the byte 0xdf, which is not UTF-8; expected a file saved as UTF-8 text " \
           "(in a spreadsheet: save as \"CSV UTF-8\")" in err


def test_existing_pages_are_never_overwritten(workspace):
    diagram = b"journey\ntitle Day\nsection S\n  Tea: 5: Me, Cat\n"
    assert workspace("mermaid", "day.mmd", diagram)[0] == 0
    docs = workspace.root / "docs"
    assert _files_under(docs) == ["journeys", "journeys/day.md", "personas", "personas/cat.md", "personas/me.md"]
    (docs / "personas" / "me.md").write_text("---\npersona:\n  name: Me, edited\n---\n", encoding="utf-8")
    (docs / "personas" / "cat.md").unlink()
    before = {path: (docs / path).read_bytes() for path in _files_under(docs) if (docs / path).is_file()}
    status, out, err = workspace("mermaid", "day.mmd", None)
    assert status == 2 and out == ""
    assert "docs/journeys/day.md already exists; not overwriting it" in err and "nothing was written" in err
    # nothing written: not even the persona page that is missing now
    assert {path: (docs / path).read_bytes() for path in _files_under(docs) if (docs / path).is_file()} == before
    # under another title: the journey is written, the edited persona page kept, the missing one written again
    status, out, _ = workspace("mermaid", "day.mmd", None, "--title", "Another day")
    assert status == 0
    assert out.split() == [os.path.relpath(docs / "journeys" / "another-day.md"),
                           os.path.relpath(docs / "personas" / "cat.md")]
    assert (docs / "personas" / "me.md").read_text(encoding="utf-8").count("Me, edited") == 1


def test_a_non_persona_page_in_the_way_is_not_overwritten(workspace):
    docs = workspace.root / "docs"
    (docs / "personas").mkdir(parents=True)
    (docs / "personas" / "me.md").write_text("# Notes about me\n", encoding="utf-8")
    status, _, err = workspace("mermaid", "day.mmd", b"journey\nsection S\n  Tea: 5: Me\n")
    assert status == 2
    assert "docs/personas/me.md already exists; not overwriting it" in err
    assert _files_under(docs) == ["personas", "personas/me.md"]


def test_the_installed_script_refuses_without_a_traceback(tmp_path):
    """The real script: a bad score is a message and exit status 2, not a Python traceback."""
    (tmp_path / "trip.mmd").write_text("journey\nsection S\n  Pay: 9: Me\n", encoding="utf-8")
    script = Path(sys.executable).with_name("mkdocs-journeys")
    result = subprocess.run([str(script), "import", "mermaid", "trip.mmd"], cwd=tmp_path, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 2
    assert result.stderr.startswith("mkdocs-journeys import mermaid: trip.mmd:3: score of task 'Pay': found '9'")
    assert "Traceback" not in result.stderr
    assert _files_under(tmp_path) == ["trip.mmd"]


def test_decimal_score_is_a_decimal_emotion(workspace):
    """Mermaid reads the score as a number (journeyDb: Number(...)), so 3.5 is half-way happy:
    the page keeps it as 0.5, which format 2 allows."""
    status, _, _ = workspace("mermaid", "half.mmd", b"journey\nsection S\n  Tea: 3.5: Me\n  Cake: 4.0\n")
    assert status == 0
    data = written_front_matter(workspace.root / "docs" / "journeys" / "half.md")
    assert [step["emotion"] for step in data["journey"]["stages"][0]["steps"]] == [0.5, 1]
    if DECIMAL_EMOTIONS:  # with format 2's validator: the page is valid as written
        assert run_cli("validate", "--no-cache", "-f", str(workspace.root / "mkdocs.yml"))[0] == 0


def test_markdown_page_with_several_journeys_is_refused(workspace):
    page = ("# Two maps\n\n```mermaid\njourney\nsection A\n  Tea: 5\n```\n\n"
            "~~~mermaid\njourney\nsection B\n  Cake: 4\n~~~\n")
    status, _, err = workspace("mermaid", "two.md", page.encode("utf-8"))
    assert status == 2
    assert "two.md: ```mermaid blocks: found 2 journey diagrams (lines 3, 9); expected one ```mermaid block" in err
    assert not (workspace.root / "docs").exists()


# -- whatever the input, a valid page or a refusal -------------------------------------------

FUZZ = settings(max_examples=int(os.environ.get("IMPORT_FUZZ_EXAMPLES", 150)), deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
# Every character a file can hold (surrogates cannot be encoded): controls, YAML's and
# Markdown's punctuation, right-to-left and combining marks.
any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=24)
names = st.one_of(any_text, st.sampled_from(["yes", "null", "- x", "? y", "&amp;", "<b>bold</b>", "a<br/>b",
                                             "#35;", "Child#1", "😺", "营地", "'q'", '"d"', "1.5", "x: y", " ",
                                             "a %% b", "*a* [b](c)", "{x}", "|", "!tag", "@", "`c`"]))
scores = st.sampled_from(["5", "1", " 3 ", "4", "2", "4.0", "9", "0", "", "x", "NaN"])


@st.composite
def mermaid_diagrams(draw) -> str:
    lines = [draw(st.sampled_from(["", "%%{init: {'theme': 'forest'}}%%", "%% a comment"])), "journey"]
    for _ in range(draw(st.integers(0, 10))):
        kind = draw(st.sampled_from(["section", "title", "acc", "task", "task", "task"]))
        if kind == "task":
            actors = draw(st.lists(names, max_size=3))
            lines.append(f"  {draw(names)}:{draw(scores)}" + (f": {', '.join(actors)}" if actors else ""))
        elif kind == "acc":
            lines.append(draw(st.sampled_from(["accTitle: ", "accDescr: ", "accDescr {"])) + draw(names) + "}")
        else:
            lines.append(f"{kind} {draw(names)}")
    return "\n".join(lines)


@st.composite
def csv_maps(draw) -> bytes:
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    header = ["stage", "step", "actions", "emotion", "emotion: Li Wei", "owner", "completion", "truth", "personas"]
    rows = [header]
    for _ in range(draw(st.integers(0, 6))):
        rows.append([draw(names), draw(names), draw(names), draw(st.sampled_from(["", "1", "-2", "1,5", "3", "x"])),
                     draw(st.sampled_from(["", "0", "2"])), draw(names), draw(st.sampled_from(["", "0.5", "82%", "2"])),
                     draw(st.sampled_from(["", "yes", "no", "maybe"])), draw(names)])
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _accepts_decimal_emotions() -> bool:
    """Format 2 allows decimal emotions (an average over interviews); a validator that still
    wants integers reports them, and only them, until it is merged."""
    page = "---\njourney:\n  stages:\n    - name: S\n      steps:\n        - {name: T, emotion: 0.5}\n---\n"
    return read_document("journeys/probe.md", page).problems == []


DECIMAL_EMOTIONS = _accepts_decimal_emotions()


def _decimal_emotion_problem(problem) -> bool:
    return (not DECIMAL_EMOTIONS and "an integer" in problem.expected
            and (problem.field.endswith(".emotion") or ".emotion." in problem.field))


def assert_pages_read_back(draft) -> None:
    """The written pages read back, without a single problem, as exactly what was imported."""
    document = read_document("journeys/imported.md", journey_page(draft))
    problems = [p.message for p in document.problems if not _decimal_emotion_problem(p)]
    assert document.kind == "journey" and problems == []
    if document.broken:  # a decimal emotion this branch's validator does not read yet
        return
    journey = document.journey
    assert journey.title == draft.title and journey.scenario == draft.scenario
    assert journey.personas == [persona.id for persona in draft.personas]
    assert [(stage.id, stage.name) for stage in journey.stages] == [(stage.id, stage.name) for stage in draft.stages]
    read_steps = [step for stage in journey.stages for step in stage.steps]
    drafted = [step for stage in draft.stages for step in stage.steps]
    assert [(s.id, s.name, s.emotion, s.persona_emotions, s.actions, s.personas, s.owner, s.completion, s.truth)
            for s in read_steps] == \
        [(s.id, s.name, s.emotion, s.persona_emotions, s.actions, s.personas, s.owner, s.completion, s.truth)
         for s in drafted]
    for persona in draft.personas:
        page = read_document(f"personas/{persona.id}.md", persona_page(persona, draft.source))
        assert page.kind == "persona" and page.problems == [] and page.persona.name == persona.name
    for department in draft.departments:
        page = read_document(f"departments/{department.id}.md", department_page(department, draft.source))
        assert page.kind == "department" and page.problems == [] and page.department.name == department.name


@FUZZ
@given(mermaid_diagrams())
def test_any_mermaid_diagram_becomes_a_valid_page_or_is_refused(text):
    try:
        draft = read_mermaid_journey(text, "any.mmd", "Any")
    except InputError as error:
        assert error.message.startswith("any.mmd")
        return
    assert_pages_read_back(draft)


@FUZZ
@given(csv_maps())
def test_any_spreadsheet_becomes_a_valid_page_or_is_refused(data):
    try:
        draft = read_csv_map(data, "any.csv", "Any")
    except InputError as error:
        assert error.message.startswith("any.csv")
        return
    assert_pages_read_back(draft)


def test_personas_and_departments_the_wiki_has_are_used_by_name(workspace):
    """A persona page whose `name` is the actor's (whatever its file is called) is that
    persona: no second page is written, and the journey names its id."""
    docs = workspace.root / "docs"
    (docs / "people").mkdir(parents=True)
    (docs / "people" / "urban-camper.md").write_text("---\npersona:\n  name: Li  Wei\n---\n", encoding="utf-8")
    (docs / "teams").mkdir()
    (docs / "teams" / "ops.md").write_text("---\ndepartment:\n  name: Campsite operations\n---\n", encoding="utf-8")
    csv_text = "stage,step,emotion: li wei,emotion: Grandpa,owner\nArrival,Find the site,1,-1,Campsite Operations\n"
    status, out, err = workspace("csv", "trip.csv", csv_text.encode("utf-8"))
    assert status == 0, err
    assert out.split() == [os.path.relpath(docs / "journeys" / "trip.md"), os.path.relpath(docs / "personas" / "grandpa.md")]
    assert "'li wei' is the wiki's persona 'urban-camper'" in err
    data = written_front_matter(docs / "journeys" / "trip.md")
    assert data["journey"]["personas"] == ["urban-camper", "grandpa"]
    step = data["journey"]["stages"][0]["steps"][0]
    assert step["emotion"] == {"urban-camper": 1, "grandpa": -1} and step["owner"] == "ops"
    assert run_cli("validate", "--no-cache", "-f", str(workspace.root / "mkdocs.yml"))[0] == 0
