"""Site replicas: real HTTP servers on 127.0.0.1 that look like the five outlets (tests, benchmarks, demo).

Interface
---------
``ReplicaSite(outlet_key, articles=None, *, host="127.0.0.1", port=0, now=None)``
    One outlet's site (stdlib ThreadingHTTPServer, HTTP/1.1 keep-alive, gzip when asked) in a daemon thread.
    ``articles=None`` serves ``default_articles(outlet_key, now)`` (14 articles). Methods/attributes:
    ``start()`` (returns self), ``stop()``, context manager, ``base_url`` ("http://127.0.0.1:PORT"),
    ``publish(article) -> url`` (feeds, listings and sitemaps follow; a repeated slug gets "-2"),
    ``update(article) -> url`` (same slug, new content; id and path kept), ``remove(article|slug)`` (404 after),
    ``entries`` (``Entry(article, id, path)``, newest first), ``articles``, ``url_for(article|slug, page=1)``,
    ``request_log`` (list of ``LoggedRequest(method, path_with_query, headers)``, last 200,000), ``reset_log()``,
    ``inject_fault(path_pattern, kind, times=1, *, delay=2.0) -> Fault`` (glob, or regex if it starts with
    "^", matched against the path and path+query; ``times=None`` = forever; ``Fault.hits`` counts uses),
    ``clear_faults()``, ``render(method, target, base_url=None) -> Reply`` (no server needed). ``stop()`` also
    closes kept-alive connections; ``start()`` again reuses the port (an outage and its end).
    Fault kinds: ``http500``, ``http503`` (Retry-After: 1), ``slow`` (sleeps ``delay`` s then answers),
    ``truncate`` (HTML cut inside a tag past its middle, Content-Length matches the cut body),
    ``wrong_charset`` (UTF-8 bytes declared ISO-8859-1 in header, <meta> and XML declaration),
    ``wrong_charset_cp1252`` (windows-1252 bytes declared UTF-8), ``reset`` (TCP RST, no response).
``ReplicaCluster(outlets=None, *, articles=None, n_articles=None, seed=0, host, port_base=0, now=None)``
    ``start() -> {key: base_url}``, ``stop()``, ``env() -> {"PANTAU_<KEY>_BASE_URL": url}``, ``cluster[key]``.
``ReplicaArticle`` (frozen): slug (``key``), title, published (aware), authors, paragraphs (body text without
    dateline/captions/BACA JUGA/footer/credits), category, category_name, tags, expected_relevant,
    expected_sanction_report, city, kind (template), editor, pages (paragraphs per Disway page),
    statements (``ReplicaQuote(quote, speaker, role, verb)``), sanction (``ReplicaSanction(subjects, count,
    sanction_type, violation, authority, region, kind)``), caption, photographer, source, modified.
``default_articles(outlet, now=None)``, ``generate_articles(outlet, n, seed=0, now=None)`` (2,000 in ~0.2 s),
``make_sanction_article(outlet, now=None, seed=None)`` (fresh on-topic sanction report, published at now).
CLI: ``python -m crawler.testing serve [--port-base 18080] [--articles N] [--outlets a,b]`` prints
``PANTAU_<KEY>_BASE_URL=...`` lines; ``python -m crawler.testing fixtures [tests/fixtures]``.

URL layout (all links absolute on ``base_url``)
-----------------------------------------------
Disway (magelangekspres: page step 15, ids ~668900; radarmetro: page step 16, ids ~6100), WIB:
    ``/``, ``/robots.txt`` (Disallow /admin), ``/rss``, ``/rss/<category>`` (RSS 2.0, 30 items, conditional GET),
    ``/kategori/<slug>[/<offset>]`` (Radar Metro links ``/kategori/<num>/<slug>``; both forms answer) and
    ``/listtag/<tag_id>/<tag-slug>[/<offset>]`` (30 per page, offsets 30, 60 …, ``a[rel=next]`` until the last
    page, 404 past it), ``/search/kata/?c=<q>`` (later pages
    ``/search/kata/<offset>?c=<q>``), ``/read/<id>/<slug>`` + ``/read/<id>/<slug>/<page_step*(n-1)>``, AMP twins
    ``/amp/<id>/<slug>[/<offset>]``; pagination ``ul.pagination a[data-ci-pagination-page]`` (+ rel=next/prev).
WordPress, WITA (+08:00): diksi permalinks ``/index.php/<slug>`` (archives/feeds linked under ``/index.php/``,
    also answered without it); patrolipost ``/YYYY/MM/DD/<slug>/`` (bare slug or missing slash -> 301).
    ``/feed/`` (10 items, ``?paged=N``, 404 past the end), ``/category/<slug>/feed/``, ``/tag/<slug>/feed/``,
    ``/category/<slug>/[page/N/]``, ``/tag/<slug>/[page/N/]``, ``/page/N/``, ``/?s=<q>``, ``/?p=<id>`` (301),
    ``/wp-sitemap.xml`` -> ``/wp-sitemap-posts-post-1.xml`` (lastmod), ``/wp-json/wp/v2/posts?search=&per_page=
    (<=100)&page=`` (X-WP-Total/X-WP-TotalPages; 400 past the end). Feeds/sitemaps: ETag + Last-Modified, 304.
Blogger (posjayanews), WIB: ``/YYYY/MM/<slug>.html``, ``/feeds/posts/default`` (Atom; ``?alt=rss``;
    ``max-results`` default 25, cap 150; ``start-index``; ``link rel=next``), ``/feeds/posts/default/-/<Label>``,
    ``/feeds/posts/summary``, ``/sitemap.xml`` (index) -> ``/sitemap.xml?page=N`` (150 each),
    ``/search/label/<Label>``, ``/search?q=`` (disallowed in robots.txt but served).
"""

from crawler.testing.article import (
    WIB,
    WIT,
    WITA,
    ReplicaArticle,
    ReplicaQuote,
    ReplicaSanction,
    slugify,
)
from crawler.testing.cluster import ReplicaCluster, env_name
from crawler.testing.corpus import default_articles, generate_articles, make_sanction_article
from crawler.testing.faults import FAULT_KINDS, Fault
from crawler.testing.profiles import OUTLET_KEYS, PROFILES, OutletProfile
from crawler.testing.site import LoggedRequest, ReplicaSite
from crawler.testing.state import Entry, tag_id

__all__ = [
    "FAULT_KINDS",
    "OUTLET_KEYS",
    "PROFILES",
    "WIB",
    "WIT",
    "WITA",
    "Entry",
    "Fault",
    "LoggedRequest",
    "OutletProfile",
    "ReplicaArticle",
    "ReplicaCluster",
    "ReplicaQuote",
    "ReplicaSanction",
    "ReplicaSite",
    "default_articles",
    "env_name",
    "generate_articles",
    "make_sanction_article",
    "slugify",
    "tag_id",
]
