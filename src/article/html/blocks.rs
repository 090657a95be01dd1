//! The text of an HTML element as paragraphs: each block element (and each pair of
//! `<br>`) ends one, white space collapses as a browser collapses it, and what is
//! not read as the article is left out — embedded media, forms and navigation,
//! elements whose class or id names a caption, a credit or a share bar, and short
//! lines that only stamp a date or a copyright. Entities were decoded by the parser.

use super::stamps;
use dom_query::NodeRef;

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// Elements whose text is not the article's: media and their captions, scripts,
/// forms, navigation and asides, and the head (read when a page has no body, as a
/// frameset has none; `noframes` holds markup as raw text).
const SKIPPED: &[&str] = &[
    "aside",
    "audio",
    "button",
    "canvas",
    "embed",
    "figcaption",
    "figure",
    "form",
    "head",
    "iframe",
    "img",
    "input",
    "map",
    "nav",
    "noframes",
    "noscript",
    "object",
    "picture",
    "script",
    "select",
    "style",
    "svg",
    "template",
    "textarea",
    "video",
];

/// Words in a class or id that mark page furniture inside an article's element.
const FURNITURE: &[&str] = &[
    "advert",
    "byline",
    "caption",
    "credit",
    "dateline",
    "newsletter",
    "promo",
    "related",
    "share",
    "social",
    "subscribe",
    "timestamp",
];

/// The paragraphs of `root`'s text, in order, each on one line.
pub(super) fn paragraphs(root: &NodeRef) -> Vec<String> {
    article_paragraphs(root, None)
}

/// The paragraphs of an article's element on the page at `address`: as
/// [`paragraphs`], without the paragraphs and lists that are mostly links to the
/// site's other pages.
pub(super) fn article_paragraphs(root: &NodeRef, address: Option<&str>) -> Vec<String> {
    let mut walk = Walk {
        site: address.and_then(host).map(str::to_ascii_lowercase),
        ..Walk::default()
    };
    walk.tree(root);
    walk.end_paragraph();
    walk.out
}

#[derive(Default)]
struct Walk {
    /// The host of the page's address, without "www.", in lower case.
    site: Option<String>,
    current: String,
    /// Characters (not white space) of `current` that are the text of a link to
    /// another page of the site.
    linked: usize,
    /// How many links to the site's pages the walk is inside.
    links_open: usize,
    out: Vec<String>,
}

/// What the walk does next: read a node, or end the paragraph of a block whose
/// children it has read.
enum Step<'a> {
    Visit(NodeRef<'a>),
    EndBlock,
    EndLink,
}

impl Walk {
    /// Reads `root`'s children in document order. The walk keeps its own stack rather
    /// than recursing, so a page nested ten thousand elements deep cannot overflow
    /// the thread's.
    fn tree<'a>(&mut self, root: &NodeRef<'a>) {
        let mut stack: Vec<Step<'a>> = Vec::new();
        push_children(&mut stack, root);
        while let Some(step) = stack.pop() {
            let node = match step {
                Step::EndBlock => {
                    self.end_paragraph();
                    continue;
                }
                Step::EndLink => {
                    self.links_open -= 1;
                    continue;
                }
                Step::Visit(node) => node,
            };
            if node.is_text() {
                let text = node.text();
                if self.links_open > 0 {
                    self.linked += visible_chars(&text);
                }
                self.current.push_str(&text);
            } else if node.is_element() && self.enters(&node) {
                let name = element_name(&node);
                if BLOCKS.contains(&name.as_str()) {
                    self.end_paragraph();
                    stack.push(Step::EndBlock);
                }
                if name == "a" && self.is_site_link(&node) {
                    self.links_open += 1;
                    stack.push(Step::EndLink);
                }
                push_children(&mut stack, &node);
            }
        }
    }

    /// Whether the walk reads an element's children: not for what is left out, nor
    /// for a `<br>`, which breaks the line instead.
    fn enters(&mut self, node: &NodeRef) -> bool {
        let name = element_name(node);
        if SKIPPED.contains(&name.as_str()) || is_furniture(node) || self.is_link_list(node, &name)
        {
            return false;
        }
        if name == "br" {
            // one <br> breaks a line inside a paragraph; two end it
            self.current.push('\n');
            if self.current.trim_end_matches([' ', '\t']).ends_with("\n\n") {
                self.end_paragraph();
            }
            return false;
        }
        true
    }

    /// Whether `link` leads to another page of the site: a relative address, or
    /// one on the page's host or under it. A link out (a shop, a source, a
    /// document elsewhere) is often part of the story.
    fn is_site_link(&self, link: &NodeRef) -> bool {
        let Some(href) = link.attr("href") else {
            return false;
        };
        let href = href.trim();
        if href.starts_with('#') || href.starts_with("//") {
            return false;
        }
        match host(href) {
            Some(h) => self.site.as_deref().is_some_and(|site| {
                // host names are the same in any case
                let h = h.to_ascii_lowercase();
                h == site || h.strip_suffix(site).is_some_and(|p| p.ends_with('.'))
            }),
            None => !href.contains(':'),
        }
    }

    /// Whether `node` is a list that is mostly the text of links to the site's
    /// other pages: more stories, more reading, a list a story ends on rather than
    /// one it tells.
    fn is_link_list(&self, node: &NodeRef, name: &str) -> bool {
        if name != "ul" && name != "ol" {
            return false;
        }
        let linked: usize = node
            .descendants_it()
            .filter(|d| d.is_element() && element_name(d) == "a" && self.is_site_link(d))
            .map(|a| visible_chars(&a.text()))
            .sum();
        linked * 2 > visible_chars(&node.text())
    }

    fn end_paragraph(&mut self) {
        let text = self
            .current
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        self.current.clear();
        // a paragraph that is all link to the site's pages points at another story
        let all_link = self.linked >= visible_chars(&text);
        self.linked = 0;
        if !text.is_empty() && !all_link && !stamps::is_stamp(&text) {
            self.out.push(text);
        }
    }
}

/// A node's children onto the walk's stack, the first on top.
fn push_children<'a>(stack: &mut Vec<Step<'a>>, node: &NodeRef<'a>) {
    stack.extend(node.children_it(true).map(Step::Visit));
}

fn element_name(node: &NodeRef) -> String {
    node.node_name()
        .map(|n| n.to_ascii_lowercase())
        .unwrap_or_default()
}

/// How deep the elements under `root` nest (iteratively, for the same reason as the
/// walk).
pub(super) fn depth(root: &NodeRef) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(*root, 0usize)];
    while let Some((node, d)) = stack.pop() {
        deepest = deepest.max(d);
        stack.extend(node.children_it(false).map(|c| (c, d + 1)));
    }
    deepest
}

/// Characters that are not white space.
fn visible_chars(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

/// The host of an absolute `http(s)` address, without "www.".
fn host(address: &str) -> Option<&str> {
    let rest = address
        .strip_prefix("https://")
        .or_else(|| address.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    Some(host.strip_prefix("www.").unwrap_or(host))
}

fn is_furniture(node: &NodeRef) -> bool {
    let class = node.class().unwrap_or_default().to_ascii_lowercase();
    let id = node.id_attr().unwrap_or_default().to_ascii_lowercase();
    FURNITURE
        .iter()
        .any(|word| class.contains(word) || id.contains(word))
}
