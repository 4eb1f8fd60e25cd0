"""Dates of the commits that added each file, read from git in one pass."""

from __future__ import annotations

import datetime as dt
import subprocess

from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger(__name__)


def added_dates(folder: str) -> dict[str, dt.datetime]:
    """When each file under `folder` (path relative to it) was last added, by one `git log`.

    Outside a git repository, or without git, a warning says so and the result is empty.
    """
    command = [
        "git", "-C", folder, "log", "--relative", "--diff-filter=A", "--no-renames",
        "--format=%x00%aI", "--name-only", "--", ".",
    ]  # fmt: skip
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError) as error:
        detail = getattr(error, "stderr", "") or str(error)
        log.warning(f"git_dates: cannot read the git history of {folder} ({detail.strip()})")
        return {}
    dates: dict[str, dt.datetime] = {}
    for commit in result.stdout.split("\0")[1:]:
        stamp, _, names = commit.partition("\n")
        try:
            date = dt.datetime.fromisoformat(stamp.strip())
        except ValueError:
            continue
        for name in names.split("\n"):
            # Newest commits come first: the first date seen is the latest time it was added.
            if name and name not in dates:
                dates[name] = date
    return dates
