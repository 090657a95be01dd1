//! Automatic annotation: quotes, speakers, sides and positions.

use crate::article::Article;
use crate::store::model::{Annotations, ArticleInfo, Party};

/// Finds the annotations of an article. `parties` fixes the sides; `None` infers them.
pub fn detect(article: &Article, parties: Option<&[Party]>) -> Annotations {
    let mut out = Annotations::new(article_info(article));
    if let Some(p) = parties {
        out.parties = p.to_vec();
    }
    out
}

/// The `[article]` table for an article.
pub fn article_info(article: &Article) -> ArticleInfo {
    ArticleInfo {
        title: article.title().to_string(),
        source: article.source.to_string(),
        sha256: article.sha256(),
        bytes: article.text.len(),
    }
}
