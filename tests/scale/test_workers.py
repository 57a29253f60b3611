"""Two `pantau worker` processes share the queue: 1,000 articles each processed once, each alert sent once."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import psycopg
import pytest

from monitor.db.session import make_engine, make_sessionmaker, transaction
from monitor.service.sink import SmtpSink
from tests.monitor.factory import NOW, SANCTION_BODY, add_articles, add_outlets, article_values, corpus
from tests.service.conftest import ServiceProcess, query, service_env, wait_until

# 1,000 articles take 1-2 minutes on a quiet 2-core machine, several when it is busy
pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

ARTICLES = 1000
PLACES = ("Temanggung", "Wonosobo", "Pringsewu", "Tabanan", "Gianyar")

# every transition of an article to 'done' is logged with the worker that made it (PGOPTIONS sets the name)
AUDIT = """
CREATE TABLE processed_log (article_id bigint NOT NULL, worker text);
CREATE FUNCTION log_processed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO processed_log VALUES (NEW.id, current_setting('pantau.worker', true));
  RETURN NEW;
END $$;
CREATE TRIGGER articles_processed AFTER UPDATE OF state ON articles
  FOR EACH ROW WHEN (NEW.state = 'done' AND OLD.state IS DISTINCT FROM 'done') EXECUTE FUNCTION log_processed();
"""


def sanction_rows() -> list[dict[str, object]]:
    """Five sanction reports from five regencies (distinct stories, one alert each)."""
    rows = []
    for i, place in enumerate(PLACES):
        body = SANCTION_BODY.replace("Temanggung", place).replace("dua camat", f"{i + 2} camat")
        rows.append(article_values("diksi", f"{i + 2} Camat di {place} Dijatuhi Hukuman Disiplin", body, NOW))
    return rows


def test_two_workers_share_the_queue_and_double_nothing(fresh_database_url: str, tmp_path: Path) -> None:
    sessions = make_sessionmaker(make_engine(fresh_database_url))
    with transaction(sessions) as session:
        add_outlets(session)
        add_articles(session, corpus(seed=8, count=ARTICLES - len(PLACES), copies_every=10, sentences=4)
                     + sanction_rows())
    sessions.kw["bind"].dispose()
    with psycopg.connect(fresh_database_url, autocommit=True) as conn:
        conn.execute(AUDIT)  # type: ignore[arg-type]  # several statements: simple query protocol

    workers: list[ServiceProcess] = []
    with SmtpSink() as sink:
        try:
            for name in ("w1", "w2"):
                env = service_env(fresh_database_url, tmp_path / "data", PANTAU_PROCESS_INTERVAL="1",
                                  PANTAU_PROCESS_BATCH="20", PANTAU_DISPATCH_INTERVAL="1",
                                  PANTAU_SMTP_HOST="127.0.0.1", PANTAU_SMTP_PORT=str(sink.port),
                                  PANTAU_ALERT_TO="ops@example.org", PGOPTIONS=f"-c pantau.worker={name}")
                workers.append(ServiceProcess(env, tmp_path / f"{name}.log", command="worker"))

            def done() -> bool:
                assert all(w.alive() for w in workers), "\n".join(w.log()[-3000:] for w in workers)
                left = query(fresh_database_url, "SELECT count(*) FROM articles WHERE state = 'new'")[0][0]
                pending = query(fresh_database_url, "SELECT count(*) FROM alerts WHERE status = 'pending'")[0][0]
                return left == 0 and pending == 0

            wait_until(done, timeout=720, what="two workers to drain the queue", interval=1.0)
            alerts = query(fresh_database_url, "SELECT id, status FROM alerts WHERE kind = 'sanction'")
            wait_until(lambda: len(sink.received) >= len(alerts), timeout=30, what="the alert e-mails")
        finally:
            for worker in workers:
                worker.close()

    log = query(fresh_database_url, "SELECT article_id, worker FROM processed_log")
    per_article = Counter(article_id for article_id, _ in log)
    assert len(per_article) == ARTICLES and set(per_article.values()) == {1}, "every article processed once"
    per_worker = Counter(worker for _, worker in log)
    assert set(per_worker) == {"w1", "w2"} and all(n > 0 for n in per_worker.values()), per_worker
    assert query(fresh_database_url, "SELECT DISTINCT state, attempts FROM articles") == [("done", 1)]

    assert alerts and {status for _, status in alerts} == {"sent"}, alerts
    ids = Counter(item.message["Message-ID"] for item in sink.received)
    assert len(sink.received) == len(alerts) and set(ids.values()) == {1}, "each alert e-mailed once"
