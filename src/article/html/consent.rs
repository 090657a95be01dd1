//! Cookie and consent banners: found on the page as it was saved, before the article
//! is looked for, and their paragraphs left out of the article's text afterwards.
//!
//! Neither simpler way works. Taking the banners out of the page first changes the
//! page Readability scores (a class that names cookies can sit on an element that
//! holds the story, as on `<body>` feature flags), and after extraction a banner's
//! class is often gone: Readability turns a `<div>` holding one `<p>` into that `<p>`.
//! So the page is left as it is, and what is matched afterwards is the banner's text,
//! paragraph for paragraph, read by the same walk that reads the article.
//!
//! A banner is a small element either named for it (a class or id with "cookie",
//! "consent" or "gdpr") whose text speaks of cookies, consent or privacy, or, named
//! anyhow, the small box around a button whose text speaks of cookies and of what a
//! banner asks (accepting, settings, the website, the browser …).

use super::blocks;
use dom_query::{Document, NodeId, NodeRef};
use std::collections::HashSet;

/// Words in a class or id that name a consent banner.
const NAMES: &[&str] = &["cookie", "consent", "gdpr"];

/// Words a named banner's text holds (lower case); an element named so whose text
/// has none of them is something else (a wrapper with a feature flag in its class).
const TOPICS: &[&str] = &[
    "cookie",
    "consent",
    "gdpr",
    "privacy",
    "personal data",
    "data protection",
];

/// Words of what a banner says about its cookies (lower case), one of which the
/// nameless box around a button holds beside "cookie": a box about baking ("These
/// cookies keep for a week" beside a "Save recipe" button) holds none.
const BOX_WORDS: &[&str] = &[
    "accept",
    "agree",
    "consent",
    "privacy",
    "policy",
    "settings",
    "preferences",
    "website",
    "this site",
    "browser",
    "device",
];

/// A named banner holds at most this many characters of text; more is a wrapper
/// that holds the page.
const MAX_NAMED_CHARS: usize = 4000;

/// The box around a button holds at most this many characters of text.
const MAX_BOX_CHARS: usize = 600;

/// How many ancestors of a button are looked at for the box that holds it.
const MAX_BOX_CLIMB: usize = 4;

/// How many named elements and how many buttons are looked at, so that a page of
/// thousands costs no more than a page of a few.
const MAX_LOOKED_AT: usize = 256;

/// The paragraphs of the page's consent banners, as the article's walk reads them.
/// One walk over the page, which does not go into a banner it found (so nested
/// banners are read once) and keeps its own stack, as the article's walk does.
pub(super) fn banner_paragraphs(doc: &Document) -> HashSet<String> {
    let mut banners: Vec<NodeRef> = Vec::new();
    let mut seen: HashSet<NodeId> = HashSet::new();
    let (mut named, mut buttons) = (0, 0);
    let mut stack = vec![doc.root()];
    while let Some(node) = stack.pop() {
        if node.is_element() {
            if named < MAX_LOOKED_AT && is_named(&node) {
                named += 1;
                if is_named_banner(&node) {
                    seen.insert(node.id);
                    banners.push(node);
                    continue;
                }
            }
            if buttons < MAX_LOOKED_AT && is_button(&node) {
                buttons += 1;
                if let Some(banner) = box_around(&node).filter(|b| seen.insert(b.id)) {
                    banners.push(banner);
                }
            }
        }
        stack.extend(node.children_it(true));
    }
    banners.iter().flat_map(|b| blocks::paragraphs(b)).collect()
}

/// The article's `paragraphs` without those of the page's `banners`. A banner is a
/// small part of an article's text: when the paragraphs matched would be half of it
/// or more, what was taken for a banner holds the story, and nothing is left out.
pub(super) fn left_out(paragraphs: Vec<String>, banners: &HashSet<String>) -> Vec<String> {
    let whole: usize = paragraphs.iter().map(String::len).sum();
    let matched: usize = paragraphs
        .iter()
        .filter(|p| banners.contains(*p))
        .map(String::len)
        .sum();
    if matched == 0 || matched * 2 >= whole {
        return paragraphs;
    }
    paragraphs
        .into_iter()
        .filter(|p| !banners.contains(p))
        .collect()
}

/// Whether an element's class or id names a consent banner.
fn is_named(node: &NodeRef) -> bool {
    let class = node.class().unwrap_or_default().to_ascii_lowercase();
    let id = node.id_attr().unwrap_or_default().to_ascii_lowercase();
    NAMES.iter().any(|w| class.contains(w) || id.contains(w))
}

/// Whether an element is a button (or plays one).
fn is_button(node: &NodeRef) -> bool {
    let name = node.node_name().unwrap_or_default().to_ascii_lowercase();
    let kind = node.attr("type").unwrap_or_default().to_ascii_lowercase();
    name == "button"
        || (name == "input" && matches!(kind.as_str(), "button" | "submit"))
        || node
            .attr("role")
            .is_some_and(|r| r.eq_ignore_ascii_case("button"))
}

/// Whether an element named for a consent banner is one: its text says what one
/// says; never the page, its body or an element that holds a headline or an article.
fn is_named_banner(node: &NodeRef) -> bool {
    let name = node.node_name().unwrap_or_default().to_ascii_lowercase();
    if matches!(name.as_str(), "html" | "body" | "main" | "article") {
        return false;
    }
    let says_so =
        text_within(node, MAX_NAMED_CHARS).is_some_and(|t| TOPICS.iter().any(|w| t.contains(w)));
    // (small, so this look inside is short)
    says_so && !node.descendants_it().any(|d| d.is("h1, article"))
}

/// The small element around `button` whose text speaks of cookies, if there is one.
fn box_around<'a>(button: &NodeRef<'a>) -> Option<NodeRef<'a>> {
    for ancestor in button.ancestors_it(Some(MAX_BOX_CLIMB)) {
        let text = text_within(&ancestor, MAX_BOX_CHARS)?;
        if text.contains("cookie") && BOX_WORDS.iter().any(|w| text.contains(w)) {
            let name = ancestor
                .node_name()
                .unwrap_or_default()
                .to_ascii_lowercase();
            return (!matches!(name.as_str(), "html" | "body")).then_some(ancestor);
        }
    }
    None
}

/// The text under `node` in lower case, unless it holds more than `limit` characters
/// (or so many elements that it cannot be a small box); scripts and styles are not text.
fn text_within(node: &NodeRef, limit: usize) -> Option<String> {
    let mut text = String::new();
    for (seen, d) in node.descendants_it().enumerate() {
        if seen > limit * 4 {
            return None;
        }
        if !d.is_text() {
            continue;
        }
        let parent = d.parent().and_then(|p| p.node_name()).unwrap_or_default();
        if matches!(
            &*parent.to_ascii_lowercase(),
            "script" | "style" | "noscript"
        ) {
            continue;
        }
        text.push_str(&d.text().to_lowercase());
        text.push(' ');
        if text.len() > limit {
            return None;
        }
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::super::extract;

    /// A story written for these tests, in a page without an `<article>` element:
    /// `body` is the body tag's attributes, `inside` goes between its paragraphs.
    fn page(body: &str, inside: &str) -> String {
        format!(
            "<!DOCTYPE html><html><head><title>Council approves river crossing</title></head>\
             <body{body}><div id=\"page\"><div class=\"story\"><h1>Council approves river crossing</h1>\
             <p>The county council voted on Wednesday to build a second bridge over the river, \
             ending a dispute that has divided the two towns for more than a decade.</p>\
             <p>\"This crossing will bring the towns together at last,\" said council leader \
             Ruth Abara, who had argued for the plan since her election.</p>{inside}\
             <p>Opponents on the eastern bank said the bridge would bring heavy traffic \
             through their streets, and promised to fight the plan in the courts.</p>\
             <p>Work on the crossing is due to begin next spring and to take three years, \
             at a cost the council puts at forty million pounds.</p></div></div></body></html>"
        )
    }

    fn story_only() -> String {
        extract(&page("", "")).text
    }

    #[test]
    fn a_banner_named_for_cookies_inside_the_story_is_left_out() {
        // Readability makes the <div> around one <p> that <p>, and its class goes with it
        let banner = "<div class=\"cookie-notice\"><p>This site uses cookies to personalise \
                      content and to analyse our traffic. You consent to our cookies if you \
                      continue.</p><a class=\"btn\" href=\"#\">OK</a></div>";
        let text = extract(&page("", banner)).text;
        assert!(!text.contains("cookies"), "{text}");
        assert_eq!(text, story_only());
    }

    #[test]
    fn an_unnamed_box_around_a_button_that_speaks_of_cookies_is_left_out() {
        let banner = "<div><p>Our website stores cookies on your device to remember your \
                      preferences.</p><button type=\"button\">Got it</button></div>";
        let text = extract(&page("", banner)).text;
        assert_eq!(text, story_only());
    }

    #[test]
    fn a_box_about_baking_beside_a_button_is_not_a_banner() {
        let recipe = "<div><p>These cookies keep for a week in a tin.</p>\
                      <button>Save recipe</button></div>";
        let text = extract(&page("", recipe)).text;
        assert!(text.contains("These cookies keep for a week"), "{text}");
    }

    #[test]
    fn a_cookie_flag_on_the_body_leaves_the_story_whole() {
        let text = extract(&page(" class=\"site f_cookie_consent_on\"", "")).text;
        assert_eq!(text, story_only());
    }

    #[test]
    fn a_story_about_cookies_keeps_its_paragraphs() {
        let about = "<p>The regulator said websites must ask for consent before they set \
                     cookies, and that a banner which hides the refusal is not consent.</p>";
        let text = extract(&page("", about)).text;
        assert!(
            text.contains("ask for consent before they set cookies"),
            "{text}"
        );
    }

    #[test]
    fn an_element_named_for_consent_that_holds_the_story_is_not_a_banner() {
        // a wrapper named for a consent state, around a story about privacy
        let html = page("", "<p>The council's privacy notice was updated too.</p>")
            .replace("class=\"story\"", "class=\"story consent-given\"");
        let text = extract(&html).text;
        assert!(text.contains("Ruth Abara"), "{text}");
        assert!(text.contains("privacy notice"), "{text}");
    }

    #[test]
    fn a_banner_is_left_out_of_a_page_where_no_article_is_found() {
        let html = "<html><head><title>Notice</title></head><body><p>The library is closed today while the roof over \
                    the reading room is repaired; it opens again on Monday.</p>\
                    <div id=\"gdpr-bar\">We use cookies. <button>Accept</button></div></body></html>";
        let page = extract(html);
        assert!(
            page.text.contains("opens again on Monday."),
            "{}",
            page.text
        );
        assert!(!page.text.contains("cookies"), "{}", page.text);
    }
}
