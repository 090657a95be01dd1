//! The three-way merge on small stores: both sides' work kept, fresh ids where new
//! annotations clash, conflicts where a field changed two ways, references kept whole.

use super::*;
use crate::model::{Origin, Status};
use crate::store::schema::parse;

const TEXT: &str = "Ann said “we win” and Bo said “we lose”. The plan is good, Cy says.";

const BASE: &str = r#"version = 1

[article]
sha256 = "abc"
bytes = 75

[[party]]
id = "x"
name = "X"

[[party]]
id = "y"
name = "Y"

[[speaker]]
id = "ann"
name = "Ann"
party = "x"

[[quote]]
id = "q1"
start = 9
end = 21
text = "“we win”"
speaker = "ann"
status = "suggested"

[[quote]]
id = "q2"
start = 34
end = 47
text = "“we lose”"
status = "suggested"
"#;

fn store(text: &str) -> Annotations {
    let a = parse(text, "test").unwrap();
    assert!(
        validate(&a, Some(TEXT)).is_empty(),
        "{:?}",
        validate(&a, Some(TEXT))
    );
    a
}

/// The base with `edit` applied to its text.
fn changed(edit: impl Fn(&mut Annotations)) -> Annotations {
    let mut a = store(BASE);
    edit(&mut a);
    a
}

fn quote(id: &str, from: &str, to: &str) -> crate::model::Quote {
    let start = TEXT.find(from).unwrap();
    let end = TEXT.find(to).unwrap() + to.len();
    let mut q = store(BASE).quotes[0].clone();
    (q.id, q.start, q.end, q.text) = (id.into(), start, end, TEXT[start..end].into());
    (q.speaker, q.origin, q.status) = (None, Origin::Manual, Status::Accepted);
    q
}

fn find<'a>(a: &'a Annotations, id: &str) -> &'a crate::model::Quote {
    a.quotes.iter().find(|q| q.id == id).unwrap()
}

#[test]
fn each_sides_decision_and_new_quote_are_kept_under_different_ids() {
    let ours = changed(|a| {
        a.quotes[0].status = Status::Accepted;
        a.quotes.push(quote("q3", "Bo", "Bo"));
    });
    let theirs = changed(|a| {
        a.quotes[1].status = Status::Rejected;
        a.quotes.push(quote("q3", "The", "good"));
    });
    let m = merge(&store(BASE), &ours, &theirs).unwrap();
    let a = &m.annotations;
    assert_eq!(m.conflicts, 0);
    assert!(a.conflicts.is_empty());
    assert_eq!(find(a, "q1").status, Status::Accepted);
    assert_eq!(find(a, "q2").status, Status::Rejected);
    assert_eq!(find(a, "q3").text.as_str(), "Bo");
    assert_eq!(find(a, "q4").text.as_str(), "The plan is good");
    assert_eq!(a.quotes.len(), 4);
    assert!(validate(a, Some(TEXT)).is_empty());
    assert!(
        m.notes.iter().any(|n| n.contains("q3 is now q4")),
        "{:?}",
        m.notes
    );
}

#[test]
fn a_field_changed_two_ways_keeps_ours_and_records_a_conflict() {
    let ours = changed(|a| a.quotes[0].note = Some("mine".into()));
    let theirs = changed(|a| {
        a.quotes[0].note = Some("yours".into());
        a.quotes[0].party = Some("y".into());
    });
    let m = merge(&store(BASE), &ours, &theirs).unwrap();
    let q = find(&m.annotations, "q1");
    assert_eq!(q.note.as_deref(), Some("mine"));
    assert_eq!(q.party.as_deref(), Some("y"), "their other change is taken");
    assert_eq!(m.conflicts, 1);
    let c = &m.annotations.conflicts[0];
    assert_eq!(
        (c.id.as_str(), c.table, c.item.as_str(), c.field.as_str()),
        ("c1", ConflictTable::Quote, "q1", "note")
    );
    assert_eq!(
        (c.base.as_deref(), c.ours.as_deref(), c.theirs.as_deref()),
        (None, Some("mine"), Some("yours"))
    );
}

#[test]
fn two_new_quotes_on_one_span_are_one_and_their_fields_merge() {
    let ours = changed(|a| a.quotes.push(quote("q3", "The", "good")));
    let theirs = changed(|a| {
        let mut q = quote("q7", "The", "good");
        q.note = Some("a claim".into());
        a.quotes.push(q);
    });
    let m = merge(&store(BASE), &ours, &theirs).unwrap();
    assert_eq!(m.annotations.quotes.len(), 3);
    assert_eq!(find(&m.annotations, "q3").note.as_deref(), Some("a claim"));
}

#[test]
fn a_deletion_against_a_change_keeps_the_change_and_says_so() {
    let ours = changed(|a| {
        a.quotes.remove(1);
    });
    let theirs = changed(|a| a.quotes[1].status = Status::Accepted);
    let m = merge(&store(BASE), &ours, &theirs).unwrap();
    assert_eq!(find(&m.annotations, "q2").status, Status::Accepted);
    let c = &m.annotations.conflicts[0];
    assert_eq!(
        (c.field.as_str(), c.ours.as_deref(), c.theirs.as_deref()),
        ("deleted", Some("yes"), Some("no"))
    );
    // a deletion against no change is a deletion
    let m = merge(&store(BASE), &ours, &store(BASE)).unwrap();
    assert_eq!(m.annotations.quotes.len(), 1);
    assert!(m.annotations.conflicts.is_empty());
}

#[test]
fn a_new_speaker_that_takes_ours_id_gets_a_fresh_one_and_its_quotes_follow() {
    let speaker = |name: &str| crate::model::Speaker {
        id: "new".into(),
        name: name.into(),
        role: None,
        party: None,
        mentions: Vec::new(),
        mention_text: Vec::new(),
        origin: Origin::Manual,
    };
    let ours = changed(|a| {
        a.speakers.push(speaker("Bo"));
        a.quotes[1].speaker = Some("new".into());
    });
    let theirs = changed(|a| {
        a.speakers.push(speaker("Cy"));
        let mut q = quote("q3", "The", "good");
        q.speaker = Some("new".into());
        a.quotes.push(q);
    });
    let m = merge(&store(BASE), &ours, &theirs).unwrap();
    let a = &m.annotations;
    let cy = a.speakers.iter().find(|s| s.name == "Cy").unwrap();
    assert_eq!(cy.id, "cy");
    assert_eq!(find(a, "q2").speaker.as_deref(), Some("new"));
    assert_eq!(find(a, "q3").speaker.as_deref(), Some("cy"));
}

#[test]
fn a_side_one_deleted_and_the_other_used_is_kept() {
    let ours = changed(|a| {
        a.parties.retain(|p| p.id != "y");
    });
    let theirs = changed(|a| a.quotes[1].party = Some("y".into()));
    let m = merge(&store(BASE), &ours, &theirs).unwrap();
    assert!(m.annotations.party("y").is_some());
    assert_eq!(find(&m.annotations, "q2").party.as_deref(), Some("y"));
    assert!(
        m.notes.iter().any(|n| n.contains("kept side")),
        "{:?}",
        m.notes
    );
}

#[test]
fn stores_of_different_articles_are_refused() {
    let theirs = changed(|a| a.article.sha256 = "def".into());
    let e = merge(&store(BASE), &store(BASE), &theirs).unwrap_err();
    assert!(matches!(e, MergeError::DifferentArticles { .. }), "{e}");
}

#[test]
fn a_conflict_settled_on_one_side_stays_settled() {
    let ours = changed(|a| a.quotes[0].note = Some("mine".into()));
    let theirs = changed(|a| a.quotes[0].note = Some("yours".into()));
    let with_conflict = merge(&store(BASE), &ours, &theirs).unwrap().annotations;
    let mut settled = with_conflict.clone();
    settled.conflicts.clear();
    let mut other = with_conflict.clone();
    other.quotes[1].status = Status::Accepted;
    let m = merge(&with_conflict, &settled, &other).unwrap();
    assert!(m.annotations.conflicts.is_empty());
    assert_eq!(find(&m.annotations, "q2").status, Status::Accepted);
    let kept = merge(&with_conflict, &with_conflict, &other).unwrap();
    assert_eq!(
        kept.annotations.conflicts.len(),
        1,
        "unsettled on both sides"
    );
}

#[test]
fn sides_reordered_by_one_side_and_extended_by_the_other() {
    let ours = changed(|a| a.parties.reverse());
    let theirs = changed(|a| {
        a.parties.push(crate::model::Party {
            id: "z".into(),
            name: "Z".into(),
            aliases: vec!["Zed".into()],
            color: None,
            ..Default::default()
        })
    });
    let m = merge(&store(BASE), &ours, &theirs).unwrap();
    let order: Vec<&str> = m
        .annotations
        .parties
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(order, ["y", "x", "z"]);
}

#[test]
fn a_conflict_on_their_new_quote_follows_it_to_its_fresh_id() {
    let ours = changed(|a| a.quotes.push(quote("q3", "Bo", "Bo")));
    let theirs = changed(|a| {
        a.quotes.push(quote("q3", "The", "good"));
        a.conflicts.push(Conflict {
            id: "c1".into(),
            table: ConflictTable::Quote,
            item: "q3".into(),
            field: "note".into(),
            base: None,
            ours: Some("x".into()),
            theirs: Some("y".into()),
        });
    });
    let m = merge(&store(BASE), &ours, &theirs).unwrap();
    let c = &m.annotations.conflicts;
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].item, "q4", "with their quote, not on ours");
    assert_eq!(find(&m.annotations, "q4").text.as_str(), "The plan is good");
}
