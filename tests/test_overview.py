"""The journey overview (issue 14), read from real builds: each card against the front matter
of a generated wiki (phases in lifecycle order, counts, marks, pairs side by side,
sub-journeys nested), overview.json, a user's page in its place, the lifecycle option's
checks; and the comparison block of a `compares` pair against two hand-written pages."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from conftest import page

TODAY = date(2026, 11, 22)
LIFECYCLE = [{"id": "use", "label": "Use it"}, {"id": "discover", "label": "Discover"}, {"id": "buy", "label": "Buy"}]
# the phase of journey i is PHASE_CYCLE[i % 5] (None: it has none)
PHASE_CYCLE = ["discover", "buy", "use", None, "discover"]
COUNT = 12


def journey_path(index: int) -> str:
    return f"journeys/j{index:02d}.md"


def generated_wiki() -> tuple[dict[str, str], dict[str, dict]]:
    """A wiki of COUNT journeys whose figures vary with their number; returns the pages and
    each journey's front matter (what the expectations below are read from)."""
    data: dict[str, dict] = {}
    for index in range(COUNT):
        pains = index % 3
        reviewed = [TODAY - timedelta(days=30), TODAY - timedelta(days=400), None][index % 3]
        opportunities = []
        for number in range(index % 4):
            status = ["plan", "do", "done", "check"][number]
            due = TODAY - timedelta(days=5) if (index + number) % 2 else TODAY + timedelta(days=20)
            opportunities.append({"title": f"Fix {index}-{number}", "at": "s/a", "status": status,
                                  "due": due.isoformat(), "owner": "ops"})
        journey = {
            "type": "service",
            "scope": "key",
            "owner": ["ops", "sales"][index % 2],
            "personas": [f"p{index % 3}"],
            "phase": PHASE_CYCLE[index % 5],
            "stages": [{"name": "S", "id": "s", "steps": [
                {"name": "A", "id": "a", "emotion": (index % 5) - 2, "pain_points": [f"pain {n}" for n in range(pains)]},
                {"name": "B", "id": "b", "emotion": 1, "pain_points": ["always one"]},
            ]}],
            "metrics": {"nps": index * 3 - 10, "history": [{"date": "2026-01-31", "nps": index - 20}]},
            "opportunities": opportunities,
        }
        if reviewed is not None:
            journey["reviewed"] = reviewed.isoformat()
        if journey["phase"] is None:
            del journey["phase"]
        data[journey_path(index)] = journey
    # a pair (current + future), a pair (actual written before planned), a sub-journey
    data[journey_path(0)]["state"] = "current"
    data[journey_path(1)].update(state="future", compares=journey_path(0), phase="discover")
    data[journey_path(3)].update(state="actual", compares=journey_path(2))
    data[journey_path(2)]["state"] = "planned"
    data[journey_path(4)]["parent"] = f"{journey_path(5)}#s/a"
    # an opportunity written in j06 and placed in j07 too: counted on both cards
    data[journey_path(6)]["opportunities"].append(
        {"title": "Shared fix", "at": ["s/a", f"{journey_path(7)}#s/b"], "status": "do",
         "due": (TODAY - timedelta(days=1)).isoformat(), "owner": "ops", "value": 4, "effort": 2})
    pages = {path: page({"title": f"Journey {path[-6:-3]}", "journey": journey}) for path, journey in data.items()}
    return pages, data


def expected_counts(data: dict[str, dict]) -> dict[str, dict]:
    """What each card must say, worked out from the front matter alone."""
    expected = {path: {"pain_points": 0, "open": 0, "overdue": 0} for path in data}
    for path, journey in data.items():
        expected[path]["pain_points"] = sum(len(step.get("pain_points", [])) for stage in journey["stages"]
                                            for step in stage["steps"])
        reviewed = journey.get("reviewed")
        expected[path]["review_due"] = reviewed is None or (TODAY - date.fromisoformat(reviewed)).days > 365
        for opportunity in journey["opportunities"]:
            if opportunity["status"] == "done":
                continue
            places = opportunity["at"] if isinstance(opportunity["at"], list) else [opportunity["at"]]
            journeys = {path} | {place.split("#")[0] for place in places if "#" in place}
            overdue = date.fromisoformat(opportunity["due"]) < TODAY
            for target in journeys:
                expected[target]["open"] += 1
                expected[target]["overdue"] += overdue
    for figures in expected.values():
        figures["attention"] = figures["review_due"] or figures["overdue"] > 0
    return expected


def cards(built, path: str = "overview/index.md") -> dict[str, object]:
    """Journey title -> its card element on the overview."""
    found = {}
    for card in built.content(path).select("article.journeys-overview__card"):
        found[card.select_one(".journeys-overview__title").get_text(strip=True)] = card
    return found


def count_of(card, what: str) -> int:
    # nested cards hold their own counts: take this card's own
    for element in card.select(f"[data-count-of={what}]"):
        if element.find_parent("article") is card:
            return int(element.strong.get_text())
    return 0


@pytest.fixture(scope="module")
def overview_site(tmp_path_factory):
    from conftest import build_site

    pages, data = generated_wiki()
    built = build_site(tmp_path_factory.mktemp("overview"), pages,
                       plugin_config={"today": TODAY.isoformat(), "lifecycle": LIFECYCLE})
    return built, data


def title_of(path: str) -> str:
    return f"Journey {path[-6:-3]}"


def test_cards_show_the_figures_of_the_front_matter(overview_site) -> None:
    built, data = overview_site
    found = cards(built)
    assert set(found) == {title_of(path) for path in data}
    for path, figures in expected_counts(data).items():
        card = found[title_of(path)]
        assert count_of(card, "pain_points") == figures["pain_points"], path
        assert count_of(card, "open") == figures["open"], path
        assert count_of(card, "overdue") == figures["overdue"], path
        own = [badge for badge in card.select(".journeys-badge--stale") if badge.find_parent("article") is card]
        assert bool(own) == figures["review_due"], path
        assert card["data-attention"] == ("yes" if figures["attention"] else "no"), path
        journey = data[path]
        assert card["data-owner"] == journey["owner"]
        assert card["data-persona"].split() == journey["personas"]
        assert card["data-state"] == journey.get("state", "current")
        # the title links the journey's page; the curve has a point per step
        assert card.select_one(".journeys-overview__title a")["href"].endswith(f"{path[:-3]}/")
        curve = card.select_one("svg.journeys-overview__curve")
        emotions = [step["emotion"] for stage in journey["stages"] for step in stage["steps"]]
        assert curve["aria-label"].endswith(", ".join(f"{e:+g}" if e else "0" for e in emotions)), path
        nps = [m for m in card.select("[data-metric=nps]") if m.find_parent("article") is card][0]
        assert f"{journey['metrics']['nps']:+d}" in nps.get_text()
        assert nps.select_one(".journeys-trend"), "NPS has a history: its trend is drawn"


def test_phases_follow_the_lifecycle_option_then_others_then_none(overview_site) -> None:
    built, data = overview_site
    sections = built.content("overview/index.md").select("section.journeys-overview__phase")
    headings = [section.h2.get_text(strip=True) for section in sections]
    assert headings == ["Use it", "Discover", "Buy", "Without a phase"]
    # each top-level card is in its phase; nested and paired cards go with their lead
    for section in sections:
        phase = section.get("data-phase")
        for card in section.select("article.journeys-overview__card"):
            if card.find_parent("article") or card.find_parent(class_="journeys-overview__pair"):
                continue
            path = next(p for p in data if title_of(p) == card.select_one("h3").get_text(strip=True))
            assert data[path].get("phase") == phase, (path, phase)


def test_pairs_stand_side_by_side_earlier_state_first(overview_site) -> None:
    built, _ = overview_site
    pairs = built.content("overview/index.md").select("li.journeys-overview__pair")
    titles = [[h3.get_text(strip=True) for h3 in pair.select(".journeys-overview__pair-cards > article > h3")]
              for pair in pairs]
    assert sorted(titles) == [[title_of(journey_path(0)), title_of(journey_path(1))],
                              [title_of(journey_path(2)), title_of(journey_path(3))]]
    # the pair sits in the phase of its earlier state (j00: discover; j02: use)
    for pair in pairs:
        lead = pair.select_one("article h3").get_text(strip=True)
        phase = pair.find_parent("section")["data-phase"]
        assert phase == {"Journey j00": "discover", "Journey j02": "use"}[lead]
    # every journey is on the page once
    assert len(built.content("overview/index.md").select("article.journeys-overview__card")) == COUNT


def test_sub_journeys_nest_under_their_parent(overview_site) -> None:
    built, _ = overview_site
    child = cards(built)[title_of(journey_path(4))]
    parent = child.find_parent("article")
    assert parent is not None and parent.select_one("h3").get_text(strip=True) == title_of(journey_path(5))
    assert child.find_parent(class_="journeys-overview__children") is not None


def test_every_card_is_there_without_javascript(overview_site) -> None:
    built, _ = overview_site
    content = built.content("overview/index.md")
    assert content.select_one("form[data-journeys-filters]").has_attr("hidden")
    assert not [card for card in content.select("article") if card.has_attr("hidden")]
    options = {select["data-filter"]: [o["value"] for o in select.select("option")]
               for select in content.select("select[data-filter]")}
    assert options["owner"] == ["", "ops", "sales"]
    assert options["persona"] == ["", "p0", "p1", "p2"]
    assert options["attention"] == ["", "yes"]
    assert set(options["state"]) == {"", "current", "future", "planned", "actual"}


def test_overview_json_lists_each_journey_with_its_card_figures(overview_site) -> None:
    built, data = overview_site
    records = json.loads((built.site_dir / "overview" / "overview.json").read_text(encoding="utf-8"))
    assert [record["path"] for record in records] == sorted(data)
    expected = expected_counts(data)
    for record in records:
        figures = expected[record["path"]]
        assert (record["pain_points"], record["open_opportunities"], record["overdue_opportunities"]) == \
            (figures["pain_points"], figures["open"], figures["overdue"])
        assert record["review_due"] == figures["review_due"]
        assert record["needs_attention"] == figures["attention"]
        assert record["phase"] == data[record["path"]].get("phase")
        assert record["url"] == record["path"][:-3] + "/"
    by_path = {record["path"]: record for record in records}
    assert by_path[journey_path(0)]["compares"] == journey_path(1)
    assert by_path[journey_path(5)]["sub_journeys"] == [journey_path(4)]
    assert by_path[journey_path(1)]["phase_label"] == "Discover"
    # the overview links its export
    link = built.content("overview/index.md").select_one(".journeys-exports a")
    assert link["href"] == "overview.json"


def test_search_finds_the_overview_by_its_title_and_phases(overview_site) -> None:
    built, _ = overview_site
    index = json.loads((built.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    # Material indexes each section apart: its heading is the title of its entry
    text = " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"] if doc["location"].startswith("overview/"))
    for wanted in ("Use it", "Discover", "Without a phase"):
        assert wanted in text, wanted
    # the journeys its cards list are found on their own pages, not again here
    assert "Journey j07" not in text


def test_a_phase_outside_the_lifecycle_is_reported(site) -> None:
    journey = {"phase": "lapsed", "stages": [{"name": "S", "steps": [{"name": "A"}]}]}
    built = site({"journeys/x.md": page({"journey": journey})},
                 plugin_config={"today": "2026-11-22", "lifecycle": ["discover", "buy"]})
    messages = built.warnings_about("journey.phase")
    assert len(messages) == 1
    # the page and the line of `phase` (3: under `---` and `journey:`), the value, what was expected
    assert "journeys/x.md:3: journey.phase" in messages[0], messages[0]
    assert "'lapsed'" in messages[0] and "discover, buy" in messages[0]
    # it is still shown, in a group of its own after the lifecycle's phases
    headings = [h2.get_text(strip=True) for h2 in built.content("overview/index.md").select(".journeys-overview__phase h2")]
    assert headings == ["discover", "buy", "lapsed"]


def test_without_lifecycle_phases_come_in_order_of_first_use(site) -> None:
    def journey(phase):
        return page({"journey": {"phase": phase, "stages": [{"name": "S", "steps": [{"name": "A"}]}]}})

    built = site({"journeys/a.md": journey("Use"), "journeys/b.md": journey("Buy"), "journeys/c.md": journey("Use"),
                  "journeys/d.md": page({"journey": {"stages": [{"name": "S", "steps": [{"name": "A"}]}]}})},
                 strict=True)
    assert not built.aborted
    headings = [h2.get_text(strip=True) for h2 in built.content("overview/index.md").select(".journeys-overview__phase h2")]
    assert headings == ["Use", "Buy", "Without a phase"]


@pytest.mark.parametrize("lifecycle, message", [
    ([{"id": "a", "name": "A"}], "lifecycle[0]: found the keys ['id', 'name']; expected only id and label"),
    (["a", "a"], "lifecycle[1].id: found 'a'; expected an id not listed twice"),
    ([3], "lifecycle[0]: found 3; expected a phase id"),
])
def test_a_wrong_lifecycle_option_names_the_item(site, lifecycle, message) -> None:
    built = site({"index.md": "# Home\n"}, plugin_config={"today": "2026-11-22", "lifecycle": lifecycle})
    assert built.aborted
    assert any(f"journeys: mkdocs.yml: plugins.journeys.{message}" in warning for warning in built.warnings), \
        built.warnings


def test_a_users_page_with_the_marker_takes_the_overviews_place(site) -> None:
    journey = page({"journey": {"owner": "ops", "stages": [{"name": "S", "steps": [{"name": "A"}]}]}})
    built = site({"journeys/x.md": journey,
                  "all.md": "# All our journeys\n\nIntro text.\n\n<!-- journey:overview -->\n\nAfter.\n"},
                 plugin_config={"today": "2026-11-22", "overview": "wiki/overview"})
    content = built.content("all.md")
    text = content.get_text(" ", strip=True)
    assert text.index("Intro text.") < text.index("X") < text.index("After.")
    assert content.select("article.journeys-overview__card")
    assert not (built.site_dir / "wiki" / "overview" / "index.html").exists()
    assert (built.site_dir / "wiki" / "overview" / "overview.json").exists()


# -- the comparison block of a compares pair ----------------------------------------------

CURRENT_STATE = """\
title: Booking today
journey:
  state: current
  compares: journeys/booking-future.md
  metrics: {nps: -5, csat: 61}
  stages:
    - name: Book
      id: book
      steps:
        - {name: Search, id: search, emotion: -1}
        - {name: Call the office, id: call, emotion: -2}
        - {name: Pay, id: pay, emotion: 1}
"""

FUTURE_STATE = """\
title: Booking tomorrow
journey:
  state: future
  compares: journeys/booking.md
  metrics: {nps: 20, ces: 3}
  stages:
    - name: Book
      id: book
      steps:
        - {name: Search, id: search, emotion: 1}
        - {name: Pick a pitch on the map, id: map, emotion: 2}
        - {name: Pay, id: pay, emotion: 1.5}
"""


@pytest.fixture(scope="module")
def pair_site(tmp_path_factory):
    from conftest import build_site

    return build_site(tmp_path_factory.mktemp("pair"), {
        "journeys/booking.md": page(CURRENT_STATE), "journeys/booking-future.md": page(FUTURE_STATE)},
        strict=True)


@pytest.mark.parametrize("path", ["journeys/booking.md", "journeys/booking-future.md"])
def test_both_pages_of_a_pair_compare_the_states(pair_site, path: str) -> None:
    assert not pair_site.aborted, pair_site.warnings
    block = pair_site.content(path).select_one("section.journeys-comparison")
    assert block is not None
    groups = {group["data-steps"]: [li.get_text(" ", strip=True) for li in group.select("li")]
              for group in block.select("[data-steps]")}
    assert groups == {"added": ["Pick a pitch on the map"], "removed": ["Call the office"], "kept": ["Search", "Pay"]}
    # the legend names both states, the earlier first, each with its own colour
    sides = block.select(".journeys-comparison__legend li")
    assert [side.get_text(" ", strip=True).split(" (")[0] for side in sides][0].startswith("Booking today")
    assert "Booking tomorrow" in sides[1].get_text()
    colours = [side.select_one("line")["class"][-1] for side in sides]
    assert colours == ["journeys-series--0", "journeys-series--1"]
    # one scale: both curves in the same chart, each point at its step's column
    chart = block.select_one("svg.journeys-comparison__chart")
    steps = chart.select(".journeys-comparison__step")
    # the later state's new step goes after the step it follows there
    assert [text["data-step"] for text in steps] == ["search", "map", "call", "pay"]
    x_of = {text["data-step"]: float(text["x"]) for text in steps}
    level_y = {text.get_text(): float(text["y"]) - 4 for text in chart.select(".journeys-comparison__tick")}
    before = [(float(c["cx"]), float(c["cy"])) for c in chart.select(".journeys-comparison__point--0")]
    after = [(float(c["cx"]), float(c["cy"])) for c in chart.select(".journeys-comparison__point--1")]
    assert before == [(x_of["search"], level_y["-1"]), (x_of["call"], level_y["-2"]), (x_of["pay"], level_y["+1"])]
    half = (level_y["+1"] + level_y["+2"]) / 2
    assert after == [(x_of["search"], level_y["+1"]), (x_of["map"], level_y["+2"]),
                     (x_of["pay"], pytest.approx(half, abs=0.1))]
    assert "Booking today (Current state): -1, -2, +1" in chart["aria-label"]
    # the metrics of both, current first
    rows = {row["data-metric"]: [td.get_text(strip=True) for td in row.select("td")]
            for row in block.select("tr[data-metric]")}
    assert rows == {"nps": ["-5", "+20"], "ces": ["–", "3"], "csat": ["61%", "–"]}


def test_a_journey_without_a_pair_has_no_comparison(site) -> None:
    built = site({"journeys/x.md": page({"journey": {"stages": [{"name": "S", "steps": [{"name": "A"}]}]}})})
    assert built.content("journeys/x.md").select_one(".journeys-comparison") is None


def test_a_journeys_phase_badge_shows_the_lifecycle_label(overview_site) -> None:
    built, _ = overview_site
    badge = built.content(journey_path(7)).select_one(".journeys-badge--phase")
    assert badge.get_text(strip=True) == "Use it"  # phase `use`, labelled by the lifecycle option


@pytest.mark.parametrize("folder", ["../outside", "", "opportunities"])
def test_the_overview_folder_is_checked(site, folder: str) -> None:
    built = site({"index.md": "# Home\n"}, plugin_config={"today": "2026-11-22", "overview": folder})
    assert built.aborted
    # a folder outside the site is refused by the option's definition; the index's own folder
    # once both options are known
    expected = ("journeys: `overview` must be a folder inside the site other than the opportunity index's "
                f"('opportunities'), not {folder!r}" if folder == "opportunities" else
                f"option 'overview': found {folder!r}; expected a folder inside the site")
    assert any(expected in warning for warning in built.warnings), built.warnings
