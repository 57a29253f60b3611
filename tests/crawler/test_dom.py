"""The fast paths of page reading find what the plain selectors and scans find."""

from __future__ import annotations

import copy

from crawler.extract import dom
from crawler.extract.clean import normalise
from crawler.extract.people import authors_from_text
from crawler.extract.profiles import DISWAY

PAGE = """<html><head><script>var a = {"b": 1};</script></head><body>
<div class="pagination\xa0x"><i class="active">9</i></div>
<div class="wrap pagination"><ul><li class="active x">1</li><li class="current">2</li></ul></div>
<div class="x page-links "><span class=" current">3</span><b class="active">8</b></div>
<a class="post-page-numbers\tcurrent" href="#">4</a><a class="post-page-numbers" href="#">5</a>
<p class="ACTIVE">6</p>
<div class="post text-black-1">Kota, MAGELANGEKSPRES.COM - Awal <script>x()</script>tail one
  <div class="related">Baca <span class="share">juga</span> tail inside</div> tail two
  <p>Paragraf <small>kecil</small> satu.</p><figure><figcaption>Foto</figcaption></figure> tail three
  <div id="author"><strong>Reporter : Budi Santoso</strong></div>
  <div class="ads-slot"><ins class="adsbygoogle"></ins></div><p>Editor: Ani | Penulis : Candra</p>
</div>
<section><span>Reporter: Dewi Lestari</span><div>Editor : <b>Eko</b></div></section>
</body></html>"""


def _sequential_remove(root: object, selectors: tuple[str, ...]) -> None:
    for selector in selectors:
        for element in dom.css(root, selector):
            dom._drop(element)


def test_current_page_markers_match_the_selector() -> None:
    root = dom.parse(PAGE)
    assert root is not None
    for context in (root, root.find("body"), root.find(".//ul")):
        assert dom.current_page_markers(context) == dom.css(context, dom.CURRENT_PAGE)
    # not: `current` under .pagination, `active` under .page-links, a class "pagination\xa0x"
    assert [dom.text_of(e) for e in dom.current_page_markers(root)] == ["1", "3", "4"]


def test_drop_selectors_in_one_pass_leave_the_same_text() -> None:
    root = dom.parse(PAGE)
    container = dom.css(root, "div.post.text-black-1")[0]
    one_pass, one_by_one = copy.deepcopy(container), copy.deepcopy(container)
    dom.remove(one_pass, DISWAY.drop)
    _sequential_remove(one_by_one, DISWAY.drop)
    assert normalise(" ".join(one_pass.itertext())) == normalise(" ".join(one_by_one.itertext()))
    assert dom.paragraphs(one_pass) == dom.paragraphs(one_by_one)
    assert "tail inside" not in dom.text_of(one_pass) and "tail two" in dom.text_of(one_pass)


def test_author_lines_in_a_document_and_in_a_subtree() -> None:
    root = dom.parse(PAGE)
    assert root is not None
    assert authors_from_text(root) == (["Budi Santoso", "Candra", "Dewi Lestari"], ["Ani", "Eko"])
    section = root.find(".//section")
    assert authors_from_text(section) == (["Dewi Lestari"], ["Eko"])


def test_text_of_ascii_and_unicode() -> None:
    root = dom.parse("<p> a\tb <b> c </b>\n d </p><p>e\u200b\u0301 <i>f\xa0g</i></p>")
    first, second = dom.css(root, "p")
    assert dom.text_of(first) == "a b c d"
    assert dom.text_of(second) == normalise(" ".join(normalise(t) for t in second.itertext()))
