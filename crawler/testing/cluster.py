"""ReplicaCluster: start the five outlet replicas (or a chosen set) together."""

from __future__ import annotations

from datetime import datetime
from types import TracebackType

from crawler.testing.article import ReplicaArticle
from crawler.testing.corpus import default_articles, generate_articles
from crawler.testing.profiles import OUTLET_KEYS
from crawler.testing.site import ReplicaSite


def env_name(outlet: str) -> str:
    """The settings variable that points Pantau at an outlet: PANTAU_<KEY>_BASE_URL."""
    return f"PANTAU_{outlet.upper()}_BASE_URL"


class ReplicaCluster:
    """Several ReplicaSites; `start()` returns {outlet key: base URL}."""

    def __init__(
        self,
        outlets: list[str] | tuple[str, ...] | None = None,
        *,
        articles: dict[str, list[ReplicaArticle]] | None = None,
        n_articles: int | None = None,
        seed: int = 0,
        host: str = "127.0.0.1",
        port_base: int = 0,
        now: datetime | None = None,
    ) -> None:
        self.outlets = tuple(outlets or OUTLET_KEYS)
        self.sites: dict[str, ReplicaSite] = {}
        for key in self.outlets:
            if articles is not None and key in articles:
                chosen = articles[key]
            else:
                chosen = default_articles(key, now)
                if n_articles is not None and n_articles > len(chosen):
                    chosen = chosen + generate_articles(key, n_articles - len(chosen), seed, now)
            port = port_base + OUTLET_KEYS.index(key) if port_base else 0
            self.sites[key] = ReplicaSite(key, chosen, host=host, port=port)

    def start(self) -> dict[str, str]:
        try:
            for site in self.sites.values():
                site.start()
        except OSError:
            self.stop()
            raise
        return self.base_urls

    def stop(self) -> None:
        for site in self.sites.values():
            site.stop()

    @property
    def base_urls(self) -> dict[str, str]:
        return {key: site.base_url for key, site in self.sites.items()}

    def env(self) -> dict[str, str]:
        """Environment variables that point Pantau's settings at the replicas."""
        return {env_name(key): url for key, url in self.base_urls.items()}

    def __getitem__(self, outlet: str) -> ReplicaSite:
        return self.sites[outlet]

    def __enter__(self) -> ReplicaCluster:
        self.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
