//! Reader costs at 5 KB, 1 MB, 10 MB and 50 MB: loading, wrapping, re-wrapping after a
//! resize, one frame at 200×50 at the top, middle and end (and with the sidebar open),
//! jumping to the next annotation near the end, and a whole-document search.
//!
//! `cargo bench --bench reader`; `PARLEY_BENCH_SIZES=5KB,1MB` runs only those sizes.
//! Each input (text, article, detected annotations) is built once per size.

mod support;

use criterion::{BenchmarkGroup, BenchmarkId, Criterion, criterion_group, criterion_main};
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
use support::clock::Clock;

fn app_for(text: &str, dir: &std::path::Path) -> App {
    let article = Arc::new(Article::from_bytes(Source::Stdin, text.as_bytes()));
    let options = OpenOptions {
        store: Some(dir.join("bench.parley.toml")),
        suggest: Some(parley::detect::detect_with_progress),
        ..OpenOptions::default()
    };
    let store = Store::open(&article, &options);
    let mut app = App::new(article, Config::default(), (200, 50), true);
    app.update(Action::StoreReady(Box::new(store)));
    app
}

fn bench(c: &mut Criterion<Clock>) {
    for (name, bytes) in support::sizes() {
        let text = support::news_like(bytes);
        let mut g = c.benchmark_group("reader");
        g.bench_with_input(BenchmarkId::new("load", name), &text, |b, t| {
            b.iter(|| Article::from_bytes(Source::Stdin, black_box(t.as_bytes())))
        });
        let article = Article::from_bytes(Source::Stdin, text.as_bytes());
        g.bench_with_input(BenchmarkId::new("wrap_80", name), &article, |b, a| {
            b.iter(|| Layout::new(black_box(a), 80))
        });
        drop(article);
        g.finish();
        let dir = tempfile::tempdir().expect("temp dir");
        let mut app = app_for(&text, dir.path());
        drop(text);
        while !app.layout().is_complete() {
            app.update(parley::tui::action::Action::Idle);
        }
        let rows = app.layout().rows();
        eprintln!(
            "{name}: {} rows at width {}, {} bytes of rows ({} a row); {} annotations",
            rows.len(),
            app.layout().width,
            std::mem::size_of_val(rows),
            std::mem::size_of::<parley::tui::layout::Row>(),
            app.hl().items.len()
        );
        bench_frames(c, name, &mut app);
        bench_moves(c, name, &mut app);
    }
}

/// One frame drawn into a 200×50 buffer, as the terminal would get it.
fn bench_frames(c: &mut Criterion<Clock>, name: &str, app: &mut App) {
    let mut g = c.benchmark_group("reader");
    let area = Rect::new(0, 0, 200, 50);
    let mut buf = Buffer::empty(area);
    let mut frame = |g: &mut BenchmarkGroup<'_, Clock>, id: &str, app: &App| {
        g.bench_function(BenchmarkId::new(id, name), |b| {
            b.iter(|| {
                buf.reset();
                app.render(area, &mut buf);
            })
        });
    };
    app.update(Action::Command(Command::Top));
    frame(&mut g, "frame_200x50_top", app);
    app.update(Action::Command(Command::Bottom));
    frame(&mut g, "frame_200x50_end", app);
    app.update(Action::Command(Command::Top));
    // 50%: the middle of the article
    for action in [Action::CountDigit(5), Action::CountDigit(0)] {
        app.update(action);
    }
    app.update(Action::Command(Command::GoPercent));
    frame(&mut g, "frame_200x50_middle", app);
    app.update(Action::Command(Command::ToggleSidebar));
    frame(&mut g, "frame_200x50_middle_sidebar", app);
    app.update(Action::Command(Command::ToggleSidebar));
    g.finish();
}

/// Re-wrapping, jumping to an annotation and searching.
fn bench_moves(c: &mut Criterion<Clock>, name: &str, app: &mut App) {
    let mut g = c.benchmark_group("reader");
    g.bench_function(BenchmarkId::new("resize_reflow", name), |b| {
        // below max_width + gutter, so every resize changes the text width
        let mut w = 70;
        b.iter(|| {
            w = if w == 70 { 71 } else { 70 };
            app.update(Action::Resize(w, 50));
        })
    });
    app.update(Action::Resize(200, 50));
    // The last annotation placed in the text (orphans come after it), and the one before:
    // each iteration selects the one before, on screen, and jumps to the last.
    let last = app
        .hl()
        .items
        .iter()
        .rposition(|it| it.range().start != usize::MAX)
        .expect("the generated article has annotations");
    let before = last.saturating_sub(1);
    app.update(Action::Select(before));
    app.update(Action::Command(Command::NextAnnotation));
    assert_eq!(
        app.selected(),
        Some(last),
        "the jump lands on the last annotation"
    );
    g.bench_function(BenchmarkId::new("next_annotation_at_end", name), |b| {
        b.iter(|| {
            app.update(Action::Select(before));
            app.update(Action::Command(Command::NextAnnotation));
        })
    });
    assert_eq!(
        app.selected(),
        Some(last),
        "the jump landed on the last annotation"
    );
    g.bench_function(BenchmarkId::new("search_whole_document", name), |b| {
        b.iter(|| {
            app.update(Action::Command(Command::Search));
            for ch in "deepwater".chars() {
                app.update(Action::Prompt(PromptKey::Char(ch)));
            }
            app.update(Action::Prompt(PromptKey::Abort));
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = support::criterion();
    targets = bench
}
criterion_main!(benches);
