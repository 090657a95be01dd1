//! W3C Web Annotation JSON-LD: an `AnnotationCollection` whose items target the article
//! with a `TextQuoteSelector` (exact, prefix, suffix) and a `TextPositionSelector`
//! (offsets in characters, as the model defines them, not bytes).

use super::{CharCounter, Row, is_control, rows, side_name, speaker_name};
use crate::model::Annotations;
use serde::Serialize;
use std::fmt::Write;

/// The JSON export, pretty-printed.
pub fn to_json(a: &Annotations, text: &str) -> String {
    let mut chars = CharCounter::new(text);
    let source = format!("urn:sha256:{}", a.article.sha256);
    let items: Vec<WebAnnotation<'_>> = rows(a)
        .into_iter()
        .map(|r| {
            let body = body(a, &r);
            // Offsets in order, so the counter only walks forward.
            let (start, end) = (chars.at(r.start), chars.at(r.end));
            WebAnnotation {
                id: format!("{source}#{}", r.id),
                kind: "Annotation",
                motivation: if r.kind == "position" {
                    "classifying"
                } else {
                    "highlighting"
                },
                body,
                target: Target {
                    source: &source,
                    selector: (
                        Selector::TextQuoteSelector {
                            exact: r.text,
                            prefix: r.prefix,
                            suffix: r.suffix,
                        },
                        Selector::TextPositionSelector { start, end },
                    ),
                },
            }
        })
        .collect();
    let doc = Collection {
        context: "http://www.w3.org/ns/anno.jsonld",
        id: &source,
        kind: "AnnotationCollection",
        label: &a.article.title,
        total: items.len(),
        first: Page {
            kind: "AnnotationPage",
            start_index: 0,
            items,
        },
    };
    let mut out = escape_controls(&serde_json::to_string_pretty(&doc).unwrap_or_default());
    out.push('\n');
    out
}

/// An annotation's bodies: its kind and status, its side and speaker as tags, its note
/// as a comment.
fn body(a: &Annotations, r: &Row<'_>) -> Vec<Body> {
    let mut body = vec![
        Body::tag(format!("kind:{}", r.kind)),
        Body::tag(format!("status:{}", r.status.as_str())),
    ];
    if r.side.is_some() {
        body.push(Body::tag(format!("side:{}", side_name(a, r.side))));
    }
    if r.speaker.is_some() {
        body.push(Body::tag(format!("speaker:{}", speaker_name(a, r.speaker))));
    }
    if let Some(note) = r.note {
        body.push(Body {
            kind: "TextualBody",
            purpose: "commenting",
            value: note.to_string(),
        });
    }
    body
}

/// `\uXXXX` for the controls serde_json leaves raw (DEL, C1, bidi, line separators).
/// JSON's structure is ASCII, so such a character can only be inside a string, where
/// the escape means the same character.
pub(super) fn escape_controls(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if is_control(c) && c != '\n' {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    id: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    label: &'a str,
    total: usize,
    first: Page<'a>,
}

#[derive(Serialize)]
struct Page<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "startIndex")]
    start_index: usize,
    items: Vec<WebAnnotation<'a>>,
}

#[derive(Serialize)]
struct WebAnnotation<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    body: Vec<Body>,
    target: Target<'a>,
}

#[derive(Serialize)]
struct Body {
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
    value: String,
}

impl Body {
    fn tag(value: String) -> Body {
        Body {
            kind: "TextualBody",
            purpose: "tagging",
            value,
        }
    }
}

#[derive(Serialize)]
struct Target<'a> {
    source: &'a str,
    selector: (Selector<'a>, Selector<'a>),
}

#[derive(Serialize)]
#[serde(tag = "type")]
enum Selector<'a> {
    TextQuoteSelector {
        exact: &'a str,
        prefix: &'a str,
        suffix: &'a str,
    },
    TextPositionSelector {
        start: usize,
        end: usize,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_left_raw_by_serde_are_escaped() {
        let raw = serde_json::to_string("a\u{9b}b\u{202e}c\u{7f}\u{1b}").unwrap_or_default();
        let escaped = escape_controls(&raw);
        assert_eq!(escaped, "\"a\\u009bb\\u202ec\\u007f\\u001b\"");
        let back: String = serde_json::from_str(&escaped).unwrap_or_default();
        assert_eq!(back, "a\u{9b}b\u{202e}c\u{7f}\u{1b}");
    }
}
