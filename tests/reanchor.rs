//! Re-anchoring as a user meets it (issue #21): a store saved, the article then edited
//! inside a quote, and `export`/`check` on the changed article. Every cue and speaker
//! mention the store keeps must hold the words it held before — never other words.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::collections::{BTreeMap, BTreeSet};
use support::parley_in;

/// The project's own sample article (bundled into the binary too).
const SAMPLE: &str = include_str!("../assets/articles/us-cuba-migration-talks.txt");

fn spans(v: &toml::Value) -> Vec<[usize; 2]> {
    v.as_array()
        .map(|a| {
            a.iter()
                .map(|p| {
                    let p = p.as_array().unwrap();
                    [
                        p[0].as_integer().unwrap() as usize,
                        p[1].as_integer().unwrap() as usize,
                    ]
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Each speaker's mention texts, and each quote's cue text, read on `article`.
fn spoken(
    store: &str,
    article: &str,
) -> (BTreeMap<String, BTreeSet<String>>, BTreeMap<String, String>) {
    let doc: toml::Value = toml::from_str(store).unwrap();
    let table = |name: &str| {
        doc.get(name)
            .and_then(toml::Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let mut mentions = BTreeMap::new();
    for s in table("speaker") {
        let id = s["id"].as_str().unwrap().to_string();
        let texts = spans(s.get("mentions").unwrap_or(&toml::Value::Array(vec![])))
            .into_iter()
            .map(|[a, b]| article[a..b].to_string())
            .collect();
        mentions.insert(id, texts);
    }
    let mut cues = BTreeMap::new();
    for q in table("quote") {
        if let Some(c) = q.get("cue") {
            let [a, b] = spans(&toml::Value::Array(vec![c.clone()]))[0];
            cues.insert(
                q["id"].as_str().unwrap().to_string(),
                article[a..b].to_string(),
            );
        }
    }
    (mentions, cues)
}

#[test]
fn a_word_deleted_inside_a_quote_leaves_every_cue_and_mention_on_its_words() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("talks.txt"), SAMPLE).unwrap();
    let detected = parley_in(dir.path(), &["detect", "talks.txt"]);
    assert!(detected.status.success());
    let store = String::from_utf8(detected.stdout).unwrap();
    std::fs::write(dir.path().join("talks.txt.parley.toml"), &store).unwrap();
    let (mentions_before, cues_before) = spoken(&store, SAMPLE);
    assert!(cues_before.values().any(|c| c == "said"), "{cues_before:?}");

    // the report's edit: one word out of the middle of the first quotation
    let quote = "“Engaging in these talks underscores our interest in pursuing";
    let edited = SAMPLE.replacen(quote, &quote.replace("underscores ", ""), 1);
    assert_ne!(edited, SAMPLE);
    std::fs::write(dir.path().join("talks.txt"), &edited).unwrap();

    let check = parley_in(dir.path(), &["check", "talks.txt"]);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let out = parley_in(dir.path(), &["export", "--format", "toml", "talks.txt"]);
    assert!(out.status.success());
    let reanchored = String::from_utf8(out.stdout).unwrap();
    let (mentions_after, cues_after) = spoken(&reanchored, &edited);
    for (speaker, texts) in &mentions_after {
        let before = &mentions_before[speaker];
        assert!(
            texts.is_subset(before),
            "{speaker}'s mentions now read {texts:?}, were {before:?}"
        );
    }
    for (quote, cue) in &cues_after {
        assert_eq!(Some(cue), cues_before.get(quote), "the cue of {quote}");
    }
    // and nothing was let go: an edit inside one quote moves the rest as a whole
    let count =
        |m: &BTreeMap<String, BTreeSet<String>>| m.values().map(BTreeSet::len).sum::<usize>();
    assert_eq!(count(&mentions_after), count(&mentions_before));
    assert_eq!(cues_after.len(), cues_before.len());
}
