//! Taking the terminal over and giving it back. Frames go out through a buffer that
//! holds a whole frame, so each reaches the terminal in one write: the screen never
//! shows half of one, and a page turn costs one system call instead of one a kilobyte
//! (standard output on its own flushes every 1 KiB).

use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::terminal::{EnterAlternateScreen, disable_raw_mode, enable_raw_mode};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::{Rect, Size};
use ratatui::{TerminalOptions, Viewport};
use std::cell::RefCell;
use std::io::{self, BufWriter, Stdout, Write};
use std::panic::PanicHookInfo;
use std::thread::ThreadId;

/// The reader's terminal.
pub type Term = ratatui::Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// Room for a full 200×50 screen of styled text; a larger frame takes a few writes.
const FRAME_BYTES: usize = 64 * 1024;

/// Raw mode, the alternate screen and bracketed paste, with a panic hook that, for a
/// panic on the calling thread (the reader's), gives the terminal back before the panic
/// is reported; a worker's panic is kept for its guard instead ([`panic_hook`]). On
/// failure the terminal is given back at once.
///
/// Bracketed paste makes the terminal mark pasted text, which then arrives as one
/// paste event, not as keys: a line break in a paste is not Enter, and the text
/// after it is never run as commands.
pub fn open() -> io::Result<Term> {
    let report = std::panic::take_hook();
    std::panic::set_hook(panic_hook(std::thread::current().id(), report, restore));
    let opened = enable_raw_mode()
        .and_then(|()| {
            crossterm::execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)
        })
        .and_then(|()| fresh());
    if opened.is_err() {
        restore();
    }
    opened
}

/// A panic hook, as `std::panic::set_hook` takes it.
type Hook = Box<dyn Fn(&PanicHookInfo<'_>) + Sync + Send + 'static>;

thread_local! {
    /// The report of a panic on this thread, when it is a worker's: kept by the hook
    /// for the worker's guard, which sends it to the reader as it unwinds.
    static WORKER_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The hook for a reader whose loop runs on thread `reader`. A panic there ends the
/// reader: `give_back` returns the terminal, then `report` prints the panic. A panic on
/// any other thread (a worker) prints nothing, since the reader still owns the screen
/// and goes on drawing: its report is kept ([`take_worker_panic`]) for the worker's
/// guard to send, and the reader shows it as a warning.
fn panic_hook(reader: ThreadId, report: Hook, give_back: fn()) -> Hook {
    Box::new(move |info| {
        if std::thread::current().id() == reader {
            give_back();
            report(info);
        } else {
            keep_worker_panic(panic_report(info));
        }
    })
}

/// Keeps a worker's panic report on its thread.
pub(crate) fn keep_worker_panic(report: String) {
    WORKER_PANIC.with(|k| *k.borrow_mut() = Some(report));
}

/// The report of the latest panic on the calling thread when it is a worker, taken;
/// `None` without one (or when no reader installed its hook).
pub fn take_worker_panic() -> Option<String> {
    WORKER_PANIC.with(|k| k.borrow_mut().take())
}

/// A panic's message and where it happened: "message at file:line".
fn panic_report(info: &PanicHookInfo<'_>) -> String {
    let payload = info.payload();
    let message = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("panic");
    match info.location() {
        Some(at) => format!("{message} at {}:{}", at.file(), at.line()),
        None => message.to_string(),
    }
}

/// A terminal object that knows nothing of what is on screen, so its first frame is
/// drawn whole (after the screen was handed to another program, say). Its size is the
/// terminal's, capped ([`capped`]); the reader resizes it on each resize event.
pub fn fresh() -> io::Result<Term> {
    let size = capped(crossterm::terminal::size().map_or(Size::new(80, 24), Size::from));
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, size.width, size.height)),
    };
    ratatui::Terminal::with_options(buffered(io::stdout()), options)
}

/// The largest screen drawn: a terminal that reports more (65535×65535 would ask
/// for two 200 GB screen buffers) is drawn at this size in its top left corner.
pub const MAX_SIZE: Size = Size::new(1000, 500);

/// A reported size, capped at [`MAX_SIZE`].
pub fn capped(size: Size) -> Size {
    Size::new(
        size.width.min(MAX_SIZE.width),
        size.height.min(MAX_SIZE.height),
    )
}

/// Follows a new size of the terminal (capped).
pub fn resize(term: &mut Term, size: Size) -> io::Result<()> {
    let size = capped(size);
    term.resize(Rect::new(0, 0, size.width, size.height))
}

/// A backend writing to `out` a frame at a time.
fn buffered<W: Write>(out: W) -> CrosstermBackend<BufWriter<W>> {
    CrosstermBackend::new(BufWriter::with_capacity(FRAME_BYTES, out))
}

/// Lets the terminal object go (at the end of a session, or when a fresh one replaces it
/// after a suspend). ratatui's own drop shows the cursor and, when that fails because
/// the terminal has gone, reports it on standard error, which has gone with it: the
/// report panics. So the cursor is shown here, and if that fails the object is let go
/// without its drop, leaking its two screen buffers once.
pub fn close(mut term: Term) {
    if term.show_cursor().is_err() {
        std::mem::forget(term);
    }
}

/// Turns bracketed paste off, leaves the alternate screen and raw mode: the terminal
/// as it was found. Errors are ignored, as there is nothing better to do with the
/// terminal than try. Every way out passes here: quitting, the signals (the fatal
/// ones before the process dies of them), a panic (the hook), suspending.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = crossterm::execute!(
        io::stdout(),
        DisableBracketedPaste,
        crossterm::terminal::LeaveAlternateScreen
    );
}

/// Takes the terminal again after a suspend: raw mode, the alternate screen (cleared)
/// and bracketed paste, as [`open`] left them.
pub fn retake() -> io::Result<()> {
    enable_raw_mode()?;
    crossterm::execute!(
        io::stdout(),
        EnterAlternateScreen,
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All),
        EnableBracketedPaste
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::config::Config;
    use crate::tui::app::App;
    use ratatui::Terminal;
    use std::sync::{Arc, Mutex};

    /// Counts the writes that reach it and keeps what they wrote.
    #[derive(Debug, Clone, Default)]
    struct Recorder(Arc<Mutex<Vec<Vec<u8>>>>);

    impl Write for Recorder {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.lock().expect("not poisoned").push(buf.to_vec());
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_whole_styled_screen_goes_out_in_one_write() {
        let out = Recorder::default();
        let area = Rect::new(0, 0, 200, 50);
        let options = TerminalOptions {
            viewport: Viewport::Fixed(area),
        };
        let mut term = Terminal::with_options(buffered(out.clone()), options).expect("terminal");
        let app = App::new(
            Arc::new(Article::bundled()),
            Config::default(),
            (area.width, area.height),
            true,
        );
        term.draw(|f| f.render_widget(&app, f.area()))
            .expect("draw");
        let writes = out.0.lock().expect("not poisoned").clone();
        assert_eq!(writes.len(), 1, "one write for the frame");
        let frame = String::from_utf8_lossy(&writes[0]);
        assert!(frame.contains("Cuba"), "the article is in it");
        assert!(frame.contains("\u{1b}["), "styled");
        // the same screen again: only the cursor's state goes out, in one more write
        term.draw(|f| f.render_widget(&app, f.area()))
            .expect("draw");
        let again = out.0.lock().expect("not poisoned").clone();
        assert_eq!(again.len(), 2);
        assert!(again[1].len() < 64, "{} bytes", again[1].len());
    }

    /// What the hook under test did: the terminal given back, panics reported.
    static GIVEN_BACK: Mutex<usize> = Mutex::new(0);
    static REPORTED: Mutex<Vec<String>> = Mutex::new(Vec::new());

    fn count_give_back() {
        *GIVEN_BACK.lock().unwrap_or_else(|e| e.into_inner()) += 1;
    }

    /// The name of the worker thread the hook test panics on.
    const TEST_WORKER: &str = "terminal-test-worker";

    #[test]
    fn only_a_panic_on_the_readers_thread_gives_the_terminal_back_and_prints() {
        let reader = std::thread::current().id();
        let report: Hook = Box::new(|info| {
            let mut reported = REPORTED.lock().unwrap_or_else(|e| e.into_inner());
            reported.push(panic_report(info));
        });
        let under_test = panic_hook(reader, report, count_give_back);
        // the hook is the process's: other tests' panics go to the one they expect
        let before: Arc<Hook> = Arc::new(std::panic::take_hook());
        let others = Arc::clone(&before);
        std::panic::set_hook(Box::new(move |info| {
            let here = std::thread::current();
            if here.id() == reader || here.name() == Some(TEST_WORKER) {
                under_test(info);
            } else {
                others(info);
            }
        }));
        let worker = std::thread::Builder::new()
            .name(TEST_WORKER.into())
            .spawn(|| {
                let caught = std::panic::catch_unwind(|| panic!("a worker's bug"));
                (caught.is_err(), take_worker_panic())
            })
            .expect("spawn");
        let (worker_panicked, kept) = worker.join().expect("caught");
        let given_back_for_worker = *GIVEN_BACK.lock().unwrap_or_else(|e| e.into_inner());
        let reported_for_worker = REPORTED.lock().unwrap_or_else(|e| e.into_inner()).len();
        let reader_panicked = std::panic::catch_unwind(|| panic!("the reader's bug")).is_err();
        let _ = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| before(info)));

        assert!(worker_panicked && reader_panicked);
        assert_eq!(
            given_back_for_worker, 0,
            "a worker's panic leaves the terminal"
        );
        assert_eq!(reported_for_worker, 0, "and prints nothing");
        let kept = kept.expect("the worker's report is kept");
        assert!(kept.starts_with("a worker's bug at "), "{kept}");
        assert!(kept.contains("terminal.rs:"), "{kept}");
        assert_eq!(
            take_worker_panic(),
            None,
            "kept on the worker's thread only"
        );
        assert_eq!(*GIVEN_BACK.lock().unwrap_or_else(|e| e.into_inner()), 1);
        let reported = REPORTED.lock().unwrap_or_else(|e| e.into_inner()).clone();
        assert_eq!(reported.len(), 1);
        assert!(
            reported[0].starts_with("the reader's bug at "),
            "{reported:?}"
        );
    }

    #[test]
    fn a_huge_reported_size_is_capped() {
        assert_eq!(capped(Size::new(65535, 65535)), MAX_SIZE);
        assert_eq!(capped(Size::new(100, 30)), Size::new(100, 30));
    }
}
