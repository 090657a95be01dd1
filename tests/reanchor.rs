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

/// Each quote's and position's id with its text, and where it is: `placed` (its
/// start and end, checked to hold the text on `article`) or `orphan`.
fn annotated(store: &str, article: &str) -> BTreeMap<String, (String, &'static str)> {
    let doc: toml::Value = toml::from_str(store).unwrap();
    let mut found = BTreeMap::new();
    for (table, place) in [
        ("quote", "placed"),
        ("position", "placed"),
        ("orphan_quote", "orphan"),
        ("orphan_position", "orphan"),
    ] {
        for item in doc
            .get(table)
            .and_then(toml::Value::as_array)
            .into_iter()
            .flatten()
        {
            let text = item["text"].as_str().unwrap().to_string();
            if place == "placed" {
                let at = |k: &str| item[k].as_integer().unwrap() as usize;
                assert_eq!(article.get(at("start")..at("end")), Some(text.as_str()));
            }
            found.insert(item["id"].as_str().unwrap().to_string(), (text, place));
        }
    }
    found
}

/// A small generator of numbers (xorshift), so the rounds are the same every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self, below: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % below.max(1) as u64) as usize
    }
}

/// The nearest character boundary at or before `at`.
fn floor(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[test]
fn random_edits_to_the_article_never_put_a_cue_or_mention_on_other_words() {
    // 25 rounds by default; PARLEY_REANCHOR_ROUNDS=1000 for the figure in RELIABILITY.md
    let rounds: usize = std::env::var("PARLEY_REANCHOR_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(25);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("talks.txt"), SAMPLE).unwrap();
    let detected = parley_in(dir.path(), &["detect", "talks.txt"]);
    let store = String::from_utf8(detected.stdout).unwrap();
    let (mentions_before, cues_before) = spoken(&store, SAMPLE);
    let annotations_before = annotated(&store, SAMPLE);
    // the edges of every span, where edits hurt most
    let doc: toml::Value = toml::from_str(&store).unwrap();
    let mut edges = Vec::new();
    for table in ["quote", "speaker"] {
        for item in doc
            .get(table)
            .and_then(toml::Value::as_array)
            .into_iter()
            .flatten()
        {
            for key in ["start", "end"] {
                if let Some(n) = item.get(key).and_then(toml::Value::as_integer) {
                    edges.push(n as usize);
                }
            }
            for list in ["mentions"] {
                for [a, b] in spans(item.get(list).unwrap_or(&toml::Value::Array(vec![]))) {
                    edges.extend([a, b]);
                }
            }
        }
    }
    let words = [
        "said",
        " Kelly",
        "it",
        " the ",
        "“",
        "”",
        ", he said.",
        "\n\n",
        "é",
    ];
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let (mut kept, mut let_go) = (0usize, 0usize);
    let (mut placed, mut changed, mut orphans) = (0usize, 0usize, 0usize);
    for round in 0..rounds {
        let mut text = SAMPLE.to_string();
        for _ in 0..1 + rng.next(3) {
            let near = edges[rng.next(edges.len())] + rng.next(7);
            let at = floor(
                &text,
                if rng.next(2) == 0 {
                    near.saturating_sub(3)
                } else {
                    rng.next(text.len())
                },
            );
            let end = floor(&text, at + rng.next(12));
            let insert = if rng.next(3) == 0 {
                ""
            } else {
                words[rng.next(words.len())]
            };
            text = format!("{}{insert}{}", &text[..at], &text[end.max(at)..]);
        }
        std::fs::write(dir.path().join("talks.txt"), &text).unwrap();
        std::fs::write(dir.path().join("talks.txt.parley.toml"), &store).unwrap();
        let check = parley_in(dir.path(), &["check", "talks.txt"]);
        // valid; an orphan is the one problem `check` may list (exit 1), and says so
        let listed = String::from_utf8_lossy(&check.stdout).to_string();
        let only_orphans = listed.lines().all(|l| l.contains("(an orphan:"));
        assert!(
            check.status.code() == Some(0) || (check.status.code() == Some(1) && only_orphans),
            "round {round}: {listed}{}",
            String::from_utf8_lossy(&check.stderr)
        );
        let out = parley_in(dir.path(), &["export", "--format", "toml", "talks.txt"]);
        assert!(out.status.success(), "round {round}");
        let exported = String::from_utf8(out.stdout).unwrap();
        let (mentions, cues) = spoken(&exported, &text);
        // every quote and position still there, on its text or an orphan with its text
        let annotations = annotated(&exported, &text);
        assert_eq!(
            annotations.keys().collect::<Vec<_>>(),
            annotations_before.keys().collect::<Vec<_>>(),
            "round {round}: none lost"
        );
        for (id, (was, _)) in &annotations_before {
            let (now, place) = &annotations[id];
            match *place {
                "orphan" => {
                    orphans += 1;
                    assert_eq!(now, was, "round {round}: orphan {id} keeps its text");
                }
                _ if now == was => placed += 1,
                _ => changed += 1,
            }
        }
        for (speaker, texts) in &mentions {
            assert!(
                texts.is_subset(&mentions_before[speaker]),
                "round {round}: {speaker} reads {texts:?}"
            );
        }
        for (quote, cue) in &cues {
            assert_eq!(
                Some(cue),
                cues_before.get(quote),
                "round {round}: cue of {quote}"
            );
        }
        let notice = String::from_utf8_lossy(&out.stderr).to_string();
        kept += cues.len();
        if notice.contains("let go") {
            let_go += 1;
        }
    }
    eprintln!(
        "{rounds} rounds: {kept} cues kept on their words; {let_go} rounds let something go \
         (reported); quotes and positions: {placed} on their text, {changed} placed on an \
         edited text (fuzzy), {orphans} orphaned with their text, none lost"
    );
}
