"""Journey maps written elsewhere (a Mermaid `journey` diagram, a spreadsheet saved as CSV),
read into a JourneyDraft and written as journey pages of this format.

Nothing here touches the file system beyond what the caller hands over: the command line
(cli/importers.py) reads the input, decides where pages go and writes them.
"""

from .draft import InputError, JourneyDraft, PersonaDraft, StageDraft, StepDraft
from .page_text import department_page, journey_page, persona_page

__all__ = [
    "InputError", "JourneyDraft", "PersonaDraft", "StageDraft", "StepDraft",
    "department_page", "journey_page", "persona_page",
]
