//! Mediators: the speakers who address both sides at once, whose words choose no side.

use super::super::found::Findings;
use crate::model::QuoteKind;
use std::ops::Range;

/// Which speakers address both sides at once ("urged both governments", "will put a
/// proposal to the two sides", "Neither side can win"): mediators, whose words are
/// no side's own when the sides are chosen, whatever side their title names (a U.N.
/// envoy's quotations do not make the U.N. a party to the story).
pub fn mediators(text: &str, findings: &Findings, entities: usize) -> Vec<bool> {
    let mut out = vec![false; entities];
    let both = both_sides_mentions(text);
    if both.is_empty() {
        return out;
    }
    let holds = |range: &Range<usize>| {
        let i = both.partition_point(|&at| at < range.start);
        both.get(i).is_some_and(|&at| at < range.end)
    };
    let quotes = findings
        .quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Term)
        .map(|q| (q.speaker, &q.range));
    let positions = findings.positions.iter().map(|p| (p.speaker, &p.range));
    for (speaker, range) in quotes.chain(positions) {
        if let Some(e) = speaker.filter(|_| holds(range)) {
            out[e] = true;
        }
    }
    out
}

/// Where the text speaks of both parties together, in order: "both", "two" or
/// "neither" before "sides", "governments", "capitals", "delegations" or "countries".
/// Found by a byte search over the text once, not word by word in every quotation.
fn both_sides_mentions(text: &str) -> Vec<usize> {
    const PAIRS: [&str; 6] = ["both ", "Both ", "two ", "Two ", "neither ", "Neither "];
    const PARTIES: [&str; 6] = [
        "side",
        "sides",
        "governments",
        "capitals",
        "delegations",
        "countries",
    ];
    // (each pair's searcher built once in a process, not for every article)
    static FINDERS: std::sync::OnceLock<Vec<memchr::memmem::Finder<'static>>> =
        std::sync::OnceLock::new();
    let finders = FINDERS.get_or_init(|| PAIRS.iter().map(memchr::memmem::Finder::new).collect());
    let mut out = Vec::new();
    for (pair, finder) in PAIRS.iter().zip(finders) {
        for at in finder.find_iter(text.as_bytes()) {
            let starts_word = text[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let next = text[at + pair.len()..]
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or_default();
            if starts_word && PARTIES.iter().any(|p| next.eq_ignore_ascii_case(p)) {
                out.push(at);
            }
        }
    }
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_sides_together_are_found_where_the_words_say_so() {
        let text = "He urged both governments to talk. Neither side can win. The \
                    network sides with Ardenia; both leaders agree.";
        let found: Vec<&str> = both_sides_mentions(text)
            .into_iter()
            .map(|at| &text[at..at + 4])
            .collect();
        // "network sides" is no "two sides"; "both leaders" speaks of no parties
        assert_eq!(found, ["both", "Neit"]);
        assert!(both_sides_mentions("").is_empty());
    }

    #[test]
    fn a_mediator_s_quotations_do_not_make_its_body_a_side() {
        use crate::article::{Article, Source};
        let story = "U.N. envoy meets Ardenia and Belvora on dam\n\n\
            GENEVA, May 2 - Ida Brenn, the U.N. envoy, met the two sides on Monday.\n\n\
            \"Both governments want a deal,\" Brenn said. \"I will write to both capitals.\"\n\n\
            The Ardenian water minister said the dam must wait.\n\n\
            Belvora's deputy energy minister, Ole Strand, said the dam was needed. \
            \"It will be finished,\" Strand said.\n";
        let article = Article::from_bytes(Source::Stdin, story.as_bytes());
        let found = crate::detect::detect(&article, None);
        let names: Vec<&str> = found.parties.iter().map(|p| p.name.as_str()).collect();
        assert!(
            names.contains(&"Ardenia") && names.contains(&"Belvora"),
            "{names:?}"
        );
    }
}
