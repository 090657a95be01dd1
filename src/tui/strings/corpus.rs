//! What the corpus list says: its title and filter, moving between articles, marking
//! one done, and a folder with no articles.

/// "this reader is on one article: parley DIR opens a folder's articles as a list"
pub const NOT_A_CORPUS: &str =
    "this reader is on one article: parley DIR opens a folder's articles as a list";

/// The corpus search has found nothing yet (its worker is still reading).
pub const NO_MATCH_YET: &str = "no match yet";

/// "no articles here (.txt, .html, .md files)"
pub const NO_ARTICLES: &str = "no articles here (.txt, .html, .md files)";

/// A filter hides every article: "no file or title holds “zzz”: f changes the filter"
pub fn none_holds(filter: &str, filter_key: &str) -> String {
    format!(
        "no file or title holds “{}”: {filter_key} changes the filter",
        crate::article::sanitize_inline(filter)
    )
}

/// "this is the last article of the list"
pub const LAST_ARTICLE: &str = "this is the last article of the list";

/// "this is the first article of the list"
pub const FIRST_ARTICLE: &str = "this is the first article of the list";

/// "marked done"
pub const MARKED_DONE: &str = "marked done";

/// "marked not done"
pub const MARKED_NOT_DONE: &str = "marked not done";

/// The title of the corpus list's filter field.
pub const FILTER_TITLE: &str = "Show the articles whose file or title holds";

/// The title of the corpus search field.
pub const CORPUS_SEARCH_TITLE: &str = "Search every article for";

/// "cannot mark the article: WHY"
pub fn cannot_mark(why: &str) -> String {
    format!(
        "cannot mark the article: {}",
        crate::article::sanitize_inline(why)
    )
}

/// The corpus list's title: "12 of 40 articles · sorted by title" and its filter.
pub fn corpus_title(shown: usize, total: usize, sort: &str, filter: &str) -> String {
    format!("{shown} of {total} articles · sorted by {sort}{filter}")
}

/// The corpus list's filter in its title (` · filter “harbour”`).
pub fn corpus_filter(filter: &str) -> String {
    format!(" · filter “{filter}”")
}
