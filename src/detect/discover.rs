//! Sides a story names that no list has: a country known only by its name and demonym
//! ("Marova", "the Marovan delegation"), a party ("the Heritage Party", "Progress
//! MPs"), a union ("Local 1473 of the Amalgamated Freight Workers Union"), a company
//! ("Harlow Freight Lines", "Veltrix Energy") or a regulator ("the Office of Energy
//! Regulation"). They are found by how the text treats a name, not by the name.

use super::bodies::{add_short_names, paired_in_lead};
use super::lexicon::{self, WordMap, WordSet};
use super::opening::Opening;
use super::parties::SideMatcher;
use super::side_kind::{Discovered, SideKind};
use super::side_words::{Class, classes, is, is_any_case};
use super::words::{
    Word, is_capitalized, lower, starts_with_capital, trim_end_all, trim_possessive,
};
use std::cell::OnceCell;

/// Last words of a company's name.
fn is_company_word(w: &str) -> bool {
    is_any_case(Class::CompanyNameEnd, w)
}

/// Words that make a name a union's.
fn is_union_word(w: &str) -> bool {
    is_any_case(Class::UnionNameWord, w)
}

/// Nouns after a name that make it a country's ("Tessalia's foreign minister", "the
/// Marovan delegation").
fn is_country_noun(w: &str) -> bool {
    is_any_case(Class::CountryFollower, w)
}

/// The sides named in an article's opening that `known` does not know; `lead_end` is
/// where the lead (the headline and first paragraph) ends.
pub fn discover(opening: &Opening, known: &SideMatcher, lead_end: usize) -> Vec<Discovered> {
    let text = opening.text();
    let ws = opening.words();
    let mut found: Vec<Discovered> = Vec::new();
    let lone = LoneWords {
        text,
        ws,
        set: OnceCell::new(),
    };
    let runs: Vec<std::ops::Range<usize>> = name_runs(text, ws).collect();
    for run in &runs {
        if let Some(d) = organisation(text, ws, run.clone(), known, &lone) {
            add(&mut found, d);
        }
    }
    for d in countries_and_parties(text, ws, known, lead_end) {
        add(&mut found, d);
    }
    // (after the countries and parties, which a lead may also set against each other
    // and whose kind their names' neighbours tell)
    for d in paired_in_lead(text, ws, &runs, lead_end, known, kind_of_set_against) {
        add(&mut found, d);
    }
    for kind in [SideKind::Union, SideKind::Company, SideKind::Regulator] {
        // "the union", "the company": the one side of that kind
        let mut of_kind = found.iter_mut().filter(|d| d.kind == kind);
        if let (Some(d), None) = (of_kind.next(), of_kind.next()) {
            let noun = match kind {
                SideKind::Union => "union",
                SideKind::Company => "company",
                _ => "regulator",
            };
            d.names.push(noun.to_string());
            // "the guild" for the Massachusetts Nurses Guild, as "the union"
            let last = d.name.rsplit(' ').next().unwrap_or("").to_lowercase();
            if kind == SideKind::Union && is(Class::UnionShortName, &last) {
                d.names.push(last);
            }
        }
    }
    add_short_names(text, &mut found);
    found
}

/// The opening's [`lone_words`], found only when a company's name asks for them (few
/// openings name a company; the set is of every word of the opening).
struct LoneWords<'a> {
    text: &'a str,
    ws: &'a [Word],
    set: OnceCell<WordSet<&'a str>>,
}

impl LoneWords<'_> {
    fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| lone_words(self.text, self.ws))
            .contains(word)
    }
}

/// The capitalised words the text uses alone inside a sentence, between words in lower
/// case ("said Pellham had offered"), or as an owner before a lower-case noun
/// ("Northway's chief operating officer"): a company's first word used so is its short
/// name.
fn lone_words<'a>(text: &'a str, ws: &[Word]) -> WordSet<&'a str> {
    let spaced = |a: &Word, b: &Word| &text[a.end..b.start] == " ";
    let lower = |w: &Word| text[w.clone()].starts_with(|c: char| c.is_lowercase());
    let between = ws.windows(3).filter(|t| {
        is_capitalized(&text[t[1].clone()])
            && lower(&t[0])
            && lower(&t[2])
            && spaced(&t[0], &t[1])
            && spaced(&t[1], &t[2])
    });
    let owners = ws.windows(2).filter_map(|t| {
        let word = &text[t[0].clone()];
        // (an owner has its word's first letter, a capital: the rest are not trimmed)
        if !is_capitalized(word) {
            return None;
        }
        let owner = trim_possessive(word);
        (owner.len() < word.len() && is_capitalized(owner) && lower(&t[1]) && spaced(&t[0], &t[1]))
            .then_some(owner)
    });
    between.map(|t| &text[t[1].clone()]).chain(owners).collect()
}

/// Adds a side, or its names to the side that shares one.
fn add(found: &mut Vec<Discovered>, d: Discovered) {
    match found
        .iter_mut()
        .find(|f| f.names.iter().any(|n| d.names.contains(n)))
    {
        Some(f) => {
            for n in d.names {
                if !f.names.contains(&n) {
                    f.names.push(n);
                }
            }
        }
        None => found.push(d),
    }
}

/// Runs of capitalised words (and numbers, and "of", "the", "for", "and" between them),
/// with a leading sentence word dropped ("The Office of Energy Regulation").
fn name_runs<'a>(
    text: &'a str,
    ws: &'a [Word],
) -> impl Iterator<Item = std::ops::Range<usize>> + 'a {
    let mut i = 0;
    std::iter::from_fn(move || {
        let capital = |w: &Word| is_capitalized(&text[w.clone()]);
        while i < ws.len() && !capital(&ws[i]) {
            i += 1;
        }
        if i >= ws.len() {
            return None;
        }
        let mut start = i;
        let mut end = i + 1;
        let mut j = i + 1;
        while j < ws.len() && joins_a_name(text, &ws[j - 1], &ws[j]) {
            let w = &text[ws[j].clone()];
            if capital(&ws[j]) || w.bytes().all(|b| b.is_ascii_digit()) {
                j += 1;
                end = j;
            } else if matches!(w, "of" | "the" | "for") {
                j += 1;
            } else {
                break;
            }
        }
        i = end.max(i + 1);
        let mut buf = [0u8; 32];
        if end - start > 1 && lexicon::is_sentence_word(&lower(&text[ws[start].clone()], &mut buf))
        {
            start += 1;
        }
        Some(start..end)
    })
}

/// Whether the gap between two words keeps them in one name: a space, or a plural
/// possessive's apostrophe and a space ("the Dockers' Union", "Farmers’ League").
fn joins_a_name(text: &str, before: &Word, after: &Word) -> bool {
    match &text[before.end..after.start] {
        " " => true,
        "' " | "’ " => text[before.clone()].ends_with('s'),
        _ => false,
    }
}

/// An organisation named by the run `ws[run]` of capitalised words: a union, a
/// company, a regulator or a party, by its words or, for a company, by the words
/// around it ([`traded_around`]); none when the run is a name `known` has.
fn organisation(
    text: &str,
    ws: &[Word],
    run: std::ops::Range<usize>,
    known: &SideMatcher,
    lone: &LoneWords,
) -> Option<Discovered> {
    // (a single word is no organisation's name: told before looking the run up)
    if run.len() < 2 {
        return None;
    }
    let span = run.clone();
    let run = &ws[run];
    let words: Vec<&str> = run
        .iter()
        .map(|w| trim_end_all(&text[w.clone()], "'s"))
        .collect();
    // (the kind first: few runs have one, and only those are looked up)
    let kind = kind_of_words(&words)
        .or_else(|| traded_around(text, ws, span).then_some(SideKind::Company))
        .or_else(|| is_body_name(&words).then_some(SideKind::Other))?;
    let whole = &text[run.first()?.start..run.last()?.end];
    let whole = trim_possessive(whole);
    if known.first(whole).is_some() {
        return None;
    }
    let mut names = vec![whole.to_string()];
    names.extend(acronym_after(text, whole, run.last()?.end).map(str::to_string));
    match kind {
        // "Local 1473 of the … Union": the local is called by its number
        SideKind::Union => {
            if let Some(k) = words.iter().position(|w| *w == "Local")
                && let Some(n) = words
                    .get(k + 1)
                    .filter(|n| n.bytes().all(|b| b.is_ascii_digit()))
            {
                names.insert(0, format!("Local {n}"));
            }
        }
        SideKind::Company => names.extend(company_short_names(&words, known, lone)),
        SideKind::Party => {
            let short = words[..words.len() - 1].join(" ");
            names.push(short.clone());
            names.push(format!("{short}s"));
        }
        _ => {}
    }
    Some(Discovered {
        name: names[0].clone(),
        names,
        kind,
    })
}

/// A short name in brackets right after the name `name` ending at byte `end`, which
/// the story then uses for it: one word of two to eight letters, opening with the
/// name's capital ("the Water Services Authority (WSA)", "the Office of Water Supply
/// (Ofwas)").
fn acronym_after<'a>(text: &'a str, name: &str, end: usize) -> Option<&'a str> {
    let inner = text[end..].strip_prefix(" (")?;
    let short = &inner[..inner.find(')')?];
    let letters = (2..=8).contains(&short.len()) && short.bytes().all(|b| b.is_ascii_alphabetic());
    let same_capital = short.as_bytes().first() == name.as_bytes().first();
    (letters && same_capital && short.starts_with(|c: char| c.is_ascii_uppercase()))
        .then_some(short)
}

/// Whether the words around the run `ws[run]` make it a company whose shares trade,
/// whatever its name's words ("Kellin Water shares fell", "shares in Kellin Water").
fn traded_around(text: &str, ws: &[Word], run: std::ops::Range<usize>) -> bool {
    let word = |i: usize| ws.get(i).map(|w| &text[w.clone()]);
    let spaced = |a: usize| {
        ws.get(a + 1)
            .is_some_and(|b| &text[ws[a].end..b.start] == " ")
    };
    let shares_after =
        spaced(run.end - 1) && word(run.end).is_some_and(|w| is_any_case(Class::ShareNoun, w));
    // (only "shares in": "a stake in New Hampshire" is a candidate's, not a holding; no
    // character outside ASCII lower-cases into either word)
    let is_word = |i: usize, like: &str| word(i).is_some_and(|w| w.eq_ignore_ascii_case(like));
    let shares_in =
        run.start >= 2 && is_word(run.start - 2, "shares") && is_word(run.start - 1, "in");
    shares_after || shares_in
}

/// A company's shorter names: "Harlow Freight Lines" is also "Harlow Freight", and
/// "Harlow" where the story uses that word alone (`lone`: "accusing Harlow of"),
/// which "General" of "General Foods Corporation" is not.
fn company_short_names(words: &[&str], known: &SideMatcher, lone: &LoneWords) -> Vec<String> {
    let mut names = Vec::new();
    let mut short = words.len() - 1;
    while short > 1 {
        names.push(words[..short].join(" "));
        if !is_company_word(words[short - 1]) {
            break;
        }
        short -= 1;
    }
    let first = words[0];
    if lone.contains(first) && known.first(first).is_none() && !names.iter().any(|n| n == first) {
        names.push(first.to_string());
    }
    names
}

/// The kind of organisation a name of two or more capitalised words is, by its words:
/// a union ("… Workers Union", "Allied Pilots Association"), a company ("Harlow
/// Freight Lines"), a regulator ("Office of Energy Regulation") or a party ("Heritage
/// Party").
fn kind_of_words(words: &[&str]) -> Option<SideKind> {
    let (first, last) = (*words.first()?, *words.last()?);
    // (the last word's classes looked up once for the questions below)
    let mut buf = [0u8; 32];
    let last_is = classes(&lower(last, &mut buf));
    // a body of people of a trade or a place is their union ("Allied Pilots
    // Association", "the Orska Farmers' League", "the Selkirk Fishermen's Cooperative")
    let of_workers = last_is.has(Class::MembersBodyEnd)
        && words.iter().rev().skip(1).any(|w| {
            let w = w.trim_end_matches(['\'', '’']);
            w.ends_with('s') || w.ends_with("men")
        });
    if of_workers || words.iter().any(|w| is_union_word(w)) {
        Some(SideKind::Union)
    } else if last_is.has(Class::CompanyNameEnd) {
        Some(SideKind::Company)
    } else if last_is.has(Class::RegulatorNameEnd)
        || (first == "Office" && words.get(1) == Some(&"of"))
    {
        Some(SideKind::Regulator)
    } else if last == "Party" {
        Some(SideKind::Party)
    } else {
        None
    }
}

/// Whether a name of two or more capitalised words ends in a word of an organisation
/// whose kind it does not tell ("Ashford Cycling Club", "Westmere University").
fn is_body_name(words: &[&str]) -> bool {
    words.last().is_some_and(|last| {
        is_any_case(Class::MembersBodyEnd, last) || is_any_case(Class::BodyNameEnd, last)
    })
}

/// The kind of organisation a side's name says it is ("Veltrix Energy" a company), as
/// [`kind_of_set_against`] tells it; none for a single word.
pub fn kind_of_name(name: &str) -> Option<SideKind> {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 2 {
        return None;
    }
    kind_of_set_against(&words)
}

/// The kind of a body known to be a side (set against another in the lead, or given):
/// as [`kind_of_words`] tells it, or a public body by the word that ends its name
/// ("the Finance Ministry", "Kellsbridge Council").
fn kind_of_set_against(words: &[&str]) -> Option<SideKind> {
    kind_of_words(words).or_else(|| {
        let last = words.last()?;
        is_any_case(Class::PublicBodyEnd, last).then_some(SideKind::Regulator)
    })
}

/// Countries known by a name and its demonym ("Marova", "Marovan") or by the offices
/// they own ("Tessalia's chief negotiator"), and parties known by the words after their
/// name ("Progress MPs", "the Progress government" of no country).
fn countries_and_parties(
    text: &str,
    ws: &[Word],
    known: &SideMatcher,
    lead_end: usize,
) -> Vec<Discovered> {
    let mut names: Vec<&str> = Vec::new();
    // whether each word met is a name word (a story repeats its names: each is judged
    // once)
    let mut judged: WordMap<&str, bool> = WordMap::default();
    // a name the story writes after "Mr" or "Mrs" is a person's, whatever follows it
    // ("Mr Oakes", "Daniel Oakes's government")
    let mut people: WordSet<&str> = WordSet::default();
    let mut out = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        // (a name word is capitalised: the rest are passed over untrimmed)
        if !starts_with_capital(text, w.start) {
            continue;
        }
        let word = trim_possessive(&text[w.clone()]);
        let is_name = *judged.entry(word).or_insert_with(|| {
            let is_name = is_name_word(word, known);
            if is_name {
                names.push(word);
            }
            is_name
        });
        if !is_name {
            continue;
        }
        let after_honorific = i.checked_sub(1).is_some_and(|p| {
            let mut buf = [0u8; 32];
            crate::article::abbreviations::is_honorific(&lower(&text[ws[p].clone()], &mut buf))
        });
        if after_honorific {
            people.insert(word);
        }
        if let Some(kind) = kind_by_neighbours(text, ws, i) {
            out.push(Discovered {
                name: word.to_string(),
                names: vec![word.to_string()],
                kind,
            });
        }
    }
    out.retain(|d| !people.contains(d.name.as_str()));
    add_demonyms(&names, &mut out);
    let is_partner = |w: &str| is_name_word(w, known) && !people.contains(w);
    add_lead_partners(text, ws, lead_end, is_partner, &mut out);
    out
}

/// Adds the country a found one is paired with in the lead ("Velmar and Dastra agreed
/// …", where only "Velmar's foreign minister" told Velmar a country): the parties to
/// the story are named together, while a host or mediator is named apart ("talks
/// hosted by Turkey"). The partner is one name word no list has (`is_partner`), not a
/// person's.
fn add_lead_partners(
    text: &str,
    ws: &[Word],
    lead_end: usize,
    is_partner: impl Fn(&str) -> bool,
    out: &mut Vec<Discovered>,
) {
    let is_country = |out: &[Discovered], w: &str| {
        out.iter()
            .any(|d| d.kind == SideKind::Country && d.names.iter().any(|n| n == w))
    };
    let lead: Vec<&Word> = ws.iter().take_while(|w| w.end <= lead_end).collect();
    for t in lead.windows(3) {
        let spaced = text[t[0].end..t[1].start] == *" " && text[t[1].end..t[2].start] == *" ";
        if !spaced || !is(Class::JoiningWord, &text[t[1].clone()]) {
            continue;
        }
        let (a, b) = (&text[t[0].clone()], &text[t[2].clone()]);
        let partner = match (is_country(out, a), is_country(out, b)) {
            (true, false) => b,
            (false, true) => a,
            _ => continue,
        };
        if is_partner(partner) {
            out.push(Discovered {
                name: partner.to_string(),
                names: vec![partner.to_string()],
                kind: SideKind::Country,
            });
        }
    }
}

/// What the words around the name word `ws[i]` make it: a party's ("Progress MPs",
/// "the opposition Heritage", "the Progress government") or a country's ("Tessalia's
/// chief negotiator").
fn kind_by_neighbours(text: &str, ws: &[Word], i: usize) -> Option<SideKind> {
    let w = &ws[i];
    let next = ws.get(i + 1).map(|n| &text[n.clone()]);
    // (only the Kelvin sign outside ASCII lower-cases into it, and "opposition" has no k)
    // (right before it: "the leader of the opposition, Petra Holm" names no party)
    let after_opposition = i.checked_sub(1).is_some_and(|p| {
        text[ws[p].clone()].eq_ignore_ascii_case("opposition")
            && text[ws[p].end..w.start].trim().is_empty()
    });
    // (a word keeps its inner apostrophe: "Velmar's" is one word, the possessive its end)
    let possessive = text[w.clone()].ends_with("'s") || text[w.clone()].ends_with("’s");
    let mut buf = [0u8; 32];
    // (the next word's classes looked up once for the questions below)
    let next_classes = next.map(|n| classes(&lower(n, &mut buf)));
    let next_is = |class| next_classes.is_some_and(|c| c.has(class));
    if next_is(Class::PartyFollower) || after_opposition {
        Some(SideKind::Party)
    } else if possessive
        && ws
            .get(i + 2)
            .is_some_and(|n| is_country_noun(&text[n.clone()]))
    {
        Some(SideKind::Country) // "Corvath's trade minister", "Velmar's chief envoy"
    } else if next_is(Class::CountryFollower) && (possessive || next == Some("government")) {
        if next == Some("government") && !possessive {
            Some(SideKind::Party) // "the Progress government": a party governs
        } else {
            Some(SideKind::Country)
        }
    } else {
        None
    }
}

/// Makes a country of each name that has a demonym among `names` ("Marova" and
/// "Marovan"), in place of what `out` found for either.
fn add_demonyms(names: &[&str], out: &mut Vec<Discovered>) {
    // (a demonym starts with its name's first byte: only the names that share it are
    // tried, in the order they came)
    let mut by_first: WordMap<u8, Vec<&str>> = WordMap::default();
    for name in names {
        by_first.entry(name.as_bytes()[0]).or_default().push(name);
    }
    for name in names {
        let demonyms: Vec<&&str> = by_first[&name.as_bytes()[0]]
            .iter()
            .filter(|d| is_demonym_of(d, name))
            .collect();
        if demonyms.is_empty() {
            continue;
        }
        let mut all = vec![name.to_string()];
        for d in demonyms {
            all.push(d.to_string());
            all.push(format!("{d}s"));
        }
        out.retain(|o| !all.contains(&o.name));
        out.push(Discovered {
            name: name.to_string(),
            names: all,
            kind: SideKind::Country,
        });
    }
}

/// Whether a word may be a side's own name: capitalised, no title, calendar or
/// sentence word, and no name `known` has.
fn is_name_word(word: &str, known: &SideMatcher) -> bool {
    // (the cheap tests first: most words fail them, and are not lower-cased)
    if !(word.len() >= 4 && is_capitalized(word) && word.chars().all(char::is_alphabetic)) {
        return false;
    }
    let mut buf = [0u8; 32];
    let lower = lower(word, &mut buf);
    !lexicon::is_title(&lower)
        && !lexicon::is_sentence_word(&lower)
        && !lexicon::is_calendar_word(&lower)
        && !known.starts_name(word)
}

/// Whether `d` is a demonym made from `name` ("Marovan" of "Marova").
fn is_demonym_of(d: &str, name: &str) -> bool {
    // (every stem below starts with the name's first letter, a capital that no ending
    // trims: a word with another first byte is no demonym, told without the stems)
    if d.len() <= name.len() || d.as_bytes().first() != name.as_bytes().first() {
        return false;
    }
    let stems = [
        name,
        name.trim_end_matches(['a', 'e', 'o', 'y']),
        name.strip_suffix("ia").unwrap_or(name),
    ];
    stems.iter().any(|stem| {
        d.strip_prefix(stem)
            .is_some_and(|end| is(Class::DemonymEnding, end))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, SideKind)> {
        discover(
            &Opening::of(text),
            crate::detect::country_matcher(),
            text.len(),
        )
        .into_iter()
        .map(|d| (d.names.join("|"), d.kind))
        .collect()
    }

    #[test]
    fn a_name_and_its_demonym_make_a_country() {
        let got = found(
            "Talks between Marova and Tessalia. The Marovan delegation left; Tessalian troops stayed.",
        );
        assert!(
            got.contains(&("Marova|Marovan|Marovans".into(), SideKind::Country)),
            "{got:?}"
        );
        assert!(
            got.contains(&("Tessalia|Tessalian|Tessalians".into(), SideKind::Country)),
            "{got:?}"
        );
        assert!(is_demonym_of("Drovnian", "Drovnia"));
        assert!(!is_demonym_of("Marova", "Marova"));
    }

    #[test]
    fn an_owner_of_ministers_is_a_country_and_so_is_the_name_the_lead_pairs_it_with() {
        let text = "Velmar and Dastra agree\n\nVelmar and Dastra agreed at talks hosted by \
            Turkey.\n\nVelmar's foreign minister said so. Orvin's trade minister agreed.";
        let lead_end = text.find("\n\nVelmar's").expect("the lead");
        let got: Vec<(String, SideKind)> = discover(
            &Opening::of(text),
            crate::detect::country_matcher(),
            lead_end,
        )
        .into_iter()
        .map(|d| (d.names.join("|"), d.kind))
        .collect();
        for name in ["Velmar", "Dastra", "Orvin"] {
            assert!(
                got.contains(&(name.into(), SideKind::Country)),
                "{name}: {got:?}"
            );
        }
        // a name paired with no country in the lead is not made one
        let got = found("Velmar and Dastra agreed. Nothing else is said.");
        assert!(got.iter().all(|(n, _)| n != "Dastra"), "{got:?}");
    }

    #[test]
    fn organisations_are_told_by_their_words() {
        let text = "Talks between Harlow Freight Lines and Local 1473 of the Amalgamated Freight Workers Union. \
            The Office of Energy Regulation said so. The opposition Heritage Party agreed.";
        let got = found(text);
        assert!(
            got.iter()
                .any(|(n, k)| n.starts_with("Local 1473|") && *k == SideKind::Union),
            "{got:?}"
        );
        assert!(
            got.iter()
                .any(|(n, k)| n.contains("|Harlow Freight|") && *k == SideKind::Company),
            "{got:?}"
        );
        assert!(
            got.contains(&(
                "Office of Energy Regulation|regulator".into(),
                SideKind::Regulator
            )),
            "{got:?}"
        );
        assert!(
            got.iter()
                .any(|(n, k)| n.starts_with("Heritage Party|Heritage") && *k == SideKind::Party),
            "{got:?}"
        );
    }

    #[test]
    fn a_plural_possessive_stays_inside_a_name() {
        for text in [
            "Talks between the Quarrymen's Guild and the Tollan Haulers' Union went on.",
            "Talks between the Quarrymen's Guild and the Tollan Haulers’ Union went on.",
        ] {
            let got = found(text);
            assert!(
                got.iter().any(|(n, k)| n.starts_with("Tollan Haulers")
                    && n.contains(" Union")
                    && *k == SideKind::Union),
                "{got:?}"
            );
        }
    }

    #[test]
    fn a_company_is_called_by_its_first_word_where_the_story_does() {
        let text = "Nurses at Pellham Health Systems and the Eastern Nurses Guild. A spokeswoman said Pellham had offered more.";
        let got = found(text);
        assert!(
            got.iter()
                .any(|(n, k)| n.split('|').any(|n| n == "Pellham") && *k == SideKind::Company),
            "{got:?}"
        );
        assert!(
            got.contains(&("Eastern Nurses Guild|union|guild".into(), SideKind::Union)),
            "{got:?}"
        );
        // or as the owner of an office
        let got =
            found("Pilots at Northway Airlines voted. Northway's chief operating officer said so.");
        assert!(
            got.iter()
                .any(|(n, k)| n.split('|').any(|n| n == "Northway") && *k == SideKind::Company),
            "{got:?}"
        );
        // a first word the story never uses alone stays the name's
        let got = found("General Foods Corporation said so. Its rivals did not.");
        assert!(
            got.iter()
                .all(|(n, _)| n.split('|').all(|n| n != "General")),
            "{got:?}"
        );
    }

    #[test]
    fn a_company_is_told_by_its_shares_and_a_body_by_its_bracketed_short_name() {
        let got = found(
            "Shares in Kellin Water fell. Dunmore Bay shares rose. Acme Bay fell. \
             He has a stake in New Carlow.",
        );
        for name in ["Kellin Water", "Dunmore Bay"] {
            assert!(got.contains(&(name.into(), SideKind::Company)), "{got:?}");
        }
        assert!(got.iter().all(|(n, _)| !n.starts_with("Acme")), "{got:?}");
        assert!(
            got.iter().all(|(n, _)| !n.starts_with("New Carlow")),
            "{got:?}"
        );
        let got = found(
            "The Water Services Authority (WSA) ruled. The Office of Water Supply (Ofwas) agreed. \
             The Grain Board (Reuters) did not.",
        );
        for (name, short) in [
            ("Water Services Authority", "WSA"),
            ("Office of Water Supply", "Ofwas"),
        ] {
            assert!(
                got.iter()
                    .any(|(n, _)| n.starts_with(name) && n.split('|').any(|n| n == short)),
                "{name}: {got:?}"
            );
        }
        assert!(got.iter().all(|(n, _)| !n.contains("Reuters")), "{got:?}");
    }

    #[test]
    fn the_names_the_lead_sets_against_each_other_are_sides_whatever_their_words() {
        let got = found(
            "Taxi drivers rally\n\nTalks between the Taxi Drivers' Federation and RideNow \
             continued. Kemal Aydin, the federation's chairman, said no.",
        );
        assert!(
            got.contains(&(
                "Taxi Drivers' Federation|union|federation|drivers".into(),
                SideKind::Union
            )),
            "{got:?}"
        );
        assert!(
            got.contains(&("RideNow".into(), SideKind::Other)),
            "{got:?}"
        );
        // a public body is one only where the lead sets it against another side
        let got = found("Talks between the Hauliers' Alliance and the Finance Ministry ended.");
        assert!(
            got.iter()
                .any(|(n, k)| n.starts_with("Finance Ministry") && *k == SideKind::Regulator),
            "{got:?}"
        );
        let got = found("The Finance Ministry said on Monday that Japan would pay.");
        assert!(got.iter().all(|(n, _)| !n.contains("Ministry")), "{got:?}");
    }

    #[test]
    fn a_name_written_after_an_honorific_is_no_country() {
        let got =
            found("Mr Oakes spoke. Daniel Oakes's government fell. The Tessalia government fell.");
        assert_eq!(got, [("Tessalia".into(), SideKind::Party)]);
    }

    #[test]
    fn a_name_after_the_opposition_and_a_comma_is_no_party() {
        let got = found(
            "The leader of the opposition, Petra Holm, said so. The opposition Vanguard voted.",
        );
        assert_eq!(got, [("Vanguard".into(), SideKind::Party)]);
    }

    #[test]
    fn known_names_and_people_are_not_found() {
        let got = found(
            "The European Commission met. Then Ann Lee and Tom Reed spoke in Paris on Monday.",
        );
        assert_eq!(got, []);
    }
}
