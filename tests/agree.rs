//! `parley agree`, run as a real process: Krippendorff's example through the command
//! line, a store against itself, the detector against a store corrected by hand, two
//! folders of stores, and what it refuses.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn parley(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parley"))
        .args(args)
        .current_dir(dir)
        .env_remove("PARLEY_CONFIG")
        .env("XDG_CONFIG_HOME", "/nonexistent-parley-test")
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("NO_COLOR", "1")
        .output()
        .expect("run parley")
}

fn json(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("agree --json prints JSON")
}

/// A store of `text` holding direct quotes over `spans` (byte offsets).
fn store_of(text: &str, spans: &[(usize, usize)]) -> String {
    let hash =
        parley::article::Article::from_bytes(parley::article::Source::Stdin, text.as_bytes())
            .sha256()
            .to_string();
    let mut s = format!(
        "version = 1\n\n[article]\nsha256 = \"{hash}\"\nbytes = {}\n",
        text.len()
    );
    for (n, &(start, end)) in spans.iter().enumerate() {
        s.push_str(&format!(
            "\n[[quote]]\nid = \"q{}\"\nstart = {start}\nend = {end}\ntext = \"{}\"\n",
            n + 1,
            &text[start..end]
        ));
    }
    s
}

#[test]
fn krippendorffs_example_category_c_on_2400_characters() {
    // Krippendorff (1995, p. 57), category C: each coder's units as (start, length)
    // on a continuum of 24, stretched a hundredfold onto an article of 2,400 letters
    let gerret = [(2, 6), (10, 2), (14, 4), (20, 2)];
    let gill = [(0, 2), (4, 4), (10, 4), (16, 2), (20, 2)];
    let text: String = "abcdefghijklmnopqrstuvwx".repeat(100);
    let spans = |units: &[(usize, usize)]| -> Vec<(usize, usize)> {
        units
            .iter()
            .map(|&(s, l)| (s * 100, (s + l) * 100))
            .collect()
    };
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("c.txt"), &text).unwrap();
    std::fs::write(dir.path().join("a.toml"), store_of(&text, &spans(&gerret))).unwrap();
    std::fs::write(dir.path().join("b.toml"), store_of(&text, &spans(&gill))).unwrap();
    let args = ["agree", "a.toml", "b.toml", "--article", "c.txt", "--json"];
    let out = parley(dir.path(), &args);
    let v = json(&out);
    let alpha = v["quotes"]["alpha_u"].as_f64().unwrap();
    assert!((0.66..=0.70).contains(&alpha), "α_u = {alpha}");
    assert_eq!(v["characters"], 2400);
    assert_eq!(v["quotes"]["exact"], 1, "only 2000–2200 is on both");
    let itself = ["agree", "a.toml", "a.toml", "--article", "c.txt", "--json"];
    assert_eq!(json(&parley(dir.path(), &itself))["quotes"]["alpha_u"], 1.0);
}

/// The bundled article in a temporary folder, with the detector's store beside it.
fn detected(dir: &Path) {
    std::fs::write(
        dir.join("talks.txt"),
        parley::article::Article::bundled().text.as_bytes(),
    )
    .unwrap();
    let out = parley(dir, &["detect", "talks.txt"]);
    assert!(out.status.success());
    std::fs::write(dir.join("talks.txt.parley.toml"), &out.stdout).unwrap();
}

#[test]
fn a_store_agrees_with_itself_and_a_hand_correction_is_listed() {
    let dir = tempfile::tempdir().unwrap();
    detected(dir.path());
    let v = json(&parley(
        dir.path(),
        &[
            "agree",
            "talks.txt.parley.toml",
            "talks.txt.parley.toml",
            "--json",
        ],
    ));
    for key in ["quotes", "positions"] {
        assert_eq!(v[key]["alpha_u"], 1.0, "{key}");
        assert_eq!(v[key]["f1_exact"], 1.0, "{key}");
    }
    assert_eq!(v["side"]["agreement"], 1.0);
    assert_eq!(v["disagreements"].as_array().unwrap().len(), 0);

    // the hand-made store: the first quote given the other side, the last rejected
    let store = std::fs::read_to_string(dir.path().join("talks.txt.parley.toml")).unwrap();
    let mut blocks: Vec<String> = store.split("\n[[").map(str::to_string).collect();
    let quotes: Vec<usize> = (0..blocks.len())
        .filter(|&i| blocks[i].starts_with("quote]]"))
        .collect();
    let first = &mut blocks[quotes[0]];
    let flipped = if first.contains("party = \"us\"") {
        first.replace("party = \"us\"", "party = \"cu\"")
    } else {
        first.replace("party = \"cu\"", "party = \"us\"")
    };
    *first = flipped;
    let last = quotes[quotes.len() - 1];
    blocks[last] = blocks[last].replace("status = \"suggested\"", "status = \"rejected\"");
    std::fs::write(dir.path().join("hand.toml"), blocks.join("\n[[")).unwrap();

    let args = [
        "agree",
        "hand.toml",
        "talks.txt.parley.toml",
        "--article",
        "talks.txt",
    ];
    let v = json(&parley(dir.path(), &[&args[..], &["--json"]].concat()));
    let n = v["quotes"]["b"].as_u64().unwrap();
    assert_eq!(
        v["quotes"]["a"].as_u64().unwrap(),
        n - 1,
        "the rejected one left out"
    );
    assert!(v["quotes"]["alpha_u"].as_f64().unwrap() < 1.0);
    assert_eq!(v["positions"]["alpha_u"], 1.0);
    let side = v["side"]["agreement"].as_f64().unwrap();
    assert!(
        (side - (n as f64 - 2.0) / (n as f64 - 1.0)).abs() < 1e-9,
        "{side}"
    );
    let listed = v["disagreements"].as_array().unwrap();
    assert_eq!(listed.len(), 2, "{listed:?}");
    assert!(
        listed
            .iter()
            .any(|d| d["a"].is_null() && d["what"] == "quote")
    );

    let text = parley(dir.path(), &args);
    let report = String::from_utf8(text.stdout).unwrap();
    assert!(report.contains("2 disagreements"), "{report}");
    assert!(report.contains("  A: nothing"), "{report}");
    assert!(report.contains("side "), "{report}");
}

#[test]
fn two_folders_pair_their_stores_by_article() {
    let root = tempfile::tempdir().unwrap();
    let (a, b) = (root.path().join("a"), root.path().join("b"));
    for dir in [&a, &b] {
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        detected(dir);
        let other = "Ann said: “we will win the vote.”\n";
        std::fs::write(dir.join("sub/other.txt"), other).unwrap();
        let q = other.find('“').unwrap();
        std::fs::write(
            dir.join("sub/other.txt.parley.toml"),
            store_of(other, &[(q, other.len() - 1)]),
        )
        .unwrap();
    }
    std::fs::write(a.join("lonely.txt"), "Nothing here.").unwrap();
    std::fs::write(
        a.join("lonely.txt.parley.toml"),
        store_of("Nothing here.", &[]),
    )
    .unwrap();
    let out = parley(root.path(), &["agree", "a", "b", "--json"]);
    let v = json(&out);
    assert_eq!(v["articles"], 2);
    assert_eq!(v["per_article"].as_array().unwrap().len(), 2);
    assert_eq!(v["quotes"]["alpha_u"], 1.0);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("only in A:") && stderr.contains("lonely.txt.parley.toml"),
        "{stderr}"
    );
    let text = String::from_utf8(parley(root.path(), &["agree", "a", "b"]).stdout).unwrap();
    assert!(text.contains("corpus: 2 articles"), "{text}");
}

#[test]
fn two_folders_list_their_articles_in_name_order() {
    let root = tempfile::tempdir().unwrap();
    let names = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"];
    for dir in ["a", "b"] {
        let dir = root.path().join(dir);
        std::fs::create_dir_all(&dir).unwrap();
        for name in names {
            let text = format!("{name} said: “we will win the {name} vote.”\n");
            let q = text.find('“').unwrap();
            let path = dir.join(format!("{name}.txt"));
            std::fs::write(&path, &text).unwrap();
            let store = store_of(&text, &[(q, text.len() - 1)]);
            std::fs::write(dir.join(format!("{name}.txt.parley.toml")), store).unwrap();
        }
    }
    let v = json(&parley(root.path(), &["agree", "a", "b", "--json"]));
    let listed: Vec<String> = v["per_article"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["article"].as_str().unwrap().to_string())
        .collect();
    let mut sorted = listed.clone();
    sorted.sort();
    assert_eq!(
        listed, sorted,
        "as the folder lists them, not by the articles' hashes"
    );
}

#[test]
fn a_missing_store_or_a_store_beside_a_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    detected(dir.path());
    let out = parley(
        dir.path(),
        &[
            "agree",
            "talks.txt.parley.toml",
            "none.toml",
            "--article",
            "talks.txt",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("none.toml: no such store"), "{err}");
    let out = parley(dir.path(), &["agree", "talks.txt.parley.toml", "."]);
    assert_eq!(out.status.code(), Some(2));
    let out = parley(dir.path(), &["agree", "x.toml", "y.toml"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("pass --article"), "{err}");
}
