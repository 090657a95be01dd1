//! Cues and their sources: the speech or stance verbs outside the quotations of a
//! sentence, and the source phrase next to each ("State Department spokesman Ian Kelly
//! said", "said Lam Wai-kit, leader of …", "according to officials",
//! "X quoted the spokesman as saying").

use super::lexicon::{self, CueKind};
use super::subjects::{before_source, dash_aside_name};
use super::words::{Word, is_capitalized, lower};
use std::ops::Range;

mod after_quotation;
mod source_after;
mod unspoken;

pub(super) use after_quotation::is_name_and_verb;
use after_quotation::joined;

use source_after::{
    after_source, name_after_comma_verb, opening_source, quote_starts_between, quoted_as_saying,
};

/// A cue found in a sentence.
#[derive(Debug, Clone)]
pub struct Cue {
    /// The verb (or "according to").
    pub word: Range<usize>,
    /// Speech or stance.
    pub kind: CueKind,
    /// The verb, lower case (or the dash that signs a quotation).
    pub verb: &'static str,
    /// Where the source phrase is, if any.
    pub source: Option<Range<usize>>,
    /// Whether the source comes after the verb ("said Ian Kelly").
    pub inverted: bool,
}

/// Most cues read in one unit. A sentence of news has a handful; text with no sentence
/// breaks ("said said said …") would otherwise make every later step quadratic.
pub(super) const MAX_CUES: usize = 32;

/// Most words between a verb and the start of its subject, and after an inverted verb:
/// a subject is a noun phrase, and looking further only costs time on run-on text.
pub(super) const MAX_SOURCE_WORDS: usize = 40;

/// The cues among `outside` (the words of a sentence that lie outside quotations), into
/// `out`; at most [`MAX_CUES`].
pub fn find_cues(text: &str, outside: &[Word], quotes: &[Range<usize>], out: &mut Vec<Cue>) {
    out.clear();
    let mut clause = Clause::default();
    for k in 0..outside.len() {
        if out.len() == MAX_CUES {
            break;
        }
        let Some(mut cue) = cue_at(text, outside, k, quotes) else {
            continue;
        };
        // (a stance verb's agent holds the stance too: "was dismissed by the minister
        // as “…”" is the minister's)
        if cue.source.is_none() {
            cue.source = passive_agent(text, outside, k, quotes);
            cue.inverted = cue.source.is_some();
        }
        if cue.source.is_none() && cue.verb.ends_with("ing") {
            cue.source = with_subject(text, outside, k);
        }
        if cue.source.is_none() && cue.verb != "according" && !is_participle(text, outside, k, &cue)
        {
            let start = clause
                .start(text, outside, quotes, k)
                .max(k.saturating_sub(MAX_SOURCE_WORDS));
            cue.source = dash_aside_name(text, &outside[..k], &outside[k])
                .or_else(|| before_source(text, &outside[start..=k]))
                // (inside another's reported speech only: "X said pilots were being
                // asked …" is X's; a sentence's own passive subject may still state)
                .filter(|_| {
                    !(out.iter().any(|c: &Cue| c.source.is_some())
                        && is_passive(text, outside, k, &cue))
                });
            // "asked Jo Bell" names whom Jo Bell asked, but after a quotation the one
            // who asked it ("“Why?” asked Jo Bell")
            let inverts = !lexicon::takes_object(cue.verb)
                || (lexicon::inverts_after_quotation(cue.verb)
                    && start == k
                    && follows_quotation(text, &outside[k], quotes));
            if cue.source.is_none() && inverts && cue.kind == CueKind::Speech {
                cue.source = after_source(text, outside, k + 1, quotes);
                cue.inverted = cue.source.is_some();
            } else if cue.kind == CueKind::Speech
                && !lexicon::takes_object(cue.verb)
                && let Some(name) = name_after_comma_verb(text, outside, k, quotes)
            {
                cue.source = Some(name);
                cue.inverted = true;
            }
        }
        out.push(cue);
    }
    after_quotation::verbs_after_quotations(text, outside, quotes, out);
    unspoken::demote_unspoken(text, outside, out);
}

/// The cue that word `k` of `outside` is, if any, with its source when the cue itself
/// places it ("according to X", "quoted X as saying").
fn cue_at(text: &str, outside: &[Word], k: usize, quotes: &[Range<usize>]) -> Option<Cue> {
    let w = &outside[k];
    // Verbs are lower case and short; most words are neither (tested on the bytes,
    // before cutting the word out of the text).
    let bytes = &text.as_bytes()[w.clone()];
    let according = bytes == b"According"
        || (bytes.first() == Some(&b'a') && bytes.eq_ignore_ascii_case(b"according"));
    if bytes.len() > 16 || !(according || lexicon::may_be_cue(bytes)) {
        return phrasal_cue(text, outside, k);
    }
    let mut buf = [0u8; 32];
    let (l, cue) = if according {
        let to = outside.get(k + 1).filter(|n| &text[(*n).clone()] == "to");
        ("according", to.map(|_| CueKind::Speech))
    } else {
        let (form, kind) = lexicon::cue_form(&text[w.clone()])?;
        (
            form,
            (!is_noun_here(text, outside, k, quotes, form)).then_some(kind),
        )
    };
    let mut kind = cue?;
    if !speaks_here(text, outside, k, l) {
        return None;
    }
    if lexicon::is_call_form(l) {
        let next = outside
            .get(k + 1)
            .map(|n| lower(&text[n.clone()], &mut buf));
        kind = if next.is_some_and(|n| lexicon::is_call_particle(&n)) {
            CueKind::Stance
        } else {
            CueKind::Speech
        };
    }
    let source = if l == "according" {
        // "According to X, Y wants …": opening a sentence, the source ends at its
        // comma unless a second one closes an appositive.
        let opening = bytes[0] == b'A';
        after_source(text, outside, k + 2, quotes).map(|r| match opening {
            true => opening_source(text, r),
            false => r,
        })
    } else if l == "quoted" {
        quoted_as_saying(text, outside, k)
    } else {
        None
    };
    Some(Cue {
        word: w.clone(),
        kind,
        verb: l,
        source,
        inverted: false,
    })
}

/// A verb that reports speech only with its particle ("pointed out", "went on,",
/// "as she put it:"); a particle that needs punctuation after it must end the clause
/// ("the talks went on for hours" reports nothing).
fn phrasal_cue(text: &str, outside: &[Word], k: usize) -> Option<Cue> {
    let w = &outside[k];
    let (verb, particle, ends_clause) = lexicon::phrasal_speech(&text.as_bytes()[w.clone()])?;
    let next = outside.get(k + 1)?;
    if &text[next.clone()] != particle {
        return None;
    }
    let after = outside
        .get(k + 2)
        .map_or(&text[next.end..], |n| &text[next.end..n.start]);
    if ends_clause && !after.contains([',', ':', '.', ';', '"', '“', '”', '—']) {
        return None;
    }
    Some(Cue {
        word: w.clone(),
        kind: CueKind::Speech,
        verb,
        source: None,
        inverted: false,
    })
}

/// Whether the cue form `outside[k]` is a noun or an infinitive here: after a
/// determiner, a preposition or "to" ("the report", "to further explain"), or after a
/// possessor ("Trump's remarks were “…”") unless it introduces what was said ("Trump's
/// claim that …", "Ann's answer was that …").
fn is_noun_here(
    text: &str,
    outside: &[Word],
    k: usize,
    quotes: &[Range<usize>],
    form: &str,
) -> bool {
    let mut buf = [0u8; 32];
    // (a word before a quotation is not the verb's: in "This is a “raw time,” said
    // Jo Bell" the article belongs to the quoted words; nor is a word before a comma:
    // "… larger than that, said Jo Bell")
    let Some(prev) = k
        .checked_sub(1)
        .filter(|&p| !quote_starts_between(quotes, outside[p].end, outside[k].start))
        .filter(|&p| !text[outside[p].end..outside[k].start].contains([',', ';', ':']))
        .map(|p| lower(&text[outside[p].clone()], &mut buf))
    else {
        return false;
    };
    let infinitive =
        lexicon::is_verb_modifier(&prev) && k >= 2 && &text[outside[k - 2].clone()] == "to";
    // (a capitalised preposition inside the sentence is a name: "“…,” From said")
    let name_before = is_capitalized(&text[outside[k - 1].clone()])
        && (k >= 2 || follows_quotation(text, &outside[k - 1], quotes));
    // ("was prompted to say, “…”": an infinitive before a quotation's comma or colon
    // still speaks)
    let to_quotation = prev == "to" && {
        let after = &text[outside[k].end..];
        let mark = after.len() - after.trim_start_matches([',', ':']).len();
        mark > 0 && quote_starts_between(quotes, outside[k].end, outside[k].end + mark + 2)
    };
    infinitive
        || lexicon::is_determiner(&prev)
        || (lexicon::is_preposition(&prev) && !name_before && !to_quotation)
        || (lexicon::is_possessor(&prev)
            && lexicon::is_noun_after_possessor(form)
            && !introduces_content(text, outside, k, quotes))
        || is_named_plural(text, outside, k, form)
}

/// "after the Dover attacks", "since the Vance remarks": a plural form after a
/// capitalised modifier that a determiner opens, itself after a preposition of time, is
/// a noun, the preposition's object ("A spokesman for the Pentagon says" still speaks:
/// a phrase after "for", "by" or "of" may close the subject).
fn is_named_plural(text: &str, outside: &[Word], k: usize, form: &str) -> bool {
    if !form.ends_with('s') || k < 3 || !is_capitalized(&text[outside[k - 1].clone()]) {
        return false;
    }
    let joined = joined(text, outside, k - 3, k + 1);
    let (mut det, mut prep) = ([0u8; 32], [0u8; 32]);
    let det = lower(&text[outside[k - 2].clone()], &mut det);
    let prep = lower(&text[outside[k - 3].clone()], &mut prep);
    joined
        && lexicon::is_determiner(&det)
        && matches!(
            &*prep,
            "after" | "before" | "since" | "during" | "amid" | "following" | "despite"
        )
}

/// Whether the noun `outside[k]` introduces what was said: a quotation or colon right
/// after it, or "that" after it or after its verb ("her claim that", "his answer was
/// that", "his remark: “…”").
fn introduces_content(text: &str, outside: &[Word], k: usize, quotes: &[Range<usize>]) -> bool {
    let end = outside[k].end;
    let next_start = outside.get(k + 1).map_or(text.len(), |n| n.start);
    if quote_starts_between(quotes, end, next_start) || text[end..next_start].contains(':') {
        return true;
    }
    let word = |i: usize| outside.get(i).map(|w| &text[w.clone()]);
    word(k + 1) == Some("that")
        || (matches!(word(k + 1), Some("is" | "was" | "are" | "were"))
            && word(k + 2) == Some("that"))
}

/// Whether only spaces and closing punctuation stand between the end of a quotation
/// and `word` ("“Why?” asked").
fn follows_quotation(text: &str, word: &Word, quotes: &[Range<usize>]) -> bool {
    let q = quotes.partition_point(|q| q.end <= word.start);
    q > 0
        && text[quotes[q - 1].end..word.start]
            .trim_start_matches([',', ' '])
            .is_empty()
}

/// "Dorn was asked by host Bill Marsh, “…”": a speech verb in the passive with "by"
/// after it has its source after "by"; the subject before it is whom it was said to.
fn passive_agent(
    text: &str,
    outside: &[Word],
    k: usize,
    quotes: &[Range<usize>],
) -> Option<Range<usize>> {
    let passive = k > 0
        && joined(text, outside, k - 1, k + 1)
        && matches!(
            &text[outside[k - 1].clone()],
            "was" | "were" | "is" | "are" | "been" | "being"
        );
    let by = outside.get(k + 1).is_some_and(|w| &text[w.clone()] == "by")
        && joined(text, outside, k, k + 2);
    (passive && by)
        .then(|| after_source(text, outside, k + 2, quotes))
        .flatten()
}

/// Whether a cue is a participle ("…, adding that") that shares its clause's subject,
/// which it is unless a name stands right before it ("footage of Trump saying") or
/// "with" opens a subject of its own ("…, with a party spokeswoman saying").
fn is_participle(text: &str, outside: &[Word], k: usize, cue: &Cue) -> bool {
    let mut buf = [0u8; 32];
    let named_before = k > 0 && {
        let before = &text[outside[k - 1].clone()];
        is_capitalized(before)
            && !lexicon::is_calendar_word(&lower(before, &mut buf))
            && text[outside[k - 1].end..cue.word.start].trim().is_empty()
    };
    cue.verb.ends_with("ing")
        && cue.verb != "according"
        && !named_before
        && with_subject(text, outside, k).is_none()
}

/// "crews were being asked to fly shifts that left them “worn out”": the
/// subject of a passive cue is whom the words were put to, never their source ("was
/// quoted as saying" excepted: its subject is the speaker).
fn is_passive(text: &str, outside: &[Word], k: usize, cue: &Cue) -> bool {
    let mut buf = [0u8; 32];
    let be = |i: usize, buf: &mut [u8; 32]| {
        matches!(
            &*lower(&text[outside[i].clone()], buf),
            "was" | "were" | "been" | "being" | "is" | "are" | "be"
        )
    };
    let participle = cue.verb.ends_with("ed") || matches!(cue.verb, "told" | "said");
    // (a stance verb's participle is an adjective: "Tessa is opposed to the plan")
    participle
        && cue.kind == CueKind::Speech
        && cue.verb != "quoted"
        && k > 0
        && joined(text, outside, k - 1, k + 1)
        && (be(k - 1, &mut buf)
            || (k > 1
                && joined(text, outside, k - 2, k)
                && lexicon::is_verb_modifier(&lower(&text[outside[k - 1].clone()], &mut buf))
                && be(k - 2, &mut buf)))
}

/// Most words between "with" and the participle whose subject they are.
const MAX_WITH_WORDS: usize = 5;

/// "…, with one official saying the plan was “dead”": the noun phrase between "with"
/// and a participle cue is its subject, not the sentence's (a phrase of plain words,
/// no punctuation, no verb among them).
fn with_subject(text: &str, outside: &[Word], k: usize) -> Option<Range<usize>> {
    let with = (k.saturating_sub(MAX_WITH_WORDS + 1)..k.saturating_sub(1))
        .rev()
        .find(|&i| &text[outside[i].clone()] == "with")?;
    let phrase = &outside[with + 1..k];
    let plain = joined(text, outside, with, k + 1);
    let verbless = phrase.iter().all(|w| {
        let s = &text[w.clone()];
        is_capitalized(s) || (lexicon::cue_form(s).is_none() && !lexicon::is_clause_boundary(s))
    });
    (plain && verbless).then(|| phrase[0].start..phrase[phrase.len() - 1].end)
}

/// Whether a verb form that is as often something else speaks here: "states" and
/// "continued" report speech only before "that" or punctuation ("he continued, “…”"),
/// not as a noun ("member states") or before an infinitive ("would continue to press").
fn speaks_here(text: &str, outside: &[Word], k: usize, verb: &str) -> bool {
    if !lexicon::speaks_only_before_that(verb) {
        return true;
    }
    let Some(next) = outside.get(k + 1) else {
        return true;
    };
    let gap = &text[outside[k].end..next.start];
    gap.contains([',', ':', '"', '“', '.'])
        || (verb.starts_with("state") && &text[next.clone()] == "that")
}

/// Where the clause of each cue starts: after the last quotation or strong punctuation
/// before it. Cues come in order, so each gap of a sentence is looked at once.
#[derive(Debug, Default)]
struct Clause {
    /// The index of the first word of the current clause.
    first: usize,
    /// Gaps after words before this index have been looked at.
    scanned: usize,
}

impl Clause {
    /// The index of the first word of the clause holding word `k`.
    fn start(&mut self, text: &str, outside: &[Word], quotes: &[Range<usize>], k: usize) -> usize {
        let strong = |g: &str| {
            (g.bytes().any(|b| matches!(b, b';' | b':' | 0xE2)) && g.contains([';', ':', '—', '–']))
                || g.contains("--")
        };
        while self.scanned < k {
            let (a, b) = (&outside[self.scanned], &outside[self.scanned + 1]);
            let gap = &text[a.end..b.start];
            let quoted = || {
                let q = quotes.partition_point(|q| q.start < a.end);
                quotes.get(q).is_some_and(|q| q.end <= b.start)
            };
            if gap != " " && (strong(gap) || quoted()) {
                self.first = self.scanned + 1;
            }
            self.scanned += 1;
        }
        self.first
    }
}

#[cfg(test)]
mod tests;
