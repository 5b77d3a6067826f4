"""Each speaker's evidence says how sure it is, and why not fully, in words an editor can act on."""

from __future__ import annotations

from pathlib import Path

import pytest

from alliance_archive import __main__ as cli
from alliance_archive.pipeline import build_statement
from alliance_archive.record import Evidence
from alliance_archive.registry import registry


def speaker_evidence(
    tmp_path: Path, body: str, title: str = "Officials Discuss Port Security"
) -> dict[str, Evidence]:
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / "seed.txt"
    path.write_text(f"{title}\n\nMay 14, 2024\n\n{body}\n", encoding="utf-8")
    s = build_statement(path, registry())
    return {e.value: e for e in s.evidence if e.field == "speaker"}


def test_a_registry_official_with_a_statement_verb_is_certain(tmp_path: Path) -> None:
    ev = speaker_evidence(tmp_path, "Secretary of State Antony Blinken said the port would reopen.")
    assert (ev["Antony Blinken"].confidence, ev["Antony Blinken"].doubt) == (1.0, "")


def test_an_official_unknown_to_the_registry_points_the_editor_to_the_site_registry(tmp_path: Path) -> None:
    ev = speaker_evidence(
        tmp_path, "Japanese Vice Foreign Minister Kenji Arakawa said the port would reopen."
    )
    assert ev["Kenji Arakawa"].confidence == 0.5
    assert "not in the registry" in ev["Kenji Arakawa"].doubt
    assert "seeds/officials.yml" in ev["Kenji Arakawa"].doubt


def test_a_name_found_by_its_shape_alone_is_less_certain_still(tmp_path: Path) -> None:
    ev = speaker_evidence(tmp_path, "OKADA Ren said the port would reopen.")
    assert ev["Ren Okada"].confidence < 0.5
    assert "shape" in ev["Ren Okada"].doubt


def test_a_pronoun_and_a_bare_title_lower_the_confidence(tmp_path: Path) -> None:
    pronoun = speaker_evidence(
        tmp_path / "a",
        "Secretary of State Antony Blinken arrived in Busan on Monday. He said the port would reopen.",
    )
    assert 0.5 <= pronoun["Antony Blinken"].confidence < 0.7
    assert "pronoun" in pronoun["Antony Blinken"].doubt
    title = speaker_evidence(
        tmp_path / "b",
        "Secretary of State Antony Blinken arrived in Busan on Monday. The Secretary said the port would "
        "reopen.",
    )
    assert 0.6 < title["Antony Blinken"].confidence < 1.0
    assert "title" in title["Antony Blinken"].doubt


def test_the_surest_evidence_wins_when_a_speaker_is_found_twice(tmp_path: Path) -> None:
    ev = speaker_evidence(
        tmp_path,
        "Secretary of State Antony Blinken arrived in Busan on Monday. He said the port would reopen. "
        "Blinken stressed that the allies would keep working together.",
    )
    assert ev["Antony Blinken"].confidence == 1.0


def test_a_quoted_non_official_is_marked_as_such(tmp_path: Path) -> None:
    ev = speaker_evidence(
        tmp_path,
        "\u201cThis is the most practical step the two governments have taken,\u201d said Laura Whitfield, a "
        "maritime analyst.",
    )
    assert ev["Laura Whitfield"].confidence == 0.6
    assert "registry does not know" in ev["Laura Whitfield"].doubt


def test_inspect_shows_the_doubt_an_editor_can_act_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = tmp_path / "seed.txt"
    seed.write_text(
        "Officials Discuss Port Security\n\nMay 14, 2024\n\n"
        "Japanese Vice Foreign Minister Kenji Arakawa said the port would reopen.\n",
        encoding="utf-8",
    )
    assert cli.main(["inspect", str(seed)]) == 0
    out = capsys.readouterr().out
    assert "[confidence 0.50: not in the registry: add to seeds/officials.yml]" in out


def test_every_speaker_below_full_confidence_says_why(tmp_path: Path) -> None:
    texts = [
        "Secretary of State Antony Blinken arrived in Busan on Monday. He said the port would reopen.",
        "Japanese Vice Foreign Minister Kenji Arakawa said the port would reopen.",
        "[Opening remarks by Foreign Minister Kamikawa]\n\nThank you all for coming today.",
        "Today, we, President Joe Biden and Prime Minister Fumio Kishida, affirm our partnership.",
        "Secretary Blinken met Foreign Minister Hayashi and Foreign Minister Park Jin in Tokyo. "
        "The three ministers reaffirmed their cooperation.",
    ]
    seen = 0
    for n, body in enumerate(texts):
        title = "Joint Leaders' Statement" if "we," in body else "Officials Discuss Port Security"
        for ev in speaker_evidence(tmp_path / str(n), body, title=title).values():
            seen += 1
            assert ev.confidence == 1.0 or ev.doubt, ev
    assert seen >= 7
