"""Collective speakers ("the three ministers reaffirmed"), joint statements issued in officials' names,
and transcript labels resolved to people; moderators and reporters are not speakers."""

from __future__ import annotations

from pathlib import Path

from alliance_archive.pipeline import build_statement
from alliance_archive.record import Statement
from alliance_archive.registry import registry


def statement(tmp_path: Path, text: str) -> Statement:
    path = tmp_path / "seed.txt"
    path.write_text(text, encoding="utf-8")
    return build_statement(path, registry())


def names(people: list) -> set[str]:  # type: ignore[type-arg]
    return {p.name for p in people}


# -- collective subjects ----------------------------------------------------------------------------


def test_the_three_national_security_advisors_make_each_participant_a_speaker(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Readout of a Trilateral Meeting on Maritime Safety\n\nJune 20, 2023\n\n"
        "National Security Advisor Jake Sullivan hosted a trilateral meeting in Tokyo with Japanese National "
        "Security Secretariat Secretary General Takeo Akiba and Director of the ROK National Security "
        "Office Cho Tae-yong.\n\n"
        "The three national security advisors confirmed that they would hold regular drills at sea.\n",
    )
    assert names(s.speakers) == {"Jake Sullivan", "Takeo Akiba", "Cho Tae-yong"}


def test_participants_named_in_a_call_sentence_with_a_capitalized_meeting_word(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Outcome of a Trilateral Telephone Conversation\n\nMarch 3, 2024\n\n"
        "During the Telephone Conversation, Secretary of State Antony Blinken, Foreign Minister Yoko "
        "Kamikawa and Foreign Minister Cho Tae-yul exchanged views on regional affairs.\n\n"
        "The three ministers agreed to keep in close contact.\n",
    )
    assert names(s.speakers) == {"Antony Blinken", "Yoko Kamikawa", "Cho Tae-yul"}


def test_the_three_leaders_are_the_leaders_not_everyone_at_the_meeting(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Leaders Meet on the Margins of the Summit\n\nNovember 18, 2023\n\n"
        "President Joe Biden met Prime Minister Fumio Kishida and President Yoon Suk Yeol in San Francisco, "
        "joined by Secretary of State Antony Blinken.\n\n"
        "The three leaders reaffirmed their commitment to regular trilateral summits.\n",
    )
    assert names(s.speakers) == {"Joe Biden", "Fumio Kishida", "Yoon Suk Yeol"}
    assert names(s.mentioned) == {"Antony Blinken"}


def test_someone_only_referred_to_is_not_a_participant(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Trilateral Ministers Meet in Jakarta\n\nJuly 14, 2023\n\n"
        "Secretary of State Antony Blinken met Japanese Foreign Minister Yoshimasa Hayashi and Republic of "
        "Korea Foreign Minister Park Jin in Jakarta.\n\n"
        "The ministers welcomed the visit that President Joe Biden paid to the region last year.\n\n"
        "The three ministers reaffirmed their commitment to close coordination.\n",
    )
    assert names(s.speakers) == {"Antony Blinken", "Yoshimasa Hayashi", "Park Jin"}
    assert names(s.mentioned) == {"Joe Biden"}


# -- joint statements ------------------------------------------------------------------------------


def test_a_joint_statement_of_named_officials_makes_them_speakers(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Joint Statement of Secretary of State Antony Blinken and Foreign Minister Yoshimasa Hayashi\n\n"
        "January 11, 2023\n\n"
        "Our two countries intend to deepen cooperation on space and on the resilience of supply chains.\n",
    )
    assert names(s.speakers) == {"Antony Blinken", "Yoshimasa Hayashi"}


def test_we_the_leaders_makes_the_named_leaders_speakers(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "United States-Japan Joint Leaders' Statement\n\nApril 10, 2024\n\n"
        "We, the leaders of the United States and Japan, affirm a partnership for the coming decade.\n\n"
        "On the occasion of Prime Minister Fumio Kishida's visit, President Joe Biden welcomed progress on "
        "defense industrial cooperation.\n",
    )
    assert names(s.speakers) == {"Fumio Kishida", "Joe Biden"}


def test_a_headline_that_is_not_a_joint_statement_makes_no_signers(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Secretary Blinken's Call With Foreign Minister Hayashi\n\nJanuary 11, 2023\n\n"
        "The two discussed cooperation on space and the resilience of supply chains.\n",
    )
    assert s.speakers == []
    assert names(s.mentioned) == {"Antony Blinken", "Yoshimasa Hayashi"}


# -- transcript labels -------------------------------------------------------------------------------

TRANSCRIPT = (
    "Remarks by President Trump and Prime Minister Abe of Japan at a Joint Press Conference\n\n"
    "February 10, 2017\n\n"
    "THE PRESIDENT: Thank you very much. It is an honor to welcome the Prime Minister to the White House.\n\n"
    "PRIME MINISTER ABE: (As interpreted.) Thank you, Donald. Our alliance is the cornerstone of peace.\n\n"
    "MODERATOR: We will take two questions from each side.\n\n"
    "Q: Mr. President, will you visit Tokyo this year?\n\n"
    "THE PRESIDENT: I look forward to it very much.\n"
)


def test_a_title_only_label_resolves_by_the_headline_and_the_date(tmp_path: Path) -> None:
    s = statement(tmp_path, TRANSCRIPT)
    assert names(s.speakers) == {"Donald Trump", "Shinzo Abe"}
    assert s.mentioned == []
    trump = next(e for e in s.evidence if e.field == "speaker" and e.value == "Donald Trump")
    assert trump.confidence < 1.0 and "THE PRESIDENT" in trump.doubt


def test_the_host_is_the_one_the_headline_names_without_a_country(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Remarks by President Biden and President Yoon of the Republic of Korea in Joint Press Conference\n\n"
        "April 26, 2023\n\n"
        "THE PRESIDENT: Good afternoon. Please, sit down.\n\n"
        "PRESIDENT YOON: (As interpreted.) Thank you for your warm welcome.\n",
    )
    assert names(s.speakers) == {"Joe Biden", "Yoon Suk Yeol"}


def test_a_bare_minister_label_resolves_to_the_one_minister_named(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Press Conference by Foreign Minister Yoko Kamikawa\n\nMarch 5, 2024\n\n"
        "MINISTER: Good afternoon. I will begin with an announcement about next week's travel.\n\n"
        "REPORTER: Could you tell us more about the schedule?\n\n"
        "MINISTER: The details will be announced later.\n",
    )
    assert names(s.speakers) == {"Yoko Kamikawa"}


def test_a_reporters_label_is_no_official_of_the_same_family_name(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Press Conference by Foreign Minister Kim Sung-han\n\nMarch 5, 2008\n\n"
        "MINISTER KIM: Good afternoon. I will take your questions.\n\n"
        "REPORTER KIM: Will the ministry send a delegation?\n",
    )
    assert names(s.speakers) == {"Kim Sung-han"}
    assert [q.text[:13] for q in s.quotes] == ["Good afternoo"]  # the reporter's question is nobody's quote


def test_a_label_nobody_in_the_text_holds_is_left_unresolved(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Press Conference on Harbor Safety\n\nMarch 5, 2024\n\n"
        "THE PRESIDENT: Good afternoon, everyone.\n\n"
        "MODERATOR: Thank you, sir.\n",
    )
    assert s.speakers == []


def test_a_label_on_a_governments_page_is_its_office_holder_on_the_day(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "The White House\n\nOffice of the Press Secretary\n\nRemarks at a Dinner for Visiting Governors\n\n"
        "March 1, 2018\n\n"  # the presidents of the United States and of Korea both held office
        "THE PRESIDENT: Thank you very much. It is wonderful to have so many friends here tonight.\n",
    )
    assert names(s.speakers) == {"Donald Trump"}
    trump = next(e for e in s.evidence if e.field == "speaker")
    assert trump.confidence == 0.5 and "held the office on the day" in trump.doubt


def test_a_spokespersons_answers_make_the_briefer_a_speaker(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Regular Briefing by the Spokesperson\n\nApril 2, 2018\n\n"
        "Spokesperson Noh Kyu-duk opened the briefing with two announcements about consular services.\n\n"
        "Q: Is the ministry preparing for the upcoming talks?\n\n"
        "A: We are making every preparation, and we will announce the details soon.\n",
    )
    assert names(s.speakers) == {"Noh Kyu-duk"}


def test_a_moderators_turn_that_reports_someone_makes_no_speaker(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Background Briefing on the Secretary's Travel\n\nMarch 1, 2023\n\n"
        "MODERATOR: Thank you all for joining us.\n\n"
        "Secretary Blinken said last week that the trip would focus on supply chains.\n\n"
        "Q: Thank you. Which cities will he visit?\n",
    )
    assert s.speakers == []
    assert names(s.mentioned) == {"Antony Blinken"}


# -- whose statement a page is: header lines and labels ------------------------------------------------


def test_a_titled_name_heading_the_statement_issues_it(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Statement Concerning the Training Accident Near Camp Hale\n\n"
        "General Robert Q. Hale, USFK Commander Statement, 3 June 2013\n\n"
        "I have received reports about an accident during a night exercise. I am deeply sorry for the harm "
        "it caused, and I have ordered a full review.\n",
    )
    assert [(p.name, p.country) for p in s.speakers] == [("Robert Hale", "US")]


def test_a_spokesperson_named_alone_on_a_header_line_gives_the_briefing(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Spokesperson's Regular Press Briefing (May 3, 2019)\n\nPress Briefing\n\n"
        "Deputy Spokesperson Seo Ji-hoon\n\nMay 3, 2019\n\n"
        "Good afternoon. I have no announcement to make today, so I will take your questions.\n\n"
        "Q: Will the ministry send a delegation to the conference?\n\n"
        "A: We are still reviewing the matter and will let you know.\n",
    )
    assert [(p.name, p.country) for p in s.speakers] == [("Seo Ji-hoon", "KR")]


def test_a_header_line_listing_several_people_issues_nothing(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Ministers Meet in Washington\n\n"
        "Japanese Foreign Minister Hayashi, Secretary of State Blinken, Korean Foreign Minister Park\n\n"
        "January 5, 2023\n\n"
        "The ministers met at the Department of State for an hour of talks on supply chains.\n",
    )
    assert s.speakers == []


def test_a_label_of_opening_remarks_names_the_speaker(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Joint Press Conference by Foreign Minister Yoko Kamikawa and Secretary of State Antony Blinken\n\n"
        "March 5, 2024\n\n[Opening remarks by Foreign Minister Kamikawa]\n\n"
        "Secretary Blinken, thank you for coming to Tokyo so soon after our last meeting in Washington.\n",
    )
    assert names(s.speakers) == {"Yoko Kamikawa"}
    assert names(s.mentioned) == {"Antony Blinken"}


def test_a_headline_naming_whose_statement_it_is(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Secretary Blinken's Statement on the Anniversary of the Trilateral Summit\n\nAugust 18, 2024\n\n"
        "One year ago our three countries opened a new chapter of cooperation.\n",
    )
    assert names(s.speakers) == {"Antony Blinken"}


def test_a_statement_about_someone_is_not_theirs(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Statement by the Press Secretary on the Visit of Prime Minister Fumio Kishida\n\nApril 1, 2024\n\n"
        "The President looks forward to welcoming the Prime Minister for an official visit next week.\n",
    )
    assert s.speakers == []
    assert names(s.mentioned) == {"Fumio Kishida"}


def test_an_anonymous_briefer_is_the_official_the_page_names_as_giving_the_briefing(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Previewing the Secretary's Travel to Asia\n\nMarch 10, 2017\n\n"
        "Briefing with Acting Assistant Secretary of State Susan Thornton on the Secretary's trip\n\n"
        "MODERATOR: Thank you all for joining this background call.\n\n"
        "SENIOR STATE DEPARTMENT OFFICIAL: Thank you. The Secretary will travel to Tokyo first.\n",
    )
    assert names(s.speakers) == {"Susan Thornton"}


def test_labels_by_family_name_resolve_to_briefers_named_in_a_title_case_line(tmp_path: Path) -> None:
    # neither briefer is in the registry; the title-case line after the headline names them with titles
    s = statement(
        tmp_path,
        "Previewing the President's Trip to Asia\n\nApril 18, 2014\n\n"
        "Press Briefing by Deputy National Security Advisor Tom Hallett and Senior Director Ana Ruiz\n\n"
        "MR. HALLETT: Good morning. The President will travel to Japan and Korea next week.\n\n"
        "Q: Will he visit the DMZ?\n\n"
        "MS. RUIZ: The schedule is still being set, but the alliance is at the center of the trip.\n",
    )
    assert names(s.speakers) == {"Tom Hallett", "Ana Ruiz"}
    assert {p.role for p in s.speakers} == {"Deputy National Security Advisor", "Senior Director"}


def test_capitalized_function_words_after_a_briefing_title_make_no_name(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Press Conference with Foreign Minister On Regional Security Issues\n\nApril 18, 2014\n\n"
        "FOREIGN MINISTER: The alliance is strong.\n\nQ: Will talks resume?\n\n"
        "FOREIGN MINISTER: They will resume in May.\n",
    )
    assert not {p.name for p in s.speakers + s.mentioned} & {"On Regional", "Regional Security"}


def test_we_followed_by_names_makes_the_signers_of_a_joint_statement(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Partners for a New Decade\n\nJoint Leaders' Statement\n\nApril 10, 2024\n\n"
        "Today, we, President Joseph R. Biden, Jr. and Prime Minister KISHIDA Fumio, celebrate a partnership "
        "of unprecedented strength.\n",
    )
    assert names(s.speakers) == {"Joe Biden", "Fumio Kishida"}


# -- family names that the registry resolves -----------------------------------------------------------------


def test_a_bare_title_and_family_name_resolve_to_the_one_holder_of_such_a_role(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Remarks at the Ministry\n\nNovember 4, 2014\n\n"
        "Defense officials discussed the security consultative meeting. I spoke with Secretary Hagel last "
        "night about the schedule.\n",
    )
    assert names(s.mentioned) == {"Chuck Hagel"}


def test_a_nominee_is_the_one_who_held_the_office_later(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Briefing on Consular Matters\n\nApril 26, 2018\n\n"
        "The ministry was asked about the nominee for U.S. Ambassador to Australia Harris and his post.\n",
    )
    assert names(s.mentioned) == {"Harry Harris"}


def test_organisations_and_portfolios_are_not_names(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Drones Deployed to Southern Base\n\nJanuary 12, 2023\n\n"
        "Drones were deployed to MSDF Kanoya Air Base. Also present were the Minister of Economy, Trade and "
        "Industry Oshiroi and other members of the delegation.\n",
    )
    assert s.speakers == [] and s.mentioned == []


# -- subjects of one statement verb ----------------------------------------------------------------

HEAD = "Ministers Discuss Regional Maritime Safety\n\nJune 20, 2023\n\n"
LAST = "\n\nThe ministers also discussed training for coast guard crews and port inspectors.\n"


def test_every_name_of_a_list_of_subjects_is_a_speaker(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        HEAD + "Foreign Minister Yoshimasa Hayashi, Secretary of State Antony Blinken and Foreign Minister "
        "Park Jin also urged restraint at sea in a joint message." + LAST,
    )
    assert names(s.speakers) == {"Yoshimasa Hayashi", "Antony Blinken", "Park Jin"}


def test_subjects_named_with_where_they_stand_are_speakers(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        HEAD + "President Yoon Suk Yeol and President Joe Biden at the White House agreed to expand "
        "joint patrols at sea." + LAST,
    )
    assert names(s.speakers) == {"Yoon Suk Yeol", "Joe Biden"}


def test_who_spoke_with_someone_and_said_is_the_speaker_not_whom_they_spoke_with(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        HEAD + "Secretary of State Antony Blinken spoke by phone with Foreign Minister Yoshimasa Hayashi on "
        "Tuesday and said the allies would keep their patrols at sea." + LAST,
    )
    assert names(s.speakers) == {"Antony Blinken"}
    assert "Yoshimasa Hayashi" in names(s.mentioned)


def test_a_wire_dateline_in_capitals_is_no_transcript_label(tmp_path: Path) -> None:
    """'SEOUL: ...' opens a wire story: the text is read for who said what, as any report is."""
    s = statement(
        tmp_path,
        "Allies Agree on Maritime Patrols\n\nJune 20, 2023\n\n"
        "SEOUL: President Yoon Suk Yeol said Thursday the allies would expand joint patrols at sea.\n\n"
        "The two leaders also discussed training for coast guard crews.\n",
    )
    assert names(s.speakers) == {"Yoon Suk Yeol"}
    # a speaker's label is still one: the label says who speaks
    s = statement(
        tmp_path,
        "Allies Agree on Maritime Patrols\n\nJune 20, 2023\n\n"
        "SECRETARY BLINKEN: Thank you all for coming to talk about our patrols at sea.\n\n"
        "The two allies will train coast guard crews together this year.\n",
    )
    assert names(s.speakers) == {"Antony Blinken"}
