//! News-like input for benchmarks, generated from the bundled article: paragraphs are
//! copied with their sentences rotated and names varied, so no two screens are equal.

#![allow(dead_code)]

/// About `bytes` of news-like text: a title, then paragraphs separated by blank lines.
pub fn news_like(bytes: usize) -> String {
    let article = parley::article::Article::bundled();
    let paragraphs: Vec<&str> = article
        .structure
        .paragraphs
        .iter()
        .map(|p| &article.text[p.range.clone()])
        .collect();
    let names = [
        "Kelly",
        "Rodriguez",
        "Moreno",
        "Okafor",
        "Lindqvist",
        "Tanaka",
    ];
    let mut out = String::with_capacity(bytes + 4096);
    out.push_str("Talks resume in sign of better ties\n\n");
    let mut i = 0usize;
    while out.len() < bytes {
        let p = paragraphs[i % paragraphs.len()];
        let name = names[(i / paragraphs.len()) % names.len()];
        out.push_str(
            &p.replace("Kelly", name)
                .replace("Rodriguez", names[(i + 1) % names.len()]),
        );
        out.push_str("\n\n");
        i += 1;
    }
    out
}
