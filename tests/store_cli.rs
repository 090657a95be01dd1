//! `parley export`, `parley check` and `parley detect` as real processes: formats, `-o`,
//! exit codes, and detect's output against the store's.

#![allow(clippy::unwrap_used)]

mod support;

use parley::article::{Article, DEFAULT_MAX_BYTES, Source};
use parley::store::schema::{parse, to_toml};
use parley::store::{OpenOptions, Store};
use std::path::Path;
use std::process::Output;

const ARTICLE: &str = "Talks resume\n\nHAVANA - \"We are ready, and willing,\" said Ian Kelly. \
Cuba said it wanted a new agreement.\n";

fn parley(dir: &Path, args: &[&str]) -> Output {
    support::parley_in(dir, args)
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// A directory with the article and a store holding a speaker, a quote (rejected
/// when `reject`) and a position.
fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("talks.txt"), ARTICLE).unwrap();
    let sha = parley::article::sha256_hex(ARTICLE.as_bytes());
    let q = ARTICLE.find('"').unwrap();
    let q_end = ARTICLE[q + 1..].find('"').unwrap() + q + 2;
    let p = ARTICLE.find("Cuba said").unwrap();
    let p_end = ARTICLE.len() - 1;
    let store = format!(
        r#"version = 1

[article]
title = "Talks resume"
source = "talks.txt"
sha256 = "{sha}"
bytes = {bytes}

[[party]]
id = "us"
name = "United States"

[[party]]
id = "cuba"
name = "Cuba"

[[speaker]]
id = "ian-kelly"
name = "Ian Kelly"
party = "us"

[[quote]]
id = "q1"
start = {q}
end = {q_end}
text = {qt:?}
speaker = "ian-kelly"
party = "us"
status = "accepted"
note = "on, \"record\""

[[position]]
id = "p1"
start = {p}
end = {p_end}
text = {pt:?}
party = "cuba"
status = "rejected"
"#,
        bytes = ARTICLE.len(),
        qt = &ARTICLE[q..q_end],
        pt = &ARTICLE[p..p_end],
    );
    std::fs::write(dir.path().join("talks.txt.parley.toml"), store).unwrap();
    dir
}

#[test]
fn export_toml_leaves_rejected_out_unless_all() {
    let dir = setup();
    let o = parley(dir.path(), &["export", "talks.txt"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("[[quote]]") && !out.contains("[[position]]"),
        "{out}"
    );
    let o = parley(dir.path(), &["export", "talks.txt", "--all"]);
    assert!(stdout(&o).contains("[[position]]"));
}

#[test]
fn export_csv_quotes_cells() {
    let dir = setup();
    let o = parley(
        dir.path(),
        &["export", "talks.txt", "--format", "csv", "--all"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "side,speaker,kind,origin,status,text,note,id,start,end"
    );
    assert!(
        lines[1].starts_with(
            "United States,Ian Kelly,direct,auto,accepted,\"\"\"We are ready, and willing,\"\"\",\"on, \"\"record\"\"\",q1,"
        ),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].starts_with("Cuba,,position,auto,rejected,Cuba said"),
        "{}",
        lines[2]
    );
}

#[test]
fn export_json_is_web_annotation() {
    let dir = setup();
    let o = parley(dir.path(), &["export", "talks.txt", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["@context"], "http://www.w3.org/ns/anno.jsonld");
    let items = v["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "rejected left out");
    let sel = &items[0]["target"]["selector"];
    assert_eq!(sel[0]["type"], "TextQuoteSelector");
    assert_eq!(sel[0]["exact"], "\"We are ready, and willing,\"");
    assert_eq!(sel[1]["type"], "TextPositionSelector");
    let start = ARTICLE.find('"').unwrap();
    assert_eq!(sel[1]["start"], ARTICLE[..start].chars().count());
}

#[test]
fn export_markdown_brief_groups_by_side() {
    let dir = setup();
    let o = parley(
        dir.path(),
        &["export", "talks.txt", "--format", "markdown", "--all"],
    );
    let out = stdout(&o);
    assert!(out.starts_with("# Talks resume\n"), "{out}");
    let us = out.find("## United States").unwrap();
    let cuba = out.find("## Cuba").unwrap();
    assert!(us < cuba);
    assert!(out.contains("— **Ian Kelly**"), "{out}");
    assert!(out[cuba..].contains("### Positions"), "{out}");
}

#[test]
fn export_to_a_file_and_without_a_store() {
    let dir = setup();
    let o = parley(dir.path(), &["export", "talks.txt", "-o", "out.toml"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
    let written = std::fs::read_to_string(dir.path().join("out.toml")).unwrap();
    assert!(written.starts_with("version = 1"));
    std::fs::remove_file(dir.path().join("talks.txt.parley.toml")).unwrap();
    let o = parley(dir.path(), &["export", "talks.txt"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        !dir.path().join("talks.txt.parley.toml").exists(),
        "export writes no store"
    );
}

#[test]
fn check_exit_codes() {
    let dir = setup();
    let store = dir.path().join("talks.txt.parley.toml");
    let o = parley(dir.path(), &["check", "talks.txt"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    // Text inserted before: re-anchors clean, exit 0 with a note.
    std::fs::write(
        dir.path().join("talks.txt"),
        ARTICLE.replace("HAVANA", "HAVANA, Cuba"),
    )
    .unwrap();
    let o = parley(dir.path(), &["check", "talks.txt"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(stderr(&o).contains("re-anchored"), "{}", stderr(&o));
    // The quote deleted: an orphan, exit 1, one line naming the store and line.
    std::fs::write(
        dir.path().join("talks.txt"),
        ARTICLE.replace("\"We are ready, and willing,\" said", "said"),
    )
    .unwrap();
    let o = parley(dir.path(), &["check", "talks.txt"]);
    assert_eq!(o.status.code(), Some(1), "{}{}", stdout(&o), stderr(&o));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(
        out.starts_with("talks.txt.parley.toml:23:6: quote “q1” cannot be placed"),
        "{out}"
    );
    // A dangling reference: exit 1.
    std::fs::write(dir.path().join("talks.txt"), ARTICLE).unwrap();
    let text = std::fs::read_to_string(&store).unwrap();
    std::fs::write(&store, text.replace("party = \"cuba\"", "party = \"mars\"")).unwrap();
    let o = parley(dir.path(), &["check", "talks.txt"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("names party “mars”"), "{}", stdout(&o));
    // Unreadable: exit 2, the error on stderr.
    std::fs::write(&store, "version = 1\nquote = 3\n").unwrap();
    let o = parley(dir.path(), &["check", "talks.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("parley: talks.txt.parley.toml:2:"),
        "{}",
        stderr(&o)
    );
    let o = parley(dir.path(), &["export", "talks.txt"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn store_flag_overrides_and_bundled_article_has_no_store() {
    let dir = setup();
    std::fs::rename(
        dir.path().join("talks.txt.parley.toml"),
        dir.path().join("elsewhere.toml"),
    )
    .unwrap();
    let o = parley(
        dir.path(),
        &["export", "talks.txt", "--store", "elsewhere.toml"],
    );
    assert!(stdout(&o).contains("Ian Kelly"), "{}", stderr(&o));
    let o = parley(dir.path(), &["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("no store yet"), "{}", stderr(&o));
}

/// `parley detect` prints byte for byte what saving a store of the same (automatic)
/// annotations writes, and the store's reader takes it back unchanged.
#[test]
fn detect_prints_what_saving_the_store_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.txt");
    std::fs::write(&path, ARTICLE).unwrap();
    let o = parley(dir.path(), &["detect", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let printed = stdout(&o);
    assert!(
        printed.contains("[[quote]]") && printed.contains("[[position]]"),
        "{printed}"
    );

    // without a store file, a store starts from the detector's suggestions
    let article = Article::load(Source::File(path), DEFAULT_MAX_BYTES).unwrap();
    let saved = dir.path().join("saved.parley.toml");
    let options = OpenOptions {
        store: Some(saved.clone()),
        suggest: Some(parley::detect::detect_with_progress),
        ..OpenOptions::default()
    };
    Store::load(&article, &options).unwrap().save().unwrap();
    assert_eq!(printed, std::fs::read_to_string(&saved).unwrap());

    let read = parse(&printed, "detect.toml").unwrap();
    assert_eq!(to_toml(&read).unwrap(), printed);
}
