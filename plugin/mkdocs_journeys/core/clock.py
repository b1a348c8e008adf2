"""The build date that overdue and stale marks are computed against, reproducibly."""

from __future__ import annotations

import os
from datetime import date, datetime, timezone


def build_date(option: date | str | None = None, environ: dict[str, str] | None = None) -> date:
    """The `today` option if set, else SOURCE_DATE_EPOCH (reproducible builds), else today (UTC)."""
    if isinstance(option, date):
        return option
    if option:
        return date.fromisoformat(str(option).strip())
    epoch = (environ if environ is not None else os.environ).get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    return datetime.now(tz=timezone.utc).date()
