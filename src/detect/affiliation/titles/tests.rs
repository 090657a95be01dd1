//! Tests of the titles before a surname's mentions.

use super::*;

/// The title before the mention at `at` of `text` read as an article's opening.
fn title_before(text: &str, at: usize) -> Option<&str> {
    let opening = Opening::of(text);
    super::title_before(&OpeningWords::of(&opening), at, &mut Vec::new())
}

fn led_body(text: &str, at: usize) -> Option<&str> {
    let opening = Opening::of(text);
    super::led_body(&OpeningWords::of(&opening), at, &mut Vec::new())
}

fn titles_before(text: &str, at: usize) -> Vec<&str> {
    let opening = Opening::of(text);
    super::titles_before(&OpeningWords::of(&opening), at, &mut Vec::new())
}

#[test]
fn the_last_stop_is_the_end_of_the_last_mark_read_by_character() {
    let by_character = |before: &str| {
        before
            .char_indices()
            .rfind(|&(i, c)| {
                matches!(c, ',' | ';' | ':' | '"' | '“' | '”' | '(' | ')' | '\n')
                    || (c == '.' && !crate::detect::words::is_initialism_dot(before, i))
            })
            .map(|(i, c)| i + c.len_utf8())
    };
    for before in [
        "the U.N. envoy",
        "said. Then “the chief” and",
        "no mark here",
        "“",
        "a (b) c”",
        "x\u{201e}y\u{2019}z",
        "end.",
        "",
    ] {
        assert_eq!(last_stop(before), by_character(before), "{before}");
    }
}

#[test]
fn by_is_found_in_any_case_wherever_it_stands() {
    let pairs = |b: &[u8]| {
        b.windows(2)
            .any(|p| p[0] | 0x20 == b'b' && p[1] | 0x20 == b'y')
    };
    for text in [
        "led by",
        "BY",
        "bY b",
        "ab",
        "b",
        "",
        "obey",
        "Bb yb",
        "x\u{e9}by",
        "bBy",
    ] {
        assert_eq!(holds_by(text.as_bytes()), pairs(text.as_bytes()), "{text}");
    }
}

#[test]
fn a_title_before_another_mention_of_the_name_describes_the_speaker() {
    let text = "Plans announced by Acme leader Tom Field on Monday. Later Mr Field said no.";
    assert_eq!(
        title_before(text, text.find("Field").unwrap()),
        Some("Acme leader")
    );
    let text = "the plan of the Trade and Industry Secretary Ann Lee, who";
    assert_eq!(
        title_before(text, text.find("Lee").unwrap()),
        Some("the Trade and Industry Secretary")
    );
    // a description between commas, opened by a determiner or an owner's name
    let text = "Acme's chief executive, Tom Field, said no.";
    assert_eq!(
        title_before(text, text.find("Field").unwrap()),
        Some("Acme's chief executive")
    );
    let text = "Acme said on Monday, Tom Field said.";
    assert_eq!(title_before(text, text.find("Field").unwrap()), None);
    // a verb or a clause before the name is no title
    let text = "Critics attacked Ann Lee. Lee said no.";
    assert_eq!(title_before(text, text.find("Lee").unwrap()), None);
}

#[test]
fn the_dots_of_an_initialism_do_not_end_a_title() {
    let text = "Talks ended. The U.N. envoy, Ida Berg, said no.";
    assert_eq!(
        title_before(text, text.find("Ida").unwrap()),
        Some("The U.N. envoy")
    );
    let text = "Talks ended. U.S. negotiator Ann Lee said no.";
    assert_eq!(
        title_before(text, text.find("Ann").unwrap()),
        Some("U.S. negotiator")
    );
    // a sentence's end still ends it
    let text = "Talks ended. Ann Lee said no.";
    assert_eq!(title_before(text, text.find("Ann").unwrap()), None);
}

#[test]
fn the_body_a_person_is_said_to_lead_describes_the_person() {
    let at = |text: &str| text.rfind("Bell").unwrap();
    let text = "The Acme delegation was led by Ann Bell, a lawyer.";
    assert_eq!(led_body(text, at(text)), Some("The Acme delegation"));
    let text = "Later, Acme's team is headed by Dr. Ann Bell.";
    assert_eq!(led_body(text, at(text)), Some("Acme's team"));
    let text = "The union's negotiators, led by Ann Bell, walked out.";
    assert_eq!(led_body(text, at(text)), Some("The union's negotiators"));
    // a clause is no body, nor is a name met otherwise
    let text = "Talks said to be led by Ann Bell went on.";
    assert_eq!(led_body(text, at(text)), None);
    let text = "The Acme delegation met Ann Bell.";
    assert_eq!(led_body(text, at(text)), None);
    // the description before a title set off by commas
    // the body led by the holder of a title
    let text = "The Acme delegation, led by Deputy Foreign Minister Ann Bell, left.";
    assert_eq!(
        titles_before(text, at(text)),
        ["Deputy Foreign Minister", "The Acme delegation"]
    );
    let text = "The union's team was led by chief negotiator Ann Bell.";
    assert_eq!(
        titles_before(text, at(text)),
        ["chief negotiator", "The union's team"]
    );
    let text = "The head of the Acme delegation, interior minister Ann Bell, said no.";
    assert_eq!(
        titles_before(text, at(text)),
        ["interior minister", "The head of the Acme delegation"]
    );
}

#[test]
fn a_description_before_a_name_closed_by_a_comma_may_end_a_longer_clause() {
    let at = |text: &str| text.rfind("Bell").unwrap();
    let text = "The walkout was led by the League's chief, Ann Bell, who spoke.";
    assert_eq!(title_before(text, at(text)), Some("the League's chief"));
    // not where the name opens a clause of its own, nor after another preposition
    let text = "Critics attacked the League's plan, Ann Bell said.";
    assert_eq!(title_before(text, at(text)), None);
    let text = "After talks with the union, Ann Bell, a lawyer, said no.";
    assert_eq!(title_before(text, at(text)), None);
}

#[test]
fn a_person_named_with_a_particle_takes_the_side_of_the_description_before() {
    use crate::detect::test_support::{party, quote_sides, sides};
    let story = "Tir and Mor clash over farm grants\n\n\
        Tir Cymru and the Mor Party clashed over farm grants on Wednesday.\n\n\
        Tir Cymru's rural affairs spokesman, Dafydd ap Rhys, said the cuts were wrong.\n\n\
        “The valleys cannot wait,” he said.\n\n\
        Mor Party leader Ann Bell said the grants were wasteful. “We must save,” she said.\n";
    let parties = [
        party("tir", "Tir Cymru", &["Tir"]),
        party("mor", "Mor Party", &["Mor"]),
    ];
    assert_eq!(quote_sides(story, &parties), sides(&["tir", "mor"]));
}

#[test]
fn an_owners_name_of_two_words_before_a_description_is_read_whole() {
    let at = |text: &str| text.rfind("Holt").unwrap();
    let text = "The line will be built. Fenmoor Ridge's chief executive, Ana Holt, spoke.";
    assert_eq!(
        title_before(text, at(text)),
        Some("Fenmoor Ridge's chief executive")
    );
    // a sentence word opening the phrase is no part of the owner's name
    let text = "The line will be built. Yesterday Fenmoor's chief executive, Ana Holt, spoke.";
    assert_eq!(
        title_before(text, at(text)),
        Some("Fenmoor's chief executive")
    );
}
