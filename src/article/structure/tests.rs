use super::*;

fn sentences(s: &str) -> Vec<&str> {
    split_sentences(s, 0..s.len())
        .into_iter()
        .map(|r| &s[r])
        .collect()
}

#[test]
fn abbreviations_do_not_end_sentences() {
    assert_eq!(
        sentences("Mr. Smith met Gen. Lee in the U.S. on Dec. 3. They talked."),
        vec![
            "Mr. Smith met Gen. Lee in the U.S. on Dec. 3.",
            "They talked."
        ]
    );
}

#[test]
fn sentence_ends_inside_closing_quote() {
    assert_eq!(
        sentences("He said “it went well.” Then he left. “Really?” she asked."),
        vec![
            "He said “it went well.”",
            "Then he left.",
            "“Really?” she asked."
        ]
    );
}

#[test]
fn initials_are_not_sentence_ends() {
    assert_eq!(
        sentences("George W. Bush spoke. It rained."),
        vec!["George W. Bush spoke.", "It rained."]
    );
}

#[test]
fn one_paragraph_per_line_and_blank_separated_both_work() {
    let a = "First paragraph is long enough to be a real paragraph of news text, surely more than eighty.\nSecond one.\nThird one.";
    assert_eq!(paragraph_ranges(a).len(), 3);
    let b = "Title\n\nOne.\n\nTwo.";
    assert_eq!(paragraph_ranges(b).len(), 3);
    let c = "A hard wrapped\nparagraph of text.\n\nNext.";
    let r = paragraph_ranges(c);
    assert_eq!(&c[r[0].clone()], "A hard wrapped\nparagraph of text.");
}

#[test]
fn datelines() {
    assert_eq!(dateline_len("WASHINGTON (Reuters) - U.S. and"), 22);
    assert_eq!(dateline_len("BEIJING, Dec 3 (Reuters) - China"), 26);
    assert_eq!(dateline_len("LONDON — The"), "LONDON —".len());
    assert_eq!(dateline_len("He said - and then"), 0);
    // the first dash of any kind ends the dateline
    assert_eq!(dateline_len("OSLO -- Talks — ended - at"), "OSLO --".len());
    assert_eq!(dateline_len("OSLO – Talks -- ended"), "OSLO –".len());
    assert_eq!(dateline_len("OSLO -X - Talks"), "OSLO -X -".len());
    assert_eq!(dateline_len(" - OSLO"), 0);
}

#[test]
fn a_byline_naming_no_one_is_not_the_lead() {
    let t = "Ferry talks stall\n\nBy a staff reporter\n\nBRANSK (Herald) - Talks between the port and the pilots broke up.\n\nBoth sides will meet again.";
    let s = analyze(t);
    assert_eq!(s.byline.map(|r| &t[r]), Some("By a staff reporter"));
    assert!(t[s.paragraphs[0].range.clone()].starts_with("BRANSK"));
    assert!(s.dateline.is_some());
}

#[test]
fn first_line_without_blank_that_is_a_sentence_is_not_a_title() {
    let t = "Velmar on Tuesday faulted Dastra for failing to act, officials said.\nSecond paragraph here.";
    assert_eq!(analyze(t).title, None);
    let t = "Headline Without Period\nBody text here, long enough that nobody would take the pair for a hard-wrapped paragraph.";
    assert!(analyze(t).title.is_some());
}

/// The paragraphs of the lines `split('\n')` gives, as they were found before the
/// lines were searched with `memchr`: the reference.
fn paragraphs_by_split(text: &str) -> Vec<Range<usize>> {
    let (mut out, mut block, mut offset) = (Vec::new(), Vec::new(), 0);
    for line in text.split('\n') {
        let range = offset..offset + line.len();
        offset += line.len() + 1;
        if line.trim().is_empty() {
            flush_block(text, &mut block, &mut out);
        } else {
            block.push(trim_range(text, range));
        }
    }
    flush_block(text, &mut block, &mut out);
    out
}

#[test]
fn paragraphs_are_those_the_split_lines_gave() {
    let texts = [
        "",
        "\n",
        "\n\n\n",
        "one line, no break",
        "ends with a break\n",
        "  \t\n  indented\n\n\u{3000}\nwide space line\n \n",
        "Short wrapped line one\nand its second line\nand a third one.\n\nNext.",
        "A line that is long enough that it cannot be hard-wrapped text at eighty columns wide.\nshort",
        "é\nü\n\n\r\nCRLF line\r\nanother\r\n",
    ];
    for t in texts {
        assert_eq!(paragraph_ranges(t), paragraphs_by_split(t), "{t:?}");
    }
}

proptest::proptest! {
    #[test]
    fn any_lines_give_the_paragraphs_split_lines_gave(t in "[a-z \t\n\r.é\u{3000}]{0,200}") {
        proptest::prop_assert_eq!(paragraph_ranges(&t), paragraphs_by_split(&t));
    }
}
