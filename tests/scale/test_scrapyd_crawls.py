"""The leader's Scrapyd path against two real Scrapyd nodes: crawls of replicas, and failover when a node dies."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from crawler.testing import ReplicaSite
from monitor.db.models import Article, CrawlRun
from monitor.db.session import make_engine, make_sessionmaker
from monitor.service.crawls import CrawlOutcome
from monitor.service.runner import ensure_outlets
from monitor.service.scrapyd_crawls import ScrapydCrawls
from monitor.settings import Settings
from tests.scale.conftest import ScrapydNode

pytestmark = pytest.mark.timeout(240)


@pytest.fixture
def sessions(fresh_database_url: str) -> Iterator[sessionmaker[Session]]:
    made = make_sessionmaker(make_engine(fresh_database_url))
    yield made
    made.kw["bind"].dispose()


def run_until(crawls: ScrapydCrawls, outcomes: list[CrawlOutcome], done: Callable[[], bool], nodes: list[ScrapydNode],
              timeout: float = 150) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        crawls.poll()
        if time.monotonic() > deadline:
            logs = "\n".join(node.log() for node in nodes)
            raise AssertionError(f"crawls did not end in {timeout}s; outcomes {outcomes}\n{logs}")
        time.sleep(0.2)


def test_crawls_run_on_both_nodes_and_store_articles(
    two_nodes: list[ScrapydNode], settings_factory: Callable[..., Settings],
    sessions: sessionmaker[Session], fresh_database_url: str,
) -> None:
    nodes = two_nodes
    with ReplicaSite("diksi").start() as diksi, ReplicaSite("posjayanews").start() as posjaya:
        settings = settings_factory(scrapyd_urls=[n.url for n in nodes], diksi_base_url=diksi.base_url,
                                    posjayanews_base_url=posjaya.base_url, crawl_timeout=120)
        outcomes: list[CrawlOutcome] = []
        ensure_outlets(sessions, settings)  # as the leader does when it takes over
        crawls = ScrapydCrawls(sessions, settings, fresh_database_url, on_finish=outcomes.append)
        crawls.request("diksi")
        crawls.request("posjayanews")
        crawls.poll()
        placement = crawls.placement()
        # both nodes were idle: the second crawl goes to the other, less busy node
        assert sorted(placement.values()) == sorted(n.url for n in nodes), placement
        # the leader steps down: its jobs keep running and the next leader adopts them from crawl_runs
        assert crawls.stop_all() == [] and crawls.running() == []
        successor = ScrapydCrawls(sessions, settings, fresh_database_url, on_finish=outcomes.append)
        successor.poll()
        assert successor.placement() == placement
        run_until(successor, outcomes, lambda: len(outcomes) == 2, nodes)
        replica_paths = {key: [r.path for r in site.request_log] for key, site in
                         (("diksi", diksi), ("posjayanews", posjaya))}

    assert {o.outlet: o.status for o in outcomes} == {"diksi": "ok", "posjayanews": "ok"}, outcomes
    with sessions() as session:
        runs = session.scalars(select(CrawlRun).order_by(CrawlRun.id)).all()
        assert [(r.outlet_key, r.node, r.status) for r in runs] == [
            ("diksi", placement["diksi"], "ok"), ("posjayanews", placement["posjayanews"], "ok")]
        assert all(r.job_id and len(r.job_id) == 32 for r in runs)
        stored = dict(session.execute(select(Article.outlet_key, func.count()).group_by(Article.outlet_key)).all())
    assert stored.get("diksi", 0) > 0 and stored.get("posjayanews", 0) > 0, stored
    assert {o.outlet: o.new_articles for o in outcomes} == stored
    # the spiders crawled the replicas given by the leader (base_url argument), not the real sites
    assert all(paths for paths in replica_paths.values())


# kills a node: keep it the last test of this module (the nodes are shared by the module)
def test_outlet_is_crawled_on_the_other_node_when_its_node_dies(
    two_nodes: list[ScrapydNode], settings_factory: Callable[..., Settings],
    sessions: sessionmaker[Session], fresh_database_url: str,
) -> None:
    nodes = two_nodes
    with ReplicaSite("patrolipost").start() as site:
        # article pages answer slowly, so the first crawl is still running when its node is killed
        site.inject_fault("/20*", "slow", times=None, delay=1.5)
        settings = settings_factory(scrapyd_urls=[n.url for n in nodes], patrolipost_base_url=site.base_url,
                                    crawl_timeout=120)
        outcomes: list[CrawlOutcome] = []
        ensure_outlets(sessions, settings)  # as the leader does when it takes over
        crawls = ScrapydCrawls(sessions, settings, fresh_database_url, on_finish=outcomes.append)
        crawls.request("patrolipost")
        crawls.poll()
        first_node = crawls.placement()["patrolipost"]
        victim = next(n for n in nodes if n.url == first_node)
        survivor = next(n for n in nodes if n.url != first_node)

        def crawl_started() -> bool:
            crawls.poll()
            with sessions() as session:  # the spider fills in its pid when it starts crawling
                return bool(session.scalar(select(CrawlRun.pid).where(CrawlRun.node == first_node)))

        run_until(crawls, outcomes, crawl_started, nodes)
        victim.kill()
        site.clear_faults()
        run_until(crawls, outcomes, lambda: len(outcomes) == 1, nodes)

    assert outcomes[0].outlet == "patrolipost" and outcomes[0].status == "ok", outcomes
    with sessions() as session:
        runs = session.scalars(select(CrawlRun).order_by(CrawlRun.id)).all()
        assert [(r.node, r.status) for r in runs] == [(victim.url, "interrupted"), (survivor.url, "ok")]
        assert "unreachable" in (runs[0].error_message or "")
        assert outcomes[0].run_id == runs[1].id
        stored = session.scalar(select(func.count()).select_from(Article).where(Article.outlet_key == "patrolipost"))
    assert stored and stored > 0
