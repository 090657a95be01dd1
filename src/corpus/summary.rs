//! What the corpus list and the article table show of an article without opening
//! it: its headline and how many annotations its store holds, by status and by side,
//! read from the store file alone (a journal of unsaved edits is the reader's).

use crate::article::bounded::{self, Kinds, ReadError};
use crate::article::{Kind, sanitize_inline, sniff};
use crate::model::{Annotations, QuoteKind, Status};
use crate::store::{schema, store_beside};
use std::io::Read;
use std::path::Path;

/// An article's store, counted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// Quotes, rejected ones left out.
    pub quotes: usize,
    /// Positions, rejected ones left out.
    pub positions: usize,
    /// Annotations by status: suggested, accepted, rejected.
    pub by_status: [usize; 3],
    /// Quotes and positions (rejected ones and quoted terms left out, as the reader
    /// counts a side) per side, in the store's order of sides; those of no side are
    /// not counted here.
    pub by_side: Vec<(String, usize)>,
    /// Annotations a person has decided on (orphans included): made or changed by
    /// hand, accepted, rejected, or given a note — every one but the detector's
    /// untouched suggestions.
    pub decided: usize,
}

impl Counts {
    /// The counts of an annotation set.
    pub fn of(a: &Annotations) -> Counts {
        let mut counts = Counts {
            by_side: a.parties.iter().map(|p| (p.name.clone(), 0)).collect(),
            ..Counts::default()
        };
        let spans = a
            .quotes
            .iter()
            .map(|q| {
                (
                    true,
                    q.kind == QuoteKind::Term,
                    q.status,
                    q.party.as_deref(),
                )
            })
            .chain(
                a.positions
                    .iter()
                    .map(|p| (false, false, p.status, p.party.as_deref())),
            );
        for (is_quote, is_term, status, party) in spans {
            counts.by_status[status as usize] += 1;
            if status == Status::Rejected {
                continue;
            }
            *if is_quote {
                &mut counts.quotes
            } else {
                &mut counts.positions
            } += 1;
            if is_term {
                continue;
            }
            if let Some(i) = party.and_then(|id| a.parties.iter().position(|p| p.id == id)) {
                counts.by_side[i].1 += 1;
            }
        }
        let quotes = a.quotes.iter().chain(&a.orphan_quotes);
        let positions = a.positions.iter().chain(&a.orphan_positions);
        counts.decided = quotes.filter(|q| !q.is_untouched()).count()
            + positions.filter(|p| !p.is_untouched()).count();
        counts
    }

    /// Whether a person has decided on any annotation: the article is begun.
    pub fn is_begun(&self) -> bool {
        self.decided > 0
    }

    /// "United States: 6; Cuba: 9".
    pub fn sides_line(&self) -> String {
        let parts: Vec<String> = self
            .by_side
            .iter()
            .map(|(name, n)| format!("{name}: {n}"))
            .collect();
        parts.join("; ")
    }
}

/// What a store file says of its article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoreSummary {
    /// The headline it recorded.
    pub title: String,
    /// The hash of the text it annotates.
    pub sha256: String,
    /// Its annotations, counted.
    pub counts: Counts,
}

/// Reads the store beside `article`: `Ok(None)` when there is none; an unreadable or
/// invalid store is an error naming it.
pub fn read_store(article: &Path, max_bytes: u64) -> Result<Option<StoreSummary>, String> {
    Ok(read_annotations(article, max_bytes)?.map(|a| StoreSummary {
        title: sanitize_inline(&a.article.title),
        sha256: a.article.sha256.clone(),
        counts: Counts::of(&a),
    }))
}

/// The annotations of the store beside `article`, read from the file alone.
pub fn read_annotations(article: &Path, max_bytes: u64) -> Result<Option<Annotations>, String> {
    let path = store_beside(article);
    let name = bounded::display_name(&path);
    let bytes = match bounded::read_file(&path, max_bytes, Kinds::RegularOnly) {
        Ok(bytes) => bytes,
        Err(ReadError::NotFound(_)) => return Ok(None),
        Err(e) => return Err(e.to_string()),
    };
    let text = String::from_utf8(bytes).map_err(|_| format!("{name}: not valid UTF-8"))?;
    schema::parse(&text, &name)
        .map(Some)
        .map_err(|e| e.to_string())
}

/// How much of a file is read for its headline.
const PEEK_BYTES: u64 = 64 * 1024;

/// An article's headline without reading it all: a page's `<title>` without its site's
/// name (as the reader's headline drops it), else the first
/// line that holds text (a Markdown heading without its `#` and its emphasis marks, as
/// the article's text has it). One line, made safe;
/// decoded as the article is (UTF-16 with or without a byte-order mark included).
pub fn peek_title(article: &Path) -> String {
    let mut head = Vec::new();
    let read = std::fs::File::open(article).and_then(|f| f.take(PEEK_BYTES).read_to_end(&mut head));
    if read.is_err() {
        return String::new();
    }
    let text = crate::article::normalize(&head).text;
    let title = match sniff(Some(article), &text) {
        Kind::Html => page_headline(&text),
        Kind::Markdown => first_line(&crate::article::markdown::to_text(markdown_head(&text))),
        Kind::Text => first_line(&text),
    };
    sanitize_inline(&title)
}

/// The first line that holds text, trimmed, without a heading's `#`.
fn first_line(text: &str) -> String {
    text.lines()
        .map(|l| l.trim().trim_start_matches('#').trim())
        .find(|l| !l.is_empty())
        .unwrap_or("")
        .to_string()
}

/// The start of a Markdown file, enough for its first block: the whole peek is not
/// parsed for one line (a cut construct only changes what comes after the headline).
fn markdown_head(text: &str) -> &str {
    const HEAD: usize = 8 * 1024;
    let mut end = text.len().min(HEAD);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// A page's headline as the reader will make it: its `<title>` without the site's
/// name (`og:site_name`) appended to it.
fn page_headline(html: &str) -> String {
    let title = page_title(html);
    crate::article::html::headline(&title, site_name(html).as_deref())
}

/// The site's name a page's `og:site_name` gives, read from that one tag.
fn site_name(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let at = lower.find("og:site_name")?;
    let start = lower[..at].rfind('<')?;
    let end = at + lower[at..].find('>')? + 1;
    let tag = dom_query::Document::from(html.get(start..end)?);
    let site = tag.select("meta").attr("content")?;
    let site = html_escape::decode_html_entities(&site);
    Some(site.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The text of a page's `<title>` element, entities decoded.
fn page_title(html: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let Some(open) = lower.find("<title") else {
        return String::new();
    };
    let Some(start) = lower[open..].find('>').map(|i| open + i + 1) else {
        return String::new();
    };
    let end = lower[start..]
        .find("</title")
        .map_or(html.len(), |i| start + i);
    let raw = html.get(start..end).unwrap_or("");
    let decoded = html_escape::decode_html_entities(raw);
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A store with two sides, written for this test.
    const STORE: &str = r#"version = 1
[article]
title = "T"
[[party]]
id = "a"
name = "Alpha"
[[party]]
id = "b"
name = "Beta"
[[quote]]
id = "q1"
start = 0
end = 1
text = "x"
party = "a"
status = "accepted"
[[quote]]
id = "q2"
start = 0
end = 1
text = "x"
party = "a"
status = "rejected"
[[quote]]
id = "q3"
start = 0
end = 1
text = "x"
party = "b"
[[quote]]
id = "q4"
start = 0
end = 1
text = "x"
[[position]]
id = "p1"
start = 0
end = 1
text = "x"
party = "b"
"#;

    #[test]
    fn counts_by_status_and_side_leave_rejected_out() {
        let a = schema::parse(STORE, "test").unwrap();
        let c = Counts::of(&a);
        assert_eq!((c.quotes, c.positions), (3, 1));
        assert_eq!(c.by_status, [3, 1, 1]);
        assert_eq!(c.sides_line(), "Alpha: 1; Beta: 2");
        assert_eq!(c.decided, 2, "the accepted and the rejected quote");
        assert!(c.is_begun());
    }

    #[test]
    fn a_quoted_term_counts_as_a_quote_but_not_for_its_side() {
        let mut a = schema::parse(STORE, "test").unwrap();
        a.quotes[0].kind = crate::model::QuoteKind::Term;
        let c = Counts::of(&a);
        assert_eq!(c.quotes, 3);
        // as the reader's status bar and sides editor count a side: speech, not terms
        assert_eq!(c.sides_line(), "Alpha: 0; Beta: 2");
    }

    #[test]
    fn only_a_persons_decision_begins_an_article() {
        let mut a = schema::parse(STORE, "test").unwrap();
        for q in &mut a.quotes {
            q.status = Status::Suggested;
        }
        assert_eq!(
            Counts::of(&a).decided,
            0,
            "the detector's suggestions alone"
        );
        a.positions[0].origin = crate::model::Origin::Manual;
        assert_eq!(Counts::of(&a).decided, 1, "a position tagged by hand");
        a.positions[0].origin = crate::model::Origin::Auto;
        a.quotes[3].note = Some("check the date".into());
        assert_eq!(Counts::of(&a).decided, 1, "a note");
        a.quotes[3].note = None;
        let mut orphan = a.quotes.remove(0);
        orphan.status = Status::Accepted;
        a.orphan_quotes.push(orphan);
        assert!(
            Counts::of(&a).is_begun(),
            "an accepted quote whose text went"
        );
    }

    #[test]
    fn a_store_beside_the_article_is_read_and_none_is_none() {
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join("a.txt");
        assert_eq!(read_store(&article, 1 << 20), Ok(None));
        std::fs::write(store_beside(&article), STORE).unwrap();
        let s = read_store(&article, 1 << 20).unwrap().unwrap();
        assert_eq!(s.title, "T");
        assert_eq!(s.counts.quotes, 3);
        std::fs::write(store_beside(&article), "version = 1\n[[quote]]\nid = 3\n").unwrap();
        let e = read_store(&article, 1 << 20).unwrap_err();
        assert!(e.contains("a.txt.parley.toml"), "{e}");
    }

    #[test]
    fn titles_are_peeked_from_each_kind() {
        let dir = tempfile::tempdir().unwrap();
        let cases = [
            ("a.txt", "\n\n  Talks resume\n\nBody.\n", "Talks resume"),
            ("b.md", "# Bridge approved\n\nBody.\n", "Bridge approved"),
            (
                "f.md",
                "---\nauthor: A. Reed\n---\n\n# Board rejects **Kestrel** [bid](x.html)\n",
                "Board rejects Kestrel bid",
            ),
            (
                "c.txt",
                "<!DOCTYPE html><html><head><TITLE>Ferry &amp; port</TITLE></head></html>",
                "Ferry & port",
            ),
            ("d.txt", "Bell\u{7}\n", "Bell␇"),
            (
                "e.html",
                "<html><head><title>Ferry strike ends | Harbour Herald</title>\
                 <meta content=\"Harbour Herald\" property=\"og:site_name\"></head></html>",
                "Ferry strike ends",
            ),
        ];
        for (name, text, title) in cases {
            let p = dir.path().join(name);
            std::fs::write(&p, text).unwrap();
            assert_eq!(peek_title(&p), title, "{name}");
        }
        assert_eq!(peek_title(&dir.path().join("missing.txt")), "");
        // UTF-16, with a byte-order mark and without one
        let utf16 = |bom: &[u8]| -> Vec<u8> {
            let units = "Strike ends\n\nBody.\n".encode_utf16();
            bom.iter()
                .copied()
                .chain(units.flat_map(u16::to_le_bytes))
                .collect()
        };
        for (name, bom) in [("bom.txt", &[0xFF, 0xFE][..]), ("unmarked.txt", &[][..])] {
            let p = dir.path().join(name);
            std::fs::write(&p, utf16(bom)).unwrap();
            assert_eq!(peek_title(&p), "Strike ends", "{name}");
        }
    }
}
