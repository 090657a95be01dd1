//! What kind of file an article is: plain text, a web page or Markdown, told from
//! its content as well as its name (a page saved as `.txt` is still a page).

use std::path::Path;

/// The kind of an article's file, which decides how its text is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Kind {
    /// Plain text, read as it is.
    #[default]
    Text,
    /// A web page: the article it holds is extracted.
    Html,
    /// Markdown: the text without its markup.
    Markdown,
}

impl Kind {
    /// The name the store and the exports give it.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Html => "html",
            Kind::Markdown => "markdown",
        }
    }

    /// The kind a name in a store stands for.
    pub fn from_name(name: &str) -> Option<Kind> {
        [Kind::Text, Kind::Html, Kind::Markdown]
            .into_iter()
            .find(|k| k.as_str() == name)
    }

    /// Whether the text parley reads is made from the file rather than being it.
    pub fn is_markup(self) -> bool {
        self != Kind::Text
    }
}

/// How far into a file its kind is looked for: a page's first tag comes early.
const SNIFF_CHARS: usize = 1024;

/// The kind of a file named `path` (none for standard input) whose decoded text is
/// `text`. A file that begins as an HTML document does is a page whatever its name;
/// a name ending in `.html`/`.htm`/`.xhtml` is a page when it holds a tag at all;
/// `.md`/`.markdown` (and the like) is Markdown; everything else is plain text.
pub fn sniff(path: Option<&Path>, text: &str) -> Kind {
    if starts_as_html(text) {
        return Kind::Html;
    }
    let extension = path
        .and_then(Path::extension)
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("html" | "htm" | "xhtml" | "shtml") if has_tag(text) => Kind::Html,
        Some("md" | "markdown" | "mdown" | "mkd" | "mkdn" | "mdwn") => Kind::Markdown,
        _ => Kind::Text,
    }
}

/// Whether the file could be markup by its name or its first byte, so that its own
/// hash is worth keeping before its text is made.
pub fn may_be_markup(path: Option<&Path>, bytes: &[u8]) -> bool {
    let start = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let first = start.iter().find(|b| !b.is_ascii_whitespace());
    first == Some(&b'<')
        || super::decode::utf16_order(bytes).is_some()
        || path.is_some_and(|p| sniff(Some(p), "<") != Kind::Text)
}

/// Whether the text opens as an HTML document: a doctype, `<html>`, `<head>`, or a
/// comment or `<meta>` before them.
fn starts_as_html(text: &str) -> bool {
    let mut rest = text.trim_start_matches(['\u{feff}', ' ', '\t', '\n', '\r']);
    // an XML declaration and comments may come first
    loop {
        let head: String = rest
            .chars()
            .take(16)
            .collect::<String>()
            .to_ascii_lowercase();
        if head.starts_with("<?xml") {
            rest = after(rest, "?>");
        } else if head.starts_with("<!--") {
            rest = after(rest, "-->");
        } else {
            return ["<!doctype html", "<html", "<head", "<meta ", "<body"]
                .iter()
                .any(|open| head.starts_with(open));
        }
        rest = rest.trim_start();
        if rest.is_empty() {
            return false;
        }
    }
}

fn after<'a>(text: &'a str, end: &str) -> &'a str {
    text.find(end).map_or("", |i| &text[i + end.len()..])
}

/// Whether the start of the text holds an HTML tag.
fn has_tag(text: &str) -> bool {
    let start: String = text.chars().take(SNIFF_CHARS).collect();
    start
        .match_indices('<')
        .any(|(i, _)| start[i + 1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '!'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(name: &str, text: &str) -> Kind {
        sniff(Some(Path::new(name)), text)
    }

    #[test]
    fn a_page_is_a_page_whatever_its_name() {
        for text in [
            "<!DOCTYPE html><html>",
            "\u{feff}  <!doctype HTML>",
            "<html lang=\"en\">",
            "<!-- saved from url -->\n<html>",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE html>",
        ] {
            assert_eq!(kind("story.txt", text), Kind::Html, "{text:?}");
            assert_eq!(sniff(None, text), Kind::Html, "{text:?}");
            assert_eq!(kind("story.md", text), Kind::Html, "{text:?}");
        }
    }

    #[test]
    fn the_name_decides_for_the_rest() {
        assert_eq!(kind("a.HTML", "<p>Just a paragraph</p>"), Kind::Html);
        assert_eq!(kind("a.html", "no tags at all"), Kind::Text);
        assert_eq!(kind("a.md", "# Title"), Kind::Markdown);
        assert_eq!(kind("a.markdown", "text"), Kind::Markdown);
        assert_eq!(kind("a.txt", "# Title\n\n<b>not a page</b>"), Kind::Text);
        assert_eq!(kind("a", "WASHINGTON (Reuters) - Talks"), Kind::Text);
        assert_eq!(sniff(None, "a < b and c > d"), Kind::Text);
    }

    #[test]
    fn markup_is_guessed_before_decoding() {
        assert!(may_be_markup(None, b"  <!DOCTYPE html>"));
        assert!(may_be_markup(None, b"\xef\xbb\xbf<html>"));
        assert!(may_be_markup(Some(Path::new("a.md")), b"# Title"));
        assert!(!may_be_markup(Some(Path::new("a.txt")), b"Title"));
    }

    #[test]
    fn kinds_have_names() {
        for k in [Kind::Text, Kind::Html, Kind::Markdown] {
            assert_eq!(Kind::from_name(k.as_str()), Some(k));
        }
        assert_eq!(Kind::from_name("pdf"), None);
    }
}
