"""When each file was added and last changed, read from git in one pass."""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass, field

from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger(__name__)


@dataclass(frozen=True)
class History:
    """Dates of commits, by file (path relative to the folder read)."""

    added: dict[str, dt.datetime] = field(default_factory=dict)
    """The commit that last added the file: a post's date when it has none."""
    changed: dict[str, dt.datetime] = field(default_factory=dict)
    """The last commit that changed the file: a post's updated date when it has none."""

    def get(self, src_uri: str) -> dt.datetime | None:
        return self.added.get(src_uri)


def history(folder: str) -> History:
    """When each file under `folder` was added and last changed, by one `git log`.

    Outside a git repository, or without git, a warning says so and the result is empty.
    """
    command = [
        "git", "-C", folder, "log", "--relative", "--no-renames",
        "--format=%x00%aI", "--name-status", "--", ".",
    ]  # fmt: skip
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError) as error:
        detail = getattr(error, "stderr", "") or str(error)
        log.warning(f"git_dates: cannot read the git history of {folder} ({detail.strip()})")
        return History()
    found = History()
    for commit in result.stdout.split("\0")[1:]:
        stamp, _, names = commit.partition("\n")
        try:
            date = dt.datetime.fromisoformat(stamp.strip())
        except ValueError:
            continue
        for line in names.split("\n"):
            status, _, name = line.partition("\t")
            # Newest commits come first: the first date seen is the latest.
            if name and status == "A":
                found.added.setdefault(name, date)
            if name and status != "D":
                found.changed.setdefault(name, date)
    return found
