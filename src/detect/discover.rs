//! Sides a story names that no list has: a country known only by its name and demonym
//! ("Marova", "the Marovan delegation"), a party ("the Heritage Party", "Progress
//! MPs"), a union ("Local 1473 of the Amalgamated Freight Workers Union"), a company
//! ("Harlow Freight Lines", "Veltrix Energy") or a regulator ("the Office of Energy
//! Regulation"). They are found by how the text treats a name, not by the name.

mod blocs;
mod called_company;
mod countries;
mod organisations;
mod state_offices;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_whole_names;

use super::bodies::{add_short_names, lower_case_opponent, named_public_opponent, paired_in_lead};
use super::lexicon;
use super::opening::{LowerWords, Opening};
use super::parties::SideMatcher;
use super::side_kind::{Discovered, SideKind};
use super::side_words::{Class, is};
use super::words::{Word, starts_with_capital};
use countries::countries_and_parties;
pub(super) use countries::is_demonym_of;
pub use organisations::kind_of_name;
use organisations::{
    LoneWords, after_office_of, is_local_council, kind_of_set_against, organisation,
};

/// The sides named in an article's opening that `known` does not know; `lead_end` is
/// where the lead (the headline and first paragraph) ends.
pub fn discover(
    opening: &Opening,
    known: &'static SideMatcher,
    lead_end: usize,
) -> Vec<Discovered> {
    let text = opening.text();
    let ws = opening.words();
    let lowered = opening.lower_words();
    let mut found: Vec<Discovered> = Vec::new();
    let lone = LoneWords::new(text, ws);
    let capitals = opening.capitals();
    let runs: Vec<std::ops::Range<usize>> = name_runs(text, (ws, capitals), &lowered).collect();
    for run in &runs {
        let run = after_office_of(text, ws, &lowered, run.clone());
        let run = blocs::after_owner(text, ws, known, run);
        if let Some(d) = organisation(text, (ws, capitals), &lowered, run, known, &lone) {
            add(&mut found, d);
        }
    }
    for mut d in countries_and_parties(text, (ws, capitals), &lowered, known, lead_end) {
        blocs::name_the_opposition(&mut d);
        match council_of_place(&mut found, &d) {
            // "Brackley councillors" are Brackley District Council's, no party's
            Some(council) => council.names.push(d.name),
            None => add(&mut found, d),
        }
    }
    // (after the countries and parties, which a lead may also set against each other
    // and whose kind their names' neighbours tell)
    for d in paired_in_lead(text, ws, &runs, lead_end, known, kind_of_set_against) {
        add(&mut found, d);
    }
    add_kind_nouns(&mut found);
    // (before the short names, which then give it "the council")
    if let Some(d) = named_public_opponent(text, ws, &runs, lead_end, (&found, known)) {
        found.push(d);
    }
    add_short_names(text, &mut found);
    blocs::merge_short_parties(&mut found);
    if let Some(d) = lower_case_opponent(text, ws, lead_end, &found) {
        found.push(d);
    }
    found
}

/// "the union", "the company", "the regulator": the name the story gives the one side
/// of each of those kinds in `found`.
fn add_kind_nouns(found: &mut [Discovered]) {
    for kind in [SideKind::Union, SideKind::Company, SideKind::Regulator] {
        // (a town's council is no regulator: "the regulator" is the other public body)
        let mut of_kind = found
            .iter_mut()
            .filter(|d| d.kind == kind && !is_council(d));
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
}

/// The local council found (`found`) whose name opens with the party `d`'s one word:
/// the place the council governs, whose "councillors" or "leader" the story names
/// ("Brackley councillors" beside "Brackley District Council").
fn council_of_place<'a>(found: &'a mut [Discovered], d: &Discovered) -> Option<&'a mut Discovered> {
    if d.kind != SideKind::Party || d.name.contains(' ') {
        return None;
    }
    found
        .iter_mut()
        .find(|f| f.name.split(' ').next() == Some(d.name.as_str()) && is_council(f))
}

/// Whether a side found is a local authority's council ("Emsby Town Council").
fn is_council(d: &Discovered) -> bool {
    let words: Vec<String> = d.name.split(' ').map(str::to_lowercase).collect();
    d.kind == SideKind::Regulator && is_local_council(&words)
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
/// with a leading sentence word dropped ("The Office of Energy Regulation"); `capitals`
/// are the indices of the words of `ws` that start with a capital.
fn name_runs<'a>(
    text: &'a str,
    (ws, capitals): (&'a [Word], &'a [u32]),
    lowered: &'a LowerWords<'a>,
) -> impl Iterator<Item = std::ops::Range<usize>> + 'a {
    let mut i = 0;
    // (where in `capitals` the next run may start: each run starts at a capital)
    let mut next_capital = 0;
    std::iter::from_fn(move || {
        // (told from the word's first byte, without cutting the word out)
        let capital = |w: &Word| starts_with_capital(text, w.start);
        while capitals
            .get(next_capital)
            .is_some_and(|&c| (c as usize) < i)
        {
            next_capital += 1;
        }
        i = capitals.get(next_capital).map_or(ws.len(), |&c| c as usize);
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
        if end - start > 1 && lexicon::is_sentence_word(&lowered.of(&ws[start])) {
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
