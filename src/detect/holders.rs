//! Offices told by what is near a speaker rather than by its own title: a spokesman
//! introduced with no owner right after a body spoke ("Downing Street said … “…,” a
//! spokesman said") speaks for that body, so the body's clues are also the spokesman's.

use super::entities::{Entities, EntityKind};
use super::evidence::{Clue, Evidence, Target};
use super::found::Findings;
use super::lexicon;
use crate::article::Structure;

/// Paragraphs back, the spokesman's own included, in which the body it speaks for is
/// looked for.
const BODY_PARAGRAPHS: usize = 2;

/// Gives each spokesperson named by nothing but the noun ("a spokesman", "the
/// spokeswoman"), about whom nothing else points at a side, the clues of the body
/// whose statement came last before its first quotation or position, in its paragraph
/// or the one before.
pub fn spokesman_clues(
    structure: &Structure,
    findings: &Findings,
    entities: &Entities,
    evidence: &mut Evidence,
) {
    let statements = statements(findings);
    for (i, e) in entities.list.iter().enumerate() {
        let bare = e.speaks
            && e.kind == EntityKind::Person
            && !e.name.contains(' ')
            && lexicon::is_spokesperson(&e.name.to_lowercase());
        let told = evidence
            .of(i)
            .iter()
            .any(|&(t, c)| !matches!((t, c), (Target::Home, Clue::Dateline)));
        if !bare || told {
            continue;
        }
        let Some(&(first, _)) = statements.iter().find(|&&(_, s)| s == i) else {
            continue;
        };
        let Some(body) = body_before(structure, entities, &statements, first) else {
            continue;
        };
        let clues = evidence.of(body).to_vec();
        for (target, clue) in clues {
            evidence.add(i, target, clue);
        }
    }
}

/// Where each attributed quotation and position starts and who said it, in order.
fn statements(findings: &Findings) -> Vec<(usize, usize)> {
    let quotes = findings
        .quotes
        .iter()
        .filter_map(|q| Some((q.range.start, q.speaker?)));
    let positions = findings
        .positions
        .iter()
        .filter_map(|p| Some((p.range.start, p.speaker?)));
    let mut all: Vec<(usize, usize)> = quotes.chain(positions).collect();
    all.sort_unstable();
    all
}

/// The body that made the last statement before byte `at`, within
/// [`BODY_PARAGRAPHS`] paragraphs, when no person spoke between.
fn body_before(
    structure: &Structure,
    entities: &Entities,
    statements: &[(usize, usize)],
    at: usize,
) -> Option<usize> {
    let paragraph = structure.paragraphs.partition_point(|p| p.range.end <= at);
    let from = structure
        .paragraphs
        .get(paragraph.saturating_sub(BODY_PARAGRAPHS - 1))
        .map_or(0, |p| p.range.start);
    let (_, last) = statements
        .iter()
        .take_while(|&&(start, _)| start < at)
        .filter(|&&(start, _)| start >= from)
        .last()?;
    (entities.list.get(*last)?.kind == EntityKind::Body).then_some(*last)
}

#[cfg(test)]
mod tests {
    use crate::article::{Article, Source};
    use crate::model::Party;

    #[test]
    fn a_spokesman_after_a_body_speaks_for_it() {
        let story = "Row over pensions\n\n\
            The Labour government will raise the pension age.\n\n\
            Downing Street said the plan was fully costed. \"Every pound is accounted \
            for,\" a spokesman said.\n\n\
            \"It is a broken promise,\" said Tory leader Anne Grey.\n\n\
            \"Nobody was asked,\" a spokeswoman said.\n";
        let party = |id: &str, name: &str| Party {
            id: id.into(),
            name: name.into(),
            ..Default::default()
        };
        let parties = [party("labour", "Labour"), party("con", "Conservatives")];
        let article = Article::from_bytes(Source::Stdin, story.as_bytes());
        let found = crate::detect::detect(&article, Some(&parties));
        let sides: Vec<Option<&str>> = found.quotes.iter().map(|q| q.party.as_deref()).collect();
        // the spokeswoman follows a person, not a body: nothing says whose she is
        assert_eq!(sides, [Some("labour"), Some("con"), None]);
    }
}
