"""The build date that overdue and stale marks are computed against, reproducibly."""

from __future__ import annotations

import os
import re
from datetime import date, datetime, timedelta, timezone

EPOCH_VARIABLE = "SOURCE_DATE_EPOCH"
# reproducible-builds.org: "an ASCII representation of an integer", as `date +%s` prints it.
_EPOCH_RE = re.compile(r"-?[0-9]{1,20}")
_UNIX_EPOCH = date(1970, 1, 1)


class BuildDateError(ValueError):
    """The build date cannot be known; the message names the setting and what it must be."""


def iso_date(value: date | str) -> date:
    """A date given as a date (YAML's `2026-12-15`, a datetime cut to its day) or as an ISO
    text; ValueError otherwise."""
    if isinstance(value, datetime):  # YAML reads `2026-12-15 10:00` as a datetime
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"not a date: {value!r}")
    return date.fromisoformat(value.strip())


def date_from_epoch(text: str) -> date:
    """The UTC day of SOURCE_DATE_EPOCH's text; BuildDateError naming the variable if it is
    not a whole number of seconds, or lies outside the years 1 to 9999."""
    text = text.strip()
    if not _EPOCH_RE.fullmatch(text):
        shown = text if len(text) <= 40 else text[:39] + "…"
        raise BuildDateError(f"the environment variable {EPOCH_VARIABLE} must be a whole number of seconds since "
                             f"1970-01-01 UTC, such as 1767225600 (as `date +%s` prints it), not {shown!r}")
    try:
        return _UNIX_EPOCH + timedelta(seconds=int(text))
    except OverflowError:
        raise BuildDateError(f"the environment variable {EPOCH_VARIABLE} is {text}: that is not a day between "
                             "the years 1 and 9999; it must be a whole number of seconds since 1970-01-01 UTC, "
                             "such as 1767225600") from None


def build_date(option: date | str | None = None, environ: dict[str, str] | None = None) -> date:
    """The `today` option if set, else SOURCE_DATE_EPOCH (reproducible builds), else today (UTC).
    A bad option raises ValueError; a bad SOURCE_DATE_EPOCH raises BuildDateError, even when
    the option wins: MkDocs reads the variable too (its pages' dates), and would stop on it
    with a traceback. Set but empty counts as bad for the same reason."""
    environ = environ if environ is not None else os.environ
    from_epoch = date_from_epoch(environ[EPOCH_VARIABLE]) if EPOCH_VARIABLE in environ else None
    if option:
        return iso_date(option)
    return from_epoch or datetime.now(tz=timezone.utc).date()
