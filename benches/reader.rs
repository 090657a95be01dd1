//! Reader costs: loading, wrapping, re-wrapping after a resize, one frame at 200×50 at
//! the top, middle and end, jumping to the next annotation, and a whole-document search.

mod support;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use parley::article::{Article, Source};
use parley::config::Config;
use parley::keys::Command;
use parley::store::{OpenOptions, Store};
use parley::tui::action::{Action, PromptKey};
use parley::tui::app::App;
use parley::tui::layout::Layout;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use std::hint::black_box;
use std::sync::Arc;

const SIZES: [(&str, usize); 3] = [("5KB", 5_000), ("1MB", 1_000_000), ("10MB", 10_000_000)];

fn app_for(text: &str, dir: &std::path::Path) -> App {
    let article = Arc::new(Article::from_bytes(Source::Stdin, text.as_bytes()));
    let options = OpenOptions {
        store: Some(dir.join("bench.parley.toml")),
        ..OpenOptions::default()
    };
    let store = Store::open(&article, &options);
    let mut app = App::new(article, Config::default(), (200, 50), true);
    app.update(Action::StoreReady(Box::new(store)));
    app
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("reader");
    g.sample_size(10);
    for (name, bytes) in SIZES {
        let text = support::news_like(bytes);
        g.bench_with_input(BenchmarkId::new("load", name), &text, |b, t| {
            b.iter(|| Article::from_bytes(Source::Stdin, black_box(t.as_bytes())))
        });
        let article = Article::from_bytes(Source::Stdin, text.as_bytes());
        g.bench_with_input(BenchmarkId::new("wrap_80", name), &article, |b, a| {
            b.iter(|| Layout::new(black_box(a), 80))
        });
        let dir = tempfile::tempdir().expect("temp dir");
        let mut app = app_for(&text, dir.path());
        let area = Rect::new(0, 0, 200, 50);
        let mut buf = Buffer::empty(area);
        for (at, cmd) in [("top", Command::Top), ("end", Command::Bottom)] {
            app.update(Action::Command(cmd));
            g.bench_function(BenchmarkId::new(format!("frame_200x50_{at}"), name), |b| {
                b.iter(|| {
                    buf.reset();
                    (&app).render(area, &mut buf);
                })
            });
        }
        app.update(Action::Command(Command::Top));
        let rows = app.layout.rows().len();
        app.top = rows / 2;
        g.bench_function(BenchmarkId::new("frame_200x50_middle", name), |b| {
            b.iter(|| {
                buf.reset();
                (&app).render(area, &mut buf);
            })
        });
        g.bench_function(BenchmarkId::new("resize_reflow", name), |b| {
            // below max_width + gutter, so every resize changes the text width
            let mut w = 70;
            b.iter(|| {
                w = if w == 70 { 71 } else { 70 };
                app.update(Action::Resize(w, 50));
            })
        });
        app.update(Action::Command(Command::Bottom));
        g.bench_function(BenchmarkId::new("next_annotation_at_end", name), |b| {
            b.iter(|| {
                app.selected = None;
                app.update(Action::Command(Command::PrevAnnotation));
            })
        });
        g.bench_function(BenchmarkId::new("search_whole_document", name), |b| {
            b.iter(|| {
                app.update(Action::Command(Command::Search));
                for ch in "deepwater".chars() {
                    app.update(Action::Prompt(PromptKey::Char(ch)));
                }
                app.update(Action::Prompt(PromptKey::Abort));
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
