//! Sides: matching the names of sides (the gazetteer's countries, or the story's given
//! parties) against phrases. [`super::sides`] maps them to the parties of the story.

use super::gazetteer::is_compass;
pub use super::gazetteer::{Country, countries};
use super::lexicon::WordMap;
use spans::{WordSpans, word_spans};

mod spans;

/// A key for comparing names: dots dropped, curly apostrophes straightened, a final
/// possessive removed ("U.S." = "US", "China’s" = "China").
pub fn name_key(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fill_key(word, &mut out);
    out
}

/// [`name_key`] into a reused buffer.
fn fill_key(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        match c {
            '.' => {}
            '’' => out.push('\''),
            c => out.push(c),
        }
    }
    if out.ends_with("'s") {
        out.truncate(out.len() - 2);
    } else if out.ends_with('\'') {
        out.truncate(out.len() - 1);
    }
}

/// [`name_key`] without allocating for the common plain word.
fn key_of<'a>(word: &'a str, buf: &'a mut String) -> &'a str {
    if word.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        word
    } else {
        fill_key(word, buf);
        buf
    }
}

/// Whether a word starts with a capital letter, without decoding an ASCII one.
fn starts_upper(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => word.starts_with(char::is_uppercase),
    }
}

/// Whether a phrase has a capital letter, without decoding its ASCII part: an ASCII
/// capital is looked for first, and found early in most phrases (a story's opening
/// was read whole to tell it was all ASCII before its first capital was looked at);
/// only a phrase with none and some wider character is decoded.
fn has_upper(phrase: &str) -> bool {
    phrase.bytes().any(|b| b.is_ascii_uppercase())
        || (!phrase.is_ascii() && phrase.contains(char::is_uppercase))
}

/// A filter over a set of word keys: one bit for each of their [`FirstKeys::slot`]s,
/// so that a word whose bit is clear is in no set, told without hashing it (a set bit
/// says only that the word may be there).
#[derive(Debug, Clone, Default)]
struct FirstKeys {
    bits: Vec<u64>,
}

impl FirstKeys {
    /// Most bits in a filter: a few thousand keys (the gazetteer's) set some 5 % of
    /// them.
    const MAX_BITS: usize = 1 << 16;
    /// Bits per key, up to the most: a story's own matcher, built for every article
    /// of a folder, has a few dozen keys, and a filter of a few hundred bytes for them
    /// spares the allocation and clearing of 8 KiB each time.
    const BITS_PER_KEY: usize = 64;

    fn of<'a>(keys: impl ExactSizeIterator<Item = &'a String>) -> FirstKeys {
        let wanted = (keys.len() * Self::BITS_PER_KEY).next_power_of_two();
        let mut bits = vec![0u64; wanted.clamp(64, Self::MAX_BITS) / 64];
        let filter_bits = bits.len() * 64;
        for key in keys {
            let slot = Self::slot(key, filter_bits);
            bits[slot / 64] |= 1 << (slot % 64);
        }
        FirstKeys { bits }
    }

    /// A key's bit among `filter_bits` (a power of two), from its length and its
    /// first, second and last bytes.
    fn slot(key: &str, filter_bits: usize) -> usize {
        let b = key.as_bytes();
        let byte = |i: usize| usize::from(b.get(i).copied().unwrap_or(0));
        let last = b.len().checked_sub(1).map_or(0, byte);
        (byte(0) << 8 ^ byte(1) << 3 ^ last ^ b.len() << 11) & (filter_bits - 1)
    }

    /// Whether `key` may be one of the keys (never false for one of them).
    fn may_hold(&self, key: &str) -> bool {
        if self.bits.is_empty() {
            return false;
        }
        let slot = Self::slot(key, self.bits.len() * 64);
        self.bits[slot / 64] >> (slot % 64) & 1 == 1
    }
}

/// A set of bytes.
#[derive(Debug, Clone, Copy, Default)]
struct ByteSet([u64; 4]);

impl ByteSet {
    fn add(&mut self, b: u8) {
        self.0[usize::from(b / 64)] |= 1 << (b % 64);
    }

    fn add_all(&mut self, other: &ByteSet) {
        for (mine, theirs) in self.0.iter_mut().zip(other.0) {
            *mine |= theirs;
        }
    }

    fn holds(&self, b: u8) -> bool {
        self.0[usize::from(b / 64)] >> (b % 64) & 1 == 1
    }

    /// The bytes in the set, in order: read from the set bits of each word (a story's
    /// own matcher asks this as it is built, for every article).
    fn bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for (k, &word) in self.0.iter().enumerate() {
            let mut rest = word;
            while rest != 0 {
                // (k < 4 and a bit's index < 64: the byte fits)
                out.push((64 * k + rest.trailing_zeros() as usize) as u8);
                rest &= rest - 1;
            }
        }
        out
    }
}

/// How many first bytes of names in lower case the matcher still passes over words
/// eight bytes at a time with (each is one more test of every eight bytes).
const SKIPPED_STARTS: usize = 4;

/// One name of a side, by the keys of its words.
#[derive(Debug, Clone)]
struct Entry {
    /// The word keys of the name.
    keys: Vec<String>,
    /// The side it names.
    side: usize,
    /// A one-word name that is also an ordinary word or a person's name ("Jordan"):
    /// it counts only where no other capitalised word runs into it.
    ambiguous: bool,
}

/// Matches side names in phrases. Built once per article for its own sides, over the
/// whole gazetteer's matcher built once per process.
#[derive(Debug, Clone, Default)]
pub struct SideMatcher {
    /// First word key → the names starting with it, longest first.
    entries: WordMap<String, Vec<Entry>>,
    /// The first word keys' [`FirstKeys`] bits: most capitalised words of a text start
    /// no name, and are told so without hashing them.
    first_keys: FirstKeys,
    /// The first bytes of the names that start with a lower-case word: a word in lower
    /// case that starts with none of them starts no name, told without hashing it.
    lower_starts: ByteSet,
    /// The bytes of `lower_starts`: the words that start with none of them and hold
    /// no capital are jumped over, eight bytes at a time, unless `word_by_word`.
    lower_start_bytes: Vec<u8>,
    /// Whether so many names start in lower case that the words are best read one by
    /// one instead.
    word_by_word: bool,
    /// A matcher whose sides come after this one's own (numbered from `own`): a name
    /// both know goes to the longer match, and on a tie to this one.
    base: Option<&'static SideMatcher>,
    /// How many sides are this matcher's own.
    own: usize,
}

impl SideMatcher {
    /// A matcher over `sides` (each a list of names) and then the sides of `base`,
    /// numbered after them.
    pub fn layered(sides: &[Vec<String>], base: &'static SideMatcher) -> SideMatcher {
        let mut m = SideMatcher::new(sides);
        m.add_lower_starts(&base.lower_starts);
        m.base = Some(base);
        m.own = sides.len();
        m
    }

    /// The longest name that starts at the word `w` (the rest of the phrase in
    /// `rest`), own names first on a tie; as (its length in words, its side).
    fn longest_at(
        &self,
        phrase: &str,
        key: &str,
        rest: &WordSpans<'_>,
        other: &mut String,
    ) -> Option<(usize, usize, bool)> {
        fn matching<'m>(
            m: &'m SideMatcher,
            phrase: &str,
            key: &str,
            rest: &WordSpans<'_>,
            other: &mut String,
        ) -> Option<&'m Entry> {
            if !m.first_keys.may_hold(key) {
                return None;
            }
            m.entries.get(key).and_then(|list| {
                list.iter().find(|e| {
                    let mut rest = rest.clone();
                    e.keys[1..]
                        .iter()
                        .all(|k| rest.next().is_some_and(|r| k == key_of(&phrase[r], other)))
                })
            })
        }
        let own =
            matching(self, phrase, key, rest, other).map(|e| (e.keys.len(), e.side, e.ambiguous));
        let base = self
            .base
            .and_then(|b| matching(b, phrase, key, rest, other))
            .map(|e| (e.keys.len(), self.own + e.side, e.ambiguous));
        match (own, base) {
            (Some(o), Some(b)) if b.0 > o.0 => Some(b),
            (Some(o), _) => Some(o),
            (None, b) => b,
        }
    }

    /// A matcher over `sides`, each a list of names.
    pub fn new(sides: &[Vec<String>]) -> SideMatcher {
        let ambiguous = &super::gazetteer::gazetteer().ambiguous;
        let mut entries: WordMap<String, Vec<Entry>> = WordMap::default();
        let mut lower_starts = ByteSet::default();
        for (side, names) in sides.iter().enumerate() {
            for name in names {
                let keys: Vec<String> = word_spans(name).map(|r| name_key(&name[r])).collect();
                if let Some(first) = keys.first() {
                    if !first.starts_with(char::is_uppercase) {
                        if let Some(&b) = first.as_bytes().first() {
                            lower_starts.add(b);
                        }
                    }
                    let entry = Entry {
                        ambiguous: keys.len() == 1 && ambiguous.contains(&first.to_lowercase()),
                        keys: keys.clone(),
                        side,
                    };
                    entries.entry(first.clone()).or_default().push(entry);
                }
            }
        }
        for list in entries.values_mut() {
            // stable: among names of one length, the side listed first wins
            list.sort_by_key(|e| std::cmp::Reverse(e.keys.len()));
        }
        let mut m = SideMatcher {
            first_keys: FirstKeys::of(entries.keys()),
            entries,
            lower_starts: ByteSet::default(),
            lower_start_bytes: Vec::new(),
            word_by_word: false,
            base: None,
            own: sides.len(),
        };
        m.add_lower_starts(&lower_starts);
        m
    }

    /// Adds first bytes of names that start in lower case, and what is told from them.
    fn add_lower_starts(&mut self, more: &ByteSet) {
        self.lower_starts.add_all(more);
        self.lower_start_bytes = self.lower_starts.bytes();
        self.word_by_word = self.lower_start_bytes.len() > SKIPPED_STARTS;
    }

    /// The sides named in `phrase`, in order, as (byte offset in phrase, side).
    /// A name after "anti-" does not count.
    pub fn find(&self, phrase: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        self.scan(phrase, |at, side| {
            out.push((at, side));
            false
        });
        out
    }

    /// Whether one word is (the start of) a side's name.
    pub fn starts_name(&self, word: &str) -> bool {
        let mut buf = String::new();
        let key = key_of(word, &mut buf);
        (self.first_keys.may_hold(key) && self.entries.contains_key(key))
            || self.base.is_some_and(|b| b.starts_name(word))
    }

    /// Whether one word is by itself a side's name ("U.S." is; "New" is not).
    fn is_whole_name(&self, word: &str) -> bool {
        let mut buf = String::new();
        self.entries
            .get(key_of(word, &mut buf))
            .is_some_and(|list| list.iter().any(|e| e.keys.len() == 1))
            || self.base.is_some_and(|b| b.is_whole_name(word))
    }

    /// Whether `phrase` is, word for word, one side's name (a union given as a side),
    /// rather than a name that holds a side's name ("Norwegian Seafarers' Union").
    pub fn is_name(&self, phrase: &str) -> bool {
        let mut words = word_spans(phrase);
        let Some(first) = words.next() else {
            return false;
        };
        let total = 1 + words.clone().count();
        let (mut buf, mut other) = (String::new(), String::new());
        let key = key_of(&phrase[first], &mut buf);
        self.longest_at(phrase, key, &words, &mut other)
            .is_some_and(|(len, _, _)| len == total)
    }

    /// The first side named in `phrase`.
    pub fn first(&self, phrase: &str) -> Option<usize> {
        let mut found = None;
        self.scan(phrase, |_, side| {
            found = Some(side);
            true
        });
        found
    }

    /// Calls `hit` with each match until it returns true.
    fn scan(&self, phrase: &str, mut hit: impl FnMut(usize, usize) -> bool) {
        if self.lower_start_bytes.is_empty() && !has_upper(phrase) {
            return;
        }
        let (mut key, mut other) = (String::new(), String::new());
        let mut words = word_spans(phrase);
        let mut previous: Option<std::ops::Range<usize>> = None;
        loop {
            // (the words in lower case that start no name are jumped over, and one
            // passed is no word before a name that counts, as no capital starts it)
            if !self.word_by_word && words.skip_to_capital(&self.lower_start_bytes) {
                previous = None;
            }
            let Some(r) = words.next() else { break };
            let before = previous.replace(r.clone());
            let w = &phrase[r.clone()];
            // (a word keeps its first byte in its key: one in lower case that starts
            // no name in lower case matches nothing)
            if !starts_upper(w) && !self.lower_starts.holds(w.as_bytes()[0]) {
                continue;
            }
            let key = key_of(w, &mut key);
            let Some((len, side, ambiguous)) = self.longest_at(phrase, key, &words, &mut other)
            else {
                continue;
            };
            if len == 1 && is_region_or_origin(phrase, before.as_ref(), &words) {
                continue;
            }
            // A one-word name after a first name is a surname ("Ray Cuban", "Kay
            // Georgia"); an ambiguous one also before a surname ("Chad Rivers").
            let after = words.clone().next().filter(|_| ambiguous);
            if len == 1 && self.runs_into_a_name(phrase, before, r.clone(), after) {
                continue;
            }
            let at = r.start;
            let negated = at >= 5
                && phrase.is_char_boundary(at - 5)
                && phrase[at - 5..at].eq_ignore_ascii_case("anti-");
            if !negated && hit(at, side) {
                return;
            }
            for _ in 1..len {
                previous = words.next();
            }
        }
    }

    /// Whether the word before or after an ambiguous name is a capitalised word that
    /// is neither a side's name nor a word that starts sentences: then the name is
    /// part of a person's or company's name ("Michael Jordan", "Chad Smith"). A
    /// possessive ("India's Foreign Ministry") or a title after the name ("India
    /// Foreign Secretary") keeps it a country.
    fn runs_into_a_name(
        &self,
        phrase: &str,
        before: Option<std::ops::Range<usize>>,
        name: std::ops::Range<usize>,
        after: Option<std::ops::Range<usize>>,
    ) -> bool {
        let is_name_word = |r: std::ops::Range<usize>| {
            let mut buf = [0u8; 32];
            let w = &phrase[r];
            let mut chars = w.chars();
            let title_case = chars.next().is_some_and(char::is_uppercase)
                && chars.next().is_some_and(char::is_lowercase);
            let lower = super::words::lower(w, &mut buf);
            title_case
                && !self.is_whole_name(w)
                && !super::lexicon::is_sentence_word(&lower)
                && !super::lexicon::is_title(&lower)
                && !super::lexicon::is_body_head(&lower)
        };
        let name = &phrase[name];
        let possessive = name.ends_with("'s") || name.ends_with("’s");
        before.is_some_and(&is_name_word) || (!possessive && after.is_some_and(is_name_word))
    }
}

/// Whether a one-word name, by the words around it, is a people wider or narrower than
/// a country's.
fn is_region_or_origin(
    phrase: &str,
    before: Option<&std::ops::Range<usize>>,
    words: &WordSpans<'_>,
) -> bool {
    // "North American", "Latin American": a region's people, not a country's
    before.is_some_and(|b| is_compass(&phrase[b.clone()]))
        // "Cuban Americans", "a Korean American group": Americans of that origin, not
        // the country's people
        || words
            .clone()
            .next()
            .is_some_and(|n| matches!(&phrase[n], "American" | "Americans"))
}

#[cfg(test)]
mod tests;
