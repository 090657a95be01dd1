//! Why a story has its sides and each speaker its side, for `parley detect --explain`
//! and for fitting the weights: read from the finished detection, after every stage,
//! so no stage has to know about it.

use super::evidence::{Explained, Target};

/// A candidate side as the choice of the story's sides saw it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ExplainedCandidate {
    /// Its party id.
    pub id: String,
    /// Its names.
    pub names: Vec<String>,
    /// Its features, in the order of [`super::choice::FEATURE_NAMES`].
    pub features: [f32; super::choice::FEATURES],
    /// The model's score.
    pub score: f32,
    /// Whether it was chosen.
    pub chosen: bool,
}

/// Why a story has its sides and each speaker its side.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Explanation {
    /// The names of the features of a candidate.
    pub candidate_features: [&'static str; super::choice::FEATURES],
    /// The candidates scored, when the sides were inferred.
    pub candidates: Vec<ExplainedCandidate>,
    /// Each speaker's evidence.
    pub speakers: Vec<Explained>,
}

/// The candidates scored by the choice of sides.
pub fn explain_candidates(
    assigned: &super::assign::Assigned,
    candidates: &super::candidates::Candidates,
) -> Vec<ExplainedCandidate> {
    assigned
        .scored
        .iter()
        .map(|s| {
            let party = candidates.party(s.side);
            ExplainedCandidate {
                names: std::iter::once(party.name.clone())
                    .chain(party.aliases)
                    .collect(),
                id: party.id,
                features: s.features,
                score: s.score,
                chosen: assigned.chosen.contains(&s.side),
            }
        })
        .collect()
}

/// The evidence of every speaker, with `ids` naming the candidate sides.
pub fn explain(
    text: &str,
    entities: &super::entities::Entities,
    findings: &super::found::Findings,
    assigned: &super::assign::Assigned,
    ids: &[String],
) -> Vec<Explained> {
    let ev = &assigned.evidence;
    let id = |s: usize| ids.get(s).cloned().unwrap_or_default();
    entities
        .list
        .iter()
        .enumerate()
        .filter(|(_, e)| e.speaks)
        .map(|(i, e)| Explained {
            speaker: e.name.clone(),
            role: e.role.clone(),
            quotes: findings
                .quotes
                .iter()
                .filter(|q| q.speaker == Some(i))
                .map(|q| text[q.range.clone()].to_string())
                .collect(),
            clues: ev
                .of(i)
                .iter()
                .map(|(target, clue)| match target {
                    Target::Side(s) => format!("{clue:?} {}", id(*s)),
                    other => format!("{clue:?} {other:?}"),
                })
                .collect(),
            sides: assigned
                .chosen
                .iter()
                .map(|&s| {
                    let x = ev.features(i, s, &assigned.roles, &assigned.chosen);
                    (id(s), x, ev.score(i, s, &assigned.roles, &assigned.chosen))
                })
                .collect(),
            side: assigned.speaker_sides[i].map(id),
        })
        .collect()
}
