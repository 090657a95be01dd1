//! Prints why an article has its sides and each speaker its side (the candidates scored
//! as sides, each speaker's clues and the model's inputs), as one JSON object:
//! `cargo run --release --example side_evidence -- ARTICLE [--parties FILE]`.
//! `scripts/fit_sides.py` fits the detector's weights on it.

use parley::article::{Article, Source};
use std::path::Path;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (article, parties) = match args.as_slice() {
        [article] => (article, None),
        [article, flag, file] if flag == "--parties" => (article, Some(file)),
        _ => anyhow::bail!("usage: side_evidence ARTICLE [--parties FILE]"),
    };
    let article = Article::load(Source::File(article.into()), 1 << 30)?;
    let parties = parties
        .map(|f| parley::cli::read_parties(Path::new(f)))
        .transpose()?;
    let explained = parley::detect::explain_sides(&article, parties.as_deref());
    println!("{}", serde_json::to_string(&explained)?);
    Ok(())
}
