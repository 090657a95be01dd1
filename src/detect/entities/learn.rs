//! Names learnt as the article passes, before anyone quotes them: full names (so that a
//! surname alone finds its person), the titles met before them ("the home secretary" is
//! "Home Secretary Ann Verity"), and bodies by their head noun ("the union").

use super::super::lexicon;
use super::super::parties::{SideMatcher, name_key};
use super::super::speakers::{
    NpKind, RunKind, SourceNp, capital_runs, classify_run, clean_name, is_honorific, is_role_noun,
    without_article,
};
use super::super::words::lower;
use super::beside::description_beside;
use super::descriptions::{holds_role_noun, same_rank};
use super::{Entities, EntityKind, KnownName};
use std::ops::Range;

impl Entities {
    /// Learns the full names of the people named with two or more words among `ws`, so
    /// that a later surname alone ("Lee") finds them ("Taiwanese President Lin Cheng-wei").
    pub fn learn_names(&mut self, text: &str, ws: &[Range<usize>], sides: &SideMatcher) {
        for run in capital_runs(text, ws) {
            if run.len() < 2 {
                continue;
            }
            // A name already learnt is not read again.
            if self.full_names.contains_key(&text[ws[run.end - 1].clone()]) {
                continue;
            }
            let whole = ws[run.start].start..ws[run.end - 1].end;
            let run_text = &text[whole.clone()];
            // Once a run has been read, its person is known (or it names none): all it
            // tells again is that its body is the latest with its head noun.
            if let Some(body) = self.runs_seen.get(run_text) {
                if let Some(body) = body.clone() {
                    self.learn_body(&run_text[body]);
                }
                continue;
            }
            let kind = classify_run(text, &ws[run], sides);
            let body = match &kind {
                RunKind::Body(r) => Some(r.start - whole.start..r.end - whole.start),
                _ => None,
            };
            if self.runs_seen.len() >= self.cache_limit {
                self.runs_seen.clear();
            }
            if self.cache_limit > 0 {
                self.runs_seen.insert(run_text.to_string(), body.clone());
            }
            if let Some(body) = body {
                self.learn_body(&run_text[body]);
            }
            if let RunKind::Person(name) = kind {
                self.learn_person(text, whole, name, sides);
            }
        }
    }

    /// Learns one person named in full by the run `whole` (`name` without its title):
    /// by surname and first name, with the title before it or the description beside it.
    fn learn_person(
        &mut self,
        text: &str,
        whole: Range<usize>,
        name: Range<usize>,
        sides: &SideMatcher,
    ) {
        let n = clean_name(&text[name.clone()]);
        let parts: Vec<&str> = n.split_whitespace().collect();
        let (true, Some(first), Some(last)) =
            ((2..=4).contains(&parts.len()), parts.first(), parts.last())
        else {
            return;
        };
        let last = name_key(last);
        let first = name_key(first);
        if self.full_names.contains_key(&last) && self.first_names.contains_key(&first) {
            return;
        }
        // the title before the name, if it is more than an honorific
        let title = clean_name(&text[whole.start..name.start]);
        let known = KnownName {
            title: (!title.is_empty() && !is_honorific(&title.to_lowercase())).then_some(title),
            name: n.clone(),
            side: sides
                .first(&text[whole.start..name.start])
                .or_else(|| super::super::appositive::appositive_side(text, whole.end, sides)),
        };
        self.index_title(&known);
        // (a description beside the name, when no title before it holds a role: "Ivan
        // Dorsk, a veteran envoy," is "the envoy")
        if !known.title.as_deref().is_some_and(holds_role_noun) {
            let description = description_beside(text, whole.clone());
            self.index_title(&KnownName {
                title: description,
                ..known.clone()
            });
        }
        self.learn_surname(last, &known);
        self.first_names.entry(first).or_insert(known);
    }

    /// Remembers a full name by its surname, and by the surname without its article
    /// ("Harazi" of "Ali al-Harazi"), which a second mention often drops.
    fn learn_surname(&mut self, surname: String, known: &KnownName) {
        if let Some(bare) = without_article(&surname) {
            let bare = bare.to_string();
            self.full_names.entry(bare).or_insert_with(|| known.clone());
        }
        self.full_names
            .entry(surname)
            .or_insert_with(|| known.clone());
    }

    /// A source that is one capitalised word the reader takes for a common one ("Read
    /// said", "Will described", "From said", "Early told") is the person whose full name
    /// ends with it, when the article has named one ("Amy Read", "Tom Will"): read
    /// alone, such a word opens many a sentence and names nobody.
    pub fn surname_alone(&mut self, text: &str, range: Range<usize>) -> Option<usize> {
        let word = &text[range.clone()];
        let capitalised = word.len() >= 2
            && word.starts_with(|c: char| c.is_ascii_uppercase())
            && word[1..].bytes().all(|b| b.is_ascii_lowercase());
        // (a weekday or month is never one: "Jo Bell on Monday" is no full name)
        if !capitalised || lexicon::is_calendar_word(&word.to_ascii_lowercase()) {
            return None;
        }
        // (every word of the full name capitalised: no particle joins it to a date)
        let key = name_key(word);
        let full = |name: &str| {
            name.contains(' ')
                && name.rsplit(' ').next() == Some(word)
                && name.split(' ').all(|w| w.starts_with(char::is_uppercase))
        };
        let named = self.full_names.get(&key).is_some_and(|k| full(&k.name))
            || self
                .by_last
                .get(&key)
                .is_some_and(|people| people.iter().any(|&i| full(&self.list[i].name)));
        if !named {
            return None;
        }
        let np = SourceNp {
            kind: NpKind::Person,
            span: 0..word.len(),
            name: word.to_string(),
            role: None,
            side: None,
        };
        self.resolve_read(text, range, &np)
    }

    /// Remembers a body's name of two words or more by its head noun ("Transport
    /// Workers Union" by "union"), so that "the union said" is that union.
    fn learn_body(&mut self, name: &str) {
        // (the name proper follows its last "the": "Members of the Harbour Union")
        let name = clean_name(name.rsplit_once(" the ").map_or(name, |(_, n)| n));
        let mut words = name.split_whitespace();
        let Some(head) = words.next_back() else {
            return;
        };
        let head = head.to_lowercase();
        if words.next().is_some() && lexicon::is_body_head(&head) {
            self.by_body_head.insert(head, name);
        }
    }

    /// The body named earlier whose head noun a definite description has ("the union"
    /// after "the Transport Workers Union"), as an entity.
    pub(super) fn named_body(&mut self, head: &str, np: &SourceNp) -> Option<usize> {
        let name = self.by_body_head.get(head)?.clone();
        let i = match self.by_name.get(&*lower(&name, &mut [0u8; 32])) {
            Some(&i) => i,
            None => self.push(name, np, EntityKind::Body),
        };
        self.add_head(i, head);
        Some(i)
    }

    /// Remembers the role nouns of a known name's title, so that a description with
    /// one of them finds the name ([`Entities::titled_known`]).
    fn index_title(&mut self, known: &KnownName) {
        let Some(title) = &known.title else { return };
        for w in title
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric() && c != '-')
        {
            if is_role_noun(w) {
                self.by_title.insert(w.to_string(), known.clone());
            }
        }
    }

    /// The person whose title, met before their full name, holds every word of a
    /// definite description ("the home secretary" after "Home Secretary Ann Verity"
    /// said nothing yet), not "the shadow home secretary".
    pub(super) fn titled_known(&mut self, head: &str, np: &SourceNp) -> Option<usize> {
        let known = self.by_title.get(head)?;
        let title = known.title.as_deref()?.to_lowercase();
        let title_words: Vec<&str> = title.split_whitespace().collect();
        let fits = same_rank(&np.name, &title)
            && np
                .name
                .to_lowercase()
                .split_whitespace()
                .all(|w| title_words.contains(&w) || w == "former");
        if !fits {
            return None;
        }
        let known = known.clone();
        let i = match self.by_name.get(&*lower(&known.name, &mut [0u8; 32])) {
            Some(&i) => i,
            None => {
                let i = self.push(known.name.clone(), np, EntityKind::Person);
                self.list[i].side = self.list[i].side.or(known.side);
                i
            }
        };
        if self.list[i].role.is_none() {
            self.set_role(i, known.title.unwrap_or_default());
        }
        Some(i)
    }
}

#[cfg(test)]
mod tests {
    use super::super::Entities;
    use super::super::TEST_CACHE_LIMIT;
    use crate::detect::speakers::read_source;
    use crate::detect::speakers::tests::matcher;

    #[test]
    fn a_body_named_again_is_the_latest_with_its_head_noun_whatever_is_cached() {
        let m = matcher();
        let text = "Negotiators met the Transport Workers Union on Monday. \
            Negotiators met the Teachers Union on Tuesday. \
            Negotiators met the Transport Workers Union again on Wednesday. the union";
        for limit in [0, 1, 4096] {
            TEST_CACHE_LIMIT.with(|c| c.set(Some(limit)));
            let mut e = Entities::new();
            TEST_CACHE_LIMIT.with(|c| c.set(None));
            let ws = crate::detect::words::words(text, 0..text.len() - 10);
            for sentence in ws.split(|w| text[w.end..].starts_with('.')) {
                e.learn_names(text, sentence, &m);
            }
            let union = e.resolve(&read_source(text, text.len() - 9..text.len(), &m).unwrap());
            assert_eq!(
                union.map(|i| e.list[i].name.as_str()),
                Some("Transport Workers Union"),
                "cache of {limit}"
            );
        }
    }
}
