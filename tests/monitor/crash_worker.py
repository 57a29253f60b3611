"""Child process of the crash tests: process the queue, and hang inside a transaction after N articles.

Arguments: database URL, marker file, N, and optionally PANTAU_PROCESS_LEASE (seconds).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import monitor.processing as processing
from monitor.db.session import make_engine, make_sessionmaker
from monitor.settings import Settings


def main() -> None:
    url, marker, after = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    lease: dict[str, Any] = {"process_lease": int(sys.argv[4])} if len(sys.argv) > 4 else {}
    real = processing.process_article
    done = 0

    def hang_after_n(session: Any, article: Any, settings: Settings) -> Any:
        nonlocal done
        outcome = real(session, article, settings)
        done += 1
        if done > after:  # everything of this article is written, nothing committed: wait for SIGKILL
            session.flush()
            marker.write_text(str(article.id))
            time.sleep(300)
        return outcome

    processing.process_article = hang_after_n  # type: ignore[assignment]
    settings = Settings(_env_file=None, database_url=url, process_batch=7, **lease)  # type: ignore[call-arg]
    processing.process_pending(make_sessionmaker(make_engine(url)), settings)


if __name__ == "__main__":
    main()
