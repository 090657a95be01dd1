//! Web pages: the article a saved page holds. dom_smoothie (a port of Mozilla's
//! Readability) finds the element that holds the article and reads the page's
//! metadata; parley reads the text out of that element itself, a paragraph per
//! block, leaving out what a reader does not read as the article: figures and
//! their captions, photo credits, share bars, and the lines that only stamp a date
//! or a copyright. docs/DESIGN.md ("Articles of other kinds") gives the figures.

mod blocks;
mod consent;
mod dates;
mod stamps;

use dom_query::Document;
use std::collections::HashSet;

/// What a page says about itself, beside its text: the `[article]` table keeps it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMeta {
    /// The headline (the page's title without its site's name).
    pub title: Option<String>,
    /// Who wrote it.
    pub byline: Option<String>,
    /// When it was published, as the page gives it.
    pub published: Option<String>,
    /// The publication.
    pub site_name: Option<String>,
    /// The page's own address (canonical or `og:url`).
    pub url: Option<String>,
}

/// A page read as an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The headline on the first line, then one paragraph per block, blank-line
    /// separated.
    pub text: String,
    /// Title, byline, date, site and address.
    pub meta: PageMeta,
    /// Whether an article was found; `false` when the page's whole text is given.
    pub found: bool,
}

/// How deep a page's elements may nest for the article to be looked for in it.
/// Readability's search takes time that grows with the square of the depth (a page
/// nested 10,000 deep took most of a minute); news pages nest a few dozen deep, so a
/// deeper one is a broken or hostile page, and its whole text is given instead.
const MAX_DEPTH: usize = 512;

/// Reads the article out of a page's HTML. Never fails: a page where no article
/// can be found gives the text of its whole body, with `found` false.
pub fn extract(html: &str) -> Page {
    let doc = Document::from(html);
    // read off the page as it is, before Readability changes it
    let banners = consent::banner_paragraphs(&doc);
    let page_date = dates::published(&doc);
    if blocks::depth(&doc.root()) > MAX_DEPTH {
        return whole_page(&doc, &banners);
    }
    let config = dom_smoothie::Config {
        // the class names let the walk leave out captions and credits
        keep_classes: true,
        ..Default::default()
    };
    let parsed = dom_smoothie::Readability::with_document(doc, None, Some(config))
        .ok()
        .and_then(|mut r| r.parse().ok());
    let Some(found) = parsed else {
        // the search changed the tree it was given: the whole text is read afresh
        return whole_page(&Document::from(html), &banners);
    };
    let meta = PageMeta {
        title: clean(Some(headline(&found.title, found.site_name.as_deref()))),
        byline: clean(found.byline),
        published: clean(found.published_time.or(page_date)),
        site_name: clean(found.site_name),
        url: clean(found.url.or_else(|| own_address(html))),
    };
    let paragraphs = blocks::article_paragraphs(
        &Document::from(found.content.as_ref()).root(),
        meta.url.as_deref(),
    );
    let mut paragraphs = consent::left_out(paragraphs, &banners);
    let mut meta = meta;
    if opens_with_fuller_headline(meta.title.as_deref(), &paragraphs) {
        meta.title = Some(paragraphs.remove(0));
    }
    Page {
        text: join(meta.title.as_deref(), paragraphs),
        meta,
        found: true,
    }
}

/// Whether the article's first paragraph is the headline the page's title cuts short
/// ("Strike spreads" titling a page whose heading reads "Strike spreads to a second
/// port"): a short line that begins with the title. It is then the headline; kept
/// beside the title, the text would give the headline twice.
fn opens_with_fuller_headline(title: Option<&str>, paragraphs: &[String]) -> bool {
    const HEADLINE_CHARS: usize = 200;
    let (Some(title), Some(first)) = (title, paragraphs.first()) else {
        return false;
    };
    // a lead sentence that opens with the title's words is not a heading
    let heading_like = first.chars().count() <= HEADLINE_CHARS
        && !first.contains('\n')
        && !first.trim_end().ends_with('.');
    let title = title.to_lowercase();
    heading_like && first.len() > title.len() && first.to_lowercase().starts_with(&title)
}

/// The text of a page's whole body (no article found in it), with the page's
/// `<title>` as the headline.
fn whole_page(doc: &Document, banners: &HashSet<String>) -> Page {
    let title = clean(Some(doc.select("title").text().to_string()));
    let body = doc.select("body");
    let paragraphs = match body.nodes().first() {
        Some(node) => blocks::paragraphs(node),
        None => blocks::paragraphs(&doc.root()),
    };
    let meta = PageMeta {
        title,
        published: clean(dates::published(doc)),
        ..PageMeta::default()
    };
    Page {
        text: join(
            meta.title.as_deref(),
            consent::left_out(paragraphs, banners),
        ),
        meta,
        found: false,
    }
}

/// The address a page gives for itself (`<link rel="canonical">`, else `og:url`),
/// read from its head alone.
fn own_address(html: &str) -> Option<String> {
    let head_end = html.find("</head>").or_else(|| html.find("</HEAD>"))?;
    let head = Document::from(&html[..head_end]);
    let canonical = head.select(r#"link[rel="canonical"]"#).attr("href");
    let og = || head.select(r#"meta[property="og:url"]"#).attr("content");
    canonical.or_else(og).map(|a| a.to_string())
}

/// The headline first, then the paragraphs (one repeating the headline left out),
/// blank-line separated.
fn join(title: Option<&str>, paragraphs: Vec<String>) -> String {
    let mut text = String::new();
    if let Some(t) = title {
        text.push_str(t);
    }
    for p in paragraphs {
        if Some(p.as_str()) == title {
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(&p);
    }
    text.push('\n');
    text
}

/// The page's title without the site's name that pages append to it
/// ("Talks resume | The Daily Planet"); the corpus list's quick look at a page's head
/// makes its title the same way.
pub fn headline(title: &str, site: Option<&str>) -> String {
    let title = title.trim();
    if let Some(site) = site.map(str::trim).filter(|s| !s.is_empty()) {
        for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
            if let Some(rest) = title
                .strip_suffix(site)
                .and_then(|t| t.strip_suffix(sep))
                .filter(|t| !t.trim().is_empty())
            {
                return rest.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// A metadata value on one line, entities a page escaped twice decoded, and
/// nothing for an empty one.
fn clean(value: Option<String>) -> Option<String> {
    let value = value?;
    let decoded = html_escape::decode_html_entities(&value);
    let one_line = decoded.split_whitespace().collect::<Vec<_>>().join(" ");
    (!one_line.is_empty()).then_some(one_line)
}

#[cfg(test)]
mod tests;
