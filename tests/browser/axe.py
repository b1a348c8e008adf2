"""axe-core (the npm package, added to the page) run on a loaded page: its serious and
critical findings, each named by the part of the page that renders the element (this
plugin, the author's Markdown, Material's search box or footer), for the browser tests that
check a page for accessibility."""

from __future__ import annotations

# Violations of Material for MkDocs itself (9.x), outside anything this plugin renders; each
# is named by rule and the element it is found on, so that any other violation still fails:
# - its search dialog (`.md-search`, role=dialog) has no accessible name;
# - its footer's "Made with Material" line is 4.47:1 on the footer's black;
# - it shows links in the author's own Markdown paragraphs in colour only, without underline.
THEME_ISSUES = {
    ("aria-dialog-name", "search"),
    ("color-contrast", "copyright"),
    ("link-in-text-block", "markdown"),
}

AXE_RUN = """async () => {
    // Who renders the element: this plugin (inside a .journeys block), the author's
    // Markdown in the article, or Material's own search box and footer.
    function owner(selector) {
        const element = document.querySelector(selector);
        if (!element) return "unknown";
        if (element.closest(".journeys")) return "plugin";
        if (element.closest(".md-search")) return "search";
        if (element.closest(".md-copyright")) return "copyright";
        if (element.closest("article")) return "markdown";
        return "theme";
    }
    const result = await axe.run(document, {resultTypes: ["violations"]});
    const found = [];
    for (const violation of result.violations) {
        if (violation.impact !== "serious" && violation.impact !== "critical") continue;
        for (const node of violation.nodes) {
            const selector = node.target.join(" ");
            found.push({rule: violation.id, impact: violation.impact, help: violation.help,
                        owner: owner(selector), where: selector, why: node.failureSummary});
        }
    }
    return found;
}"""


def run_axe(page, axe_source: str) -> list[dict]:
    """axe's serious and critical findings on the page (axe added to it once)."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(content=axe_source)
    return page.evaluate(AXE_RUN)


def run_axe_but_the_themes(page, axe_source: str) -> list[dict]:
    """axe's serious and critical findings on the page, but Material's own (THEME_ISSUES)."""
    return [v for v in run_axe(page, axe_source) if (v["rule"], v["owner"]) not in THEME_ISSUES]
