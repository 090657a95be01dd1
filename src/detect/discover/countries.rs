//! Countries and parties among the sides a story names, told by the words around a
//! single name word ("Tessalia's foreign minister", "Progress MPs") or by a name and
//! its demonym ("Marova", "the Marovan delegation").

use super::super::gazetteer::{countries, gazetteer, people_plural};
use super::super::lexicon::{self, WordMap, WordSet};
use super::super::opening::LowerWords;
use super::super::parties::SideMatcher;
use super::super::side_kind::{Discovered, SideKind};
use super::super::side_words::{Class, classes, is};
use super::super::words::{Word, is_capitalized, lower, one_space_after, trim_possessive, word_at};
use super::state_offices::owns_state_office;
use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};

/// Countries known by a name and its demonym ("Marova", "Marovan") or by the offices
/// they own ("Tessalia's chief negotiator"), and parties known by the words after their
/// name ("Progress MPs", "the Progress government" of no country).
pub(super) fn countries_and_parties(
    text: &str,
    (ws, capitals): (&[Word], &[u32]),
    lowered: &LowerWords,
    known: &'static SideMatcher,
    lead_end: usize,
) -> Vec<Discovered> {
    let mut names: Vec<&str> = Vec::new();
    // whether each word met is a name word (a story repeats its names: each is judged
    // once); sized for an opening's distinct capitals, not rehashed as it grows
    let mut judged: WordMap<&str, bool> =
        WordMap::with_capacity_and_hasher((ws.len() / 12).min(4096), Default::default());
    // where each name word is met, for the people among them
    let mut met: Vec<(usize, &str)> = Vec::new();
    let mut out = Vec::new();
    // (a name word is capitalised: the rest are passed over, found by the opening once)
    for &i in capitals {
        let i = i as usize;
        let w = &ws[i];
        let word = trim_possessive(&text[w.clone()]);
        // (and passes the cheap tests: most capitalised words do not, and are not
        // looked up)
        if !may_be_name_word(word) {
            continue;
        }
        let is_name = *judged.entry(word).or_insert_with(|| {
            let lower = || lowered.of(&(w.start..w.start + word.len()));
            let is_name = remembered_own_name_word(word, lower, known);
            if is_name {
                names.push(word);
            }
            is_name
        });
        if !is_name {
            continue;
        }
        met.push((i, word));
        if let Some(kind) = kind_by_neighbours(text, ws, lowered, i) {
            out.push(side_named(word, kind));
        }
    }
    // a name the story writes after "Mr" or "Mrs" is a person's, whatever follows it
    // ("Mr Oakes", "Daniel Oakes's government"); told only when a side may be dropped
    // or paired for it (most openings have none)
    let told = OnceCell::new();
    let people = || told.get_or_init(|| people_among(ws, lowered, &met));
    if !out.is_empty() {
        let people = people();
        out.retain(|d| !people.contains(d.name.as_str()));
    }
    add_demonyms(&names, &mut out);
    let is_partner = |w: &str| is_name_word(w, known) && !people().contains(w);
    let is_known_country = |w: &str| is_country_name(w, known);
    add_lead_partners(text, ws, lead_end, is_partner, is_known_country, &mut out);
    add_irregular_demonyms(&names, &mut out);
    out
}

/// A side of the kind `kind` known by the one name `name`.
fn side_named(name: &str, kind: SideKind) -> Discovered {
    Discovered {
        name: name.to_string(),
        names: vec![name.to_string()],
        kind,
    }
}

/// Whether `word` is a listed country's own name ("Norway"), not its people's
/// ("Americans", paired with "Hispanics") nor a name that is also a US state's or
/// a person's ("Georgia", paired with "Virginia").
fn is_country_name(word: &str, known: &SideMatcher) -> bool {
    let Some(country) = known.first(word).and_then(|s| countries().get(s)) else {
        return false;
    };
    (country.name == word || country.names.iter().any(|n| n == word))
        && !gazetteer()
            .ambiguous
            .iter()
            .any(|a| a.eq_ignore_ascii_case(word))
}

/// The name words of `met` (as (word index, word)) written after an honorific.
fn people_among<'a>(
    ws: &[Word],
    lowered: &LowerWords,
    met: &[(usize, &'a str)],
) -> WordSet<&'a str> {
    let after_honorific = |i: usize| {
        i.checked_sub(1)
            .is_some_and(|p| crate::article::abbreviations::is_honorific(&lowered.of(&ws[p])))
    };
    met.iter()
        .filter(|&&(i, _)| after_honorific(i))
        .map(|&(_, word)| word)
        .collect()
}

/// Adds the country a found or known one is paired with in the lead ("Velmar and
/// Dastra agreed …", where only "Velmar's foreign minister" told Velmar a country;
/// "Sweden and Valdoria sign …", where a list knows Sweden): the parties to the story
/// are named together, while a host or mediator is named apart ("talks hosted by
/// Turkey"). The partner is one name word no list has (`is_partner`), not a person's.
fn add_lead_partners(
    text: &str,
    ws: &[Word],
    lead_end: usize,
    is_partner: impl Fn(&str) -> bool,
    is_known_country: impl Fn(&str) -> bool,
    out: &mut Vec<Discovered>,
) {
    let is_country = |out: &[Discovered], w: &str| {
        out.iter()
            .any(|d| d.kind == SideKind::Country && d.names.iter().any(|n| n == w))
            || is_known_country(w)
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
            // (the pairing outweighs a party's sign: "a Lorrana government official"
            // would make Lorrana a party that governs)
            out.retain(|d| d.name != partner);
            out.push(side_named(partner, SideKind::Country));
        }
    }
}

/// What the words around the name word `ws[i]` make it: a party's ("Progress MPs",
/// "the opposition Heritage", "the Progress government") or a country's ("Tessalia's
/// chief negotiator").
fn kind_by_neighbours(text: &str, ws: &[Word], lowered: &LowerWords, i: usize) -> Option<SideKind> {
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
    // (the next word's classes looked up once for the questions below)
    let next_classes = ws.get(i + 1).map(|n| classes(&lowered.of(n)));
    let next_is = |class| next_classes.is_some_and(|c| c.has(class));
    if next_is(Class::PartyFollower) || after_opposition {
        Some(SideKind::Party)
    } else if possessive
        && ws
            .get(i + 2)
            .is_some_and(|n| is(Class::CountryFollower, &lowered.of(n)))
    {
        Some(SideKind::Country) // "Corvath's trade minister", "Velmar's chief envoy"
    } else if next_is(Class::CountryFollower) && (possessive || next == Some("government")) {
        if next == Some("government") && !possessive {
            Some(SideKind::Party) // "the Progress government": a party governs
        } else {
            Some(SideKind::Country)
        }
    } else if !possessive && owns_state_office(text, ws, i) {
        Some(SideKind::Country) // "the Tamsara embassy", "the envoy of Tamsara"
    } else if !ends_longer_name(text, ws, lowered, i)
        && is_company_by_neighbours(text, ws, lowered, (i, possessive))
    {
        Some(SideKind::Company)
    } else {
        None
    }
}

/// Whether the name word `ws[i]` ends a longer name: a capitalised word other than a
/// sentence word right before it, one space between ("Calder Ridge's chief executive"
/// is the company "Calder Ridge Energy"'s, not a company "Ridge").
fn ends_longer_name(text: &str, ws: &[Word], lowered: &LowerWords, i: usize) -> bool {
    i.checked_sub(1).is_some_and(|p| {
        one_space_after(text, ws, p)
            && is_capitalized(&text[ws[p].clone()])
            && !lexicon::is_sentence_word(&lowered.of(&ws[p]))
    })
}

/// Whether the words around the single name word `ws[i]` make it a company's, whatever
/// its letters (a company is often named by one invented word): an office only a company
/// owns after its possessive ("Tavelli's chief executive", "Lisk's largest
/// shareholder"), or its shares traded ("Shares in Lisk rose", "Skyreach shares fell",
/// not "Kelos shares a border").
fn is_company_by_neighbours(
    text: &str,
    ws: &[Word],
    lowered: &LowerWords,
    (i, possessive): (usize, bool),
) -> bool {
    let word = |k: usize| word_at(text, ws, k);
    let is_word = |k: usize, class| ws.get(k).is_some_and(|w| is(class, &lowered.of(w)));
    let spaced = |k: usize| one_space_after(text, ws, k);
    let owned = possessive
        && (is_word(i + 1, Class::CompanyOffice) || is_word(i + 2, Class::CompanyOffice));
    let in_shares = i >= 2
        && word(i - 2).is_some_and(|w| w.eq_ignore_ascii_case("shares"))
        && word(i - 1) == Some("in");
    let shares_moved = !possessive
        && spaced(i)
        && word(i + 1) == Some("shares")
        && is_word(i + 2, Class::ShareMovement);
    // "A Korvex spokeswoman": one word no list has between an indefinite article and a
    // spokesman (a country's demonym there, "a Marovan spokesman", makes the country
    // when the story names it: see `add_demonyms`)
    let spoken_for = !possessive
        && i >= 1
        && spaced(i - 1)
        && spaced(i)
        && word(i - 1).is_some_and(|w| w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an"))
        && word(i + 1).is_some_and(|w| matches!(w, "spokesman" | "spokeswoman" | "spokesperson"));
    owned || in_shares || shares_moved || spoken_for
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
            all.extend(people_plural(d));
        }
        out.retain(|o| !all.contains(&o.name));
        out.push(Discovered {
            name: name.to_string(),
            names: all,
            kind: SideKind::Country,
        });
    }
}

/// Gives each found country that has no demonym yet the one name word of the story
/// made from the start of its name with a demonym's ending, though shorter than the
/// name or made from less of it ("Brannmark" and "Brannish", "Samarand" and "Samari",
/// as "Denmark" and "Danish"). Only a country found by other means takes one, so two
/// people's names sharing a start ("Christopher", "Christian") make no country.
fn add_irregular_demonyms(names: &[&str], out: &mut Vec<Discovered>) {
    let bare: Vec<usize> = (0..out.len())
        .filter(|&i| out[i].kind == SideKind::Country && out[i].names.len() == 1)
        .collect();
    for i in bare {
        let name = out[i].name.clone();
        let made: Vec<&str> = names
            .iter()
            .copied()
            .filter(|d| is_irregular_demonym_of(d, &name))
            .collect();
        // (two such words would be two peoples: neither is told to be this one's)
        let [d] = made.as_slice() else { continue };
        if out
            .iter()
            .any(|o| o.name != *d && o.names.iter().any(|n| n == d))
        {
            continue;
        }
        out.retain(|o| o.name != *d);
        if let Some(c) = out.iter_mut().find(|o| o.name == name) {
            c.names.push(d.to_string());
            c.names.extend(people_plural(d));
        }
    }
}

/// Whether `d` is a demonym made from the first four letters or more, and at least half,
/// of `name`, with a demonym's ending ("Brannish" of "Brannmark").
fn is_irregular_demonym_of(d: &str, name: &str) -> bool {
    let shared = d
        .bytes()
        .zip(name.bytes())
        .take_while(|(x, y)| x == y)
        .count();
    d != name
        && shared >= 4
        && 2 * shared >= name.len()
        && d.is_char_boundary(shared)
        && is(Class::DemonymEnding, &d[shared..])
}

/// Whether a word may be a side's own name: capitalised, no title, calendar or
/// sentence word, and no name `known` has.
fn is_name_word(word: &str, known: &SideMatcher) -> bool {
    // (the cheap tests first: most words fail them, and are not lower-cased)
    may_be_name_word(word) && is_own_name_word(word, &lower(word, &mut [0; 32]), known)
}

/// [`is_name_word`] of a word that passed [`may_be_name_word`], given in lower case.
pub(super) fn is_own_name_word(word: &str, lower: &str, known: &SideMatcher) -> bool {
    !lexicon::is_title(lower)
        && !lexicon::is_sentence_word(lower)
        && !lexicon::is_calendar_word(lower)
        && !known.starts_name(word)
}

/// Most words a thread remembers [`is_own_name_word`]'s answer for: a folder's
/// openings name a few thousand distinct capitalised words (16 384 of them take about
/// 1 MiB with their keys); the memory is emptied when full.
pub(super) const REMEMBERED_WORDS: usize = 16_384;

thread_local! {
    /// [`is_own_name_word`]'s answers on this thread, and the matcher they are for (by
    /// address: a `'static` one, so no other matcher ever takes its place there).
    static OWN_NAME_WORDS: RefCell<(usize, WordMap<Box<str>, bool>)> =
        RefCell::new((0, WordMap::default()));
}

/// [`is_own_name_word`], remembered on the thread across articles: its answer depends
/// on the word and the matcher alone, and a folder's articles name the same people and
/// places again and again, each judged afresh by four lookups in every article
/// (docs/PERFORMANCE.md). `lower` gives the word in lower case, asked only when the
/// word is judged.
pub(super) fn remembered_own_name_word<'w>(
    word: &str,
    lower: impl FnOnce() -> Cow<'w, str>,
    known: &'static SideMatcher,
) -> bool {
    let id = std::ptr::from_ref(known) as usize;
    OWN_NAME_WORDS.with_borrow_mut(|(of, memo)| {
        if *of != id {
            memo.clear();
            *of = id;
        }
        if let Some(&is_name) = memo.get(word) {
            return is_name;
        }
        let is_name = is_own_name_word(word, &lower(), known);
        if memo.len() >= REMEMBERED_WORDS {
            memo.clear();
        }
        memo.insert(word.into(), is_name);
        is_name
    })
}

/// The cheap tests of [`is_name_word`]: four letters or more, the first a capital.
/// (Every capitalised word of an opening is asked this: an ASCII word's letters are
/// told by byte, which is what `char::is_alphabetic` says of an ASCII character.)
fn may_be_name_word(word: &str) -> bool {
    let letters = || {
        if word.is_ascii() {
            word.bytes().all(|b| b.is_ascii_alphabetic())
        } else {
            word.chars().all(char::is_alphabetic)
        }
    };
    word.len() >= 4 && is_capitalized(word) && letters()
}

/// Whether `d` is a demonym made from `name` ("Marovan" of "Marova").
pub(in crate::detect) fn is_demonym_of(d: &str, name: &str) -> bool {
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
