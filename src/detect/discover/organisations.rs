//! Organisations among the sides a story names: a union, a company, a regulator or a
//! party told by the words of its name, or a company by the shares traded around it.

use super::super::lexicon::{self, WordSet};
use super::super::opening::LowerWords;
use super::super::parties::SideMatcher;
use super::super::side_kind::{Discovered, SideKind};
use super::super::side_words::{Class, Classes, classes, is, is_adjective_local, is_any_case};
use super::super::words::{
    Word, is_capitalized, one_space_after, trim_end_all, trim_possessive, word_at,
};
use super::called_company::called_the_company;
use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;

/// Last words of a company's name.
fn is_company_word(w: &str) -> bool {
    is_any_case(Class::CompanyNameEnd, w)
}

/// The opening's [`lone_words`], found only when a company's name asks for them (few
/// openings name a company; the set is of every word of the opening).
pub(super) struct LoneWords<'a> {
    text: &'a str,
    ws: &'a [Word],
    set: OnceCell<WordSet<&'a str>>,
}

impl<'a> LoneWords<'a> {
    pub(super) fn new(text: &'a str, ws: &'a [Word]) -> Self {
        LoneWords {
            text,
            ws,
            set: OnceCell::new(),
        }
    }

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

/// An organisation named by the run `ws[run]` of capitalised words: a union, a
/// company, a regulator or a party, by its words or, for a company, by the words
/// around it ([`traded_around`]); none when the run is a name `known` has.
pub(super) fn organisation(
    text: &str,
    (ws, capitals): (&[Word], &[u32]),
    lowered: &LowerWords,
    run: std::ops::Range<usize>,
    known: &SideMatcher,
    lone: &LoneWords,
) -> Option<Discovered> {
    // (a single word is no organisation's name: told before looking the run up)
    if run.len() < 2 {
        return None;
    }
    // (three words or more in capitals are a headline set in capitals, "LARKWOOD BUS
    // DRIVERS STRIKE", not a name: a name in capitals is an acronym or two)
    let shouted = |w: &Word| !text[w.clone()].chars().any(char::is_lowercase);
    if run.len() >= 3 && ws[run.clone()].iter().all(shouted) {
        return None;
    }
    let span = run.clone();
    let run = &ws[run];
    // (a name that is the whole of a quoted stretch is a slogan or nickname someone
    // coined, "''Freedom Buses''", not a body taking part in the story)
    if is_quoted_whole(text, run.first()?.start..run.last()?.end) {
        return None;
    }
    let (words, lower) = name_words(text, run, lowered);
    // (the kind first: few runs have one, and only those are looked up)
    let kind = kind_of_organisation(text, ws, lowered, span.clone(), (&words, &lower))?;
    let whole = &text[run.first()?.start..run.last()?.end];
    let whole = trim_possessive(whole);
    // (a union's name may hold a country's: "Norwegian Seafarers' Union" is the union's,
    // not Norway's, unless the whole name is a side's)
    let holds_known = known.first(whole).is_some();
    if holds_known && (kind != SideKind::Union || known.is_name(whole)) {
        return None;
    }
    let end = run.last()?.end;
    let mut names = names_written(text, (ws, lowered), (span.start, end), whole, known);
    if let Some(short) = initials_used(text, (ws, capitals), lowered, span.clone())
        && !names.iter().any(|n| n == short)
    {
        names.push(short.to_string());
    }
    match super::blocs::bloc_head(text, &words, &lower) {
        // "the alliance" for the Alliance for Democratic Change, not "Change"
        Some(head) if kind == SideKind::Party => names.push(head),
        _ => push_short_names(&mut names, kind, &words, known, lone),
    }
    Some(Discovered {
        name: names[0].clone(),
        names,
        kind,
    })
}

/// The kind of the organisation named by the run `ws[span]`, whose words are `words`
/// as written and `lower` in lower case: told by its words first, then by the words
/// around it.
fn kind_of_organisation(
    text: &str,
    ws: &[Word],
    lowered: &LowerWords,
    span: std::ops::Range<usize>,
    (words, lower): (&[&str], &[Cow<'_, str>]),
) -> Option<SideKind> {
    kind_of_words(words, lower)
        .or_else(|| traded_around(text, ws, lowered, span.clone()).then_some(SideKind::Company))
        .or_else(|| {
            let by_neighbours = is_party_by_neighbours(text, ws, lowered, span.clone());
            (by_neighbours || super::blocs::is_bloc(text, words, lower)).then_some(SideKind::Party)
        })
        .or_else(|| is_body_name(lower).then_some(SideKind::Other))
        // (last: a name whose words or neighbours tell no kind, which the story goes on
        // to call "the company" or "the firm")
        .or_else(|| {
            called_the_company(text, ws, lowered, span.clone()).then_some(SideKind::Company)
        })
}

/// The names the story writes for the organisation `whole`, its run starting at
/// `ws[start]` and ending at byte `end`: its whole name over "and" first
/// ([`joined_over_and`]), `whole`, and a short name in brackets after it.
fn names_written(
    text: &str,
    (ws, lowered): (&[Word], &LowerWords),
    (start, end): (usize, usize),
    whole: &str,
    known: &SideMatcher,
) -> Vec<String> {
    let full =
        joined_over_and(text, ws, lowered, start, end).filter(|full| known.first(full).is_none());
    full.into_iter()
        .chain(std::iter::once(whole))
        .chain(acronym_after(text, whole, end))
        .map(str::to_string)
        .collect()
}

/// The whole name of an organisation whose name holds "and" ("the Bakers and Allied
/// Workers Union", "the Marine and Transit Workers Union"), where a run of a name stops
/// at "and": one or two capitalised words, "and", then the run starting at `ws[start]`
/// and ending at byte `end`. Only when the words before "and" are never written
/// without the rest, so "Harlow Freight and Allied Workers Union" stays two names where
/// the story names Harlow Freight alone too.
fn joined_over_and<'a>(
    text: &'a str,
    ws: &[Word],
    lowered: &LowerWords,
    start: usize,
    end: usize,
) -> Option<&'a str> {
    let and = start.checked_sub(1)?;
    if &text[ws[and].clone()] != "and" || !one_space_after(text, ws, and) {
        return None;
    }
    let joined = |k: usize| {
        one_space_after(text, ws, k)
            && is_capitalized(&text[ws[k].clone()])
            && !lexicon::is_sentence_word(&lowered.of(&ws[k]))
    };
    let mut first = and;
    while first > 0 && and - first < 2 && joined(first - 1) {
        first -= 1;
    }
    // (the words before "and" are a run of their own: not the end of a longer name)
    if first == and || (first > 0 && joined(first - 1)) {
        return None;
    }
    let before = &text[ws[first].start..ws[and - 1].end];
    let full = &text[ws[first].start..end];
    (text.matches(before).count() == text.matches(full).count()).then_some(full)
}

/// Whether the stretch `span` of `text` is all a quotation holds: an opening mark
/// just before it and a closing one just after (straight, curly, or doubled single).
fn is_quoted_whole(text: &str, span: Range<usize>) -> bool {
    let opens = |c: char| matches!(c, '"' | '\'' | '\u{201c}' | '\u{2018}');
    let closes = |c: char| matches!(c, '"' | '\'' | '\u{201d}' | '\u{2019}');
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    before.is_some_and(opens) && after.is_some_and(closes)
}

/// The names an organisation of `kind` goes by besides its whole name, added to
/// `names`: a union's local by its number (as its first name), a company's short names,
/// a party's name without its party word or by the word that ends it.
fn push_short_names(
    names: &mut Vec<String>,
    kind: SideKind,
    words: &[&str],
    known: &SideMatcher,
    lone: &LoneWords,
) {
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
        SideKind::Company => names.extend(company_short_names(words, known, lone)),
        // "the Heritage Party" is also "Heritage"; a party whose name has no party's
        // word is called by the word that ends it ("the Democratic Rally", "the Rally")
        SideKind::Party if words.last() == Some(&"Party") => {
            let short = words[..words.len() - 1].join(" ");
            names.push(short.clone());
            names.push(format!("{short}s"));
        }
        SideKind::Party => names.extend(words.last().map(|w| w.to_string())),
        _ => {}
    }
}

/// The words of the run `run` without their possessive endings, as written and in
/// lower case (from the opening lowered once).
fn name_words<'a>(
    text: &'a str,
    run: &[Word],
    lowered: &LowerWords<'a>,
) -> (Vec<&'a str>, Vec<Cow<'a, str>>) {
    let words: Vec<&str> = run
        .iter()
        .map(|w| trim_end_all(&text[w.clone()], "'s"))
        .collect();
    let lower = run
        .iter()
        .zip(&words)
        .map(|(w, word)| lowered.of(&(w.start..w.start + word.len())))
        .collect();
    (words, lower)
}

/// The run `ws[run]` without a person's office and name before "of" ("Finance Minister
/// Arne Dahl of the Liberty Party" is the Liberty Party's): the words after "of" (and
/// "the") when those before it hold an office one person holds and two or more follow.
/// A body's own name with "of" keeps its head ("Office of Energy Regulation", "Bank of
/// England").
pub(super) fn after_office_of(
    text: &str,
    ws: &[Word],
    lowered: &LowerWords,
    run: Range<usize>,
) -> Range<usize> {
    let word = |i: usize| &text[ws[i].clone()];
    let Some(of) = run.clone().find(|&i| word(i) == "of") else {
        return run;
    };
    let office = (run.start..of).any(|i| {
        let w = lowered.of(&ws[i]);
        lexicon::is_office(&w) || w.starts_with("spokes")
    });
    let tail = if word(of + 1) == "the" {
        of + 2
    } else {
        of + 1
    };
    if office && run.end >= tail + 2 {
        tail..run.end
    } else {
        run
    }
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

/// The initials of the name `ws[run]` when the story uses them as a word of its own
/// without setting them in brackets after the name (wire copy names "the Australian
/// Competition and Consumer Commission", then says "The ACCC said"): three to eight
/// capitals, the first letters of the name's capitalised words, the name taken back
/// over "and" to the capitalised words before it (a run of a name stops at "and"),
/// else the run alone; a word opening the sentence ("The") is no part of the name.
fn initials_used<'a>(
    text: &'a str,
    (ws, capitals): (&[Word], &[u32]),
    lowered: &LowerWords,
    run: Range<usize>,
) -> Option<&'a str> {
    let word = |i: usize| &text[ws[i].clone()];
    let mut start = run.start;
    let and_before = start >= 2
        && word(start - 1) == "and"
        && one_space_after(text, ws, start - 2)
        && one_space_after(text, ws, start - 1);
    if and_before {
        let mut k = start - 1;
        while k > 0
            && start - k < 5
            && is_capitalized(word(k - 1))
            && one_space_after(text, ws, k - 1)
        {
            k -= 1;
        }
        start = k;
    }
    let initials_of = |from: usize| -> String {
        (from..run.end)
            .filter(|&i| is_capitalized(word(i)) && !lexicon::is_sentence_word(&lowered.of(&ws[i])))
            .filter_map(|i| word(i).chars().next())
            .collect()
    };
    // (initials start with a capital, and so does a word that is them: only the
    // opening's capitalised words are read, where each name read every word)
    let capitalised = || capitals.iter().map(|&i| (i as usize, &ws[i as usize]));
    let used = |short: &String| {
        (3..=8).contains(&short.len())
            && capitalised().any(|(i, w)| {
                !(start..run.end).contains(&i) && trim_possessive(&text[w.clone()]) == short
            })
    };
    [initials_of(start), initials_of(run.start)]
        .into_iter()
        .find(used)
        .and_then(|short| {
            let (_, w) =
                capitalised().find(|(_, w)| trim_possessive(&text[(*w).clone()]) == short)?;
            Some(&text[w.start..w.start + short.len()])
        })
}

/// Whether the words around the run `ws[run]` make it a company whose shares trade,
/// whatever its name's words ("Kellin Water shares fell", "shares in Kellin Water").
fn traded_around(
    text: &str,
    ws: &[Word],
    lowered: &LowerWords,
    run: std::ops::Range<usize>,
) -> bool {
    let word = |i: usize| word_at(text, ws, i);
    let spaced = |a: usize| one_space_after(text, ws, a);
    let shares_after = spaced(run.end - 1)
        && ws
            .get(run.end)
            .is_some_and(|w| is(Class::ShareNoun, &lowered.of(w)));
    // (only "shares in": "a stake in New Hampshire" is a candidate's, not a holding; no
    // character outside ASCII lower-cases into either word)
    let is_word = |i: usize, like: &str| word(i).is_some_and(|w| w.eq_ignore_ascii_case(like));
    let shares_in =
        run.start >= 2 && is_word(run.start - 2, "shares") && is_word(run.start - 1, "in");
    shares_after || shares_in
}

/// Whether the words around the run `ws[run]` make it a party's, whatever its words:
/// right after "ruling", "governing" or "opposition" ("the ruling Democratic Rally", "the
/// opposition National Front"), or before "government" or a word of a party's people
/// ("The People's Front government", "Civic Alliance MPs", "People's Front leader"; a
/// name whose words make it a union is told so first).
fn is_party_by_neighbours(
    text: &str,
    ws: &[Word],
    lowered: &LowerWords,
    run: std::ops::Range<usize>,
) -> bool {
    let word = |i: usize| word_at(text, ws, i);
    let spaced = |a: usize| one_space_after(text, ws, a);
    let before = run
        .start
        .checked_sub(1)
        .filter(|&b| spaced(b))
        .map(|b| lowered.of(&ws[b]));
    // (not after a possessive: "Daniel Oakes's government" is a person's)
    let owner = word(run.end - 1).is_some_and(|w| w.ends_with("'s") || w.ends_with("’s"));
    let after = word(run.end).filter(|_| spaced(run.end - 1) && !owner);
    let after_governing =
        before.is_some_and(|w| is(Class::GoverningBefore, &w) || w == "opposition");
    // (only the words that name a party's own people: "voters", "candidates" or
    // "activists" follow places and blocs of voters as often ("New Hampshire voters"))
    let before_people = after.is_some_and(|w| matches!(w, "government" | "leader" | "MPs" | "MP"));
    after_governing || before_people
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
/// a union ("… Workers Union", "Allied Drivers Association"), a company ("Harlow
/// Freight Lines"), a regulator ("Office of Energy Regulation") or a party ("Heritage
/// Party").
/// `lower` holds the words in lower case.
fn kind_of_words<L: AsRef<str>>(words: &[&str], lower: &[L]) -> Option<SideKind> {
    let (first, last) = (*words.first()?, *words.last()?);
    // (the last word's classes looked up once for the questions below)
    let last_is = classes(lower.last()?.as_ref());
    // a body of people of a trade or a place is their union ("Allied Drivers
    // Association", "the Orska Farmers' League", "the Selkirk Fishermen's Cooperative")
    let of_workers = last_is.has(Class::MembersBodyEnd)
        && words.iter().rev().skip(1).any(|w| {
            let w = w.trim_end_matches(['\'', '’']);
            w.ends_with('s') || w.ends_with("men")
        });
    let union_word = lower.iter().enumerate().any(|(k, w)| {
        let w = w.as_ref();
        is(Class::UnionNameWord, w) && !is_adjective_local(w, words.get(k + 1).copied())
    });
    if of_workers || union_word {
        Some(SideKind::Union)
    } else if last_is.has(Class::CompanyNameEnd) && !is_neighbourhood(words, last_is) {
        Some(SideKind::Company)
    } else if last_is.has(Class::RegulatorNameEnd)
        || (first == "Office" && words.get(1) == Some(&"of"))
        || is_local_council(lower)
    {
        Some(SideKind::Regulator)
    } else if last == "Party" {
        Some(SideKind::Party)
    } else {
        None
    }
}

/// Whether a name (its words in lower case) is a local authority's: "Council" after a
/// word of local government and its place's name ("Emsby Town Council", "Holt District
/// Council"; a bare "City Council" says not which city). Such a council is a public
/// body a story may set against a company or a union anywhere, not only where the lead
/// sets the two against each other, since no country speaks through it.
pub(super) fn is_local_council<L: AsRef<str>>(lower: &[L]) -> bool {
    match lower {
        [.., place, before, last] => {
            last.as_ref() == "council"
                && is(Class::CouncilBefore, before.as_ref())
                && !matches!(place.as_ref(), "the" | "of" | "for")
        }
        _ => false,
    }
}

/// Whether a name ending in a word that ends both companies' and neighbourhoods' names
/// is a neighbourhood's: a known place's name before it ("Jamaica Estates").
fn is_neighbourhood(words: &[&str], last_is: Classes) -> bool {
    last_is.has(Class::PlaceNameEnd)
        && crate::detect::country_matcher()
            .first(&words[..words.len() - 1].join(" "))
            .is_some()
}

/// Whether a name of two or more capitalised words ends in a word of an organisation
/// whose kind it does not tell ("Ashford Cycling Club", "Westmere University").
/// (`lower`: its words in lower case)
fn is_body_name<L: AsRef<str>>(lower: &[L]) -> bool {
    let Some((last, before)) = lower.split_last() else {
        return false;
    };
    let last = last.as_ref();
    is(Class::MembersBodyEnd, last) || is(Class::BodyNameEnd, last) || is_care_centre(last, before)
}

/// Whether a name ending in the word `last` (lower case) after the words `before` is a
/// hospital's: a "Center" or "Centre" of medicine or health ("… Medical Center"). Other
/// centres are mostly research groups that comment on a dispute, not its parties.
fn is_care_centre<L: AsRef<str>>(last: &str, before: &[L]) -> bool {
    matches!(last, "center" | "centre")
        && before
            .last()
            .is_some_and(|w| is(Class::CareCentreBefore, w.as_ref()))
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
pub(super) fn kind_of_set_against(words: &[&str]) -> Option<SideKind> {
    // (`words::lower` of each word: its Unicode lower case)
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    kind_of_words(words, &lower).or_else(|| {
        let last = words.last()?;
        is_any_case(Class::PublicBodyEnd, last).then_some(SideKind::Regulator)
    })
}
