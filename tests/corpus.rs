//! A folder as a corpus, through the real binary: `detect --save` writes one store per
//! article and never rewrites one; `export` gives one row per annotation of every
//! store, with offsets that slice `parley text` to the row's text; `stats` counts per
//! side. The folder holds a plain-text article, a web page and a Markdown file,
//! written for these tests (tests/fixtures/corpus).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::path::{Path, PathBuf};
use std::process::Output;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus");
const ARTICLES: [&str; 3] = ["brief.md", "page.html", "talks.txt"];

/// A fresh copy of the fixture folder, as `dir/news`.
fn corpus() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let news = dir.path().join("news");
    std::fs::create_dir(&news).unwrap();
    for name in ARTICLES {
        std::fs::copy(Path::new(FIXTURES).join(name), news.join(name)).unwrap();
    }
    (dir, news)
}

fn run(dir: &Path, args: &[&str]) -> Output {
    support::parley_in(dir, args)
}

fn ok(out: Output) -> (String, String) {
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{err}");
    (String::from_utf8(out.stdout).unwrap(), err)
}

fn store_of(news: &Path, name: &str) -> PathBuf {
    news.join(format!("{name}.parley.toml"))
}

#[test]
fn detect_save_writes_a_store_each_and_never_rewrites_one() {
    let (dir, news) = corpus();
    let (_, err) = ok(run(dir.path(), &["detect", "news", "--save"]));
    assert!(err.contains("3 written, 0 skipped"), "{err}");
    for name in ARTICLES {
        let store = std::fs::read_to_string(store_of(&news, name)).unwrap();
        assert!(store.contains("[[quote]]"), "{name}: {store}");
    }
    // a store the user changed is left exactly as it is
    let edited = store_of(&news, "talks.txt");
    let mut text = std::fs::read_to_string(&edited).unwrap();
    text = text.replacen("status = \"suggested\"", "status = \"accepted\"", 1);
    std::fs::write(&edited, &text).unwrap();
    let (_, err) = ok(run(dir.path(), &["detect", "news", "--save"]));
    assert!(err.contains("0 written, 3 skipped"), "{err}");
    assert_eq!(std::fs::read_to_string(&edited).unwrap(), text);
    // no temporary file is left beside the stores
    let names: Vec<String> = std::fs::read_dir(&news)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 6, "{names:?}");
}

/// The cells of a CSV (RFC 4180) document, row by row.
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let (mut row, mut cell, mut quoted) = (vec![], String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut cell)),
            ('\r', false) => {}
            ('\n', false) => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => cell.push(c),
        }
    }
    rows
}

#[test]
fn export_gives_a_row_per_annotation_whose_offsets_slice_the_text() {
    let (dir, news) = corpus();
    ok(run(dir.path(), &["detect", "news", "--save"]));
    let (csv, _) = ok(run(dir.path(), &["export", "news", "--format", "csv"]));
    let rows = csv_rows(&csv);
    let header = &rows[0];
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (jsonl, _) = ok(run(dir.path(), &["export", "news", "--format", "jsonl"]));
    let objects: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // every annotation of every store, once
    let mut expected = 0;
    for name in ARTICLES {
        let store = std::fs::read_to_string(store_of(&news, name)).unwrap();
        expected +=
            store.matches("\n[[quote]]\n").count() + store.matches("\n[[position]]\n").count();
    }
    assert!(expected > 6);
    assert_eq!(rows.len() - 1, expected);
    assert_eq!(objects.len(), expected);
    for (row, object) in rows[1..].iter().zip(&objects) {
        let article = &row[col("article")];
        assert_eq!(object["article"], article.as_str());
        let (text, _) = ok(run(dir.path(), &["text", article]));
        let chars: Vec<char> = text.chars().collect();
        let start: usize = row[col("start")].parse().unwrap();
        let end: usize = row[col("end")].parse().unwrap();
        let sliced: String = chars[start..end].iter().collect();
        assert_eq!(sliced, row[col("text")], "{article}");
        assert_eq!(object["start"], start);
        assert_eq!(object["text"], sliced.as_str());
    }
    let sides: Vec<&str> = rows[1..].iter().map(|r| r[col("side")].as_str()).collect();
    assert!(
        sides.contains(&"Norway") && sides.contains(&"Chile"),
        "{sides:?}"
    );
    // a JSON array of the same rows
    let (json, _) = ok(run(dir.path(), &["export", "news", "--format", "json"]));
    let array: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    assert_eq!(array, objects);
}

#[test]
fn export_to_a_file_follows_its_extension_and_never_replaces_unasked() {
    let (dir, _news) = corpus();
    ok(run(dir.path(), &["detect", "news", "--save"]));
    let (_, err) = ok(run(dir.path(), &["export", "news", "-o", "all.jsonl"]));
    assert!(err.contains("rows written to all.jsonl"), "{err}");
    let table = std::fs::read_to_string(dir.path().join("all.jsonl")).unwrap();
    assert!(table.lines().all(|l| l.starts_with('{')), "{table}");
    let again = run(dir.path(), &["export", "news", "-o", "all.jsonl"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    // one article: the format follows the extension too
    let (_, _) = ok(run(
        dir.path(),
        &["export", "news/talks.txt", "-o", "one.json"],
    ));
    let one: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("one.json")).unwrap())
            .unwrap();
    assert_eq!(one["type"], "AnnotationCollection");
    let refused = run(dir.path(), &["export", "news", "--format", "markdown"]);
    assert_eq!(refused.status.code(), Some(2));
}

#[test]
fn export_to_dash_writes_standard_output_and_no_file_named_dash() {
    let (dir, _news) = corpus();
    ok(run(dir.path(), &["detect", "news", "--save"]));
    let (plain, _) = ok(run(dir.path(), &["export", "news"]));
    for args in [
        &["export", "news", "-o", "-"][..],
        &["export", "news", "--articles", "-o", "-"],
        &["export", "news/talks.txt", "--format", "csv", "-o", "-"],
    ] {
        let (out, err) = ok(run(dir.path(), args));
        // the corpus's table, or one article's (its columns start with the side)
        assert!(
            out.starts_with("article,") || out.starts_with("side,"),
            "{args:?}: {out}"
        );
        assert!(!err.contains("written to"), "{args:?}: {err}");
        assert!(!dir.path().join("-").exists(), "{args:?}");
    }
    let (twice, _) = ok(run(dir.path(), &["export", "news", "-o", "-"]));
    assert_eq!(twice, plain, "the same table as with no -o");
}

#[test]
fn the_article_table_has_a_row_per_article_with_its_status() {
    let (dir, news) = corpus();
    ok(run(
        dir.path(),
        &["detect", "news/talks.txt", "news/page.html", "--save"],
    ));
    std::fs::write(news.join(".parley-corpus.toml"), "done = [\"page.html\"]\n").unwrap();
    let articles = |dir: &Path| csv_rows(&ok(run(dir, &["export", "news", "--articles"])).0);
    let status = |dir: &Path| -> Vec<(String, String)> {
        articles(dir)[1..]
            .iter()
            .map(|r| (r[0].clone(), r[3].clone()))
            .collect()
    };
    let row = |name: &str, status: &str| (format!("news/{name}"), status.to_string());
    // the detector's suggestions alone begin nothing: a person has decided nothing yet
    assert_eq!(
        status(dir.path()),
        [
            row("brief.md", "not started"),
            row("page.html", "done"),
            row("talks.txt", "not started"),
        ]
    );
    // one suggestion accepted by hand: begun
    let talks = store_of(&news, "talks.txt");
    let text = std::fs::read_to_string(&talks).unwrap();
    let accepted = text.replacen("status = \"suggested\"", "status = \"accepted\"", 1);
    assert_ne!(accepted, text);
    std::fs::write(&talks, accepted).unwrap();
    assert_eq!(status(dir.path())[2], row("talks.txt", "in progress"));
    // marked done without a store: done all the same
    std::fs::write(news.join(".parley-corpus.toml"), "done = [\"brief.md\"]\n").unwrap();
    assert_eq!(status(dir.path())[0], row("brief.md", "done"));
    assert_eq!(
        articles(dir.path())[1][1],
        "Norway accepts Chile's quota",
        "title peeked without a store"
    );
    // one article, one row: said in the singular
    let (_, err) = ok(run(
        dir.path(),
        &["export", "news/talks.txt", "--articles", "-o", "one.csv"],
    ));
    assert!(err.contains("1 row written to one.csv"), "{err}");
}

#[test]
fn stats_count_per_side() {
    let (dir, _news) = corpus();
    ok(run(dir.path(), &["detect", "news", "--save"]));
    let (json, _) = ok(run(dir.path(), &["stats", "news", "--json"]));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["articles"], 3);
    assert_eq!(v["annotated"], 3);
    let (csv, _) = ok(run(dir.path(), &["export", "news"]));
    let rows = csv_rows(&csv);
    for side in v["sides"].as_array().unwrap() {
        let name = side["side"].as_str().unwrap();
        let quotes = rows[1..]
            .iter()
            .filter(|r| r[5] == name && (r[4] == "direct" || r[4] == "partial"))
            .count();
        assert_eq!(side["quotes"], quotes, "{name}");
    }
    let (text, _) = ok(run(dir.path(), &["stats", "news"]));
    assert!(text.starts_with("3 articles, 3 annotated"), "{text}");
    assert!(
        text.contains("Norway:") && text.contains("Chile:"),
        "{text}"
    );
}

/// "1 quote", "2 quotes": the count and the noun, as the text of `stats` writes them.
fn counted(n: &serde_json::Value, noun: &str) -> String {
    let n = n.as_u64().unwrap();
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

#[test]
fn stats_text_says_one_of_a_thing_in_the_singular() {
    let (dir, news) = corpus();
    for name in ["brief.md", "page.html"] {
        std::fs::remove_file(news.join(name)).unwrap();
    }
    ok(run(dir.path(), &["detect", "news", "--save"]));
    let (json, _) = ok(run(dir.path(), &["stats", "news", "--json"]));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let (text, _) = ok(run(dir.path(), &["stats", "news"]));
    assert!(text.starts_with("1 article, 1 annotated"), "{text}");
    let sides = v["sides"].as_array().unwrap();
    assert!(!sides.is_empty(), "{json}");
    for side in sides {
        let line = format!(
            "{}: {}, {}, {}",
            side["side"].as_str().unwrap(),
            counted(&side["quotes"], "quote"),
            counted(&side["positions"], "position"),
            counted(&side["speakers"], "speaker")
        );
        assert!(text.contains(&line), "{line} missing:\n{text}");
    }
}

#[test]
fn detect_of_a_folder_without_save_says_what_to_do() {
    let (dir, _news) = corpus();
    let out = run(dir.path(), &["detect", "news"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--save"));
}

#[test]
fn export_never_writes_onto_an_article_a_store_or_a_sidecar_of_the_corpus() {
    let (dir, news) = corpus();
    ok(run(dir.path(), &["detect", "news", "--save"]));
    let store = store_of(&news, "talks.txt");
    std::fs::write(news.join("talks.txt.parley.toml.lock"), "1\n").unwrap();
    std::fs::write(news.join("page.html.parley.toml.journal"), "").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(news.join("brief.md"), dir.path().join("link.csv")).unwrap();
    let before: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(&news)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect();
    let targets = [
        ("news/talks.txt", "is the article"),
        ("news/talks.txt.parley.toml", "is an annotation store"),
        ("news/brief.md.parley.toml", "is an annotation store"),
        ("news/talks.txt.parley.toml.lock", "lock"),
        ("news/page.html.parley.toml.journal", "journal"),
        #[cfg(unix)]
        ("link.csv", "is the article"),
    ];
    for (target, why) in targets {
        for format in ["csv", "jsonl"] {
            let out = run(
                dir.path(),
                &[
                    "export", "news", "--format", format, "-o", target, "--force",
                ],
            );
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{target}: {err}");
            assert!(err.contains(why), "{target}: {err}");
        }
    }
    // a store missing so far is spared too: a page without one
    std::fs::remove_file(&store).unwrap();
    let out = run(
        dir.path(),
        &["export", "news", "-o", "news/talks.txt.parley.toml"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(!store.exists(), "no store was made of the table");
    for (path, bytes) in before.iter().filter(|(p, _)| *p != store) {
        assert_eq!(&std::fs::read(path).unwrap(), bytes, "{}", path.display());
    }
    // one article's export spares its store as well
    ok(run(dir.path(), &["detect", "news/talks.txt", "--save"]));
    let out = run(
        dir.path(),
        &[
            "export",
            "news/talks.txt",
            "--format",
            "csv",
            "-o",
            "news/talks.txt.parley.toml",
            "--force",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        std::fs::read_to_string(&store)
            .unwrap()
            .contains("[[quote]]")
    );
    // and a file beside the corpus is written as asked
    ok(run(dir.path(), &["export", "news", "-o", "news/table.csv"]));
}

/// The README's Python snippet that counts quotes per side reads the table by the
/// names of its columns: each it names is one the table has, and the file it opens is
/// the one the README's export writes.
#[test]
fn the_readme_snippet_reads_columns_the_table_has() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"));
    let readme = readme.unwrap();
    let start = readme.find("```python\n").expect("the README's snippet");
    let snippet = &readme[start..];
    let snippet = &snippet[..snippet[3..].find("```").unwrap()];
    let (dir, _news) = corpus();
    ok(run(dir.path(), &["detect", "news", "--save"]));
    ok(run(dir.path(), &["export", "news/", "-o", "quotes.csv"]));
    assert!(snippet.contains("open(\"quotes.csv\""), "{snippet}");
    let csv = std::fs::read_to_string(dir.path().join("quotes.csv")).unwrap();
    let rows = csv_rows(&csv);
    let named: Vec<&str> = snippet
        .split("row[\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect();
    assert!(
        named.contains(&"side") && named.contains(&"kind"),
        "{snippet}"
    );
    for column in named {
        assert!(
            rows[0].iter().any(|c| c == column),
            "{column}: {:?}",
            rows[0]
        );
    }
    let kind = rows[0].iter().position(|c| c == "kind").unwrap();
    assert!(rows[1..].iter().any(|r| r[kind] == "direct"), "{csv}");
}
