//! [`Snippet`]: a piece of article text an annotation holds (its text, its context).
//!
//! A 10 MB article carries tens of thousands of annotations; giving each its own copy
//! of its text and of the 32 characters on either side cost more than the article
//! itself. A snippet placed in the article is a range of the shared article text
//! instead: no copy, no allocation. One read from a store file (or an orphan's, which
//! has no place) owns its text. Either way it reads as a `str`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::ops::{Deref, Range};
use std::sync::Arc;

/// A piece of text, owned or a range of a shared article text.
#[derive(Clone)]
pub struct Snippet(Repr);

#[derive(Clone)]
enum Repr {
    Owned(Box<str>),
    /// `text[start..end]`, both on character boundaries.
    Shared(Arc<String>, u32, u32),
}

impl Snippet {
    /// `text[range]` without copying it. Falls back to a copy where the range does
    /// not fit in 32 bits; `range` must lie on character boundaries of `text`.
    pub fn shared(text: &Arc<String>, range: Range<usize>) -> Snippet {
        match (u32::try_from(range.start), u32::try_from(range.end)) {
            (Ok(s), Ok(e)) if text.get(range.clone()).is_some() => {
                Snippet(Repr::Shared(Arc::clone(text), s, e))
            }
            _ => Snippet::from(text.get(range).unwrap_or_default()),
        }
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Owned(s) => s,
            // the range was checked when the snippet was made and the text never changes
            Repr::Shared(text, s, e) => text.get(*s as usize..*e as usize).unwrap_or_default(),
        }
    }
}

impl Default for Snippet {
    fn default() -> Snippet {
        Snippet(Repr::Owned(Box::from("")))
    }
}

impl Deref for Snippet {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Snippet {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl From<String> for Snippet {
    fn from(s: String) -> Snippet {
        Snippet(Repr::Owned(s.into_boxed_str()))
    }
}

impl From<&str> for Snippet {
    fn from(s: &str) -> Snippet {
        Snippet(Repr::Owned(Box::from(s)))
    }
}

impl fmt::Debug for Snippet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Snippet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq for Snippet {
    fn eq(&self, other: &Snippet) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Snippet {}

impl PartialEq<str> for Snippet {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Snippet {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Snippet {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<Snippet> for str {
    fn eq(&self, other: &Snippet) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Snippet> for &str {
    fn eq(&self, other: &Snippet) -> bool {
        *self == other.as_str()
    }
}

impl Serialize for Snippet {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Snippet {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Snippet, D::Error> {
        String::deserialize(d).map(Snippet::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_and_owned_read_alike() {
        let text = Arc::new(String::from("héllo “world”"));
        let a = Snippet::shared(&text, 0..6);
        assert_eq!(a, "héllo");
        assert_eq!(a, Snippet::from("héllo"));
        assert_eq!(a.len(), 6);
        assert_eq!(format!("{a:?}"), "\"héllo\"");
        // a range off the text or off character boundaries gives an empty snippet
        assert_eq!(Snippet::shared(&text, 1..2), "");
        assert_eq!(Snippet::shared(&text, 0..999), "");
        assert!(Snippet::default().is_empty());
    }

    #[test]
    fn a_snippet_costs_what_a_string_costs() {
        assert_eq!(
            std::mem::size_of::<Snippet>(),
            std::mem::size_of::<String>()
        );
    }

    #[test]
    fn serialises_as_a_string() {
        let text = Arc::new(String::from("a \"quoted\" word"));
        let s = Snippet::shared(&text, 2..10);
        assert_eq!(serde_json::to_string(&s).unwrap(), r#""\"quoted\"""#);
        let back: Snippet = serde_json::from_str(r#""\"quoted\"""#).unwrap();
        assert_eq!(back, s);
    }
}
