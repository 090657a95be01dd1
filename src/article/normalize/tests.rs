use super::*;

fn text(bytes: &[u8]) -> String {
    normalize(bytes).text
}

#[test]
fn invalid_utf8_becomes_replacement_with_warning() {
    let n = normalize(b"caf\xe9 ok \xff\xfe");
    assert_eq!(n.text, "caf\u{FFFD} ok \u{FFFD}\u{FFFD}");
    assert_eq!(n.warnings, vec![Warning::InvalidUtf8(3)]);
}

#[test]
fn bom_is_stripped_and_line_ends_unified() {
    assert_eq!(text("\u{FEFF}a\r\nb\rc\n".as_bytes()), "a\nb\nc\n");
}

#[test]
fn utf16_with_its_bom_is_decoded() {
    let text = "Ind\r\n“wet foot”\tdry";
    for bom in [[0xFF, 0xFE], [0xFE, 0xFF]] {
        let mut bytes = bom.to_vec();
        for u in text.encode_utf16() {
            bytes.extend(if bom[0] == 0xFF {
                u.to_le_bytes()
            } else {
                u.to_be_bytes()
            });
        }
        let n = normalize(&bytes);
        assert_eq!(n.text, "Ind\n“wet foot”  dry", "{bom:?}");
        assert!(n.warnings.is_empty());
        assert_eq!(normalize_vec(bytes), n);
    }
    let n = normalize(&[0xFF, 0xFE, b'a', 0, 0x00, 0xDC]);
    assert_eq!(n.text, "a\u{FFFD}");
    assert_eq!(n.warnings, vec![Warning::InvalidUtf16(1)]);
}

#[test]
fn tabs_expand_to_stops() {
    assert_eq!(text(b"\tx\ty"), "    x   y");
    assert_eq!(text(b"ab\tc"), "ab  c");
}

#[test]
fn escape_sequences_are_removed_whole() {
    assert_eq!(text(b"a\x1b[2Jb"), "ab");
    assert_eq!(text(b"a\x1b[38;5;196mred\x1b[0m"), "ared");
    assert_eq!(text(b"a\x1b]0;title\x07b"), "ab");
    assert_eq!(text(b"a\x1b]52;c;aGVsbG8=\x1b\\b"), "ab");
    assert_eq!(text(b"a\x1bP1$qm\x1b\\b"), "ab");
    assert_eq!(text(b"a\x1b(Bb\x1bcd"), "abd");
    assert_eq!(text("a\u{9b}31mb\u{9d}0;t\u{9c}c".as_bytes()), "abc");
    let n = normalize(b"\x1b[2J\x1b]0;x\x07");
    assert_eq!(n.warnings, vec![Warning::EscapeSequences(2)]);
}

#[test]
fn unterminated_string_sequence_stops_at_line_end() {
    assert_eq!(text(b"a\x1b]0;never ends\nnext line"), "a\nnext line");
}

#[test]
fn controls_become_visible_placeholders() {
    assert_eq!(text(b"a\x00b\x07c\x7f"), "a\u{2400}b\u{2407}c\u{2421}");
    assert_eq!(text("x\u{85}y".as_bytes()), "x\u{FFFD}y");
}

#[test]
fn bidi_overrides_are_removed() {
    let n = normalize("abc\u{202E}def\u{2066}g\u{2069}".as_bytes());
    assert_eq!(n.text, "abcdefg");
    assert_eq!(n.warnings, vec![Warning::BidiControls(3)]);
    // the marks too: left-to-right, right-to-left and the Arabic letter mark
    let n = normalize("a\u{200E}b\u{200F}c\u{061C}d".as_bytes());
    assert_eq!(n.text, "abcd");
    assert_eq!(sanitize_inline("x\u{200F}y"), "xy");
}

#[test]
fn combining_cjk_emoji_survive() {
    let s = "e\u{301} 漢字 👩‍👩‍👧 \u{200B}";
    assert_eq!(text(s.as_bytes()), s);
}

#[test]
fn fast_path_agrees_with_the_full_cleaner() {
    for s in [
        "plain “curly” text\nnext é 漢 👩‍👩‍👧",
        "a\u{85}b",
        "a\u{2028}b",
        "x\u{202E}y",
        "x\u{200E}y\u{200F}z\u{061C}",
        "\u{FEFF}bom",
        "z\u{2069}",
        "tab\there",
        "nbsp\u{a0}ok \u{2026} \u{2014}",
    ] {
        let mut counts = Counts::default();
        let slow = clean(s, &mut counts);
        assert_eq!(normalize(s.as_bytes()).text, slow, "{s:?}");
        assert_eq!(is_clean(s.as_bytes()), slow == s, "{s:?}");
    }
}

/// The cleaner as it was, one character at a time: what the copying of clean
/// stretches must agree with.
fn clean_by_char(input: &str, counts: &mut Counts) -> String {
    let input = input.strip_prefix('\u{FEFF}').unwrap_or(input);
    let mut out = String::new();
    let mut column = 0usize;
    let mut chars = Cursor(input.chars());
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\u{2028}' | '\u{2029}' => (out.push('\n'), column = 0).1,
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
                column = 0;
            }
            '\t' => {
                let spaces = TAB_WIDTH - column % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
            }
            ESC => (skip_escape(&mut chars), counts.escapes += 1).1,
            '\u{9b}' => (skip_csi_body(&mut chars), counts.escapes += 1).1,
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => {
                skip_string_body(&mut chars);
                counts.escapes += 1;
            }
            c if is_bidi_control(c) => counts.bidi += 1,
            c if c.is_control() => {
                out.push(placeholder(c));
                column += 1;
                counts.controls += 1;
            }
            c => {
                out.push(c);
                column += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            }
        }
    }
    out
}

proptest::proptest! {
    #[test]
    fn copying_clean_stretches_agrees_with_cleaning_each_character(
        pieces in proptest::collection::vec(proptest::sample::select(vec![
            "a", "word ", "\n", "\r", "\r\n", "\t", "\x1b", "\x1b[", "31m", "]0;", "\x07",
            "\\", "\u{9b}", "\u{9c}", "\u{9d}", "\u{85}", "\u{2028}", "\u{2029}",
            "\u{202E}", "\u{2066}", "\u{200E}", "\u{200F}", "\u{61C}", "\u{600}", "\u{2010}", "\u{FEFF}", "漢", "é", "e\u{301}", "👩‍👩‍👧", "\u{a0}",
            "“", "\x00", "\x7f", "\u{2026}",
        ]), 0..40)
    ) {
        let s: String = pieces.concat();
        let (mut fast, mut slow) = (Counts::default(), Counts::default());
        proptest::prop_assert_eq!(clean(&s, &mut fast), clean_by_char(&s, &mut slow));
        proptest::prop_assert_eq!(
            (fast.escapes, fast.controls, fast.bidi),
            (slow.escapes, slow.controls, slow.bidi)
        );
        // the fast test says clean only of text the cleaner leaves as it is, and of
        // all such text but one with a byte-order mark (which it leaves to the cleaner)
        let unchanged = clean(&s, &mut Counts::default()) == s;
        let (fast_says, bom) = (is_clean(s.as_bytes()), s.contains('\u{FEFF}'));
        proptest::prop_assert!(!fast_says || unchanged);
        proptest::prop_assert!(fast_says || !unchanged || bom);
    }
}

#[test]
fn no_plain_byte_is_a_suspect() {
    for b in 0..=u8::MAX {
        assert!(!(is_plain(b) && SUSPECT[usize::from(b)]), "{b:#x}");
    }
}

#[test]
fn sanitize_inline_flattens_lines() {
    assert_eq!(sanitize_inline("a\nb\x1b[1mc\td"), "a bc  d");
}

/// The cleaner passes plain blocks without looking at their bytes: no byte it calls
/// plain may be one it must change.
#[test]
fn no_plain_byte_is_suspect() {
    for b in 0..=u8::MAX {
        assert!(!(is_plain(b) && SUSPECT[usize::from(b)]), "{b:#x}");
    }
}
