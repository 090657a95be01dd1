//! Articles of every kind, run through the real binary: a web page and Markdown read
//! as their text, the same text for `text`, `detect` and the exports, and the page's
//! metadata in the store's `[article]` table.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::path::Path;
use std::process::Output;

fn stdout(out: Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A small news page written for these tests, saved under a `.txt` name as a browser
/// might: a menu, a script whose string looks like a quote, entities, a figure.
const PAGE: &str = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<title>Ferry strike ends | Harbour Herald</title>\
<meta property=\"og:site_name\" content=\"Harbour Herald\">\
<link rel=\"canonical\" href=\"https://herald.example/ferry\">\
<meta name=\"author\" content=\"Ines Varga\">\
<script>var s = \"lang='en'\";</script></head><body>\
<nav><a href=\"/\">Home</a> <a href=\"/sport\">Sport</a></nav><article>\
<p>The ferry strike ended on Monday after the union and the operator agreed on pay.</p>\
<figure><img src=\"f.jpg\"><figcaption>A ferry at the pier.</figcaption></figure>\
<p>&ldquo;This is a fair deal for the crews,&rdquo; union leader Tomas Berg said.</p>\
<p>The operator said the first boats would sail on Tuesday morning.</p>\
</article><footer>© Harbour Herald</footer></body></html>\n";

const MARKDOWN: &str = "# Council backs the new bridge\n\n\
The city council **approved** the bridge on Thursday, [the mayor](https://m.example) said.\n\n\
> “It joins the two halves of the town,” said *Mayor Lina Ortiz*.\n";

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_str().unwrap().to_string()
}

#[test]
fn text_of_a_page_is_its_article_with_the_headline_first() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "saved.txt", PAGE);
    let text = stdout(support::parley_in(dir.path(), &["text", &page]));
    assert_eq!(
        text,
        "Ferry strike ends\n\n\
         The ferry strike ended on Monday after the union and the operator agreed on pay.\n\n\
         “This is a fair deal for the crews,” union leader Tomas Berg said.\n\n\
         The operator said the first boats would sail on Tuesday morning.\n"
    );
}

#[test]
fn text_of_markdown_loses_its_marks_and_text_stays_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let md = write(dir.path(), "bridge.md", MARKDOWN);
    assert_eq!(
        stdout(support::parley_in(dir.path(), &["text", &md])),
        "Council backs the new bridge\n\n\
         The city council approved the bridge on Thursday, the mayor said.\n\n\
         “It joins the two halves of the town,” said Mayor Lina Ortiz.\n"
    );
    let plain = write(dir.path(), "bridge.txt", MARKDOWN);
    assert_eq!(
        stdout(support::parley_in(dir.path(), &["text", &plain])),
        MARKDOWN
    );
}

#[test]
fn the_page_quote_is_found_and_the_script_is_not_a_quote() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "saved.html", PAGE);
    let toml = stdout(support::parley_in(dir.path(), &["detect", &page]));
    assert!(
        toml.contains("text = \"“This is a fair deal for the crews,”\""),
        "{toml}"
    );
    assert!(!toml.contains("lang"), "{toml}");
    for line in [
        "title = \"Ferry strike ends\"",
        "kind = \"html\"",
        "url = \"https://herald.example/ferry\"",
        "byline = \"Ines Varga\"",
        "site_name = \"Harbour Herald\"",
    ] {
        assert!(toml.contains(line), "{line} not in {toml}");
    }
    let file_hash = toml
        .lines()
        .find_map(|l| l.strip_prefix("file_sha256 = \""))
        .expect("the file's own hash");
    let text_hash = toml
        .lines()
        .find_map(|l| l.strip_prefix("sha256 = \""))
        .unwrap();
    assert_ne!(file_hash, text_hash);
}

#[test]
fn export_offsets_count_in_the_text_of_a_page() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "saved.html", PAGE);
    let text: Vec<char> = stdout(support::parley_in(dir.path(), &["text", &page]))
        .chars()
        .collect();
    let json = stdout(support::parley_in(
        dir.path(),
        &["export", &page, "--format", "json"],
    ));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let items = v["first"]["items"].as_array().unwrap();
    assert!(!items.is_empty(), "{json}");
    for item in items {
        let selectors = item["target"]["selector"].as_array().unwrap();
        let pos = selectors
            .iter()
            .find(|s| s["type"] == "TextPositionSelector")
            .unwrap();
        let quote = selectors
            .iter()
            .find(|s| s["type"] == "TextQuoteSelector")
            .unwrap();
        let (start, end) = (
            pos["start"].as_u64().unwrap() as usize,
            pos["end"].as_u64().unwrap() as usize,
        );
        let sliced: String = text[start..end].iter().collect();
        assert_eq!(sliced, quote["exact"].as_str().unwrap());
    }
}

/// Pages of our own making whose cookie or consent banner sits where Readability
/// keeps it (tests/fixtures/consent): in the story's own element under a class
/// Readability does not know, in a nameless box with buttons, or a dialog after the
/// last paragraph; none of them holds an `<article>` element.
const CONSENT_PAGES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/consent");

#[test]
fn text_of_a_page_leaves_out_its_consent_banner_and_keeps_the_story() {
    let dir = tempfile::tempdir().unwrap();
    let mut pages = 0;
    for entry in std::fs::read_dir(CONSENT_PAGES).unwrap() {
        let page = entry.unwrap().path();
        let text = stdout(support::parley_in(
            dir.path(),
            &["text", page.to_str().unwrap()],
        ));
        let lower = text.to_lowercase();
        for banner_word in ["cookie", "consent", "privacy", "accept"] {
            assert!(!lower.contains(banner_word), "{page:?}: {text}");
        }
        let paragraphs = text.split("\n\n").count();
        assert!(
            paragraphs >= 5,
            "{page:?}: the headline and the story: {text}"
        );
        assert!(text.contains("said"), "{page:?}: {text}");
        pages += 1;
    }
    assert_eq!(pages, 3);
}

/// A web page of several megabytes, of our own making: a menu, a script and paragraphs
/// of one made-up story with entities for its quotation marks.
fn large_page() -> String {
    let mut html = String::from(
        "<!DOCTYPE html><html><head><title>Harbour talks drag on</title>\
         <script>var menu = \"open\";</script></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/sport\">Sport</a></nav><article>\
         <h1>Harbour talks drag on</h1>\n",
    );
    let mut n = 0;
    while html.len() < 4 << 20 {
        n += 1;
        html.push_str(&format!(
            "<p>&ldquo;Round {n} changed nothing,&rdquo; said Ana Ruiz, the dockers&rsquo; \
             leader. The port authority said it would wait for the ministry.</p>\n"
        ));
    }
    html.push_str("</article></body></html>\n");
    html
}

#[test]
fn a_large_page_opens_in_the_reader_at_once_and_quits_on_q() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "harbour.html", &large_page());
    let mut t = support::Term::start(&["harbour.html"], 100, 24, dir.path(), &[]);
    // the page's name while its text is made on a worker, or the text once it is
    t.wait_for("the page's name, reading or read", |s| {
        let screen = s.contents();
        screen.contains("harbour.html")
            && (screen.contains("reading…") || screen.contains("Round 1 changed nothing"))
    });
    // the reader answers meanwhile: help opens and closes, a new size is drawn (once
    // the reader reads the terminal, so no resize is sent before it listens), q quits
    t.send("h");
    t.wait_text("HELP");
    t.send("\x1b");
    t.wait_text("READ");
    t.resize(80, 20);
    t.wait_last_row("harbour.html │");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    assert!(!t.screen(|s| s.alternate_screen()), "alternate screen left");
}
