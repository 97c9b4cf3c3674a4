"""The token pattern language of the phrase tables, and the shared text scanning."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guardrail.detectors._base import (
    _TOKEN,
    BOUNDARIES,
    Scan,
    TokenPatterns,
    compile_pattern,
    load_table,
    lower_same_length,
    mask_quotes,
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

    @pytest.mark.parametrize("bad", ["[maybe]", "~9 word", "fail*", "a|$X", "word ~0", "^ #"])
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


class TestTokenizeFastPath:
    """The ASCII tokenizer fast path gives exactly the regex tokenizer's tokens."""

    @given(
        st.text(
            alphabet=st.sampled_from(list("abcXYZ019 '\n\t\r.!?;,_-\"()[]`\x01")),
            max_size=60,
        )
    )
    def test_equals_regex(self, text: str) -> None:
        """tokenize(low) == _TOKEN.findall(low) for any ASCII text, boundaries included."""
        from guardrail.detectors._base import _TOKEN, tokenize

        low = text.lower()
        assert tokenize(low) == _TOKEN.findall(low)


class TestMaskQuotesShortcut:
    """Skipping the quote regex when no quote can open never changes the masked text."""

    @given(st.text(alphabet=st.sampled_from(list("ab x'\n\"“”«»„「」『』.")), max_size=60))
    def test_equals_full_masking(self, text: str) -> None:
        """mask_quotes equals the full regex masking on texts without code fences."""
        from guardrail.detectors._base import _BLOCKQUOTE, _QUOTED, _blank, mask_quotes

        low = text.lower()
        full = _BLOCKQUOTE.sub(_blank, low) if ">" in low else low
        assert mask_quotes(low) == _QUOTED.sub(_blank, full)
