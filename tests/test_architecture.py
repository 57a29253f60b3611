"""The arrows of architecture.md: which packages may import which."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def offending(package: str, forbidden: tuple[str, ...]) -> list[str]:
    bad = []
    for path in modules(package):
        for name in imports_of(path):
            if any(name == f or name.startswith(f + ".") for f in forbidden):
                bad.append(f"{path.relative_to(ROOT)} imports {name}")
    return bad


PURE_FORBIDDEN = (
    "sqlalchemy", "psycopg", "scrapy", "twisted", "requests", "urllib.request", "http", "socket",
    "monitor.db", "monitor.settings", "monitor.alerts", "monitor.service", "monitor.processing", "crawler",
)


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        ("monitor/text", PURE_FORBIDDEN),
        ("crawler/extract", (*PURE_FORBIDDEN[:-1], "crawler.pipelines", "crawler.store", "crawler.platforms",
                             "crawler.spiders", "monitor.stories")),
        ("crawler", ("monitor.alerts", "monitor.service", "monitor.cli")),
        ("monitor/service", ("crawler.spiders", "crawler.platforms", "monitor.cli")),
        ("monitor/alerts", ("crawler", "monitor.service", "monitor.cli")),
    ],
)
def test_imports_run_one_way(package: str, forbidden: tuple[str, ...]) -> None:
    assert offending(package, forbidden) == []


def test_nothing_imports_the_cli() -> None:
    users = [
        str(path.relative_to(ROOT))
        for package in ("monitor", "crawler")
        for path in modules(package)
        if path.name != "cli.py" and "monitor.cli" in imports_of(path)
    ]
    assert users == []
