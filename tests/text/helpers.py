"""Shared test data: our labelled articles and the location of the shared development material."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
LABELLED = REPO / "tests" / "data" / "labelled"


def shared_dir() -> Path:
    env = os.environ.get("PANTAU_SHARED_DIR")
    return Path(env) if env else REPO.parent / "shared"


def labelled(split: str) -> list[dict[str, Any]]:
    with (LABELLED / f"{split}.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]
