//! What the commands write: to standard output (a closed pipe is no error; on a
//! terminal, cleaned so nothing in a file can drive it), notes on standard error, and
//! a refused write as one line.

use crate::article::Article;
use crate::store::guard;
use anyhow::Result;
use std::io::{self, BufWriter, IsTerminal, StdoutLock, Write};

/// Says on standard error what loading the article changed or found (an empty file).
pub(super) fn warn_article(article: &Article) {
    for w in &article.warnings {
        let _ = writeln!(std::io::stderr(), "parley: {}: {w}", article.source);
    }
}

/// Prints notes on standard error, one line each.
pub(super) fn warn(notes: &[String]) {
    for n in notes {
        let _ = writeln!(
            std::io::stderr(),
            "parley: {}",
            crate::article::sanitize_inline(n)
        );
    }
}

/// A refused write as one line, with the way out for the command line.
pub(super) fn refused(e: guard::Refused) -> anyhow::Error {
    match e {
        guard::Refused::Exists(path) => {
            anyhow::anyhow!("{path}: already exists; pass --force to replace it")
        }
        other => other.into(),
    }
}

/// Writes to standard output; a closed pipe (`parley print | head`) is not an error.
pub(super) fn write_stdout(bytes: &[u8]) -> Result<()> {
    stream_stdout(|out| out.write_all(bytes))
}

/// Writes an export or report to standard output. The formats escape control
/// characters their own way; on a terminal each line is also cleaned as `print` and
/// the reader clean text, so nothing in a store or a config can drive the terminal.
pub(super) fn write_text_stdout(text: &str) -> Result<()> {
    if io::stdout().is_terminal() {
        return write_stdout(terminal_safe(text).as_bytes());
    }
    write_stdout(text.as_bytes())
}

/// Text cleaned line by line for a terminal: escapes removed, controls shown as
/// placeholders, bidi controls dropped; line breaks kept.
pub(super) fn terminal_safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let body = line.strip_suffix('\n');
        out.push_str(&crate::article::sanitize_inline(body.unwrap_or(line)));
        if body.is_some() {
            out.push('\n');
        }
    }
    out
}

/// Lets `write` stream into buffered standard output; a closed pipe is not an error.
pub(super) fn stream_stdout(
    write: impl FnOnce(&mut BufWriter<StdoutLock>) -> io::Result<()>,
) -> Result<()> {
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}
