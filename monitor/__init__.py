"""Pantau's monitor: storage, analysis, alerts and the service around the crawler."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("pantau")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"
