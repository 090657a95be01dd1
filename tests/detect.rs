//! The detector on the bundled article (which is ours): the expectations of issue 3,
//! asserted on the real output, and properties over arbitrary input.

use parley::article::{Article, Source};
use parley::detect::detect;
use parley::model::{Annotations, Party, Quote, QuoteKind, Status};
use proptest::prelude::*;

fn bundled() -> (Article, Annotations) {
    let a = Article::bundled();
    let found = detect(&a, None);
    (a, found)
}

fn speech(found: &Annotations) -> Vec<&Quote> {
    found
        .quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Term)
        .collect()
}

fn speaker_name<'a>(found: &'a Annotations, q: &Quote) -> &'a str {
    q.speaker
        .as_deref()
        .and_then(|id| found.speaker(id))
        .map_or("", |s| s.name.as_str())
}

fn party_name<'a>(found: &'a Annotations, id: Option<&str>) -> &'a str {
    id.and_then(|id| found.party(id))
        .map_or("", |p| p.name.as_str())
}

#[test]
fn bundled_article_has_five_speech_quotes_with_their_speakers_and_sides() {
    let (_, found) = bundled();
    let quotes = speech(&found);
    let got: Vec<(&str, &str, &str)> = quotes
        .iter()
        .map(|q| {
            let first = q.text.trim_start_matches('“');
            let first = first.split_whitespace().next().unwrap_or("");
            (
                first,
                speaker_name(&found, q),
                party_name(&found, q.party.as_deref()),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("Engaging", "Ian Kelly", "United States"),
            ("a", "Dagoberto Rodriguez", "Cuba"),
            ("Progress", "Dagoberto Rodriguez", "Cuba"),
            ("encourages", "Cuban statement", "Cuba"),
            ("The", "Ian Kelly", "United States"),
        ]
    );
}

#[test]
fn wet_foot_dry_foot_is_a_term_without_a_speaker() {
    let (_, found) = bundled();
    let term = found
        .quotes
        .iter()
        .find(|q| q.text.contains("wet foot, dry foot"))
        .expect("the term is found");
    assert_eq!(term.kind, QuoteKind::Term);
    assert_eq!(term.speaker, None);
    assert_eq!(term.party, None);
}

#[test]
fn byline_names_are_not_speakers() {
    let (_, found) = bundled();
    for s in &found.speakers {
        for name in ["Arshad Mohammed", "Jeff Franks", "Anthony Boadle"] {
            assert!(!s.name.contains(name), "{} is a byline name", s.name);
        }
    }
    assert!(!found.speakers.iter().any(|s| s.name.contains("Obama")));
}

#[test]
fn speakers_carry_their_roles_sides_and_mentions() {
    let (a, found) = bundled();
    let kelly = found
        .speakers
        .iter()
        .find(|s| s.id == "ian-kelly")
        .expect("Kelly");
    assert_eq!(party_name(&found, kelly.party.as_deref()), "United States");
    assert!(kelly.role.as_deref().unwrap_or("").contains("spokesman"));
    let mentions: Vec<&str> = kelly.mentions.iter().map(|m| &a.text[m[0]..m[1]]).collect();
    assert!(mentions.contains(&"Ian Kelly"), "{mentions:?}");
    assert!(
        mentions.iter().any(|m| m.contains("spokesman")),
        "{mentions:?}"
    );
    let rodriguez = found
        .speakers
        .iter()
        .find(|s| s.id == "dagoberto-rodriguez")
        .expect("Rodriguez");
    assert_eq!(
        rodriguez.role.as_deref(),
        Some("Cuban Deputy Foreign Minister")
    );
    assert_eq!(party_name(&found, rodriguez.party.as_deref()), "Cuba");
    let mentions: Vec<&str> = rodriguez
        .mentions
        .iter()
        .map(|m| &a.text[m[0]..m[1]])
        .collect();
    assert!(mentions.contains(&"he"), "{mentions:?}");
}

#[test]
fn the_six_positions_of_the_sides_are_found() {
    let (_, found) = bundled();
    let expected = [
        ("showed its desire to work constructively", "United States"),
        (
            "reiterated its desire to get access to a deepwater Cuban port",
            "United States",
        ),
        (
            "expressed its desire that Cuba accept repatriation",
            "United States",
        ),
        (
            "repeated its long-held objection to U.S. immigration policy",
            "Cuba",
        ),
        ("offered a new immigration agreement", "Cuba"),
        ("proposed that the next round of talks", "Cuba"),
    ];
    for (snippet, side) in expected {
        let p = found
            .positions
            .iter()
            .find(|p| p.text.contains(snippet))
            .unwrap_or_else(|| panic!("no position with {snippet:?}"));
        assert_eq!(party_name(&found, p.party.as_deref()), side, "{snippet}");
    }
    // Reporter's analysis is not a position.
    assert!(
        !found
            .positions
            .iter()
            .any(|p| p.text.contains("appeared to be a further token"))
    );
}

#[test]
fn sides_are_inferred_from_the_gazetteer() {
    let (_, found) = bundled();
    let names: Vec<&str> = found.parties.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names.len(), 2);
    assert!(
        names.contains(&"United States") && names.contains(&"Cuba"),
        "{names:?}"
    );
}

#[test]
fn given_parties_are_used_as_they_are() {
    let a = Article::bundled();
    let parties = vec![
        Party {
            id: "usa".into(),
            name: "America".into(),
            aliases: vec!["U.S.".into(), "Washington".into()],
            color: None,
            ..Default::default()
        },
        Party {
            id: "cu".into(),
            name: "Cuba".into(),
            aliases: vec!["Havana".into()],
            color: None,
            ..Default::default()
        },
    ];
    let found = detect(&a, Some(&parties));
    assert_eq!(found.parties, parties);
    let kelly = found
        .speakers
        .iter()
        .find(|s| s.id == "ian-kelly")
        .expect("Kelly");
    assert_eq!(kelly.party.as_deref(), Some("usa"));
}

fn check_output(a: &Article, found: &Annotations) {
    let t = &a.text;
    let spans = found
        .quotes
        .iter()
        .map(|q| {
            (
                q.start,
                q.end,
                q.text.as_str(),
                q.prefix.as_str(),
                q.suffix.as_str(),
            )
        })
        .chain(found.positions.iter().map(|p| {
            (
                p.start,
                p.end,
                p.text.as_str(),
                p.prefix.as_str(),
                p.suffix.as_str(),
            )
        }));
    for (start, end, text, prefix, suffix) in spans {
        assert!(start < end && end <= t.len());
        assert!(t.is_char_boundary(start) && t.is_char_boundary(end));
        assert_eq!(&t[start..end], text);
        assert!(t[..start].ends_with(prefix) && t[end..].starts_with(suffix));
    }
    for s in &found.speakers {
        for m in &s.mentions {
            assert!(m[0] < m[1] && m[1] <= t.len());
            assert!(t.is_char_boundary(m[0]) && t.is_char_boundary(m[1]));
        }
    }
    for w in found.quotes.windows(2) {
        assert!(w[0].start <= w[1].start);
    }
    for w in found.positions.windows(2) {
        assert!(w[0].start <= w[1].start);
    }
    let ids: Vec<&str> = found.speakers.iter().map(|s| s.id.as_str()).collect();
    for q in &found.quotes {
        assert_eq!(q.status, Status::Suggested);
        if let Some(s) = &q.speaker {
            assert!(ids.contains(&s.as_str()), "{s}");
        }
    }
}

#[test]
fn bundled_output_is_well_formed_and_ids_are_stable() {
    let (a, found) = bundled();
    check_output(&a, &found);
    let ids: Vec<&str> = found.quotes.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, vec!["q1", "q2", "q3", "q4", "q5", "q6"]);
    assert_eq!(detect(&a, None), found);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn no_panic_and_spans_are_slices(s in "\\PC{0,400}") {
        let a = Article::from_bytes(Source::Stdin, s.as_bytes());
        let found = detect(&a, None);
        check_output(&a, &found);
    }

    #[test]
    fn no_panic_on_quote_heavy_text(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("“"), Just("”"), Just("‘"), Just("’"), Just("\""), Just("'"), Just("''"),
                Just("«"), Just("»"), Just(" said "), Just("Jane Doe"), Just(", "), Just(". "),
                Just("\n\n"), Just("he"), Just("the spokesman"), Just("é"), Just("—"),
                Just("(Reuters) - "), Just("according to "), Just("China"), Just(": "),
            ],
            0..80,
        )
    ) {
        let s: String = parts.concat();
        let a = Article::from_bytes(Source::Stdin, s.as_bytes());
        let found = detect(&a, None);
        check_output(&a, &found);
    }
}
