"""The token pattern language, its compiled tables, and the shared text scanning."""

from __future__ import annotations

import pytest
from _detectors_reference import reference_find
from hypothesis import given, settings
from hypothesis import strategies as st

from guardrail.detectors._base import Scan, TokenPatterns, compile_pattern, load_table
from guardrail.detectors._chars import ascii_table, swap
from guardrail.detectors._patterns import _TOKEN, BOUNDARIES
from guardrail.detectors._text import (
    _NON_TOKEN,
    _STRAY_APOSTROPHE,
    lower_same_length,
    mask_quotes,
    normalize,
)
from guardrail.exceptions import ConfigError


def spans(patterns: list, text: str, **kw: object) -> list[str]:
    scan = Scan(text)
    return [text[m.start : m.end] for m in scan.find(TokenPatterns(patterns, **kw))]  # type: ignore[arg-type]


class TestLanguage:
    """Alternatives, optional elements, gaps, prefixes, numbers, boundaries and macros."""

    def test_alternatives_and_multi_token(self) -> None:
        assert spans(["i_am|i'm useless"], "Well, I am useless. I'm useless.") == [
            "I am useless",
            "I'm useless",
        ]

    def test_optional_and_gap(self) -> None:
        assert spans(["i [really] keep ~2 failing"], "I really keep on somehow failing") == [
            "I really keep on somehow failing"
        ]
        assert spans(["i keep ~1 failing"], "I keep on somehow failing") == []

    def test_gap_stops_at_sentence_boundary(self) -> None:
        assert spans(["i ~3 useless"], "I tried. Useless.") == []

    def test_prefix_number_and_boundary(self) -> None:
        assert spans(["fail* at #"], "failing at 42 and failed at x") == ["failing at 42"]
        assert spans(["^ nope ^"], "Nope. Well, nope, fine") == ["Nope"]

    def test_macros(self) -> None:
        assert spans(["$ME useless"], "I'm useless", macros={"ME": "i'm|i_am"}) == ["I'm useless"]

    def test_curly_apostrophes(self) -> None:
        assert spans(["i'm useless"], "I’m useless") == ["I’m useless"]

    @pytest.mark.parametrize(
        "bad", ["[maybe]", "~9 word", "fail*", "a|$X", "word ~0", "^ #", "word [~1]", "% word"]
    )
    def test_malformed(self, bad: str) -> None:
        with pytest.raises(ConfigError):
            compile_pattern(bad)

    def test_weight_range(self) -> None:
        with pytest.raises(ConfigError):
            compile_pattern("useless", 1.5)


class TestScan:
    """Quotes are masked with offsets kept; a plain paragraph never opens a table."""

    def test_mask_keeps_length(self) -> None:
        text = 'He said "I am useless" and > quoted\n```\ncode\n``` end'
        masked = mask_quotes(text)
        assert len(masked) == len(text)
        assert "useless" not in masked and "code" not in masked and "end" in masked

    def test_unmatched_quotes_are_linear(self) -> None:
        text = "“" * 50_000 + '"' + "a" * 50_000
        assert len(mask_quotes(text)) == len(text)

    def test_tables_are_versioned(self) -> None:
        for name in ("distress.json", "users.json"):
            assert isinstance(load_table(name)["version"], int)

    def test_plain_text_skips_matching(self) -> None:
        """Performance guard: ordinary technical prose hits no key word of the assistant tables."""
        from guardrail.detectors.distress import DistressDetector

        det = DistressDetector()
        prose = (
            "To read a CSV file into a list of dictionaries, use csv.DictReader. Open the file "
            "with newline='' so that embedded line breaks are handled; each row becomes a dict "
            "keyed by the header line. For large files, iterate instead of building a list."
        )
        scan = Scan(prose)
        for table in (det._self, det._capitulation, det._pushback):
            assert table.keys.isdisjoint(scan.words)


class TestGate:
    """The cheap word-set gate never hides a word the tokenizer would produce."""

    @settings(max_examples=150, deadline=None)
    @given(
        st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=200) | st.text(max_size=200)
    )
    def test_superset_of_tokens(self, text: str) -> None:
        scan = Scan(text)
        tokens = set(_TOKEN.findall(lower_same_length(text))) - BOUNDARIES
        assert tokens <= scan.words


class TestNormalize:
    """Normalisation keeps every token at its offset and turns everything else into spaces."""

    @given(
        st.text(alphabet=st.sampled_from(list("abcXYZ019 '\n\t\r.!?;,_-\"()[]`\x01éß。！中")))
        | st.text(max_size=80)
    )
    def test_tokens_and_offsets_kept(self, text: str) -> None:
        """normalize(low) has low's tokens at the same spans, and only spaces between them."""
        low = lower_same_length(text)
        norm = normalize(low)
        assert len(norm) == len(low)
        want = [(m.span(), m.group()) for m in _TOKEN.finditer(low)]
        assert [(m.span(), m.group()) for m in _TOKEN.finditer(norm)] == want
        covered = {i for (a, b), _ in want for i in range(a, b)}
        assert all(c == " " for i, c in enumerate(norm) if i not in covered)

    @given(
        st.text(alphabet=st.sampled_from(list("abc019 '\n\t.!?;,_-\"`éß。！中—“’\xa0²?😀")))
        | st.text(max_size=80)
    )
    def test_equals_regex(self, text: str) -> None:
        """Text with a few characters beyond ASCII is normalised as ASCII with those put back:
        the same as the regex used for other text."""
        low = lower_same_length(text)
        want = _NON_TOKEN.sub(" ", low)
        assert normalize(low) == (_STRAY_APOSTROPHE.sub(" ", want) if "'" in want else want)

    @given(st.text(max_size=80))
    def test_swap_equals_translate(self, text: str) -> None:
        """Characters replaced one by one are what ``str.translate`` gives."""
        table = str.maketrans(dict.fromkeys(".!?;。！？\n", " "))
        assert swap(text, ".!?;。！？\n", " ") == text.translate(table)
        assert swap(text, ".!?;。！？\n", " ", ascii_table(".!?;。！？\n", " ")) == text.translate(
            table
        )


#: Words of the test patterns below, plus filler, punctuation and apostrophes.
_VOCAB = [
    "i",
    "am",
    "i'm",
    "so",
    "really",
    "useless",
    "keep",
    "failing",
    "failed",
    "never",
    "42",
    "you",
    "right",
    "x",
    "é",
    "中文",
    "'",
    ".",
    "!",
    "?",
    ";",
    ",",
    "\n",
    "-",
    "_",
]
_PATTERNS = [
    "i_am|i'm [so|really] useless",
    "i [really] keep ~2 fail*",
    "^ you ~1 right ^",
    "never ~3 #",
    "so useless|failing [x] [x]",
    "fail* really [so] useless ^",
    "x_x ~2 you_right",
    "x_useless|useless|you_x_useless|x_useless_x [keep]",
]


class TestEngineEqualsReference:
    """The regex engine finds exactly what the token-walking reference finds."""

    @settings(max_examples=300, deadline=None)
    @given(
        st.lists(st.sampled_from(_VOCAB), max_size=40).map(
            lambda ws: "".join(w if w in "'.!?;,-_" else f" {w}" for w in ws)
        ),
        st.lists(st.sampled_from(_PATTERNS), min_size=1, max_size=4, unique=True),
    )
    def test_small_tables(self, text: str, patterns: list[str]) -> None:
        """Random texts over the patterns' own words: same spans, weights and sources."""
        table = TokenPatterns(patterns)
        got = sorted(Scan(text).find(table))
        assert got == sorted(reference_find(table, text))

    @settings(max_examples=60, deadline=None)
    @given(
        st.lists(
            st.sampled_from(
                [
                    "you're right",
                    "i keep botching this",
                    "i'm useless",
                    "no",
                    "it is still 42",
                    "sorry",
                    "i apologize for the",
                    "confusion",
                    "try again",
                    "wrong",
                    ".",
                    "!",
                    ",",
                    "\n",
                    "'",
                    "if you have a source",
                    "won't change the answer",
                ]
            ),
            max_size=30,
        ).map(" ".join)
    )
    def test_shipped_tables(self, text: str) -> None:
        """The shipped tables on cue-dense texts."""
        from guardrail.detectors import default_detectors

        dets = default_detectors()
        tables = [
            dets[0]._self,
            dets[0]._capitulation,
            dets[0]._pushback,
            dets[2]._rejection,
            dets[2]._hostility,
        ]
        for table in tables:
            assert sorted(Scan(text).find(table)) == sorted(reference_find(table, text))


class TestSentenceOf:
    """Sentence spans from the cached sentence ends equal a direct search around the span."""

    @settings(max_examples=300, deadline=None)
    @given(
        st.lists(st.sampled_from(["ab", " ", ".", "!", "?", "\n", "。", "x" * 60, "y" * 300]))
        .map("".join)
        .flatmap(lambda t: st.tuples(st.just(t), st.integers(0, len(t)), st.integers(0, len(t))))
    )
    def test_equals_search(self, case: tuple[str, int, int]) -> None:
        from guardrail.detectors._text import _ENDERS, _SENTENCE_REACH

        text, i, j = case
        start, end = min(i, j), max(i, j)
        scan = Scan(text)
        low = scan.low
        lo, hi = max(0, start - _SENTENCE_REACH), min(len(low), end + _SENTENCE_REACH)
        a = max(low.rfind(c, lo, start) for c in _ENDERS)
        ends = [k for k in (low.find(c, end, hi) for c in _ENDERS) if k >= 0]
        want = (a + 1 if a >= 0 else lo), (min(ends) + 1 if ends else hi)
        assert scan.sentence_of(start, end) == want


class TestMaskQuotes:
    """The str.find scanners mask exactly what the quotation and block-quote regexes match."""

    @settings(max_examples=500, deadline=None)
    @given(
        st.text(alphabet=st.sampled_from(list("ab 1x'\n\t>`\"“”«»„「」『』.")), max_size=80)
        | st.text(max_size=80)
    )
    def test_equals_regex_masking(self, text: str) -> None:
        """mask_quotes equals the regex masking (code fences, block quotes, then quotations)."""
        from guardrail.detectors._text import _BLOCKQUOTE, _QUOTED, _blank, mask_quotes

        low = text.lower()
        want = low
        if "```" in want:
            parts = want.split("```")
            want = "```".join(p if i % 2 == 0 else " " * len(p) for i, p in enumerate(parts))
        want = _QUOTED.sub(_blank, _BLOCKQUOTE.sub(_blank, want))
        assert mask_quotes(low) == want

    def test_long_runs_are_not_quotations(self) -> None:
        """A run longer than the regex allows is no quotation (600 characters, 400 for ')."""
        inside = "a" * 601
        assert mask_quotes(f'"{inside}"') == f'"{inside}"'
        assert mask_quotes(f'"{inside[:600]}"').strip() == ""


class TestTableCompilation:
    """Shipped tables are compiled once per process, each key's expressions on first use."""

    def _tables(self) -> list[TokenPatterns]:
        from guardrail.detectors import DistressDetector, UserDetector

        d, u = DistressDetector(), UserDetector()
        return [
            d._self,
            d._capitulation,
            d._pushback,
            *(t for t in u._vocab.tables),
        ]

    def test_every_key_compiles(self) -> None:
        """Deferred compilation hides no broken expression: every key of every shipped table
        builds its entries."""
        for table in self._tables():
            table.compile_all()
            assert all(table._entries(k) for k in table.keys)

    def test_detectors_share_tables(self) -> None:
        """A second detector reuses the first one's compiled tables."""
        from guardrail.detectors import DistressDetector

        assert DistressDetector()._pushback is DistressDetector()._pushback

    def test_lazy_equals_eager(self) -> None:
        """A table that compiles keys as they occur finds what a fully compiled one finds."""
        patterns = load_table("distress.json")["patterns"]["self_criticism"]
        macros = load_table("distress.json").get("macros", {})
        lazy, eager = TokenPatterns(patterns, macros=macros), TokenPatterns(patterns, macros=macros)
        eager.compile_all()
        text = "You're right, I'm so sorry. I keep failing at this and I'm useless. I give up."
        assert lazy._by_key == {}
        assert Scan(text).find(lazy) == Scan(text).find(eager) != []
