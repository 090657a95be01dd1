//! When a page says it was published, where Readability's own reading finds no
//! date. Readability reads `article:published_time` and JSON-LD; a third of the
//! saved news pages we measure give their date only in one of the older forms
//! below (microdata, `pubdate`, Dublin Core, a `<time>` marked as the
//! publication's).

use dom_query::Document;

/// Elements that give a page's publication date, most specific first, each with the
/// attribute that holds it.
const PUBLISHED: &[(&str, &str)] = &[
    (r#"meta[itemprop~="datePublished"]"#, "content"),
    (r#"meta[name="pubdate"]"#, "content"),
    (r#"meta[property="og:pubdate"]"#, "content"),
    (r#"meta[property="article:published"]"#, "content"),
    (r#"meta[name="publish-date"]"#, "content"),
    (r#"meta[name="parsely-pub-date"]"#, "content"),
    (r#"meta[name="dc.date.issued"]"#, "content"),
    (r#"meta[name="DC.date.issued"]"#, "content"),
    (r#"meta[name="dc.date"]"#, "content"),
    (r#"meta[name="DC.date"]"#, "content"),
    (r#"meta[name="date"]"#, "content"),
    (r#"time[itemprop~="datePublished"]"#, "datetime"),
    (r#"time[pubdate]"#, "datetime"),
    (r#"meta[itemprop~="dateCreated"]"#, "content"),
    (r#"time[itemprop~="dateCreated"]"#, "datetime"),
];

/// The longest date we keep: an ISO date with time, zone and fraction is about 30
/// characters; a longer value is not a date.
const MAX_CHARS: usize = 40;

/// The page's publication date as the page writes it, from the first element of
/// `PUBLISHED` that holds one with a digit in it.
pub(super) fn published(doc: &Document) -> Option<String> {
    PUBLISHED.iter().find_map(|(selector, attr)| {
        let found = doc.select(selector);
        let value = found.attr(attr)?;
        let value = value.trim();
        let date_like =
            value.chars().any(|c| c.is_ascii_digit()) && value.chars().count() <= MAX_CHARS;
        date_like.then(|| value.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date_of(head: &str) -> Option<String> {
        published(&Document::from(
            format!("<html><head>{head}</head><body></body></html>").as_str(),
        ))
    }

    #[test]
    fn microdata_pubdate_dublin_core_and_plain_date_are_read() {
        let microdata = r#"<meta itemprop="dateModified" content="2019-11-19 03:00"><meta itemprop="datePublished" content="2019-11-19 02:24:00">"#;
        assert_eq!(date_of(microdata).as_deref(), Some("2019-11-19 02:24:00"));
        let pubdate = r#"<meta name="lastmod" content="2019-11-18T21:17:46Z"><meta name="pubdate" content="2019-11-18T21:17:27Z">"#;
        assert_eq!(date_of(pubdate).as_deref(), Some("2019-11-18T21:17:27Z"));
        let dc = r#"<meta name="DC.date.issued" content="2004-02-01">"#;
        assert_eq!(date_of(dc).as_deref(), Some("2004-02-01"));
        let plain = r#"<meta name="date" content=" 2021-06-30 ">"#;
        assert_eq!(date_of(plain).as_deref(), Some("2021-06-30"));
    }

    #[test]
    fn the_publication_wins_over_a_creation_date_and_a_marked_time_is_read() {
        let both = r#"<meta itemprop="dateCreated" content="2018-09-25"><meta itemprop="datePublished" content="2018-09-24">"#;
        assert_eq!(date_of(both).as_deref(), Some("2018-09-24"));
        let page = r#"<html><body><p>text <time pubdate datetime="2012-04-01T10:00">1 April</time></p></body></html>"#;
        assert_eq!(
            published(&Document::from(page)).as_deref(),
            Some("2012-04-01T10:00")
        );
    }

    #[test]
    fn a_page_without_one_or_with_no_date_in_it_gives_none() {
        assert_eq!(
            date_of(r#"<meta name="description" content="News of the day">"#),
            None
        );
        assert_eq!(date_of(r#"<meta name="date" content="today">"#), None);
        let long = format!(r#"<meta name="date" content="{}">"#, "1".repeat(41));
        assert_eq!(date_of(&long), None);
        // a modification date alone is not when it was published
        assert_eq!(
            date_of(r#"<meta itemprop="dateModified" content="2019-01-01">"#),
            None
        );
    }
}
