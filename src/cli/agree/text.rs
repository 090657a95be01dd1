//! `parley agree`'s report as text: the figures, a line per article for a corpus, and
//! every disagreement with A's and B's readings.

use super::ArticleFigures;
use crate::article::sanitize_inline;
use crate::team::agree::{Agreement, Spans};
use crate::team::stats::LabelAgreement;
use std::fmt::Write;

/// The whole report.
pub(super) fn report(all: &Agreement, per_article: &[ArticleFigures]) -> String {
    let mut out = String::new();
    if !per_article.is_empty() {
        articles(&mut out, per_article);
        let _ = writeln!(
            out,
            "\ncorpus: {}, {} character{}",
            counted(all.articles, "article"),
            all.characters,
            if all.characters == 1 { "" } else { "s" }
        );
    }
    figures(&mut out, all);
    disagreements(&mut out, all);
    out
}

/// "1 article", "2 articles".
fn counted(n: usize, what: &str) -> String {
    crate::tui::strings::counted(n, what)
}

/// A figure with three decimals, or a dash when there is none.
fn number(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_string(), |x| format!("{x:.3}"))
}

fn percent(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_string(), |x| format!("{:.1}%", 100.0 * x))
}

fn figures(out: &mut String, a: &Agreement) {
    let _ = writeln!(
        out,
        "{:<11}{:>6}{:>6}{:>9}{:>10}{:>12}",
        "", "A", "B", "α_u", "F1 exact", "F1 overlap"
    );
    for (name, s) in [("quotes", &a.quotes), ("positions", &a.positions)] {
        span_line(out, name, s);
    }
    let _ = writeln!(
        out,
        "\non the {} both found:",
        counted(a.side.pairs, "quote")
    );
    for (name, l) in [
        ("kind", &a.kind),
        ("side", &a.side),
        ("speaker", &a.speaker),
    ] {
        label_line(out, name, l);
    }
}

fn span_line(out: &mut String, name: &str, s: &Spans) {
    let _ = writeln!(
        out,
        "{name:<11}{:>6}{:>6}{:>9}{:>10}{:>12}",
        s.a,
        s.b,
        number(s.alpha_u),
        number(s.f1_exact),
        number(s.f1_overlap)
    );
}

fn label_line(out: &mut String, name: &str, l: &LabelAgreement) {
    let _ = writeln!(
        out,
        "{name:<11}{:>8}   κ {}",
        percent(l.agreement),
        number(l.kappa)
    );
}

/// One line per article: the headline figures.
fn articles(out: &mut String, per_article: &[ArticleFigures]) {
    let _ = writeln!(
        out,
        "{:<32}{:>12}{:>12}{:>15}{:>9}{:>12}",
        "article", "quotes α_u", "F1 overlap", "positions α_u", "side κ", "speaker κ"
    );
    for a in per_article {
        let f = &a.figures;
        let _ = writeln!(
            out,
            "{:<32}{:>12}{:>12}{:>15}{:>9}{:>12}",
            shorten(&a.article, 31),
            number(f.quotes.alpha_u),
            number(f.quotes.f1_overlap),
            number(f.positions.alpha_u),
            number(f.side.kappa),
            number(f.speaker.kappa)
        );
    }
}

/// The first `max` characters of a text on one line, with an ellipsis when it is cut.
pub(in crate::cli) fn excerpt(text: &str, max: usize) -> String {
    let line = sanitize_inline(&text.split_whitespace().collect::<Vec<_>>().join(" "));
    if line.chars().count() <= max {
        return line;
    }
    let head: String = line.chars().take(max - 1).collect();
    format!("{head}…")
}

/// The last `max` characters of a name, with an ellipsis when it is cut.
fn shorten(name: &str, max: usize) -> String {
    let n = name.chars().count();
    if n <= max {
        return name.to_string();
    }
    let tail: String = name.chars().skip(n - max + 1).collect();
    format!("…{tail}")
}

fn disagreements(out: &mut String, a: &Agreement) {
    match a.disagreements.len() {
        0 => {
            let _ = writeln!(out, "\nno disagreements");
            return;
        }
        1 => {
            let _ = writeln!(out, "\n1 disagreement:");
        }
        n => {
            let _ = writeln!(out, "\n{n} disagreements:");
        }
    }
    let corpus = a.articles > 1;
    for d in &a.disagreements {
        let article = if corpus {
            format!("{} ", d.article)
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "{article}{} {}–{}: {}",
            d.what,
            d.start,
            d.end,
            excerpt(&d.text, 60)
        );
        for (who, reading) in [("A", &d.a), ("B", &d.b)] {
            let _ = writeln!(out, "  {who}: {}", reading.as_deref().unwrap_or("nothing"));
        }
    }
}
