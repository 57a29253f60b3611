"""The crawler as a Scrapyd egg: `scrapyd-deploy --build-egg pantau.egg` (or `python setup.py bdist_egg`) here."""

from pathlib import Path

from setuptools import find_packages, setup

ROOT = Path(__file__).resolve().parents[2]
SOURCE = "../.."  # the repository root, relative to this directory (setuptools wants it relative)


def version() -> str:
    for line in (ROOT / "pyproject.toml").read_text(encoding="utf-8").splitlines():
        if line.startswith("version"):
            return line.split("=", 1)[1].strip().strip('"')
    return "0"


setup(
    name="pantau-crawler",
    version=version(),
    description="Pantau's spiders for Scrapyd; the node needs the pantau package (monitor) installed",
    package_dir={"": SOURCE},
    packages=find_packages(str(ROOT), include=["crawler", "crawler.*"],
                           exclude=["crawler.testing", "crawler.testing.*"]),
    entry_points={"scrapy": ["settings = crawler.settings"]},
    zip_safe=True,
    options={"egg_info": {"egg_base": "."}},  # keep egg-info here, not in the repository root
)
