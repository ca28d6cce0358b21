"""The notes reader on the shapes real study notes take: markers, headings, metadata, stances,
answers, facts and debate briefs (each note here is small and written for the behaviour named)."""

from __future__ import annotations

import pytest

from argmap.formats import read_text
from argmap.formats.notes import explain_notes
from argmap.model import Basis, Kind


def _map(text: str):
    return read_text(text, "notes", "note.txt").map


def _node(argument_map, start: str):
    return next(n for n in argument_map.nodes if n.text.startswith(start))


def _kind_of(argument_map, start: str) -> Kind:
    return _node(argument_map, start).kind


def _rebuts(note: str, answer: str, objection: str) -> bool:
    """Whether the note's point starting ``answer`` is a rebuttal of exactly the one starting
    ``objection``."""
    argument_map = _map(note)
    found = _node(argument_map, answer)
    return found.kind is Kind.REBUTTAL and found.opposes == [_node(argument_map, objection).id]


def test_bullets_of_any_symbol_and_numbered_items_are_one_point_each():
    note = (
        "Challenges\n"
        "▪ Visa rules hurt students.\n"
        "✅ Tariffs rose on steel.\n"
        "(a) Land acquisition is slow.\n"
        "ii) Power projects are delayed.\n"
        "3. Trade deficit keeps widening.\n"
    )
    argument_map = _map(note)
    counterpoints = [n.text for n in argument_map.nodes if n.kind is Kind.COUNTERPOINT]
    assert counterpoints == [
        "Visa rules hurt students.",
        "Tariffs rose on steel.",
        "Land acquisition is slow.",
        "Power projects are delayed.",
        "Trade deficit keeps widening.",
    ]


def test_lines_broken_mid_sentence_are_joined_into_one_point():
    note = (
        "Concerns\nVacancies pile up while the collegium and the government trade\nfiles for months on end.\n"
    )
    assert _map(note).nodes[0].text == (
        "Vacancies pile up while the collegium and the government trade files for months on end."
    )


@pytest.mark.parametrize(
    "heading",
    [
        "Challenges ahead:",
        "## Challenges ahead",
        "**Challenges ahead**",
        "CHALLENGES AHEAD",
        "2. Challenges ahead",
    ],
)
def test_a_heading_in_any_form_is_not_a_point_and_places_the_points_under_it(heading):
    argument_map = _map(f"India-Japan ties\n\n{heading}\n- Land acquisition has slowed the rail project.\n")
    assert [(n.kind, n.text) for n in argument_map.nodes] == [
        (Kind.COUNTERPOINT, "Land acquisition has slowed the rail project.")
    ]


def test_a_question_heading_names_the_section_by_its_words():
    argument_map = _map("Topic: MSP\n\nWhy does it matter?\n- Farmers get a floor price.\n")
    assert argument_map.nodes[0].kind is Kind.CLAIM


def test_metadata_lines_fill_the_map_fields_and_never_become_points():
    note = (
        "GS Paper 2 – International Relations\n"
        "Topic: India–US partnership\n"
        "Tags: IR, USA\n"
        "Source: The Hindu editorial\n"
        "Date: 14 March 2025\n\n"
        "Challenges\n- Visa rules hurt students.\n"
    )
    argument_map = _map(note)
    assert argument_map.title == "India–US partnership"
    assert argument_map.tags == ["ir", "usa"]
    assert [n.text for n in argument_map.nodes] == ["Visa rules hurt students."]
    assert "Source: The Hindu editorial" in argument_map.nodes[0].notes


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Arguments against", Kind.COUNTERPOINT),
        ("Arguments in favour", Kind.CLAIM),
        ("Case for", Kind.CLAIM),
        ("Opposition", Kind.COUNTERPOINT),
        ("Cons", Kind.COUNTERPOINT),
        ("What India should do", Kind.RECOMMENDATION),
        ("Way ahead", Kind.RECOMMENDATION),
        # a heading that only names a topic leaves the point's own words to decide
        ("Implications for India", Kind.COUNTERPOINT),
    ],
)
def test_the_heading_vocabulary_places_points_and_reads_negations_first(heading, kind):
    argument_map = _map(f"Simultaneous elections\n\n{heading}\n- Polls every year cost the exchequer.\n")
    assert argument_map.nodes[0].kind is kind


def test_under_a_topic_heading_the_points_own_words_decide():
    note = (
        "Defence ties\n"
        "- Joint production of jets gives both sides a stake in each other.\n"
        "- Delays in deliveries have hurt trust and raised concern in Delhi.\n"
        "- India should diversify its suppliers.\n"
    )
    argument_map = _map(note)
    assert [n.kind for n in argument_map.nodes] == [Kind.CLAIM, Kind.COUNTERPOINT, Kind.RECOMMENDATION]


def test_an_answer_opening_with_however_rebuts_the_challenge_before_it():
    note = "Challenges\n- Remarks on press freedom are resented in Delhi.\nHowever, both sides wall off such criticism.\n"
    assert _rebuts(note, "However", "Remarks")


def test_critics_argue_but_is_a_counterpoint_and_its_answer():
    argument_map = _map(
        "Critics argue that uniforms do not improve grades, but the proposition replies that the case rests on equality.\n"
    )
    critics = _node(argument_map, "Critics argue")
    answer = _node(argument_map, "But the proposition replies")
    assert (
        critics.kind is Kind.COUNTERPOINT and answer.kind is Kind.REBUTTAL and answer.opposes == [critics.id]
    )


def test_the_position_is_found_anywhere_and_kept_whole():
    note = (
        "Background\n- GST came into force in 2017.\n\n"
        "Concerns\n- Too many rate slabs create disputes.\n\n"
        "Thus, GST has delivered the common market it promised, though rates need simplifying.\n"
    )
    thesis = _map(note).thesis()
    assert (
        thesis.text == "Thus, GST has delivered the common market it promised, though rates need simplifying."
    )


def test_a_note_against_its_titles_proposal_turns_the_arguments_for_it_into_objections():
    note = (
        "Should MSP be made a legal right?\n\n"
        "My view: a blanket legal guarantee of MSP would do more harm than good.\n\n"
        "Case for\n- A guaranteed price would reduce distress sales.\n\n"
        "Opposition\n- The fiscal cost could be enormous.\n"
    )
    argument_map = _map(note)
    assert argument_map.thesis().text.startswith("a blanket legal guarantee")
    assert _kind_of(argument_map, "A guaranteed price") is Kind.COUNTERPOINT
    assert _kind_of(argument_map, "The fiscal cost") is Kind.CLAIM


_MILLS_NOTE = (
    "Should the old mills become housing?\n\n"
    "The mills along the river, in the 1980s the largest employers of the region, closed one by one.\n\n"
    "Housing there would bring families back to the centre and support its shops.\n\n"
    "In conclusion, the mills should become homes.\n"
)


_COURT_NOTE = (
    "Case brief: Residents' Welfare Forum v. State of Examplia (2019) - night curfew on shops\n\n"
    "Background\n"
    "The state ordered every shop in its towns to close by 9 pm.\n\n"
    "Contentions of the appellant\n"
    "- The curfew takes away the livelihood of small traders.\n"
    "- No study showed that late trading caused disorder.\n\n"
    "Respondent's submissions\n"
    "- Police cannot patrol every market through the night.\n"
    "- Residents complained of noise in their petitions to the council.\n\n"
    "Judgment\n"
    "The bench upheld the order as a reasonable restriction.\n\n"
    "Reasoning\n"
    "- On livelihood, the court found that traders keep twelve hours of business each day.\n"
    "- On the missing study, the court said a state need not wait for harm to happen.\n\n"
    "My view: the court was right to defer to the state on public order.\n"
)


@pytest.mark.parametrize(
    ("note", "kinds"),
    [
        (
            "Benefits\n- Bike lanes calm the streets; surveys of riders find that most feel safer on them.\n",
            [("Bike lanes calm", Kind.CLAIM), ("surveys of riders", Kind.EVIDENCE)],
        ),
        (_MILLS_NOTE, [("The mills along", Kind.CONTEXT)]),
        (
            _MILLS_NOTE.replace(
                ", in the 1980s the largest employers of the region, closed one by one",
                " fall under the Mills Act of 1948, which lets the city buy them cheaply",
            ),
            [("The mills along", Kind.CLAIM)],
        ),
        (
            "Should the city build more flyovers?\n\n"
            "In my view, more flyovers would do more harm than good for the city.\n\n"
            "- New lanes fill with traffic again within a few years.\n\n"
            "- Supporters say flyovers will cut travel time and benefit commuters.\n",
            # the note argues against its proposal, but a point with no cue word is its own
            [("New lanes fill", Kind.CLAIM), ("Supporters say", Kind.COUNTERPOINT)],
        ),
        (
            _COURT_NOTE,
            # the court upheld the order: the respondent's side is the note's, the appellant's not
            [
                ("Police cannot", Kind.CLAIM),
                ("The curfew takes", Kind.COUNTERPOINT),
                ("The bench upheld", Kind.CLAIM),
            ],
        ),
        (
            _COURT_NOTE.replace("upheld the order as a reasonable restriction", "struck the order down"),
            [("Police cannot", Kind.COUNTERPOINT), ("The curfew takes", Kind.CLAIM)],
        ),
    ],
    ids=[
        "a-finding-after-a-semicolon-is-evidence",
        "a-prose-note-opening-on-a-dated-story",
        "a-year-in-a-name-dates-no-story",
        "no-cue-word-in-a-note-against-its-proposal",
        "court-case-note-the-court-upheld",
        "court-case-note-the-court-struck-down",
    ],
)
def test_points_of_a_note_take_the_kind_its_shape_gives(note, kinds):
    argument_map = _map(note)
    assert [(start, _kind_of(argument_map, start)) for start, _ in kinds] == kinds


def test_a_reason_after_a_semicolon_stays_in_its_point():
    argument_map = _map(
        "Benefits\n- Bike lanes calm the streets; drivers slow down where the road looks narrow.\n"
    )
    assert [(n.kind, n.text[:15]) for n in argument_map.nodes] == [(Kind.CLAIM, "Bike lanes calm")]


def test_sentences_opening_on_a_named_challenge_answer_it():
    note = (
        "Should towns charge for kerbside parking?\n\n"
        "The worries are real. Shopkeepers fear that customers will drive to the malls instead.\n\n"
        "Commuters on low wages also fear a daily toll just to reach work.\n\n"
        "Both worries have answers. On the shopkeepers, surveys of paid streets show footfall holding "
        "steady once spaces turn over. On low-wage commuters, passes at half price keep the toll small.\n\n"
        "On 5 August, the council will vote on the plan.\n\n"
        "In conclusion, towns should charge for kerbside parking.\n"
    )
    argument_map = _map(note)
    assert _kind_of(argument_map, "On the shopkeepers") is Kind.REBUTTAL
    assert _node(argument_map, "On the shopkeepers").opposes == [_node(argument_map, "The worries").id]
    assert _node(argument_map, "On low-wage").opposes == [_node(argument_map, "Commuters on").id]
    assert _kind_of(argument_map, "On 5 August") is not Kind.REBUTTAL


def test_a_court_case_notes_reasons_answer_the_losing_sides_arguments():
    argument_map = _map(_COURT_NOTE)
    assert _node(argument_map, "On livelihood").opposes == [_node(argument_map, "The curfew takes").id]
    assert _node(argument_map, "On the missing study").opposes == [_node(argument_map, "No study").id]


_TRAM_NOTE = (
    "Concerns\n"
    "- Ticket sales will not cover the running expenses.\n"
    "- Drivers of the old buses fear for their livelihood.\n"
    "- Construction will close the main road for two years.\n\n"
    "Way forward\n"
    "- Fund the gap from a parking levy.\n"
    "- Offer every displaced employee a place in the new depots.\n\n"
    "Thus, the tram is worth building.\n"
)


@pytest.mark.parametrize(
    ("note", "links"),
    [
        (
            "Challenges\n"
            "- Too many rate slabs and frequent changes create classification disputes.\n"
            "- Petroleum products remain outside GST, so cascading taxes persist.\n\n"
            "Way forward\n"
            "- Bring natural gas and petroleum products into GST in stages.\n"
            "- Rationalise the structure into three slabs.\n\n"
            "In conclusion, GST has delivered a common market.\n",
            [("Bring natural gas", "Petroleum products"), ("Rationalise", "Too many rate slabs")],
        ),
        # 'fund' names 'expenses' only as public money, 'employee' names 'livelihood' only as jobs
        (_TRAM_NOTE, [("Fund the gap", "Ticket sales"), ("Offer every", "Drivers of")]),
    ],
    ids=["shared-words", "related-words-of-policy-writing"],
)
def test_a_way_forward_item_is_linked_to_the_challenge_it_answers_in_other_words(note, links):
    argument_map = _map(note)
    for answer, challenge in links:
        assert _node(argument_map, answer).opposes == [_node(argument_map, challenge).id]


def test_an_answer_in_words_related_to_no_challenge_supports_the_thesis():
    unrelated = _map(_TRAM_NOTE.replace("Fund the gap", "Fill the gap").replace("employee", "person"))
    assert _node(unrelated, "Fill the gap").supports == [unrelated.thesis().id]
    assert _node(unrelated, "Offer every").supports == [unrelated.thesis().id]


def test_answers_sharing_no_word_follow_the_order_of_as_many_challenges():
    note = (
        "Issues\n"
        "- Village clinics stand empty for most of the week.\n"
        "- Patients travel far for a scan.\n\n"
        "What should be done\n"
        "- Rotate doctors through them on fixed days.\n"
        "- Put a mobile imaging van on each district route.\n\n"
        "In conclusion, rural care can be fixed.\n"
    )
    argument_map = _map(note)
    assert _node(argument_map, "Rotate doctors").opposes == [_node(argument_map, "Village clinics").id]
    assert _node(argument_map, "Put a mobile").opposes == [_node(argument_map, "Patients travel").id]
    why = next(p for p in explain_notes(note, "note.txt")[1].points if p.text.startswith("Rotate"))
    assert "number 1 of 2 answers to as many challenges" in why.why
    # one answer more than the challenges: order says nothing, the answers support the thesis
    extra = note.replace("In conclusion", "- Train nurses to run the clinics.\n\nIn conclusion")
    argument_map = _map(extra)
    assert _node(argument_map, "Rotate doctors").supports == [argument_map.thesis().id]


def test_a_way_forward_item_that_answers_no_challenge_supports_the_thesis():
    note = (
        "Challenges\n- Visa rules hurt students.\n\n"
        "Way forward\n- Co-develop jet engines and drones.\n\n"
        "Thus, the partnership rests on converging interests.\n"
    )
    argument_map = _map(note)
    assert _node(argument_map, "Co-develop").supports == [argument_map.thesis().id]


def test_a_fact_inside_a_point_becomes_its_evidence_with_a_guessed_basis():
    note = (
        "Areas of cooperation\n"
        "- Trade keeps growing, with goods and services trade near $190 billion in 2023.\n"
        "- Defence ties have deepened; India signed the BECA agreement in 2020.\n"
    )
    argument_map = _map(note)
    trade = _node(argument_map, "with goods")
    beca = _node(argument_map, "India signed")
    assert (trade.kind, trade.basis, trade.supports) == (
        Kind.EVIDENCE,
        Basis.STATISTIC,
        [_node(argument_map, "Trade").id],
    )
    assert (beca.kind, beca.basis) == (Kind.EVIDENCE, Basis.AGREEMENT)


def test_a_debate_brief_gives_the_motion_as_thesis_and_the_sides_as_claims_and_counterpoints():
    note = (
        "Motion: This House would make school uniforms compulsory.\n\n"
        "Proponents argue that a uniform removes the daily fashion contest.\n\n"
        "They also say uniforms build a sense of belonging.\n\n"
        "Opponents say compulsory uniforms suppress self-expression.\n\n"
        "Verdict: the proposition edges it.\n"
    )
    argument_map = _map(note)
    assert argument_map.thesis().text == "This House would make school uniforms compulsory."
    assert _kind_of(argument_map, "Proponents") is Kind.CLAIM
    assert _kind_of(argument_map, "They also say") is Kind.CLAIM
    assert _kind_of(argument_map, "Opponents") is Kind.COUNTERPOINT


def test_explain_reports_every_point_with_its_line_kind_parent_and_reason():
    _, report = explain_notes(
        "Challenges\n- Visa rules hurt students.\n\nWay forward\n- Ease visa rules for students.\n"
    )
    rows = [(row.line, row.kind, row.why.split(" (")[0]) for row in report.points]
    assert rows == [
        (2, "counterpoint", "under heading 'Challenges'"),
        (5, "recommendation", "under heading 'Way forward'"),
    ]
    assert report.points[1].parents == [report.points[0].node]
    assert "answers line 2" in report.points[1].why


def test_a_note_read_mostly_as_context_says_so():
    result = read_text("Background\n- Ties began in 1950.\n- A treaty followed in 1971.\n", "notes", "b.txt")
    assert any("2 of 2 points were read as context" in w for w in result.warnings)


@pytest.mark.timeout(10)
@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("## a" + " " * 1000 + "b", "a" + " " * 1000 + "b"),
        ("- a" + " " * 20_000 + "b", "a" + " " * 20_000 + "b"),
        ("".join(" " * depth + "- point\n" for depth in range(1100)), "point"),
    ],
    ids=["markdown-heading-with-spaces", "bullet-with-spaces", "1100-nested-bullets"],
)
def test_hostile_notes_are_read_in_linear_time_without_recursion(text, first):
    argument_map = _map(text)
    texts = [n.text for n in argument_map.nodes] + [argument_map.title]
    assert first in texts


def test_each_answer_is_compared_only_with_the_challenges_that_share_an_idea(monkeypatch):
    from argmap.formats.notes import linking

    compared = []
    original = linking.similarity

    def counting(first, second, rarity):
        compared.append(second)
        return original(first, second, rarity)

    monkeypatch.setattr(linking, "similarity", counting)
    count = 300
    note = (
        "Challenges\n"
        + "".join(f"- The ferry {n} and the canal fail.\n" for n in range(count))
        + "\nWay forward\n"
        + "".join(f"- Repair the ferry {n} and the canal.\n" for n in range(count))
    )
    argument_map = _map(note)
    # 'ferry' and 'canal' are in every challenge: only the number finds the candidates
    assert len(compared) <= 2 * count
    assert _node(argument_map, "Repair the ferry 7 ").opposes == [_node(argument_map, "The ferry 7 ").id]


def test_a_note_over_the_size_limit_is_refused_in_one_line():
    from argmap.formats import FormatError
    from argmap.formats.notes import NOTE_LIMIT_CHARS

    with pytest.raises(FormatError, match=r"^big\.txt: the note has [\d,]+ characters; the limit is"):
        read_text("a" * (NOTE_LIMIT_CHARS + 1), "notes", "big.txt")


def test_a_title_line_with_notes_on_the_note_after_a_dash_gives_the_title_only():
    argument_map = _map(
        "Ghana–Togo Ties — GS2 | IR | updated May 2031\n\nIssues\n- Border trade is stalled.\n"
    )
    assert argument_map.title == "Ghana–Togo Ties"
    assert all("updated" not in n.text for n in argument_map.nodes)
    quoted = _map(
        'Essay practice – "Cities grow by walking" (900 words) – draft 3\n\nCars fill the streets.\n'
    )
    assert quoted.title == "Cities grow by walking"


def test_a_q_line_is_the_question_not_a_point_lettered_q():
    argument_map = _map("Q. Examine the causes of soil loss. (10 marks)\n\nCauses\n- Tilling on slopes.\n")
    assert argument_map.question.startswith("Examine the causes of soil loss")
    assert [n.text for n in argument_map.nodes] == ["Tilling on slopes."]


def test_numbered_headings_over_lettered_sub_headings_keep_the_outer_role():
    note = (
        "1. Problems in the delta\n"
        "A. Water\n"
        "    • Dams upstream trap the silt the delta needs.\n"
        "B. People\n"
        "    • Villages lose farmland every year.\n"
        "2. Measures\n"
        "    • Release silt-laden flows in the monsoon.\n"
    )
    argument_map = _map(note)
    assert _kind_of(argument_map, "Dams upstream") is Kind.COUNTERPOINT
    assert _kind_of(argument_map, "Villages lose") is Kind.COUNTERPOINT
    assert _kind_of(argument_map, "Release silt") is Kind.RECOMMENDATION
    assert "under 'Problems in the delta › Water'" in _node(argument_map, "Dams upstream").notes


def test_rows_of_a_pipe_table_are_points_placed_by_the_header():
    note = (
        "Tolls on highways\n\n"
        "| Concern | Why it matters |\n|---|---|\n"
        "| Double charging | Drivers pay road tax and then pay again at each plaza. |\n"
        "| Queues | Plazas slow freight at peak hours. |\n"
    )
    argument_map = _map(note)
    charging = _node(argument_map, "Drivers pay road tax")
    assert charging.kind is Kind.COUNTERPOINT and charging.label == "Double charging"
    assert _kind_of(argument_map, "Plazas slow freight") is Kind.COUNTERPOINT


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("What has gone wrong?", Kind.COUNTERPOINT),
        ("What must be done", Kind.RECOMMENDATION),
        ("Causes of the decline", Kind.COUNTERPOINT),
        ("What does the law provide?", Kind.CONTEXT),  # "does" is not "cons"
        ("Should the office be scrapped?", None),  # a yes/no question names a topic
        ("How can the city cope?", Kind.RECOMMENDATION),
        ("Cons", Kind.COUNTERPOINT),
    ],
)
def test_question_headings_are_read_by_their_cue_words_and_short_words_whole(heading, kind):
    from argmap.formats.notes.cues import heading_role

    role = heading_role(heading)
    assert (role[0] if role else None) is kind


def test_a_position_rejects_the_notes_topic_only_when_its_clause_names_it():
    from argmap.formats.notes.cues import against_proposal

    topic = "Peru–Chile relations"
    assert against_proposal("A fishing dispute should not hold the rest of the ties hostage.", topic) is None
    assert against_proposal("Peru–Chile relations should not be reset by decree.", topic) == "should not be"
    # a pronoun standing for the topic
    assert against_proposal("Relations with Chile matter, and it would be a mistake to freeze them.", topic)


def test_a_number_word_that_counts_time_is_not_a_fact():
    from argmap.formats.notes.facts import fact_basis

    assert fact_basis("An entrant on a three-year contract has little reason to fight.") is None
    assert fact_basis("Tracks begin after the first ten years of service.") is None
    assert fact_basis("Three lakh students applied.") is not None


def test_an_opening_verb_followed_by_a_determiner_is_a_command_without_a_verb_list():
    from argmap.formats.notes.cues import recommendation_cue

    assert recommendation_cue("Plait the new reeds into the dyke before the floods.")
    assert recommendation_cue("Reservoirs lose a fifth of their water to silt.") is None
    assert recommendation_cue("Half the water is lost in canals.") is None


def test_commands_under_a_conclusion_heading_are_measures_and_the_stated_position_stays():
    note = (
        "Problems\n- Canals leak and lose water.\n\n"
        "Conclusion\n"
        "Line the canals with concrete in the worst stretches.\n"
        "Thus, irrigation is worth saving, but only with repairs.\n"
    )
    argument_map = _map(note)
    assert _kind_of(argument_map, "Line the canals") is Kind.RECOMMENDATION
    assert argument_map.thesis().text.startswith("Thus, irrigation is worth saving")


def test_a_conclusion_line_under_the_last_bullet_is_not_the_bullets_end():
    note = "way ahead:\n- publish the data each yr\nbottom line - the scheme works, keep it.\n"
    argument_map = _map(note)
    assert argument_map.thesis().text.startswith("bottom line")
    assert _node(argument_map, "publish the data").text == "publish the data each yr"


def test_a_prep_sheet_reads_labelled_examples_and_the_other_sides_points_with_our_answers():
    note = (
        "Motion: This House would close city centres to cars\n\n"
        "Argument 1: Air\n"
        "Point: cars foul the air where people walk.\n"
        "Example: after one city closed its centre in 2018, soot fell by a third.\n\n"
        "Pre-empt\n"
        "The other side will tell you that shops lose their customers.\n"
        "But we think walkers come back more often than drivers.\n"
    )
    argument_map = _map(note)
    point = _node(argument_map, "cars foul the air")
    example = _node(argument_map, "after one city closed")
    assert point.kind is Kind.CLAIM and example.kind is Kind.EVIDENCE and point.id in example.supports
    objection = _node(argument_map, "The other side will tell you")
    answer = _node(argument_map, "But we think")
    assert objection.kind is Kind.COUNTERPOINT and answer.kind is Kind.REBUTTAL
    assert answer.opposes == [objection.id]


def test_thr_opens_a_motion():
    argument_map = _map("THR the rise of fast fashion\n\nOur side\n- Clothes are worn twice and burnt.\n")
    assert argument_map.thesis().text == "THR the rise of fast fashion"


def test_roman_headings_over_small_letter_items_nest_and_keep_their_roles():
    note = (
        "I. Strengths\n"
        "a. Ports: the harbour handles a third of the region's cargo.\n"
        "II. Areas of concern\n"
        "a. Silt: the channel needs dredging every year.\n"
    )
    argument_map = _map(note)
    assert _kind_of(argument_map, "the harbour handles") is Kind.CLAIM
    assert _kind_of(argument_map, "the channel needs dredging") is Kind.COUNTERPOINT


def test_plus_and_minus_marks_give_a_points_side():
    note = "(+) Exports doubled after the pact.\n(–) Farmers lost their tariff shield.\n"
    argument_map = _map(note)
    assert _kind_of(argument_map, "Exports doubled") is Kind.CLAIM
    assert _kind_of(argument_map, "Farmers lost") is Kind.COUNTERPOINT
    assert "'(–)'" in _node(argument_map, "Farmers lost").notes


def test_opp_will_say_and_our_response_labels_pair_an_objection_with_its_answer():
    note = (
        "THBT towns should ban leaf blowers\n\n"
        "Opp will say: gardeners lose hours of work.\n"
        "Our response: battery rakes do the job in the same time.\n"
    )
    argument_map = _map(note)
    objection = _node(argument_map, "gardeners lose hours")
    answer = _node(argument_map, "battery rakes")
    assert objection.kind is Kind.COUNTERPOINT and answer.kind is Kind.REBUTTAL
    assert answer.opposes == [objection.id]


def test_a_bold_lead_ending_in_a_full_stop_is_the_points_label():
    argument_map = _map("Gains\n- **Cheaper loans.** Rates fell for small firms.\n")
    node = _node(argument_map, "Rates fell")
    assert node.label == "Cheaper loans" and node.kind is Kind.CLAIM


def test_an_italic_or_bracketed_filing_line_is_metadata():
    note = "*Economy · Banking · last edited 3 Feb 2026*\n\nIssues\n- Bad loans rose.\n"
    assert [n.text for n in _map(note).nodes] == ["Bad loans rose."]
    bracketed = "(Environment, GS-3) — class notes, May 2025\n\nIssues\n- Wells ran dry.\n"
    assert [n.text for n in _map(bracketed).nodes] == ["Wells ran dry."]


def test_a_break_inside_the_subject_does_not_cut_a_fact_out_of_the_sentence():
    from argmap.formats.notes.facts import clauses

    assert clauses("Steel imports under the FTA have surged since 2022.") == [
        "Steel imports under the FTA have surged since 2022."
    ]
    assert len(clauses("India cut duties on steel under the FTA signed in 2022.")) == 2


def test_tl_dr_opens_the_notes_position():
    note = "**TL;DR** — Keep the cap, fix the loopholes.\n\nIssues\n- Firms split up to dodge the cap.\n"
    assert _map(note).thesis().text.startswith("**TL;DR**") or _map(note).thesis().text.startswith("TL;DR")


def test_o_bullets_and_numbered_headings_ending_in_a_colon_from_a_copied_handout():
    note = (
        "Challenges\n"
        "I. Slow delivery:\n"
        "o Projects run years behind schedule.\n"
        "Way forward\n"
        "o Track every project in a public dashboard.\n"
        "o Pay contractors on milestones.\n"
    )
    argument_map = _map(note)
    assert _kind_of(argument_map, "Projects run years") is Kind.COUNTERPOINT
    assert _kind_of(argument_map, "Track every project") is Kind.RECOMMENDATION
    assert _kind_of(argument_map, "Pay contractors") is Kind.RECOMMENDATION


def test_a_brief_for_the_side_against_the_motion_reads_its_own_sections_as_objections():
    note = (
        "Resolved: Cities should ban petrol scooters.\n"
        "Prep notes - CON side (we are negating).\n\n"
        "PRO will run\n"
        "PRO 1 — Air\n"
        "Claim: scooters foul the air of crowded lanes.\n\n"
        "Our attacks\n"
        "A1 (vs PRO 1): electric scooters cost twice as much, so the poor lose their transport.\n"
    )
    argument_map = _map(note)
    assert _kind_of(argument_map, "scooters foul the air") is Kind.CLAIM
    assert _kind_of(argument_map, "electric scooters cost") is Kind.COUNTERPOINT


def test_a_clause_break_repeated_in_one_long_sentence_is_read_in_linear_time():
    from argmap.formats.notes.facts import clauses

    sentence = "Steel imports" + " under the x" * 20_000 + " have surged."
    assert clauses(sentence)  # each break looks at most 200 characters ahead for the verb


def test_an_emoji_before_a_heading_or_filing_line_decorates_it_and_rules_of_box_lines_are_no_points():
    note = (
        "🎯 Urban Flooding in Indian Cities\n"
        "🗂️ GS-1 | Geography | Disaster management\n"
        "════════════\n"
        "💡 Arguments against\n"
        "🔟 Storm drains in most cities were sized for rainfall of the 1970s.\n"
        "1️⃣ Lakes that once held runoff have been built over.\n"
        "────────────\n"
        "🚀 Way ahead\n"
        "✨ Restore lakes as sponge basins.\n"
        "✨ Redesign drains for today's rainfall.\n"
    )
    argument_map = _map(note)
    texts = [node.text for node in argument_map.nodes]
    assert not any("GS-1" in text or "═" in text or "─" in text or "Way ahead" in text for text in texts)
    assert "Urban Flooding" in argument_map.title
    assert _kind_of(argument_map, "Storm drains") is Kind.COUNTERPOINT
    assert _kind_of(argument_map, "Lakes that") is Kind.COUNTERPOINT
    assert _node(argument_map, "Storm drains").text.startswith("Storm drains")
    # a list's items share their emoji: they stay points, read as the section's measures
    assert _kind_of(argument_map, "Restore lakes") is Kind.RECOMMENDATION


@pytest.mark.parametrize("label", ["Reply", "Our answer", "Gov reply", "Question from Prop"])
def test_a_point_nested_under_an_objection_and_labelled_for_our_side_answers_it(label):
    note = (
        "This House would tax sugary drinks\n\n"
        "Against\n"
        "- A sugar tax hits poor households hardest, since they spend more of their income on food.\n"
        f"    - {label}: the revenue can fund free school meals, which help the same households most.\n"
    )
    assert _rebuts(note, "the revenue", "A sugar tax")


def test_a_position_stated_in_the_first_person_after_a_scene_setting_sentence_is_the_thesis():
    note = (
        "# Ten years of the smart cities mission\n\n"
        "The mission was launched in June 2015 for a hundred cities. "
        "My position is plain: it built showpiece projects while the basic drains and buses were left behind.\n\n"
        "## What went wrong\n"
        "- Special purpose vehicles bypassed elected councils.\n"
        "- Most money went to a few central districts.\n\n"
        "If the next mission funds councils directly, cities may yet see the benefit.\n"
    )
    thesis = _map(note).thesis()
    assert thesis is not None and "showpiece projects" in thesis.text


@pytest.mark.parametrize(
    "byline",
    [
        "By Arun K. · 3 March 2024 · 4 min read",
        "By Staff Writer | 2023-11-05",
        "By Priya (economics teacher) - 8 min read",
    ],
)
def test_a_byline_with_a_date_or_a_reading_time_is_metadata_not_a_point(byline):
    note = f"# Why metro fares rose\n\n{byline}\n\n## Reasons\n- Power tariffs for traction doubled.\n"
    argument_map = _map(note)
    assert not any("By " in node.text or "read" in node.text for node in argument_map.nodes)


def test_a_sentence_opening_with_by_is_still_a_point():
    note = "Concerns\n- By 2030 the cities will need twice the water they draw today.\n"
    assert _map(note).nodes[0].text.startswith("By 2030")


@pytest.mark.parametrize(
    "measure",
    [
        "Let district hospitals hire nurses on contract where posts have stayed empty for a year.",
        "Scale up the mobile clinics that fear of travel keeps patients from missing.",
        "Open up a second night shift in crowded outpatient wards.",
    ],
)
def test_a_command_by_its_form_is_a_measure_even_with_a_difficulty_word(measure):
    note = f"Rural health care\n\nA middle path\n- {measure}\n"
    assert _map(note).nodes[0].kind is Kind.RECOMMENDATION


def test_a_sentence_with_a_particle_after_its_subject_is_no_command():
    note = "Rural health care\n\nNotes\n- Costs went up sharply and patients fear the bills.\n"
    assert _map(note).nodes[0].kind is not Kind.RECOMMENDATION


def test_a_reported_fact_joined_by_and_becomes_evidence_but_a_reason_so_joined_stays():
    note = (
        "India–Chile relations\n\n"
        "Areas of cooperation\n"
        "- Mining: Chile holds large lithium reserves that India's battery makers need, "
        "and an Indian state firm signed an exploration deal in 2024.\n"
        "- Trade: a wider trade pact would cut duties on copper for Indian smelters, "
        "and lower duties would help 40 per cent of small exporters.\n"
    )
    argument_map = _map(note)
    fact = _node(argument_map, "and an Indian state firm")
    assert fact.kind is Kind.EVIDENCE and fact.supports == [_node(argument_map, "Chile holds").id]
    assert "lower duties" in _node(argument_map, "a wider trade pact").text


def test_key_value_lines_right_under_the_title_are_metadata_not_points():
    note = (
        "Sharma v. Union of India (2022): the licence rules case\n"
        "Court and Docket: Delhi High Court, W.P. 1142 of 2021\n"
        "Coram: Two judges | Decided: 14 March 2022\n\n"
        "Arguments of the petitioner\n"
        "- The rule gave officials unchecked power over licences.\n"
    )
    argument_map = _map(note)
    assert not any("Docket" in n.text or "Coram" in n.text or "Decided" in n.text for n in argument_map.nodes)
    assert argument_map.nodes[0].text.startswith("The rule gave")


def test_a_labelled_sentence_under_the_title_stays_a_point():
    note = "India–Peru relations\nTrade: Peru sells India gold and copper worth billions.\n"
    assert _map(note).nodes[0].text.startswith("Peru sells") or "Peru sells" in _map(note).nodes[0].text


@pytest.mark.parametrize("heading", ["Key data", "A short recap", "At a glance", "Urban water in numbers"])
def test_a_heading_that_recaps_or_gives_the_data_heads_background(heading):
    note = (
        f"Urban water supply\n\n{heading}\n"
        "- Most cities supply piped water for only a few hours a day, a problem for poor households.\n\n"
        "Way forward\n- Meter every connection.\n"
    )
    assert _map(note).nodes[0].kind is Kind.CONTEXT


@pytest.mark.parametrize(
    "clash",
    [
        "If they say the tax hurts the poor → we say the revenue funds free school meals for the poor.",
        "If opponents argue that the tax hurts the poor, we answer that school meals return more than it costs.",
    ],
)
def test_an_if_they_say_clash_line_answers_the_objection_it_quotes(clash):
    note = (
        "Motion: This House would tax sugary drinks\n\n"
        "Proposition\n- Sugary drinks drive obesity in children, and a price signal cuts consumption.\n\n"
        "Opposition\n- The tax hurts the poor, who spend more of their income on cheap drinks.\n\n"
        f"Clash\n{clash}\n"
    )
    assert _rebuts(note, "If ", "The tax hurts")


def test_a_position_announced_mid_paragraph_is_the_thesis_not_the_closing_chatter():
    note = (
        "Four-day week: my notes\n\n"
        "I read three reports on this over the weekend. So here is my take upfront: a four-day "
        "week suits offices but not factories running shifts. Corrections welcome.\n\n"
        "Gains\n- Staff take fewer sick days.\n\n"
        "Problems\n- Shift work cannot be squeezed into four days.\n\n"
        "That was a long read, thanks for the comments on the draft.\n"
    )
    result, report = explain_notes(note, "note.txt")
    thesis = result.map.thesis()
    assert thesis.text.startswith("So here is my take upfront: a four-day week suits offices")
    assert "my take upfront" in next(row.why for row in report.points if row.node == thesis.id)


def test_a_position_the_note_labels_as_its_summary_outranks_the_closing_section():
    note = (
        "Metro fares\n\n"
        "ONE-LINE SUMMARY\n"
        "Cheaper fares would fill the trains and repay the subsidy within a decade.\n\n"
        "Benefits\n- More riders leave their cars at home.\n\n"
        "Concerns\n- The operator loses fare revenue in the first years.\n\n"
        "Conclusion\n"
        "Thus, the city should cut fares and review the subsidy every year.\n"
    )
    assert _map(note).thesis().text.startswith("Cheaper fares would fill the trains")


def test_a_chat_exports_sender_prefix_is_metadata_and_the_message_after_it_is_read():
    note = (
        "[3/2/26, 8:05 pm] Meena GS3 Study: *Coastal shipping* (for Friday)\n\n"
        "*Gains*\n• Ships move bulk cargo at a third of the road cost per tonne.\n\n"
        "*Problems*\n• Ports lack berths for small coastal vessels.\n"
        "[3/2/26, 8:07 pm] Meena GS3 Study: Bottom line → coastal shipping deserves the cargo "
        "that roads now carry, once the small ports are built.\n"
    )
    argument_map = _map(note)
    assert argument_map.thesis().text.startswith("Bottom line → coastal shipping deserves")
    assert not any("Meena GS3 Study" in n.text or "8:05 pm" in n.text for n in argument_map.nodes)


def test_timestamps_and_thread_counters_are_read_off_and_kept_in_the_notes():
    note = (
        "Water metering: lecture notes\n\n"
        "(04:10) Benefits\n- Metered homes use a fifth less water.\n\n"
        "(12:45) Problems\n- Meters cost more than poor households can pay.\n\n"
        "Metering is working and should reach every city. 3/3\n"
    )
    argument_map = _map(note)
    assert {n.text for n in argument_map.nodes} >= {
        "Metering is working and should reach every city.",
        "Metered homes use a fifth less water.",
    }
    assert not any("(04:10)" in n.text or "(12:45)" in n.text for n in argument_map.nodes)
    assert "3/3" in argument_map.thesis().notes


def test_a_long_filing_line_of_dotted_fields_under_the_title_is_metadata():
    note = (
        "Road safety: the missing audits\n"
        "Weekly digest · GS Paper 3 – Disaster management; GS Paper 2 – Governance · 4 Jan 2026\n\n"
        "Concerns\n- Black spots stay unmarked for years.\n\n"
        "Way forward\n- Audit every new highway before it opens.\n"
    )
    argument_map = _map(note)
    assert not any("Weekly digest" in n.text for n in argument_map.nodes)
    assert _kind_of(argument_map, "Black spots stay unmarked") is Kind.COUNTERPOINT


def test_a_quoted_topic_after_a_colon_on_the_first_line_is_the_title():
    note = (
        'Essay (practice set 2, Part A): "Cities, not villages, will write the next chapter"\n'
        "1,000 words · 60 minutes · self-checked\n\n"
        "Cities already make most of the national income, and they should get the funds to match.\n\n"
        "Concerns\n- Slums grow faster than housing.\n"
    )
    argument_map = _map(note)
    assert argument_map.title == "Cities, not villages, will write the next chapter"
    assert not any("60 minutes" in n.text for n in argument_map.nodes)
