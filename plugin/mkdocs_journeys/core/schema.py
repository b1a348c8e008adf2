"""The front matter as a JSON Schema, and the field tables of the format reference.

Both come from the field descriptions below, laid out in the readers' own key tuples
(JOURNEY_KEYS, STEP_KEYS, ...) with the model's choices and the readers' ranges, so the
schema, the reference and the validator cannot drift apart: a key the readers accept
but nobody described makes front_matter_schema() fail loudly.

What JSON Schema cannot say, and only the validator checks (see SCHEMA_LIMITS): rules
that need the whole site, the page's place or the theme, rules across fields, and a few
details of values.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .frontmatter import PAGE_KINDS
from .journey_reader import (
    COMPLETION_RANGE,
    CUSTOM_LANE_KEYS,
    HISTORY_KEYS,
    JOURNEY_KEYS,
    LOG_KEYS,
    METRIC_KEYS,
    METRIC_RANGES,
    MOMENT_KEYS,
    OPPORTUNITY_KEYS,
    STAGE_KEYS,
    STEP_KEYS,
    TOUCHPOINT_KEYS,
)
from .journey_reader import _LANGUAGE_RE as LANGUAGE_CODE_RE  # the reader's own rule, not a copy
from .model import (
    BUILT_IN_LANES,
    DECISIONS,
    EMOTION_MAX,
    EMOTION_MIN,
    FEELING_MAX_CHARS,
    RATING_MAX,
    RATING_MIN,
    STATES,
    JOURNEY_TYPES,
    MOMENT_KINDS,
    PRIORITIES,
    SCOPES,
    SEGMENTS,
    STATUSES,
    TOUCHPOINT_KINDS,
)
from .profile_reader import DEPARTMENT_KEYS, PERSONA_KEYS
from .slugs import ICON_NAME_PATTERN, MAX_PAGE_ID_CHARS

SCHEMA_DIALECT = "http://json-schema.org/draft-07/schema#"  # the draft editors support best

# The rules only the validator checks, for the docs and the schema/validator agreement test.
SCHEMA_LIMITS = (
    "every persona and department id names a page of its own (a missing one is a warning)",
    "every source page exists (a warning), and a source path stays inside the docs folder",
    "an opportunity's `at` names a stage of its journey, or a step of that stage",
    "stage and step ids are unique in their journey, opportunity ids in the whole site, and a persona "
    "or department file name is a slug used by one page only",
    "a name or title without letters or digits needs an explicit `id`",
    "per-persona emotions name personas of the journey",
    "a stage `icon` is one the theme bundles",
    "a date exists on the calendar (`2026-02-30` does not), and log entries are oldest first",
    "each key appears once in a mapping, and the YAML can be read at all",
    "a top-level key one typo away from `journey`, `persona` or `department` (such as `journeys:`) is a "
    "warning (a schema cannot tell a typo from a key of MkDocs or its theme)",
    "ids are lowercase and hold only letters and digits of any script, `-` and `_` (the schema "
    "checks this for ASCII only)",
    "`1.0` is not an integer (JSON does not tell it from `1`), `.nan` is not a number, and a per-persona "
    "emotion's key is text (YAML reads `1:`, `null:` or `true:` as a number, nothing or a boolean)",
    "format 2: `compares`, `parent`, `evidence`, a step's `journey`, an `image` file and an `at` place in another "
    "journey name what exists in the site; a `compares` pair names each other or one side only; `parent` "
    "chains have no cycles; per-persona `actions` and `thoughts` name personas of the journey; a step's "
    "`lanes` keys are custom lanes declared for the journey or the site; custom lane ids are unique; "
    "`metrics.history` is oldest first",
)

# -- kinds of value ---------------------------------------------------------------------------

# A lowercase slug as core.slugs.is_slug accepts it: no ASCII punctuation but '-' and '_',
# no ASCII capitals, spaces or control characters (non-ASCII letters pass: a portable
# regex, for Python and ECMA-262, cannot tell letters from symbols); no '--', and no '-'
# or '_' at either end. Texts are stripped before they are read, so spaces may surround it.
_SLUG_CHAR = r"[^\s!-,./:-@A-Z\[-\^`{-~\x00-\x1f\x7f]"
_SLUG = r"^\s*(?![-_])(?!.*--)(?!.*[-_]\s*$)" + _SLUG_CHAR + r"+\s*$"
_BARE_SLUG = r"^(?![-_])(?!.*--)(?!.*[-_]$)" + _SLUG_CHAR + r"+$"  # a mapping key: not stripped
# A persona's or department's id also names its page: a slug of limited length.
_PAGE_ID = r"^\s*(?=\S{1,%d}\s*$)" % MAX_PAGE_ID_CHARS + _SLUG[len(r"^\s*"):]


@dataclass(frozen=True)
class Value:
    """A kind of value: its JSON Schema, and how the reference names its type (Markdown)."""

    schema: dict[str, Any]
    type_text: str
    choices: tuple[str, ...] = ()  # for a choice: the values it takes


def _code_list(values: Sequence[str]) -> str:
    quoted = [f"`{value}`" for value in values]
    return " or ".join(quoted) if len(quoted) == 2 else "one of " + ", ".join(quoted)


def _any_case(value: str) -> str:
    """A regex for the value in any letter case (choices are read case-insensitively)."""
    return "".join(f"[{char.lower()}{char.upper()}]" if char.isalpha() else char for char in value)


TEXT = Value({"type": "string", "pattern": r"\S"}, "text")
TEXTS = Value({"anyOf": [TEXT.schema, {"type": "array", "items": TEXT.schema, "minItems": 1}]},
              "text, or list of texts")
SLUG = Value({"type": "string", "pattern": _SLUG}, "slug")
BOOLEAN = Value({"type": "boolean"}, "`true` or `false`")
DATE = Value({"type": "string", "pattern": r"^\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\s*$", "format": "date"},
             "date (`YYYY-MM-DD`)")
ICON = Value({"type": "string", "pattern": rf"^\s*{ICON_NAME_PATTERN}(\.svg)?\s*$"},
             "icon name such as `material/compass-outline`")
# An http(s) link, or a path: no other scheme, no //host.
_SOURCE = {"type": "string", "pattern": r"^\s*(https?://|(?![A-Za-z][A-Za-z0-9+.-]*:|//)\S)"}
SOURCES = Value({"anyOf": [_SOURCE, {"type": "array", "items": _SOURCE, "minItems": 1}]},
                "text, or list of texts: http(s) links or pages of the site")
EMOTION = Value(
    {"anyOf": [
        {"type": "number", "minimum": EMOTION_MIN, "maximum": EMOTION_MAX},
        {"type": "object", "minProperties": 1,
         "propertyNames": {"pattern": _BARE_SLUG},
         "additionalProperties": {"type": "number", "minimum": EMOTION_MIN, "maximum": EMOTION_MAX}},
    ]},
    f"number from {EMOTION_MIN} to {EMOTION_MAX} (decimals allowed), or a mapping of persona id to such a number",
)
# format 2: one text or list of texts, or a mapping of persona id to such
PERSONA_TEXTS = Value(
    {"anyOf": [TEXTS.schema, {"type": "object", "minProperties": 1, "propertyNames": {"pattern": _BARE_SLUG},
                              "additionalProperties": TEXTS.schema}]},
    "text, or list of texts, or a mapping of persona id to such",
)
# A path written from the docs folder (optionally with #anchor), no URL scheme, no //host.
_SITE_PATH = {"type": "string", "pattern": r"^\s*(?![A-Za-z][A-Za-z0-9+.-]*:|//)[^\s#][^#]*(#\S+)?\s*$"}
_SITE_PAGE = {"type": "string", "pattern": r"^\s*(?![A-Za-z][A-Za-z0-9+.-]*:|//)[^\s#][^#]*\s*$"}  # no #anchor
JOURNEY_PAGE = Value(_SITE_PAGE, "path of a journey page, from the docs folder")
PARENT_PLACE = Value(_SITE_PATH, "`PAGE.md#stage-id/step-id` (or `#stage-id`), from the docs folder")
EVIDENCE = Value({"anyOf": [_SOURCE, {"type": "array", "items": _SOURCE, "minItems": 1}]},
                 "text, or list of texts: http(s) links or pages of the site (`#anchor` allowed)")
IMAGE = Value({"type": "string", "pattern": r"^\s*(https?://|(?![A-Za-z][A-Za-z0-9+.-]*:|//)[^\s#])[^#]*\s*$"},
              "path of a picture from the docs folder, or an http(s) URL")
_PLACE = {"type": "string", "pattern": r"\S"}
PLACES = Value({"anyOf": [_PLACE, {"type": "array", "items": _PLACE, "minItems": 1}]},
               "`stage-id`, `stage-id/step-id` or `PAGE.md#stage-id[/step-id]`, or a list of them")
RATING = Value({"type": "integer", "minimum": RATING_MIN, "maximum": RATING_MAX},
               f"integer from {RATING_MIN} to {RATING_MAX}")
FEELING = Value({"type": "string", "pattern": r"^\s*(?=\S)[^\n]{1,%d}?\s*$" % FEELING_MAX_CHARS},
                f"text of at most {FEELING_MAX_CHARS} characters")
_LANE_ID = r"^\s*(?!(" + "|".join(BUILT_IN_LANES) + r")\s*$)" + _SLUG[len(r"^\s*"):]
LANE_TEXTS = Value({"type": "object", "minProperties": 1, "propertyNames": {"pattern": _BARE_SLUG},
                    "additionalProperties": TEXTS.schema}, "mapping of custom lane id to text or list of texts")


def choice(values: Sequence[str]) -> Value:
    # The enum lets editors complete the values; the pattern accepts them in any case, as the reader does.
    return Value({"anyOf": [{"enum": list(values)},
                            {"type": "string", "pattern": r"^\s*(" + "|".join(map(_any_case, values)) + r")\s*$"}]},
                 _code_list(values), tuple(values))


def number(low: float, high: float) -> Value:
    return Value({"type": "number", "minimum": low, "maximum": high}, f"number from {low:g} to {high:g}")


PAGE_ID = {"type": "string", "pattern": _PAGE_ID}


def one_id(kind: str) -> Value:
    return Value(PAGE_ID, f"{kind} id")


def ids(kind: str) -> Value:
    return Value({"anyOf": [PAGE_ID, {"type": "array", "items": PAGE_ID, "minItems": 1}]},
                 f"{kind} id, or list of {kind} ids")


def mapping(definition: str, type_text: str) -> Value:
    return Value({"$ref": f"#/definitions/{definition}"}, type_text)


def items(definition: str, what: str) -> Value:
    return Value({"type": "array", "minItems": 1, "items": {"$ref": f"#/definitions/{definition}"}}, f"list of {what}")


# -- the fields -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    value: Value
    description: str  # Markdown: `code`, *emphasis*, **strong**, [links](#anchor) to the reference
    required: bool = False
    warn_if_missing: bool = False  # optional, but a missing value is reported as a warning
    default: Any = None  # the value the reader takes when the field is absent
    default_text: str = ""  # the default in words, where it is not a plain value
    inline: str | None = None  # a nested mapping whose fields the reference lists right after this one

    @property
    def requirement(self) -> str:
        """The reference's "Required / default" column."""
        if self.required:
            return "required, at least one" if self.value.schema.get("type") == "array" else "required"
        if self.warn_if_missing:
            return "optional, but **a warning when missing**"
        if self.default is not None:
            return f"default `{str(self.default).lower()}`"
        if self.default_text:
            return f"optional; default: {self.default_text}"
        return "optional, no default" if self.value.choices else "optional"


@dataclass(frozen=True)
class Mapping:
    """One mapping of the front matter (a definition of the schema, a table of the reference)."""

    keys: tuple[str, ...]  # the reader's key tuple: what the validator accepts, in its order
    fields: dict[str, Field]
    description: str
    prefix: str = ""  # how the reference writes its fields: `journey.type`, or bare `name` in a stage


_PERSONA_IDS = ("Shown as small chips on the {where}; the persona's page lists it under \"Acts in\". These personas "
                "count as personas of the journey even when `journey.personas` does not list them.")

MAPPINGS: dict[str, Mapping] = {
    "journey": Mapping(JOURNEY_KEYS, prefix="journey.", description=(
        "A journey page: its swimlane map is rendered into the page. Holds every field below; "
        "`journey:` with no value is an error."), fields={
        "type": Field(choice(JOURNEY_TYPES), "The kind of journey. Shown as a badge above the map and next to the "
                      "journey on persona pages."),
        "scope": Field(choice(SCOPES), "`full`: the whole life cycle (awareness to recommendation). `key`: one key "
                       "journey, one episode that matters. Shown as a badge (\"Full journey\" or \"Key journey\").",
                       default="key"),
        "personas": Field(ids("persona"), "Who walks this journey. Shown as chips above the map, each linking to "
                          "the persona's page. Each persona page then lists the journey."),
        "owner": Field(one_id("department"), "The department accountable for the journey. Shown as \"Owning "
                       "department\". Listed on that department's page under \"Journeys owned\"."),
        "reviewed": Field(DATE, "When the owner last checked the map. Shown as \"Reviewed\"; when missing, shown as "
                          "\"Never reviewed\". Old or missing reviews are marked **stale** (see "
                          "[Dates, overdue and stale](#dates-overdue-and-stale))."),
        "sources": Field(SOURCES, "The evidence behind the map. Each entry is an `http://` or `https://` link, or a "
                         "page of the site (see [Sources](#sources)). Shown as the \"Sources\" list."),
        "scenario": Field(TEXT, "The situation the persona is in. Shown as \"Scenario\" above the map."),
        "goals": Field(TEXTS, "What the customer wants to achieve. Shown as \"Goals\"."),
        "expectations": Field(TEXTS, "What the customer expects from us. Shown as \"Expectations\"."),
        "metrics": Field(mapping("metrics", "mapping of `nps`, `ces`, `csat`"), "Measures for the whole journey. "
                         "Shown as \"Metrics\"; only the ones given are shown.", inline="metrics"),
        "stages": Field(items("stage", "stages"), "The stages of the journey, in order (see "
                        "[Stage fields](#stage-fields)).", required=True),
        "opportunities": Field(items("opportunity", "opportunities"), "Improvements found in this journey (see "
                               "[Opportunity fields](#opportunity-fields))."),
        "language": Field(Value({"type": "string", "pattern": r"^\s*" + LANGUAGE_CODE_RE.pattern[1:-1] + r"\s*$"},
                                "language code such as `en`, `zh`, `zh-Hant`, `ms`"),
                          "*Extension.* The language of this map's labels (see [Languages](#languages)).",
                          default_text="the site's language"),
        "state": Field(choice(STATES), "*Format 2.* Which state of the journey the map shows: `current` (as-is), "
                       "`future` (to-be), `planned` or `actual`. A map that says its state shows it as a badge "
                       "(\"Current state\", \"Future state\", \"Planned\", \"Actual\").", default="current"),
        "compares": Field(JOURNEY_PAGE, "*Format 2.* The journey page this one is the other state of (future vs "
                          "current, actual vs planned), written from the docs folder, such as "
                          "`journeys/camping-trip.md`. Both pages link each other (\"Compare with\"). The other page "
                          "names this one or nothing: never a third page."),
        "phase": Field(TEXT, "*Format 2.* The lifecycle phase the journey belongs to (free text). Shown as a badge."),
        "parent": Field(PARENT_PLACE, "*Format 2.* The step of another journey that this journey zooms into (a "
                        "sub-journey): `PAGE.md#stage-id/step-id`, or `PAGE.md#stage-id`, or `PAGE.md`. This page "
                        "shows \"Part of\" with a link to that step; that step links here. No cycles."),
        "custom_lanes": Field(items("custom_lane", "custom lanes"), "*Format 2.* Extra text lanes of this map (the "
                              "fields below), shown in this order after the built-in lanes and after the site-wide "
                              "ones of the plugin's `custom_lanes` option.", inline="custom_lane"),
    }),
    "metrics": Mapping(METRIC_KEYS, prefix="journey.metrics.", description="Measures for the whole journey.", fields={
        "nps": Field(number(*METRIC_RANGES["nps"]), "Net Promoter Score. Shown with its sign (`+12`, `-18`)."),
        "ces": Field(number(*METRIC_RANGES["ces"]), "Customer Effort Score."),
        "csat": Field(number(*METRIC_RANGES["csat"]), "Customer Satisfaction as a percentage. Shown with `%`."),
        "history": Field(items("history_entry", "measurements"), "*Format 2.* Earlier measurements, oldest first "
                         "(the fields below). Drawn as a small trend next to each metric.", inline="history_entry"),
    }),
    "history_entry": Mapping(HISTORY_KEYS, prefix="journey.metrics.history[].", description="An earlier "
                             "measurement of the journey's metrics.", fields={
        "date": Field(DATE, "When it was measured. Entries are oldest first.", required=True),
        "nps": Field(number(*METRIC_RANGES["nps"]), "Net Promoter Score then."),
        "ces": Field(number(*METRIC_RANGES["ces"]), "Customer Effort Score then."),
        "csat": Field(number(*METRIC_RANGES["csat"]), "Customer Satisfaction then, in percent."),
    }),
    "custom_lane": Mapping(CUSTOM_LANE_KEYS, prefix="journey.custom_lanes[].", description="A text lane of the "
                           "author's own, such as *Where* or *Systems*.", fields={
        "id": Field(Value({"type": "string", "pattern": _LANE_ID}, "slug"), "The key steps use in `lanes`, and "
                    "the name the plugin's `lanes` option selects it by. Unique; not the name of a built-in lane.",
                    required=True),
        "label": Field(TEXT, "The lane's label on the map.", required=True),
    }),
    "stage": Mapping(STAGE_KEYS, description="A stage of the journey: a header over its steps.", fields={
        "name": Field(TEXT, "The stage header that spans the stage's steps.", required=True),
        "id": Field(SLUG, "Unique among the journey's stages. Used by an opportunity's `at`, and becomes the anchor "
                    "`#jm-stage-<id>`.", default_text="the slug of `name`"),
        "icon": Field(ICON, "An icon the theme bundles (Material, FontAwesome, Octicons, Simple Icons, or your "
                      "`custom_dir`'s `.icons`). Written like Material's `:material-compass-outline:` shortcode, "
                      "with slashes. A trailing `.svg` is ignored. Drawn before the stage name. An icon the theme "
                      "does not have is an error."),
        "personas": Field(ids("persona"), "Who acts in this stage (in B2B journeys, different roles act in "
                          "different stages). " + _PERSONA_IDS.format(where="stage header")),
        "steps": Field(items("step", "steps"), "The steps of the stage. Each step is one column of the map.",
                       required=True),
        "description": Field(TEXT, "*Format 2.* Free text, shown under the stage name."),
    }),
    "step": Mapping(STEP_KEYS, description="A step of a stage: one column of the map.", fields={
        "name": Field(TEXT, "The column header.", required=True),
        "id": Field(SLUG, "Unique among the steps of its stage. Used in an opportunity's `at` (`stage-id/step-id`), and "
                    "becomes the anchor `#jm-step-<id>` (`#jm-step-<stage-id>/<id>` when an earlier stage has a "
                    "step of that id too). A derived id that another step of the journey has gets `-2`, `-3` ...; "
                    "only an explicit id that repeats within its stage is an error.",
                    default_text="the slug of `name`"),
        "actions": Field(PERSONA_TEXTS, "What the customer does (behaviour). Shown in the *Actions* lane. "
                         "*Extension:* a list is accepted as well as a single text. *Format 2:* or a mapping of "
                         "persona id to text(s), each shown labelled with the persona."),
        "thoughts": Field(PERSONA_TEXTS, "What the customer thinks or says. Shown in the *Thoughts* lane. "
                          "*Extension:* a list is accepted as well as a single text. *Format 2:* or a mapping of "
                          "persona id to text(s)."),
        "emotion": Field(EMOTION, "How the customer feels: -2 very negative, 0 neutral, 2 very positive. Drawn as "
                         "the curve in the *Emotion* lane, with each value written under it. See "
                         "[Emotion](#emotion)."),
        "touchpoints": Field(items("touchpoint", "touchpoints"), "Where the customer meets us. Shown in the "
                             "*Touchpoints* lane."),
        "pain_points": Field(TEXTS, "What goes wrong or is hard. Shown in the *Pain points* lane."),
        "moments": Field(items("moment", "moments"), "Aha-moments and micro-moments. Shown in the *Moments* lane."),
        "backstage": Field(TEXTS, "The internal processes behind the step (the service blueprint). Shown in the "
                           "*Backstage* lane."),
        "owner": Field(one_id("department"), "The department responsible for the step. Shown in the *Owner* lane. "
                       "Listed on that department's page under \"Steps it is responsible for\"."),
        "completion": Field(number(*COMPLETION_RANGE), "The share of customers who finish this step. Shown in the "
                            "*Completion* lane as a funnel bar with a percentage (`0.82` is 82%)."),
        "truth": Field(BOOLEAN, "A moment of truth: the step that decides what the customer remembers. Marked with "
                       "a star and \"Moment of truth\" on the column header.", default=False),
        "personas": Field(ids("persona"), "Who acts in this step. " + _PERSONA_IDS.format(where="column header")),
        "description": Field(TEXT, "*Format 2.* Free text about the step. Shown in the *Description* lane."),
        "image": Field(IMAGE, "*Format 2.* A storyboard picture: a file in the docs folder (written from it, such as "
                       "`images/turn-off.svg`) or an `http(s)` URL. Shown in the *Storyboard* lane, lazy-loaded, "
                       "sized to the column."),
        "image_alt": Field(TEXT, "*Format 2.* The picture's text for readers who cannot see it.",
                           default_text="the step's name"),
        "feeling": Field(FEELING, "*Format 2.* The emotion in words, such as \"Anxious\". Shown at the point of "
                         "the emotion curve (or alone in the *Emotion* lane)."),
        "lanes": Field(LANE_TEXTS, "*Format 2.* The step's texts in custom lanes: lane id to text(s). The ids are "
                       "declared in `journey.custom_lanes` or site-wide."),
        "evidence": Field(EVIDENCE, "*Format 2.* What the step is based on: pages of the site (from the docs "
                          "folder, `#anchor` allowed) or `http(s)` links. Shown in the *Evidence* lane; each page "
                          "cited lists the step under \"Cited by\"."),
        "journey": Field(JOURNEY_PAGE, "*Format 2.* The journey page that maps this step in detail (a "
                         "sub-journey). The step header links to it; it shows \"Part of\" this step."),
    }),
    "touchpoint": Mapping(TOUCHPOINT_KEYS, description="Where the customer meets the organisation.", fields={
        "name": Field(TEXT, "The touchpoint, such as \"Social media posts\".", required=True),
        "channel": Field(TEXT, "Free text, shown next to the name. These channels also get an icon: `web`, `app`, "
                         "`phone`, `email`, `social`, `in-person`, `chat`, `mail`, `store`, `partner`."),
        "kind": Field(choice(TOUCHPOINT_KINDS), "`pre`: before the customer deals with us (reviews, social posts). "
                      "`first`: the first direct contact. `core`: where the service is delivered. `untouched`: a "
                      "touchpoint the customer uses but the organisation does not serve yet. Shown as a label such "
                      "as \"Pre-touchpoint\"."),
        "key": Field(BOOLEAN, "A key touchpoint. Highlighted with a star and \"Key touchpoint\".", default=False),
    }),
    "moment": Mapping(MOMENT_KEYS, description="An aha-moment or a micro-moment of a step.", fields={
        "kind": Field(choice(MOMENT_KINDS), "`aha`: the product or service makes the customer's eyes light up. "
                      "`micro`: a fleeting wish that can become a business opportunity. Shown with an icon and "
                      "\"Aha moment\" or \"Micro-moment\".", required=True),
        "text": Field(TEXT, "What happens in the moment.", required=True),
    }),
    "opportunity": Mapping(OPPORTUNITY_KEYS, description="An improvement found in the journey, followed up by its "
                           "owning department through its PDCA cycle.", fields={
        "title": Field(TEXT, "The improvement.", required=True),
        "id": Field(SLUG, "Unique in the **whole site**. The opportunity's anchor in the index (`#<id>`) and its "
                    "`id` in the exports.", default_text="the slug of `title`"),
        "at": Field(PLACES, "The stage or step the opportunity "
                    "improves. It must name a stage of this journey, and a step of that stage. *Format 2:* or a "
                    "list of places; a place in another journey is `PAGE.md#stage-id` or `PAGE.md#stage-id/step-id` "
                    "(from the docs folder), and that journey's map shows the opportunity too. With `at`, the "
                    "opportunity is shown in the map's *Opportunities* lane under its stage (with \"→ step name\" "
                    "when a step is given). Without `at`, it is about the whole journey and is listed under the map "
                    "as \"Opportunities for the whole journey\".", default_text="the whole journey"),
        "owner": Field(one_id("department"), "The internal owner who follows the opportunity up. Shown with the "
                       "opportunity; the opportunity is listed on that department's page. An improvement that no "
                       "department owns is not followed up, so a missing owner is reported.", warn_if_missing=True),
        "status": Field(choice(STATUSES), "Where it stands in its PDCA cycle. Shown as a status badge. The "
                        "department page and the index board group opportunities by status.", default="plan"),
        "priority": Field(choice(PRIORITIES), "Shown in the tables. The index can filter and sort by it.",
                          default="medium"),
        "due": Field(DATE, "The deadline. An opportunity that is not `done` and is past its due date is marked "
                     "**overdue**."),
        "kpi": Field(TEXT, "What the *check* step measures. Shown in the index and on persona and department pages."),
        "result": Field(TEXT, "What the *check* step found. Shown on the department page."),
        "decision": Field(choice(DECISIONS), "The *act* decision. Shown on the department page."),
        "log": Field(items("log_entry", "log entries"), "The PDCA history, oldest first. The last entry is shown as "
                     "\"Last update\" on the department page and exported as `last_update`."),
        "value": Field(RATING, "*Format 2.* Customer and business value, 1 (low) to 5 (high). Shown with the "
                       "opportunity and exported as `value`."),
        "effort": Field(RATING, "*Format 2.* Cost to deliver, 1 (small) to 5 (large). Shown with the opportunity "
                        "and exported as `effort`."),
    }),
    "log_entry": Mapping(LOG_KEYS, description="One step of an opportunity's PDCA history.", fields={
        "date": Field(DATE, "When it happened. Entries must be in date order, oldest first. Two entries on the same "
                      "day are fine.", required=True),
        "status": Field(choice(STATUSES), "The status reached at that date."),
        "note": Field(TEXT, "What happened."),
    }),
    "persona": Mapping(PERSONA_KEYS, prefix="persona.", description=(
        "A persona page: the journeys and opportunities that involve the persona are added to it. The persona's id "
        "is the file's stem. All fields inside are optional; `persona: {}` is enough."), fields={
        "name": Field(TEXT, "The persona's name. Used on persona chips, in emotion-curve legends and in the profile.",
                      default_text="the id"),
        "role": Field(TEXT, "Who the persona is. Shown as \"Role\"."),
        "segment": Field(choice(SEGMENTS), "A potential, existing or lost customer. Shown as a badge (\"Prospect\", "
                         "\"Current customer\", \"Churned customer\")."),
        "quote": Field(TEXT, "Something the persona typically says. Shown as a quotation."),
        "goals": Field(TEXTS, "Shown as \"Goals\"."),
        "needs": Field(TEXTS, "Shown as \"Needs\"."),
        "frustrations": Field(TEXTS, "Shown as \"Frustrations\"."),
        "channels": Field(TEXTS, "The channels the persona uses, as free text. Shown as \"Channels\"."),
    }),
    "department": Mapping(DEPARTMENT_KEYS, prefix="department.", description=(
        "A department page: what the department owns is added to it. The department's id is the file's stem. All "
        "fields inside are optional; `department: {}` is enough."), fields={
        "name": Field(TEXT, "The department's name, wherever an owner is shown.", default_text="the id"),
        "lead": Field(TEXT, "Who leads it. Shown as \"Lead\"."),
        "contact": Field(TEXT, "How to reach it. Shown as \"Contact\", as plain text, not as a link."),
    }),
}


# -- the JSON Schema -----------------------------------------------------------------------------


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """An optional key may be written with no value (`scenario:`): it counts as absent."""
    if set(schema) == {"anyOf"}:
        return {"anyOf": [*schema["anyOf"], {"type": "null"}]}
    if isinstance(schema.get("type"), str):
        return {**schema, "type": [schema["type"], "null"]}
    return {"anyOf": [schema, {"type": "null"}]}


def _properties(name: str, spec: Mapping) -> dict[str, Any]:
    missing = [key for key in spec.keys if key not in spec.fields]
    unknown = [key for key in spec.fields if key not in spec.keys]
    if missing or unknown:
        raise KeyError(f"schema of {name!r} out of step with its reader: undescribed keys {missing}, "
                       f"keys the reader does not accept {unknown}")
    properties = {}
    for key in spec.keys:
        field = spec.fields[key]
        value = field.value.schema if field.required or field.warn_if_missing else _nullable(field.value.schema)
        properties[key] = {"description": _plain(field.description), **value}
        if field.default is not None:
            properties[key]["default"] = field.default
    return properties


def _plain(markdown: str) -> str:
    """A description as editors show it: links become their text."""
    return re.sub(r"\[([^\]]+)\]\(#[^)]*\)", r"\1", markdown)


def front_matter_schema() -> dict[str, Any]:
    """The JSON Schema (draft-07) of a page's front matter."""
    definitions = {}
    for name, spec in MAPPINGS.items():
        required = [key for key in spec.keys if spec.fields[key].required or spec.fields[key].warn_if_missing]
        definitions[name] = {
            "description": _plain(spec.description),
            "type": "object",
            "properties": _properties(name, spec),
            "additionalProperties": False,  # unknown keys are warnings: a typo must not pass
            **({"required": required} if required else {}),
        }
    kinds = PAGE_KINDS
    return {
        "$schema": SCHEMA_DIALECT,
        "title": "mkdocs-journeys page front matter",
        "description": "The YAML front matter of a journey, persona or department page of a mkdocs-journeys wiki. "
        "Other top-level keys (title, hide, tags, ...) belong to MkDocs and its theme. The validator "
        "(mkdocs-journeys validate) also checks what a schema cannot: " + "; ".join(map(_plain, SCHEMA_LIMITS)) + ".",
        "type": "object",
        "properties": {kind: {"$ref": f"#/definitions/{kind}"} for kind in kinds},
        # One page kind per page.
        "not": {"anyOf": [{"required": [a, b]} for i, a in enumerate(kinds) for b in kinds[i + 1:]]},
        "definitions": definitions,
    }


# -- the format reference's tables ---------------------------------------------------------------


@dataclass(frozen=True)
class ReferenceRow:
    field: str
    type_text: str
    requirement: str
    description: str


# What a format-reference marker may ask for: a table of one mapping.
REFERENCE_KINDS = ("journey", "stage", "step", "touchpoint", "moment", "opportunity", "log", "persona", "department")
_DEFINITION_OF_KIND = {"log": "log_entry"}


def reference_rows(kind: str) -> list[ReferenceRow]:
    """The rows of the reference table of one mapping (KeyError for an unknown kind)."""
    if kind not in REFERENCE_KINDS:
        raise KeyError(kind)
    name = _DEFINITION_OF_KIND.get(kind, kind)
    spec = MAPPINGS[name]
    rows = []
    if kind in PAGE_KINDS:
        rows.append(ReferenceRow(kind, "mapping", f"required (it makes the page a {kind} page)", spec.description))
    rows += _rows(spec)
    return rows


def _rows(spec: Mapping) -> list[ReferenceRow]:
    rows = []
    for key in spec.keys:
        field = spec.fields[key]
        rows.append(ReferenceRow(spec.prefix + key, field.value.type_text, field.requirement, field.description))
        if field.inline:
            rows += _rows(MAPPINGS[field.inline])
    return rows
