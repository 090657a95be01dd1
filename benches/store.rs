//! Store benchmarks: load, save and the exports of 1 000, 10 000 and 100 000
//! annotations; re-anchoring 10 000 after an edit; accept-all, undo and redo at 10 000
//! and 100 000; JSON and CSV export of 120 000 overlapping annotations; recovering a
//! journal of 1 000 entries at 100 000; merging a fresh detection (`Edit::Redetect`)
//! into 10 000 and 100 000. Inputs are generated here.

#![allow(clippy::unwrap_used)]

mod support;

use compact_str::format_compact;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use parley::article::{Article, Source};
use parley::export::{Format, export};
use parley::model::{
    Annotations, Id, Origin, Party, Position, Quote, QuoteKind, Speaker, Status, context,
};
use parley::store::anchor::{CONTEXT_CHARS, reanchor};
use parley::store::{Edit, Filter, OpenOptions, Store};
use std::hint::black_box;
use support::clock::Clock;

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
            ..Default::default()
        },
        Party {
            id: "cuba".into(),
            name: "Cuba".into(),
            aliases: vec![],
            color: None,
            ..Default::default()
        },
    ];
    a.speakers = (0..97)
        .map(|i| Speaker {
            id: format_compact!("official-{i}"),
            name: format!("Official {i}"),
            role: Some("negotiator".into()),
            party: Some(if i % 2 == 0 { "us" } else { "cuba" }.into()),
            mentions: vec![],
            mention_text: Vec::new(),
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
        let party = Some(Id::from(if i % 2 == 0 { "us" } else { "cuba" }));
        a.quotes.push(Quote {
            id: format_compact!("q{i}"),
            start: q_start,
            end: q_end,
            text: text[q_start..q_end].into(),
            speaker: Some(format_compact!("official-{}", i % 97)),
            party: party.clone(),
            kind: QuoteKind::Direct,
            cue: None,
            cue_text: Default::default(),
            origin: Origin::Auto,
            status: Status::Suggested,
            recheck: None,
            note: (i % 10 == 0).then(|| "check \"this\" one".to_string()),
            prefix: qp.into(),
            suffix: qs.into(),
        });
        a.positions.push(Position {
            id: format_compact!("p{i}"),
            start: p_start,
            end: p_end,
            text: text[p_start..p_end].into(),
            party,
            speaker: None,
            origin: Origin::Auto,
            status: Status::Accepted,
            recheck: None,
            note: None,
            prefix: pp.into(),
            suffix: ps.into(),
        });
        from = p_end;
    }
    parley::store::schema::canonicalize(&mut a);
    a
}

/// Store sizes: (label, sentences); each sentence carries two annotations.
const STORES: [(&str, usize); 3] = [("1k", 500), ("10k", 5_000), ("100k", 50_000)];

fn store_load_save(c: &mut Criterion<Clock>) {
    for (label, sentences) in STORES {
        load_save_export(c, label, sentences);
    }
}

/// Load, save and the four exports of one store of `2 * sentences` annotations.
fn load_save_export(c: &mut Criterion<Clock>, label: &str, sentences: usize) {
    let text = article_text(sentences);
    let dir = tempfile::tempdir().unwrap();
    let article_path = dir.path().join("big.txt");
    std::fs::write(&article_path, &text).unwrap();
    let article = Article::load(Source::File(article_path.clone()), u64::MAX).unwrap();
    let a = annotations(&article.text, sentences);
    let toml = parley::store::schema::to_toml(&a).unwrap();
    let store_path = dir.path().join("big.txt.parley.toml");
    std::fs::write(&store_path, &toml).unwrap();
    eprintln!(
        "store of {} annotations: {} bytes, article {} bytes",
        2 * sentences,
        toml.len(),
        text.len()
    );
    let options = OpenOptions::default();

    let mut g = c.benchmark_group("store");
    g.bench_function(BenchmarkId::new("load", label), |b| {
        b.iter(|| black_box(Store::load(&article, &options).unwrap()))
    });
    let mut store = Store::load(&article, &options).unwrap();
    g.bench_function(BenchmarkId::new("save", label), |b| {
        b.iter(|| store.save().unwrap())
    });
    for (name, format) in [
        ("export_toml", Format::Toml),
        ("export_json", Format::Json),
        ("export_csv", Format::Csv),
        ("export_markdown", Format::Markdown),
    ] {
        g.bench_function(BenchmarkId::new(name, label), |b| {
            b.iter(|| black_box(export(&a, &article.text, format, false).unwrap()))
        });
    }
    g.finish();
}

fn store_reanchor(c: &mut Criterion<Clock>) {
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
    g.bench_function("reanchor_after_edit/10k", |b| {
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

/// Accept-all over every suggestion, its undo and its redo, at 10k and 100k
/// annotations (half of them suggestions): each one journalled step, as in the reader.
fn store_accept_all(c: &mut Criterion<Clock>) {
    for (label, sentences) in [("10k", 5_000), ("100k", 50_000)] {
        let text = article_text(sentences);
        let dir = tempfile::tempdir().unwrap();
        let article_path = dir.path().join("big.txt");
        std::fs::write(&article_path, &text).unwrap();
        let article = Article::load(Source::File(article_path), u64::MAX).unwrap();
        let a = annotations(&article.text, sentences);
        let toml = parley::store::schema::to_toml(&a).unwrap();
        std::fs::write(dir.path().join("big.txt.parley.toml"), toml).unwrap();
        let mut store = Store::load(&article, &OpenOptions::default()).unwrap();
        let accept_all = || Edit::SetStatusAll {
            filter: Filter {
                quotes: true,
                positions: true,
                ..Filter::default()
            },
            status: Status::Accepted,
        };
        let mut g = c.benchmark_group("store");
        g.sample_size(10);
        // each sample leaves the store as it found it: accept all, then undo
        g.bench_function(BenchmarkId::new("accept_all_and_undo", label), |b| {
            b.iter(|| {
                store.apply(accept_all()).unwrap();
                store.undo().unwrap()
            })
        });
        store.apply(accept_all()).unwrap();
        store.undo().unwrap();
        g.bench_function(BenchmarkId::new("redo_and_undo", label), |b| {
            b.iter(|| {
                store.redo().unwrap();
                store.undo().unwrap()
            })
        });
        g.finish();
    }
}

/// JSON export when every position overlaps the quote before it (its sentence, quote
/// included), so character offsets step back at every row: 120k annotations.
fn store_export_overlapping(c: &mut Criterion<Clock>) {
    let sentences = 60_000;
    let text = article_text(sentences);
    let mut a = annotations(&text, sentences);
    for (p, q) in a.positions.iter_mut().zip(&a.quotes) {
        p.start = q.start;
        p.text = text[p.start..p.end].into();
    }
    parley::store::schema::canonicalize(&mut a);
    let mut g = c.benchmark_group("store");
    g.sample_size(10);
    for (name, format) in [("export_json", Format::Json), ("export_csv", Format::Csv)] {
        g.bench_function(BenchmarkId::new(name, "120k_overlapping"), |b| {
            b.iter(|| black_box(export(&a, &text, format, true).unwrap()))
        });
    }
    g.finish();
}

/// Opening a store of 100k annotations with a journal of 1 000 one-note entries, all
/// good or with one bad entry in the middle (which makes every entry checked on its
/// own): replaying only, in inspect mode, so each sample finds the same files.
fn store_recover_journal(c: &mut Criterion<Clock>) {
    use parley::store::history::{Change, Item};
    use parley::store::journal::{self, Journal};
    let sentences = 50_000;
    let text = article_text(sentences);
    let dir = tempfile::tempdir().unwrap();
    let article_path = dir.path().join("big.txt");
    std::fs::write(&article_path, &text).unwrap();
    let article = Article::load(Source::File(article_path), u64::MAX).unwrap();
    let a = annotations(&article.text, sentences);
    let toml = parley::store::schema::to_toml(&a).unwrap();
    let store_path = dir.path().join("big.txt.parley.toml");
    std::fs::write(&store_path, &toml).unwrap();
    let base = parley::article::sha256_hex(toml.as_bytes());
    let note = |i: usize| {
        let mut p = a.positions[i * 37 % a.positions.len()].clone();
        p.note = Some(format!("entry {i}"));
        vec![Change::Put(Item::Position(p))]
    };
    let options = OpenOptions {
        inspect: true,
        ..OpenOptions::default()
    };
    let mut g = c.benchmark_group("store");
    g.sample_size(10);
    for (label, bad) in [("1000_entries", false), ("1000_entries_one_bad", true)] {
        let jpath = journal::path_for(&store_path);
        let _ = std::fs::remove_file(&jpath);
        let mut j = Journal::start(&jpath, &base, None).unwrap();
        for i in 0..1000 {
            let mut entry = note(i);
            if bad && i == 500 {
                // a speaker no one defined: the set would not be valid
                if let Change::Put(Item::Position(p)) = &mut entry[0] {
                    p.speaker = Some("nobody".into());
                }
            }
            j.append(&entry).unwrap();
        }
        drop(j);
        g.bench_function(BenchmarkId::new("recover_journal", label), |b| {
            b.iter(|| black_box(Store::load(&article, &options).unwrap()))
        });
    }
    g.finish();
}

/// `:detect` on a store of 10k and 100k annotations (half of them accepted, a tenth
/// of the rest with a note, so kept): merging a detection that finds the same, and one
/// that gives every other quote the other side; each sample applies and undoes it.
fn store_redetect(c: &mut Criterion<Clock>) {
    for (label, sentences) in [("10k", 5_000), ("100k", 50_000)] {
        let text = article_text(sentences);
        let dir = tempfile::tempdir().unwrap();
        let article_path = dir.path().join("big.txt");
        std::fs::write(&article_path, &text).unwrap();
        let article = Article::load(Source::File(article_path), u64::MAX).unwrap();
        let a = annotations(&article.text, sentences);
        let toml = parley::store::schema::to_toml(&a).unwrap();
        std::fs::write(dir.path().join("big.txt.parley.toml"), toml).unwrap();
        let mut store = Store::load(&article, &OpenOptions::default()).unwrap();
        let same = a.clone();
        let mut flipped = a.clone();
        for q in flipped.quotes.iter_mut().step_by(2) {
            q.party = Some(
                if q.party.as_deref() == Some("us") {
                    "cuba"
                } else {
                    "us"
                }
                .into(),
            );
        }
        let mut g = c.benchmark_group("store");
        g.sample_size(10);
        for (case, found) in [("same", &same), ("sides_flipped", &flipped)] {
            g.bench_function(BenchmarkId::new(format!("redetect_{case}"), label), |b| {
                b.iter(|| {
                    let o = store
                        .apply(Edit::Redetect(Box::new(found.clone())))
                        .unwrap();
                    if o.changes > 0 {
                        store.undo().unwrap();
                    }
                    o.changes
                })
            });
        }
        g.finish();
    }
}

criterion_group! {
    name = benches;
    config = support::criterion();
    targets = store_load_save, store_reanchor, store_accept_all, store_export_overlapping,
        store_recover_journal, store_redetect
}
criterion_main!(benches);
