from .helpers import claims_with, quote, run


def test_speaker_after_the_quote():
    result = run('Minister Lena Brandt visited the port. "We will rebuild every pier," Brandt said.')
    found = quote(result, "We will rebuild every pier")
    assert (found.kind, found.speaker, found.cue) == ("direct", "Lena Brandt", "said")


def test_inverted_attribution_and_curly_quotes():
    result = run("“The harvest is the worst in a decade,” said farmer Tomas Rivera.")
    assert quote(result, "The harvest is the worst").speaker == "Tomas Rivera"


def test_speaker_before_the_quote_with_a_colon():
    result = run('Economist Mira Solberg told reporters: "Prices will keep rising this year."')
    found = quote(result, "Prices will keep rising")
    assert found.speaker == "Mira Solberg"
    assert found.cue.startswith("told")


def test_a_pronoun_resolves_to_the_last_person_of_its_gender():
    result = run('Senator Maria Lopez spoke first. "This bill protects workers and families," she said.')
    assert quote(result, "This bill protects workers").speaker == "Maria Lopez"


def test_a_quote_split_by_its_attribution_is_one_quote():
    result = run('"The river," Mayor Ivan Petrov said, "has never been this high in living memory."')
    found = quote(result, "The river")
    assert found.text == "The river has never been this high in living memory."
    assert found.speaker == "Ivan Petrov"


def test_a_quote_running_over_paragraphs_is_one_quote_with_its_speaker():
    body = ('Coach Sam Okafor said after the match: "We defended well and we attacked with purpose.\n\n'
            '"Next week we travel, and the team is ready for it."')
    found = quote(run(body), "We defended well")
    assert found.text == "We defended well and we attacked with purpose. Next week we travel, and the team is ready for it."
    assert found.speaker == "Sam Okafor"


def test_a_paragraph_without_a_new_opening_mark_continues_the_quote():
    body = ('Coach Sam Okafor said: "We defended well.\n\n'
            'Next week we travel, and the team is ready for it." The club did not comment further.')
    result = run(body)
    found = quote(result, "We defended well")
    assert found.text.endswith("the team is ready for it.")
    assert [q.text for q in result.quotes if q.kind == "direct"] == [found.text]


def test_a_quote_opening_its_paragraph_takes_the_speaker_of_the_paragraph_before():
    body = ('Professor Lena Holm said she was worried. "The data are clear and the trend is bad."\n\n'
            '"We need action this year, not in ten years."')
    assert quote(run(body), "We need action").speaker == "Lena Holm"


def test_quoted_titles_are_not_quotes():
    result = run('The ministry launched a website called "The Clean Rivers Project" on Monday.')
    assert result.quotes == () or all(q.kind != "direct" for q in result.quotes)


def test_according_to_names_the_source():
    result = run('"The shipment left on time and reached the port," according to Harbour Authority spokesman '
                 'Ken Adams.')
    assert quote(result, "The shipment left on time").speaker == "Ken Adams"


def test_a_statement_read_on_a_website_belongs_to_its_owner():
    result = run('President Elena Varga spoke at noon. "The border will stay open to trade," a statement read '
                 "on Varga's official website.")
    assert quote(result, "The border will stay open").speaker == "Elena Varga"


def test_unnamed_sources_are_kept_as_worded():
    result = run('"Talks will resume next month in Geneva," diplomatic sources said.')
    assert quote(result, "Talks will resume").speaker == "diplomatic sources"


def test_short_quoted_words_inside_a_sentence_are_partial():
    result = run('The opposition leader Karl Moen called the budget "reckless" on Tuesday.')
    assert quote(result, "reckless").kind == "partial"


def test_the_named_person_wins_in_a_long_speaker_phrase():
    result = run("The airport will close at night, the Transport Ministry Spokesman Olaf Berg told reporters. "
                 '"Flights will move to the day schedule until the runway is repaired," Berg added.')
    assert quote(result, "Flights will move").speaker == "Olaf Berg"


def test_indirect_speech_is_kept_with_its_speaker():
    result = run("Governor Ruth Adeyemi said that the dam would be inspected within a week.")
    indirect = [q for q in result.quotes if q.kind == "indirect"]
    assert indirect and indirect[0].speaker == "Ruth Adeyemi"
    assert indirect[0].text.startswith("the dam would be inspected")


def test_a_named_person_beats_an_apposition_about_someone_else():
    result = run('Omar Haddad, a close aide to Minister Lina Aziz, said, "The ministry will not resign over this."')
    assert quote(result, "The ministry will not resign").speaker == "Omar Haddad"


def test_a_role_between_commas_marks_the_speaker():
    result = run('After the game, Tomas Varela, Uruguay coach, said, "We lacked energy in the second half today."')
    assert quote(result, "We lacked energy").speaker == "Tomas Varela"


def test_a_colon_hands_the_quote_to_the_sentence_subject():
    result = run('Chancellor Petra Lind defended the plan while a "review" by Olaf Brun is pending: '
                 '"The budget is balanced and it will stay balanced next year."')
    assert quote(result, "The budget is balanced").speaker == "Petra Lind"


def test_a_role_word_before_the_name_does_not_hide_it():
    result = run('As coauthor Mira Janssen told reporters, "The samples from the north were the cleanest we saw."')
    assert quote(result, "The samples from the north").speaker == "Mira Janssen"


def test_nouns_that_look_like_speech_verbs_are_not_attributions():
    result = run("The United States sent 30 trucks of aid to the asylum claim- processing centre.")
    assert claims_with(result, 30)[0].claimant is None


def test_a_conjunction_is_never_a_speaker():
    result = run('Analysts at Nordbank said the results were "exceptional" but warned that costs would rise.')
    assert quote(result, "exceptional").speaker in {"Nordbank", "Analysts at Nordbank"}


def test_an_indirect_quote_starts_after_that():
    result = run("Governor Ruth Adeyemi said on Friday that the dam would be inspected within a week.")
    indirect = [q for q in result.quotes if q.kind == "indirect"]
    assert indirect[0].text.startswith("the dam would be inspected")


def test_a_participle_before_the_noun_is_no_cut_but_one_after_it_is():
    result = run('A leaked internal memo seen by reporters says "staff will be cut by a third next year".')
    assert quote(result, "staff will be cut").speaker_text == "A leaked internal memo"


def test_it_is_the_organisation_quoted_just_before():
    result = run('"The harbour will reopen on Monday," the Port Authority of Lagos said. '
                 '"Ships are already waiting offshore," it added.')
    assert quote(result, "Ships are already waiting").speaker == "Port Authority of Lagos"


def test_quoted_words_continuing_the_authors_sentence_are_partial():
    result = run('The coach told reporters that his side had "lost the game in the first 20 minutes" on Sunday. '
                 'Minister Ana Costa said, "we will build the new bridge by next spring."')
    assert quote(result, "lost the game").kind == "partial"
    assert quote(result, "we will build").kind == "direct"


def test_a_speech_verb_with_an_object_reports_no_clause():
    result = run("Rayan Toure added a third goal after 67 minutes.")
    assert [q for q in result.quotes if q.kind == "indirect"] == []


def test_transcript_labels_name_each_paragraphs_speaker():
    result = run('A partial transcript follows:\n\n"HOST: Why did the council vote no?\n\n'
                 '"MAYOR: Because the pier needs repairs first, and we will do them this year."')
    assert quote(result, "HOST: Why did the council").speaker == "HOST"
    assert quote(result, "MAYOR: Because the pier").speaker == "MAYOR"  # a new label starts a new quote


def test_a_straight_opening_mark_closes_with_a_curly_one():
    result = run('"The pier will reopen in May,” said Mayor Ana Ruiz. Crowds cheered.')
    found = quote(result, "The pier will reopen")
    assert found.text == "The pier will reopen in May" and found.speaker == "Ana Ruiz"
