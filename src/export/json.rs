//! W3C Web Annotation JSON-LD: an `AnnotationCollection` whose items target the article
//! with a `TextQuoteSelector` (exact, prefix, suffix) and a `TextPositionSelector`
//! (offsets in characters, as the model defines them, not bytes).

use super::{rows, side_name, speaker_name};
use crate::store::model::Annotations;
use serde_json::{Value, json};

/// The JSON export, pretty-printed.
pub fn to_json(a: &Annotations, text: &str) -> String {
    let rows = rows(a);
    let mut chars = CharCounter::new(text);
    let source = format!("urn:sha256:{}", a.article.sha256);
    let items: Vec<Value> = rows
        .iter()
        .map(|r| {
            let mut bodies = vec![tag(&format!("kind:{}", r.kind)), tag(&format!("status:{}", r.status.as_str()))];
            if r.side.is_some() {
                bodies.push(tag(&format!("side:{}", side_name(a, r.side))));
            }
            if r.speaker.is_some() {
                bodies.push(tag(&format!("speaker:{}", speaker_name(a, r.speaker))));
            }
            if let Some(note) = r.note {
                bodies.push(json!({"type": "TextualBody", "purpose": "commenting", "value": note}));
            }
            json!({
                "id": format!("{source}#{}", r.id),
                "type": "Annotation",
                "motivation": if r.kind == "position" { "classifying" } else { "highlighting" },
                "body": bodies,
                "target": {
                    "source": source,
                    "selector": [
                        {"type": "TextQuoteSelector", "exact": r.text, "prefix": r.prefix, "suffix": r.suffix},
                        {"type": "TextPositionSelector", "start": chars.at(r.start), "end": chars.at(r.end)},
                    ],
                },
            })
        })
        .collect();
    let doc = json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": source,
        "type": "AnnotationCollection",
        "label": a.article.title,
        "total": items.len(),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    });
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}

fn tag(value: &str) -> Value {
    json!({"type": "TextualBody", "purpose": "tagging", "value": value})
}

/// Converts byte offsets to character offsets, fast for offsets that mostly increase.
struct CharCounter<'t> {
    text: &'t str,
    byte: usize,
    chars: usize,
}

impl<'t> CharCounter<'t> {
    fn new(text: &'t str) -> CharCounter<'t> {
        CharCounter {
            text,
            byte: 0,
            chars: 0,
        }
    }

    fn at(&mut self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters() {
        let mut c = CharCounter::new("éé abc");
        assert_eq!(c.at(4), 2);
        assert_eq!(c.at(8), 6);
        assert_eq!(c.at(2), 1);
    }
}
