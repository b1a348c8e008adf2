from sample_pages import journey_page, supporting_pages


def test_a_complete_journey_builds_strict_with_its_map(site):
    built = site({"journeys/camping.md": journey_page(), **supporting_pages()}, strict=True)
    assert not built.aborted, built.warnings
    content = built.content("journeys/camping.md")
    table = content.select_one("table.journey-map__table")
    assert table is not None
    lanes = [row.select_one("th").get_text(" ", strip=True) for row in table.select("tbody tr")]
    assert lanes[0] == "Actions"
