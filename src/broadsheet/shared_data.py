"""Where the shared, licensed data sets live: $BROADSHEET_SHARED_DATA, else ../shared/data beside the repository."""

from __future__ import annotations

import os
from pathlib import Path

REPOSITORY_ROOT = Path(__file__).resolve().parents[2]


class SharedDataMissing(FileNotFoundError):
    pass


def shared_data_dir() -> Path:
    configured = os.environ.get("BROADSHEET_SHARED_DATA")
    candidates = (
        [Path(configured)]
        if configured
        else [REPOSITORY_ROOT.parent / "shared" / "data", Path.cwd().parent / "shared" / "data"]
    )
    for candidate in candidates:
        if candidate.is_dir():
            return candidate.resolve()
    raise SharedDataMissing(
        f"The shared data sets were not found at {candidates[0]}. "
        "Set BROADSHEET_SHARED_DATA to the folder that holds news/, spam/ and wxr/."
    )


def shared_data_file(relative: str) -> Path:
    path = shared_data_dir() / relative
    if not path.exists():
        raise SharedDataMissing(
            f"{path} is missing from the shared data (BROADSHEET_SHARED_DATA={path.parents[0]})."
        )
    return path
