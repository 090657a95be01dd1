//! What a store says about its article, and the old tables it reads and drops.

use crate::article::Article;
use serde::{Deserialize, Serialize};

/// What the store says about the article it annotates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ArticleInfo {
    /// The headline.
    #[serde(default)]
    pub title: String,
    /// Where the article was read from.
    #[serde(default)]
    pub source: String,
    /// SHA-256 of the normalised text, hex.
    #[serde(default)]
    pub sha256: String,
    /// Length of the normalised text in bytes.
    #[serde(default)]
    pub bytes: usize,
    /// What the file is, when not plain text: "html" or "markdown".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// SHA-256 of the file's own bytes, when its text is made from markup.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_sha256: Option<String>,
    /// A web page's own address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A web page's author line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// When a web page says it was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The publication a web page belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site_name: Option<String>,
}

impl ArticleInfo {
    /// The `[article]` table for an article.
    pub fn of(article: &Article) -> ArticleInfo {
        let meta = &article.meta;
        ArticleInfo {
            title: article.title().to_string(),
            source: article.source.to_string(),
            sha256: article.sha256().to_string(),
            bytes: article.text.len(),
            kind: article
                .kind
                .is_markup()
                .then(|| article.kind.as_str().to_string()),
            file_sha256: article.file_sha256.clone(),
            url: meta.url.clone(),
            byline: meta.byline.clone(),
            published: meta.published.clone(),
            site_name: meta.site_name.clone(),
        }
    }
}

/// A table older stores may hold (`[reading]`: where the reader was): read and
/// dropped. The reader keeps its place and marks in its own state file, their one home.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Dropped;

impl<'de> Deserialize<'de> for Dropped {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Dropped, D::Error> {
        serde::de::IgnoredAny::deserialize(d).map(|_| Dropped)
    }
}
