//! Store benchmarks: load and save of 100 000 annotations, re-anchoring 10 000 after an
//! edit, and the exports. Inputs are generated here.

#![allow(clippy::unwrap_used)]

use criterion::{Criterion, criterion_group, criterion_main};
use parley::article::{Article, Source};
use parley::export::{Format, export};
use parley::store::anchor::{CONTEXT_CHARS, reanchor};
use parley::store::model::{
    Annotations, Origin, Party, Position, Quote, QuoteKind, Speaker, Status, context,
};
use parley::store::{OpenOptions, Store};
use std::hint::black_box;
use std::time::Duration;

/// An article of `n` numbered sentences, each a quote followed by reported speech.
fn article_text(n: usize) -> String {
    let mut t = String::from("Talks resume in Havana\n\n");
    for i in 0..n {
        t.push_str(&format!(
            "\"We remain committed to round {i} of these talks,\" said official number {}. \
             The delegation said it wanted progress on item {i}.\n",
            i % 97
        ));
    }
    t
}

/// One quote and one position per sentence: `2 * sentences` annotations.
fn annotations(text: &str, sentences: usize) -> Annotations {
    let mut a = Annotations::new(Default::default());
    a.article.sha256 = parley::article::sha256_hex(text.as_bytes());
    a.article.bytes = text.len();
    a.parties = vec![
        Party {
            id: "us".into(),
            name: "United States".into(),
            aliases: vec![],
            color: None,
        },
        Party {
            id: "cuba".into(),
            name: "Cuba".into(),
            aliases: vec![],
            color: None,
        },
    ];
    a.speakers = (0..97)
        .map(|i| Speaker {
            id: format!("official-{i}"),
            name: format!("Official {i}"),
            role: Some("negotiator".into()),
            party: Some(if i % 2 == 0 { "us" } else { "cuba" }.into()),
            mentions: vec![],
            origin: Origin::Auto,
        })
        .collect();
    let mut from = 0;
    for i in 0..sentences {
        let q_start = from + text[from..].find('"').unwrap();
        let q_end = q_start + 1 + text[q_start + 1..].find('"').unwrap() + 1;
        let p_start = q_end + text[q_end..].find("The delegation").unwrap();
        let p_end = p_start + text[p_start..].find('\n').unwrap();
        let (qp, qs) = context(text, q_start, q_end, CONTEXT_CHARS);
        let (pp, ps) = context(text, p_start, p_end, CONTEXT_CHARS);
        let party = Some(if i % 2 == 0 { "us" } else { "cuba" }.to_string());
        a.quotes.push(Quote {
            id: format!("q{i}"),
            start: q_start,
            end: q_end,
            text: text[q_start..q_end].into(),
            speaker: Some(format!("official-{}", i % 97)),
            party: party.clone(),
            kind: QuoteKind::Direct,
            cue: None,
            origin: Origin::Auto,
            status: Status::Suggested,
            note: (i % 10 == 0).then(|| "check \"this\" one".to_string()),
            prefix: qp.into(),
            suffix: qs.into(),
        });
        a.positions.push(Position {
            id: format!("p{i}"),
            start: p_start,
            end: p_end,
            text: text[p_start..p_end].into(),
            party,
            speaker: None,
            origin: Origin::Auto,
            status: Status::Accepted,
            note: None,
            prefix: pp.into(),
            suffix: ps.into(),
        });
        from = p_end;
    }
    parley::store::schema::canonicalize(&mut a);
    a
}

fn store_load_save(c: &mut Criterion) {
    let sentences = 50_000; // 100 000 annotations
    let text = article_text(sentences);
    let dir = tempfile::tempdir().unwrap();
    let article_path = dir.path().join("big.txt");
    std::fs::write(&article_path, &text).unwrap();
    let article = Article::load(Source::File(article_path.clone()), u64::MAX).unwrap();
    let a = annotations(&article.text, sentences);
    let toml = parley::store::schema::to_toml(&a).unwrap();
    let store_path = dir.path().join("big.txt.parley.toml");
    std::fs::write(&store_path, &toml).unwrap();
    eprintln!("store of 100 000 annotations: {} bytes", toml.len());
    let options = OpenOptions::default();

    let mut g = c.benchmark_group("store");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    g.bench_function("load 100k annotations", |b| {
        b.iter(|| black_box(Store::load(&article, &options).unwrap()))
    });
    let mut store = Store::load(&article, &options).unwrap();
    g.bench_function("save 100k annotations", |b| {
        b.iter(|| store.save().unwrap())
    });
    g.bench_function("export toml 100k", |b| {
        b.iter(|| black_box(export(&a, &article.text, Format::Toml, false).unwrap()))
    });
    g.bench_function("export json 100k", |b| {
        b.iter(|| black_box(export(&a, &article.text, Format::Json, false).unwrap()))
    });
    g.bench_function("export csv 100k", |b| {
        b.iter(|| black_box(export(&a, &article.text, Format::Csv, false).unwrap()))
    });
    g.bench_function("export markdown 100k", |b| {
        b.iter(|| black_box(export(&a, &article.text, Format::Markdown, false).unwrap()))
    });
    g.finish();
}

fn store_reanchor(c: &mut Criterion) {
    let sentences = 5_000; // 10 000 annotations
    let text = article_text(sentences);
    let a = annotations(&text, sentences);
    // An edit a third of the way in: a sentence inserted, a word changed inside a quote.
    let cut = text.len() / 3;
    let cut = cut + text[cut..].find('\n').unwrap() + 1;
    let mut edited = format!("{}An inserted sentence.\n{}", &text[..cut], &text[cut..]);
    edited = edited.replacen("committed to round 4000", "committed to the round 4000", 1);
    let edited = std::sync::Arc::new(edited);
    let mut g = c.benchmark_group("store");
    g.sample_size(20);
    g.bench_function("re-anchor 10k after an edit", |b| {
        b.iter_batched(
            || a.clone(),
            |mut a| black_box(reanchor(&mut a, &edited)),
            criterion::BatchSize::LargeInput,
        )
    });
    g.finish();
    let mut check = a.clone();
    let report = reanchor(&mut check, &edited);
    eprintln!(
        "re-anchor report: moved {}, fuzzy {}, orphans {}",
        report.moved,
        report.fuzzy,
        report.orphaned.len()
    );
}

criterion_group!(benches, store_load_save, store_reanchor);
criterion_main!(benches);
