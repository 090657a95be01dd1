//! The subject before a speech verb: the clause's last noun phrase, past the
//! appositives, parentheticals, time words and auxiliaries that sit between it and the
//! verb ("Jane Doe, who led the talks, said", "Sir Roy Dunn, Head of the EC Delegation
//! in Ottawa, said", "Cuba on Tuesday also said").

use super::lexicon;
use super::speakers::is_role_noun;
use super::words::{Word, is_capitalized, lower, prev_char, words};
use holders::{joins_body_name, relative_clause_start, titled_holder};
use home_place::name_before_home;
use std::ops::Range;
pub(super) use titles::joins_title;

mod holders;
mod home_place;
mod titles;

/// Whether `piece` is the place that ends the appositive `before` it ("…, during a
/// meeting in Columbus, Ohio, said", "a salesman from Sumter, South Carolina,"): a short
/// capitalised piece after a lower-case one that ends with a capitalised word, or after
/// a relative clause, whose noun it names ("Al Roe, who farms near the county seat,
/// Dover, said").
fn is_place_of(text: &str, ws: &[Word], piece: &Range<usize>, before: &Range<usize>) -> bool {
    let capitalized = |i: usize| is_capitalized(&text[ws[i].clone()]);
    // (asked only of a piece that opens in lower case)
    let relative =
        || before.start > 0 && matches!(&text[ws[before.start].clone()], "who" | "which" | "where");
    piece.len() <= 3
        && piece.clone().all(capitalized)
        && before.len() > 1
        && !capitalized(before.start)
        && (capitalized(before.end - 1) || relative())
}

/// Whether `piece` names the noun of the description `before` it, which describes the
/// name that opens the clause ("Gil Roe, the editor of the city's paper, The Ledger,
/// said"; "Ann Bell, whose company, Parasol, makes tents, said"): a short capitalised
/// piece after a lower-case one that an article, a possessive or "whose" opens, itself
/// right after a name of capitalised words. ("The head of the union, Bob Hale, said"
/// has no name before the role: Bob Hale is the subject.)
fn names_described(text: &str, ws: &[Word], piece: &Range<usize>, before: &Range<usize>) -> bool {
    let mut buf = [0u8; 32];
    let capitalized = |i: usize| is_capitalized(&text[ws[i].clone()]);
    if piece.len() > 4 || !piece.clone().all(capitalized) || before.start == 0 {
        return false;
    }
    let opener = lower(&text[ws[before.start].clone()], &mut buf);
    let describes = !capitalized(before.start)
        && (lexicon::is_article(&opener)
            || lexicon::is_definite_determiner(&opener)
            || opener == "whose");
    let name = piece_ending(text, ws, before.start);
    describes
        && name.start == 0
        && name.len() <= 4
        && name.clone().all(capitalized)
        && !lexicon::is_opening_word(&lower(&text[ws[0].clone()], &mut buf))
}

/// A capitalised appositive that describes rather than names: a title with its
/// complement ("Head of the EU Mission in Ottawa") or a possessor's role
/// ("Ohio’s sitting senator", "Parasol’s director of sales").
/// `ws` ends with the piece, which starts at `start`; the title needs a name before it
/// ("Sir Roy Dunn, Head of …").
fn titled_appositive(text: &str, ws: &[Word], start: usize) -> bool {
    let mut buf = [0u8; 32];
    let piece = &ws[start..];
    let Some(first) = piece.first() else {
        return false;
    };
    let lower_case_inside = piece.iter().any(|w| !is_capitalized(&text[w.clone()]));
    let name_before = (1..=4).any(|n| {
        start >= n && {
            let name = &ws[start - n..start];
            let opens_piece = start == n || {
                let gap = &text[ws[start - n - 1].end..name[0].start];
                gap.contains(',')
            };
            opens_piece
                && name.iter().all(|w| is_capitalized(&text[w.clone()]))
                && !lexicon::is_sentence_word(&lower(&text[name[0].clone()], &mut buf))
        }
    });
    let first_lower = lower(&text[first.clone()], &mut buf).into_owned();
    let titled = (lexicon::is_title(&first_lower) || first_lower == "head")
        && piece.len() > 1
        && lower_case_inside
        && name_before;
    let possessor = piece
        .iter()
        .position(|w| {
            let after = &text[w.end..];
            let w = &text[w.clone()];
            // "Twitter’s", and the plural possessive "Sanders’" (its mark is outside the word)
            w.ends_with("’s") || w.ends_with("'s") || after.starts_with(['’', '\''])
        })
        .is_some_and(|i| {
            piece[i + 1..]
                .first()
                .is_some_and(|n| !is_capitalized(&text[n.clone()]))
        });
    titled || possessor
}

/// Whether the verb form at `ws[i]` is the noun it can also be, a determiner at most
/// two words before it ("a news report published Monday said": the subject is the
/// report).
fn is_noun_here(text: &str, ws: &[Word], i: usize, l: &str) -> bool {
    let mut buf = [0u8; 32];
    lexicon::is_source_noun(l)
        && ws[i.saturating_sub(2)..i]
            .iter()
            .any(|w| lexicon::is_determiner(&lower(&text[w.clone()], &mut buf)))
}

/// The subject before a verb: the clause's last noun phrase, skipping a parenthetical
/// between commas ("Jane Doe, who led the talks, said") and time words. `clause` is
/// the clause's words up to the verb, which comes last.
pub(super) fn before_source(text: &str, clause: &[Word]) -> Option<Range<usize>> {
    let (verb, ws) = clause.split_last()?;
    if ws.is_empty() {
        return None;
    }
    if let Some(r) = relative_antecedent(text, ws) {
        return Some(r);
    }
    // The clause splits at commas into pieces; the subject is in the last one, or in an
    // earlier one when the verb follows a comma.
    let mut piece = piece_ending(text, ws, ws.len());
    let comma_before_verb = prev_char(text, verb.start).is_some_and(|(_, c)| c == ',');
    // "X, the party's leader, later said": a piece of adverbs alone is no subject, and
    // the appositive before it is skipped as before a verb after a comma
    let mut buf = [0u8; 32];
    // (a capitalised word inside the sentence, but a weekday or month, is a name, not
    // an adverb: "Informed of the result, Early said")
    let adverbs_only = piece.start > 0
        && piece.clone().all(|i| {
            let w = &text[ws[i].clone()];
            let l = lower(w, &mut buf);
            let name = is_capitalized(w) && !lexicon::is_calendar_word(&l);
            (lexicon::is_verb_modifier(&l) || lexicon::is_time_word(&l)) && !name
        });
    if adverbs_only {
        piece = piece_ending(text, ws, piece.start);
    }
    if comma_before_verb || adverbs_only {
        piece = skip_appositives(text, ws, piece);
    } else if let Some(name) = unclosed_appositive(text, ws, &piece) {
        piece = name;
    } else if let Some(name) = name_before_home(text, ws, &piece) {
        piece = name;
    }
    // "“We are glad” about the ruling, said Jo Bell": a phrase that opens with a
    // preposition before the verb's comma is an adverbial, and the source follows
    let adverbial = comma_before_verb
        && ws
            .get(piece.start)
            .is_some_and(|w| lexicon::is_preposition(&lower(&text[w.clone()], &mut buf)));
    // "“…,” like the recent volatility of markets, said Jo Bell": words that go on with
    // the quoted sentence after its closing mark are no subject either
    let continues = comma_before_verb
        && piece.start == 0
        && text[..ws[0].start]
            .trim_end_matches(' ')
            .ends_with(['”', '"', '\''])
        && lexicon::continues_quotation(&lower(&text[ws[0].clone()], &mut buf));
    if continues {
        return None;
    }
    if adverbial {
        return None;
    }
    subject_in(text, ws, piece)
}

/// "A former aide -- Jo Mack, who ran the office -- said": an aside between dashes,
/// which lies outside the clause's words, that closes right before the verb and opens
/// on a name of two capitalised words or more (up to its first comma) names the
/// subject, not the role before it. `ws` are the words before the verb; the dash ends
/// the clause that [`before_source`] reads.
pub(super) fn dash_aside_name(text: &str, ws: &[Word], verb: &Word) -> Option<Range<usize>> {
    let from = ws.last()?.end;
    let gap = &text[from..verb.start];
    // (most gaps are one space: they are told apart before any search)
    if gap.len() < 4 || !gap.contains(['-', '—', '–']) {
        return None;
    }
    let dashes = ["--", "—", "–"];
    let open = dashes
        .iter()
        .find_map(|d| gap.find(d).map(|i| i + d.len()))?;
    let close = dashes
        .iter()
        .find_map(|d| gap.trim_end().strip_suffix(d))?
        .len();
    let aside = from + open..from + close.max(open);
    let head_end = text[aside.clone()]
        .find(',')
        .map_or(aside.end, |i| aside.start + i);
    let name = words(text, aside.start..head_end);
    // (a list of names is no one subject: "-- Mr. Tribe, Ms. Amar and Mr. Lo --")
    let listed = words(text, head_end..aside.end)
        .first()
        .is_some_and(|w| is_capitalized(&text[w.clone()]));
    let named = !listed
        && name.len() >= 2
        && name.iter().all(|w| is_capitalized(&text[w.clone()]))
        && name
            .windows(2)
            .all(|p| matches!(&text[p[0].end..p[1].start], " " | ". "));
    named.then(|| name[0].start..name[name.len() - 1].end)
}

/// "Ed Rowe, president of the oat growers said": an appositive whose closing
/// comma is missing before the verb. The piece opens as a description does (an
/// article, a title or role noun, "who") and the piece before it is a name of two
/// words or more that opens the clause; the name is returned.
fn unclosed_appositive(text: &str, ws: &[Word], piece: &Range<usize>) -> Option<Range<usize>> {
    let mut buf = [0u8; 32];
    if piece.start == 0 {
        return None;
    }
    let first = &text[ws[piece.start].clone()];
    let l = lower(first, &mut buf).into_owned();
    let describes = !is_capitalized(first)
        && (lexicon::is_article(&l)
            || lexicon::is_title(&l)
            || lexicon::is_source_noun(&l)
            || l == "who");
    let before = piece_ending(text, ws, piece.start);
    let name = before.start == 0
        && before.len() >= 2
        && before.clone().all(|i| {
            let w = &text[ws[i].clone()];
            let l = lower(w, &mut buf);
            is_capitalized(w)
                && !lexicon::is_preposition(&l)
                && !lexicon::is_calendar_word(&l)
                && !lexicon::is_sentence_word(&l)
        });
    (describes && name).then_some(before)
}

/// The piece of `ws` (the words between two commas) that ends at word `end`.
fn piece_ending(text: &str, ws: &[Word], end: usize) -> Range<usize> {
    let comma_before = |i: usize| {
        // (the usual gap, a single space, is told apart before it is searched)
        i > 0 && {
            let gap = &text[ws[i - 1].end..ws[i].start];
            gap != " " && gap.contains(',')
        }
    };
    (0..end).rev().find(|&i| comma_before(i)).unwrap_or(0)..end
}

/// "X, who headed the delegation, said": the piece before the lower-case
/// parentheticals, appositives and places that end at `piece`.
fn skip_appositives(text: &str, ws: &[Word], mut piece: Range<usize>) -> Range<usize> {
    let mut buf = [0u8; 32];
    while piece.start > 0 {
        let first = &text[ws[piece.start].clone()];
        let l = lower(first, &mut buf);
        let single = piece.len() == 1;
        let abbreviated = single && text[ws[piece.start].end..].starts_with('.');
        let appositive = (!is_capitalized(first) && !lexicon::is_article(&l))
            || abbreviated
            || titled_appositive(text, &ws[..piece.end], piece.start);
        // "Jo Bell, a nurse," and "Jo Bell, 67, a nurse,"
        let before_word = &text[ws[piece.start - 1].clone()];
        let det_after_name = lexicon::is_article(&l)
            && (is_capitalized(before_word) || before_word.bytes().all(|b| b.is_ascii_digit()));
        let before = piece_ending(text, ws, piece.start);
        // "Or, as Tim Vale, a former minister, put it:": the piece holds the subject
        let as_name = l == "as"
            && ws.get(piece.start + 1).is_some_and(|w| {
                piece.contains(&(piece.start + 1)) && is_capitalized(&text[w.clone()])
            });
        if as_name {
            break;
        }
        if titled_holder(text, ws, &piece, &before) {
            break;
        }
        if appositive
            || det_after_name
            || is_place_of(text, ws, &piece, &before)
            || names_described(text, ws, &piece, &before)
        {
            piece = before;
        } else if let Some(relative) = relative_clause_start(text, ws, piece.start) {
            // "Ann Roe, who met Trade, Industry and Energy Minister Piet
            // Vos, said": a relative clause runs to the comma before the verb,
            // over the commas of a list inside it
            piece = piece_ending(text, ws, relative);
        } else {
            break;
        }
    }
    piece
}

/// The subject in `piece`: after its last clause word or verb, before the auxiliaries,
/// adverbs and time words that end it.
fn subject_in(text: &str, ws: &[Word], piece: Range<usize>) -> Option<Range<usize>> {
    let mut buf = [0u8; 32];
    // the adverbs before the verb go first: "once" is one there ("X once said"), not
    // the conjunction that bounds a clause ("once he said")
    let mut hi = piece.end;
    while hi > piece.start {
        let l = lower(&text[ws[hi - 1].clone()], &mut buf);
        if lexicon::is_verb_modifier(&l)
            || lexicon::is_time_word(&l)
            || l.chars().all(|c| c.is_ascii_digit())
        {
            hi -= 1;
        } else {
            break;
        }
    }
    let lo = (piece.start..hi)
        .rev()
        .find(|&i| {
            let w = &text[ws[i].clone()];
            // (a conjunction opening the sentence too: "But he added:")
            (lexicon::is_clause_boundary(w)
                && !joins_title(text, ws, i)
                && !joins_body_name(text, ws, i))
                || lexicon::is_opening_conjunction(w)
                || (!is_capitalized(w) && {
                    let l = lower(w, &mut buf);
                    lexicon::cue(&l).is_some() && !is_noun_here(text, ws, i, &l)
                })
        })
        .map_or(piece.start, |i| i + 1);
    if let Some(subject) = acting_subject(text, ws, piece.start, lo) {
        return Some(subject);
    }
    (hi > lo).then(|| ws[lo].start..ws[hi - 1].end)
}

/// "A U.S. diplomat attending as an observer said": the role after "as" (word `lo`
/// follows it) is what the subject acts as, in a participle phrase; the subject is the
/// noun phrase opening the piece at `start`, up to the participle.
fn acting_subject(text: &str, ws: &[Word], start: usize, lo: usize) -> Option<Range<usize>> {
    let mut buf = [0u8; 32];
    let mut word = |i: usize| lower(&text[ws[i].clone()], &mut buf).into_owned();
    if lo < start + 4 || word(lo - 1) != "as" || !lexicon::is_article(&word(start)) {
        return None;
    }
    let participle = (start + 2..lo - 1).find(|&i| {
        let w = &text[ws[i].clone()];
        !is_capitalized(w) && w.len() > 4 && w.ends_with("ing")
    })?;
    is_role_noun(&word(participle - 1)).then(|| ws[start].start..ws[participle - 1].end)
}

/// The source of "…, who said": the noun phrase before the comma ("was rejected by Mr
/// Hallam, who said", "the minister, who added"): its capitalised words and role
/// nouns, with the determiner before them.
fn relative_antecedent(text: &str, ws: &[Word]) -> Option<Range<usize>> {
    let mut buf = [0u8; 32];
    // (verb modifiers may come between: "who also said", "who later told")
    let who = ws
        .iter()
        .rposition(|w| !lexicon::is_verb_modifier(&lower(&text[w.clone()], &mut buf)))?;
    if who == 0 || !text[ws[who].clone()].eq_ignore_ascii_case("who") {
        return None;
    }
    if !text[ws[who - 1].end..ws[who].start].contains(',') {
        return None;
    }
    let mut start = who;
    while start > 0 {
        let w = &text[ws[start - 1].clone()];
        let l = lower(w, &mut buf);
        let gap = &text[ws[start - 1].end..ws[start].start];
        let inside = start == who || gap == " ";
        let naming = is_capitalized(w)
            || lexicon::is_name_particle(w)
            || lexicon::is_source_noun(&l)
            || lexicon::is_title(&l);
        if !(inside && naming) || (start < who && lexicon::is_clause_boundary(&l)) {
            break;
        }
        start -= 1;
    }
    if start == who {
        return None;
    }
    let determined = start > 0
        && text[ws[start - 1].end..ws[start].start] == *" "
        && lexicon::is_determiner(&lower(&text[ws[start - 1].clone()], &mut buf));
    let start = if determined { start - 1 } else { start };
    Some(ws[start].start..ws[who - 1].end)
}

/// Most words of a role phrase that opens a sentence before its holder's name.
const MAX_ROLE_WORDS: usize = 8;

/// "The French minister of energy, Marie Lavoie, alluded …", "Mr. Pike's campaign
/// chairman, Ray Moss, dismissed …": a sentence that opens with a role phrase and then
/// names its holder between commas has the name for its subject (a name of one to four
/// capitalised words; the role phrase holds a lower-case role noun and no verb).
pub(super) fn name_after_role(text: &str, ws: &[Word]) -> Option<Range<usize>> {
    let mut buf = [0u8; 32];
    let comma_after = |i: usize| {
        ws.get(i + 1)
            .is_some_and(|n| text[ws[i].end..n.start].contains(','))
    };
    let role_end = (0..ws.len().min(MAX_ROLE_WORDS)).find(|&i| comma_after(i))?;
    let name_end = (role_end + 1..ws.len().min(role_end + 5)).find(|&i| comma_after(i))?;
    let is_role = |w: &Word, buf: &mut [u8; 32]| {
        let s = &text[w.clone()];
        !is_capitalized(s) && is_role_noun(&lower(s, buf))
    };
    let mut role_noun = false;
    for (i, w) in ws[..=role_end].iter().enumerate() {
        let s = &text[w.clone()];
        let verb = !is_capitalized(s) && lexicon::cue(&lower(s, &mut buf)).is_some();
        // (a verb's form before a role noun modifies it: "the state director")
        if verb && !(i < role_end && is_role(&ws[i + 1], &mut buf)) {
            return None;
        }
        role_noun |= is_role(w, &mut buf);
    }
    let name = &ws[role_end + 1..=name_end];
    let named = name.iter().all(|w| {
        let s = &text[w.clone()];
        is_capitalized(s) && !lexicon::is_sentence_word(&lower(s, &mut buf))
    });
    (role_noun && named).then(|| name[0].start..name[name.len() - 1].end)
}
