//! Automatic annotation: quotes, speakers, sides and positions.
//!
//! The pipeline runs paragraph by paragraph, so it is linear in the article:
//! quotation pairing ([`quotes`]), cues and their sources ([`cues`]), speakers and
//! coreference ([`speakers`], [`entities`]), attribution and positions ([`attribution`],
//! [`quote_speakers`], [`positions`]), then sides ([`parties`]). See docs/DETECTION.md.

mod affiliation;
mod appositive;
mod assign;
mod attribution;
mod bodies;
mod bytes;
mod candidates;
mod choice;
mod cues;
mod devolved_chamber;
mod discover;
mod entities;
pub mod evidence;
pub mod explain;
mod found;
pub mod gazetteer;
mod government_side;
mod governs;
mod home;
mod kinds;
mod labels;
pub mod lexicon;
mod named_after_role;
#[cfg(test)]
mod nations_tests;
mod opening;
pub mod parties;
mod passing_party;
mod politicians;
mod positions;
mod quote_speakers;
pub mod quotes;
mod reading;
mod roles;
mod side_kind;
mod side_words;
pub mod sides;
#[cfg(test)]
mod speaker_tests;
mod speakers;
mod stance;
#[cfg(test)]
mod story_tests;
mod subjects;
#[cfg(test)]
mod test_support;
mod units;
mod words;

use crate::article::Article;
use crate::model::{Annotations, ArticleInfo, Party};
use attribution::attribute;
use candidates::Candidates;
use entities::Entities;
use found::Findings;
pub use labels::slug;
use labels::{Drafts, Labels};
use opening::Opening;
use parties::{SideMatcher, countries};

/// Characters of context kept on each side of a span.
const CONTEXT_CHARS: usize = 32;

/// Finds the annotations of an article. `parties` fixes the sides; `None` infers them.
pub fn detect(article: &Article, parties: Option<&[Party]>) -> Annotations {
    detect_with_progress(article, parties, &mut |_| {})
}

/// [`detect`], telling `progress` how many bytes of the article text are done: a
/// growing count, reported about every 64 KiB and last with the text's length.
pub fn detect_with_progress(
    article: &Article,
    parties: Option<&[Party]>,
    progress: &mut dyn FnMut(usize),
) -> Annotations {
    let helpers = reading::helpers_for(article.text.len());
    detect_using(article, parties, helpers, progress)
}

/// [`detect_with_progress`] with `helpers` threads reading ahead of the walk: the
/// same annotations with any number.
fn detect_using(
    article: &Article,
    parties: Option<&[Party]>,
    helpers: usize,
    progress: &mut dyn FnMut(usize),
) -> Annotations {
    let text = &article.text;
    let (found, drafts) = std::thread::scope(|scope| {
        // the text's hash, which the store's header needs, is worked out meanwhile
        if helpers > 0 {
            scope.spawn(|| article.sha256());
        }
        let drafts =
            |findings: &Findings, entities: &Entities| Drafts::of(text, findings, entities);
        find(article, parties, helpers, progress, drafts)
    });
    let Detected {
        entities,
        findings,
        assigned,
        candidates,
    } = found;
    if helpers > 0 {
        // (freeing a large article's entities costs the thread a few milliseconds that
        // another one spends instead)
        std::thread::spawn(move || drop(entities));
    } else {
        drop(entities);
    }
    let chosen = assigned.chosen;
    let mut out = Annotations::new(ArticleInfo::of(article));
    out.parties = match parties {
        Some(p) => p.to_vec(),
        None => chosen
            .iter()
            .map(|&i| match assigned.government {
                Some(g) if g == i => {
                    let country = candidates.country(i).map(|c| &gazetteer::countries()[c]);
                    government_side::government_party(country)
                }
                _ => candidates.party(i),
            })
            .collect(),
    };
    let labels = Labels {
        chosen,
        parties: &out.parties,
        speaker_sides: assigned.speaker_sides,
    };
    out.speakers = labels.speakers(drafts.speakers);
    out.quotes = labels.quotes(drafts.quotes, &findings.quotes);
    out.positions = labels.positions(drafts.positions, &findings.positions);
    progress(text.len());
    out
}

/// What the detector finds before it writes annotations.
struct Detected {
    entities: Entities,
    findings: Findings,
    assigned: assign::Assigned,
    candidates: Candidates,
}

/// Finds quotations, speakers and positions, and decides the sides; `beside` is work on
/// the findings that needs no side, done on another thread while the sides are decided
/// when there are `helpers` (the deciding then runs on one thread, the gathering of
/// its clues before it on two).
fn find<T: Send>(
    article: &Article,
    parties: Option<&[Party]>,
    helpers: usize,
    progress: &mut dyn FnMut(usize),
    beside: impl FnOnce(&Findings, &Entities) -> T + Send,
) -> (Detected, T) {
    let text = article.text.as_str();
    let opening = Opening::of(text);
    let candidates = match parties {
        Some(p) => Candidates::given(p),
        None => Candidates::inferred(&opening, &article.structure),
    };
    let opening = opening.naming(&candidates.matcher);
    let matcher = &candidates.matcher;
    let mut entities = Entities::new();
    let structure = &article.structure;
    let split = opening.split();
    let mut findings = attribute(
        text,
        structure,
        matcher,
        split,
        &mut entities,
        helpers,
        progress,
    );
    let story = assign::Story {
        text,
        structure: &article.structure,
        parties,
        candidates: &candidates,
        opening: &opening,
        parallel: helpers > 0,
    };
    let clues = assign::clues(story, &findings, &entities);
    let (assigned, besides) = if helpers > 0 {
        std::thread::scope(|scope| {
            let besides = scope.spawn(|| beside(&findings, &entities));
            let assigned = assign::assign(story, &findings, &entities, clues);
            let besides = besides
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (assigned, besides)
        })
    } else {
        let assigned = assign::assign(story, &findings, &entities, clues);
        (assigned, beside(&findings, &entities))
    };
    for &(p, side) in &assigned.office_sides {
        findings.positions[p].side = Some(side);
    }
    let detected = Detected {
        entities,
        findings,
        assigned,
        candidates,
    };
    (detected, besides)
}

/// Why an article has its sides and each speaker its side: the candidates scored as
/// sides, and each speaker's clues and the model's inputs for each side of the story
/// (what `scripts/fit_sides.py` fits the weights on).
pub fn explain_sides(article: &Article, parties: Option<&[Party]>) -> explain::Explanation {
    let helpers = reading::helpers_for(article.text.len());
    let (found, ()) = find(article, parties, helpers, &mut |_| {}, |_, _| ());
    let ids = found.candidates.ids();
    explain::Explanation {
        candidate_features: choice::FEATURE_NAMES,
        candidates: explain::explain_candidates(&found.assigned, &found.candidates),
        speakers: explain::explain(
            &article.text,
            &found.entities,
            &found.findings,
            &found.assigned,
            &ids,
        ),
    }
}

/// Builds the tables every detection reads, each built once in a process: the
/// gazetteer and the matcher over its countries, the politicians, the words of sides,
/// and, when the sides are to be inferred (`inferring`), the matcher over the known
/// countries and parties. Why a function of its own: they take about 20 M instructions,
/// which a caller with another core idle while it loads the article (the `detect`
/// command), or while its first worker lists a folder (`detect DIR --save`), can spend
/// there meanwhile; detection builds what is not built yet.
pub fn build_tables(inferring: bool) {
    country_matcher();
    politicians::build_table();
    side_words::classes("");
    if inferring {
        candidates::known_matcher();
    }
}

/// The matcher over every country of the gazetteer, built once.
fn country_matcher() -> &'static SideMatcher {
    static MATCHER: std::sync::OnceLock<SideMatcher> = std::sync::OnceLock::new();
    MATCHER.get_or_init(|| {
        let names: Vec<Vec<String>> = countries()
            .iter()
            .map(|c| c.all_names().cloned().collect())
            .collect();
        SideMatcher::new(&names)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Source;

    /// About 300 KB of body paragraphs, each with a quotation and its speaker.
    fn long_article() -> Article {
        let mut text = String::from("A made-up headline for a long article\n\n");
        for n in 0..2000 {
            text.push_str(&format!(
                "“We will meet again on day {n},” Trade Minister Anna Berg said on \
                 Monday. The talks in Geneva covered tariffs, quotas and the rules \
                 of origin that both sides want to change before the summit.\n\n"
            ));
        }
        Article::from_bytes(Source::Stdin, text.as_bytes())
    }

    #[test]
    fn progress_grows_in_steps_and_ends_at_the_text_length() {
        let article = long_article();
        let mut reports = Vec::new();
        let found = detect_with_progress(&article, None, &mut |done| reports.push(done));
        assert!(reports.len() > 3, "{reports:?}");
        assert!(reports.windows(2).all(|w| w[0] <= w[1]), "{reports:?}");
        assert_eq!(reports.last(), Some(&article.text.len()));
        // About every 64 KiB: never two reports closer than a step, but the last.
        let steps = &reports[..reports.len() - 1];
        assert!(
            steps
                .windows(2)
                .all(|w| w[1] - w[0] >= attribution::PROGRESS_STEP)
        );
        assert_eq!(found, detect(&article, None));
    }

    #[test]
    fn the_annotations_are_the_same_with_any_number_of_threads() {
        let article = long_article();
        let alone = detect_using(&article, None, 0, &mut |_| {});
        assert!(alone.quotes.len() >= 2000 && !alone.speakers.is_empty());
        for helpers in [1, 3] {
            assert_eq!(detect_using(&article, None, helpers, &mut |_| {}), alone);
        }
    }

    #[test]
    fn the_sides_are_the_same_with_the_clues_gathered_on_two_threads() {
        // (a short story is read on one thread; its clues are gathered on two when
        // there are helpers: the stances and their clues apart from the rest)
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sides");
        let mut sided = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "txt") {
                continue;
            }
            let article = Article::from_bytes(Source::Stdin, &std::fs::read(&path).unwrap());
            let alone = detect_using(&article, None, 0, &mut |_| {});
            sided += usize::from(alone.speakers.iter().any(|s| s.party.is_some()));
            let apart = detect_using(&article, None, 1, &mut |_| {});
            assert_eq!(apart, alone, "{}", path.display());
        }
        assert!(sided >= 10, "{sided}");
    }

    #[test]
    fn progress_on_a_short_article_is_one_report_of_its_length() {
        let article = Article::bundled();
        let mut reports = Vec::new();
        detect_with_progress(&article, None, &mut |done| reports.push(done));
        assert_eq!(reports, vec![article.text.len()]);
    }
}
