use super::*;
use proptest::prelude::*;

#[test]
fn the_dots_of_an_initialism_are_told_from_a_sentence_end() {
    let s = "the U.S. envoy. Then";
    assert!(is_initialism_dot(s, 5));
    assert!(is_initialism_dot(s, 7));
    assert!(!is_initialism_dot(s, 14));
    assert!(!is_initialism_dot("Plan ok.", 7));
}

/// The word scanner one character at a time, as the reference for the fast paths.
fn words_by_character(s: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in s.char_indices() {
        let next_alnum = s[i + c.len_utf8()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
        let joiner = matches!(c, '\'' | '-' | '.' | '&' | '’') && start.is_some() && next_alnum;
        if c.is_alphanumeric() || joiner {
            start.get_or_insert(i);
        } else if let Some(st) = start.take() {
            out.push(st..i);
        }
    }
    if let Some(st) = start {
        out.push(st..s.len());
    }
    out
}

#[test]
fn the_scanner_tells_the_marks_of_asides() {
    let marks = |s: &str| push_words(s, 0..s.len(), &mut Vec::new());
    assert_eq!(
        marks("A plain sentence, with-hyphens."),
        AsideMarks::default()
    );
    let all = marks("Doe (D-Wis.) said -- twice — and – again");
    assert_eq!(
        all,
        AsideMarks {
            parenthesis: true,
            double_hyphen: true,
            em_dash: true,
            en_dash: true
        }
    );
}

#[test]
fn eight_bytes_at_a_time_tell_letters_and_digits_as_one_at_a_time() {
    // every byte at every place, among neighbours at the bounds of the ranges
    for fill in [
        b'a', b'Z', b'0', b'9', b'@', b'`', b'{', 0x00, 0x7f, 0x80, 0xff,
    ] {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut chunk = [fill; 8];
                chunk[at] = b;
                let mask = alnum_bytes(u64::from_le_bytes(chunk));
                for (k, c) in chunk.iter().enumerate() {
                    let set = (mask >> (8 * k + 7)) & 1 == 1;
                    assert_eq!(set, c.is_ascii_alphanumeric(), "{c:#x} among {fill:#x}");
                }
            }
        }
    }
}

#[test]
fn general_punctuation_has_no_letter_or_digit() {
    let letters: Vec<char> = ('\u{2000}'..='\u{206F}')
        .filter(|c| c.is_alphanumeric())
        .collect();
    assert!(letters.is_empty(), "{letters:?} are alphanumeric");
}

proptest! {
    #[test]
    fn possessives_come_off_as_trim_end_matches_takes_them(s in "[as'’ S]{0,12}") {
        prop_assert_eq!(trim_end_all(&s, "'s"), s.trim_end_matches("'s"));
        prop_assert_eq!(
            trim_possessive(&s),
            s.trim_end_matches("'s").trim_end_matches("’s")
        );
    }

    #[test]
    fn lower_is_to_lowercase(s in "[a-zA-Z0-9'.É é]{0,40}") {
        let mut buf = [0u8; 32];
        prop_assert_eq!(lower(&s, &mut buf), s.to_lowercase());
    }

    #[test]
    fn the_marks_of_asides_are_told_without_the_words(
        s in "[a-z (—–.-]{0,40}",
        cut in 0usize..40,
    ) {
        let end = floor_boundary(&s, cut);
        prop_assert_eq!(aside_marks(&s, 0..end), push_words(&s, 0..end, &mut Vec::new()));
    }

    #[test]
    fn the_fast_paths_find_the_same_words(s in "[a-zA-Z0-9 .,'&’“”é@`{/:\\[-]{0,80}") {
        prop_assert_eq!(words(&s, 0..s.len()), words_by_character(&s));
    }
}

#[test]
fn words_of_a_range_are_those_of_its_text() {
    let s = "U.S. officials on Tuesday said the talks--held in Mexico City--were \
             useful, and that Chung-ling's AT&T deal ended; don’t a.b. e.g. ''x''";
    assert_eq!(words(s, 0..s.len()), words_by_character(s));
    assert_eq!(words(s, 5..s.len() - 3), {
        let mut w = words_by_character(&s[5..s.len() - 3]);
        w.iter_mut().for_each(|r| *r = r.start + 5..r.end + 5);
        w
    });
}

#[test]
fn words_keep_inner_punctuation() {
    let s = "Lin Ko'er, the U.S. envoy, don’t (AT&T) Chung-ling.";
    let w: Vec<&str> = words(s, 0..s.len()).into_iter().map(|r| &s[r]).collect();
    assert_eq!(
        w,
        vec![
            "Lin",
            "Ko'er",
            "the",
            "U.S",
            "envoy",
            "don’t",
            "AT&T",
            "Chung-ling"
        ]
    );
}

#[test]
fn lower_does_not_allocate_for_ascii() {
    let mut buf = [0u8; 32];
    assert!(matches!(lower("Said", &mut buf), Cow::Borrowed("said")));
    assert!(matches!(lower("said", &mut buf), Cow::Borrowed("said")));
    assert_eq!(lower("Élysée", &mut buf), "élysée");
}

#[test]
fn a_range_may_hold_we_when_one_of_its_words_is_we_us_our_or_ourselves() {
    let says_we = |t: &str| {
        words(t, 0..t.len()).iter().any(|w| {
            let w = t[w.clone()].to_ascii_lowercase();
            matches!(w.as_str(), "we" | "us" | "our" | "ourselves")
        })
    };
    for t in [
        "We will not sign it.",
        "they told us so",
        "(our) plan",
        "for OURSELVES alone",
        "—we—",
        "weekly usage, ours, were useful",
        "we're sure the U.S. is",
        "one-we-two",
        "éwe saw it",
        "the U.S.-led talks",
        "",
    ] {
        if says_we(t) {
            assert!(may_hold_we(t, 0..t.len()), "{t}");
        }
    }
    assert!(!may_hold_we("weekly usage, ours, were useful", 0..31));
    assert!(may_hold_we("Then we left.", 0..13));
    assert!(!may_hold_we("Then we left.", 6..13));
}
