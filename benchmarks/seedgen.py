"""Realistic raw seeds for the benchmark, written from scratch (no corpus text).

Each seed looks like a copied web page: site chrome above the headline (navigation, breadcrumbs,
font-size pickers, share lines), a headline, a date in one of the forms pages use, a byline or
read-time line, six to fourteen paragraphs in which officials from the registry speak in the role
they held on that date about a few themes, and footer chrome. The same ``n`` and ``seed`` always
give the same files.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from alliance_archive.registry import Official, registry

TOP_CHROME = [
    "Skip to main content",
    "Accessibility links",
    "Breaking News",
    "Home > Press Releases > Statements",
    "Home / News / Remarks",
    "XS SM MD LG",
    "Share this page",
    "Print",
    "Menu",
    "Search",
    "English | 日本語 | 한국어",
    "Reading audio",
    "please wait",
    "0:00 0:03:48 0:00",
]
FOOTER_CHROME = [
    "Related: Allies Hold Talks on Regional Security",
    "Also read: Ministers Meet Ahead of Summit",
    "Share on Facebook Share on X Email",
    "This entry originally appeared on the department's blog.",
    "Subscribe to updates",
    "Tags",
    "--",
    "We use cookies to improve your experience. Accept",
    "Back to top",
    "1,204 views",
]
VERBS = ["said", "stressed", "emphasized", "reaffirmed", "noted", "welcomed", "highlighted", "stated"]
OPENERS = [
    "{role} {name} {verb} that",
    "Speaking in {place}, {role} {name} {verb} that",
    "At a joint press conference, {role} {name} {verb} that",
    "In remarks to reporters, {role} {name} {verb} that",
]
TOPICS = {
    "alliance": [
        "the alliance remains the linchpin of peace and prosperity in the region",
        "the alliance between the two countries is ironclad and will only grow stronger",
        "the treaty commitment to defend the other country is unwavering, including extended deterrence",
    ],
    "trilateral": [
        "trilateral cooperation among the United States, Japan and the Republic of Korea is essential",
        "the three countries will hold regular trilateral meetings of their ministers and leaders",
    ],
    "north-korea": [
        "North Korea's repeated ballistic missile launches are a grave threat to the region",
        "the provocations by the DPRK violate its obligations and must stop",
    ],
    "denuclearization": [
        "the goal remains the complete denuclearization of the Korean Peninsula",
        "North Korea must abandon its nuclear weapons and existing nuclear programs",
    ],
    "sanctions": [
        "all countries must fully implement the UN Security Council resolutions on North Korea",
        "the sanctions will stay in place until the DPRK changes course",
    ],
    "regional": [
        "peace and stability across the Taiwan Strait matter to the whole Indo-Pacific",
        "they oppose any unilateral attempt to change the status quo by force in the region",
    ],
    "maritime": [
        "freedom of navigation in the East China Sea and the South China Sea must be upheld",
        "maritime claims must be resolved peacefully in accordance with international law",
    ],
    "economy": [
        "the two economies will deepen cooperation on semiconductors and resilient supply chains",
        "trade and investment between the countries reached a record level last year",
    ],
    "climate": [
        "the partners will accelerate the transition to clean energy and fight climate change",
    ],
    "people": [
        "student exchanges and cultural ties bring the peoples of the two countries closer",
    ],
    "defense": [
        "the forces will expand joint exercises and strengthen missile defense cooperation",
        "the realignment of forces on Okinawa will proceed as agreed",
    ],
}
FILLER = [
    "The meeting lasted about two hours and covered a wide range of issues.",
    "Officials from both sides described the talks as candid and productive.",
    "The delegations also discussed preparations for the next round of consultations.",
    "Both sides agreed to keep in close contact in the weeks ahead.",
    "The ministers exchanged views on developments since their last meeting in {place}.",
    "A working lunch followed, with senior officials from the foreign and defense ministries.",
    "The statement was released after the talks concluded in {place} on {weekday}.",
    "Further details of the programme will be announced by the ministries in due course.",
]
HEADLINES = [
    "{family} Meets {other} in {place}",
    "Joint Statement on the {adj} Partnership",
    "{role} {family} Remarks on {subject}",
    "Allies Reaffirm Commitment to {subject}",
    "{family} and {other} Discuss {subject}",
    "Readout of the {adj} Ministerial Meeting in {place}",
    "{subject}: {family} Calls for Closer Cooperation",
    "Statement by {role} {family} on {subject}",
]
SUBJECTS = [
    "North Korea",
    "Maritime Security",
    "Regional Stability",
    "Supply Chains",
    "Extended Deterrence",
    "Climate and Energy",
    "Trilateral Cooperation",
    "Missile Defense",
    "the Indo-Pacific",
    "Economic Security",
    "Disaster Relief",
    "Cyber Security",
    "Student Exchanges",
]
ADJS = ["Trilateral", "Bilateral", "Strategic", "Two-Plus-Two", "Economic", "Defense", "Global"]
PLACES = ["Washington", "Tokyo", "Seoul", "Honolulu", "Busan", "Osaka", "Jakarta", "Singapore", "Camp David"]


@dataclass(frozen=True)
class Speaker:
    name: str
    family: str
    role: str


def _date_line(rng: random.Random, day: dt.date) -> str:
    forms = [
        f"{day:%B} {day.day}, {day.year}",
        day.isoformat(),
        f"{day.day} {day:%B %Y}",
        f"{day:%b} {day.day}, {day.year}",
        f"{rng.randint(2, 9)} min read{day:%b} {day.day}, {day.year}",
        f"{day.year}.{day.month:02d}.{day.day:02d}",
    ]
    return rng.choice(forms)


def _speakers_at(officials: list[Official], day: dt.date) -> list[Speaker]:
    out = []
    for o in officials:
        term = o.term_at(day)
        if term is not None and term.title and "," not in term.title:
            out.append(Speaker(o.name, o.family_name, term.title))
    return out


def make_seed(i: int, rng: random.Random, officials: list[Official]) -> str:
    day = dt.date(2001, 1, 1) + dt.timedelta(days=rng.randrange(0, 9000))
    present = _speakers_at(officials, day)
    rng.shuffle(present)
    cast = present[: rng.randint(1, 3)] or [Speaker("", "Officials", "")]
    who = cast[0]
    other = cast[1] if len(cast) > 1 else Speaker("", "Counterparts", "")
    place = rng.choice(PLACES)
    subject = rng.choice(SUBJECTS)
    names = {"family": who.family, "other": other.family, "role": who.role}
    headline = rng.choice(HEADLINES).format(**names, place=place, subject=subject, adj=rng.choice(ADJS))
    lines: list[str] = rng.sample(TOP_CHROME, rng.randint(2, 5))
    lines += ["", headline, "", _date_line(rng, day), ""]
    if rng.random() < 0.4:
        lines += [rng.choice(["By Staff Writer", "Office of the Spokesperson", "Press Release"]), ""]
    topics = rng.sample(sorted(TOPICS), rng.randint(2, 5))
    for k in range(rng.randint(6, 14)):
        topic = topics[k % len(topics)]
        claim = rng.choice(TOPICS[topic])
        speaker = cast[k % len(cast)]
        if speaker.name and rng.random() < 0.7:
            opener = rng.choice(OPENERS).format(
                role=speaker.role, name=speaker.name, verb=rng.choice(VERBS), place=place
            )
            sentence = f"{opener} {claim}."
        else:
            sentence = f"“{claim[0].upper()}{claim[1:]},” {speaker.family or 'an official'} said."
        extra = " ".join(
            rng.choice(FILLER).format(place=rng.choice(PLACES), weekday=f"{day:%A}")
            for _ in range(rng.randint(1, 3))
        )
        lines += [f"{sentence} {extra} (Ref. {i}-{k})", ""]
        if rng.random() < 0.1:
            lines += [rng.choice(SUBJECTS), ""]  # a section subheading
    lines += rng.sample(FOOTER_CHROME, rng.randint(2, 4))
    return "\n".join(lines) + "\n"


def make_seeds(n: int, seed: int = 11) -> dict[str, str]:
    """``n`` seeds as ``{file name: text}``."""
    rng = random.Random(seed)
    officials = [o for o in registry().officials if o.terms]
    return {f"{i:05d}.txt": make_seed(i, rng, officials) for i in range(n)}
