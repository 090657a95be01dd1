//! Everything that knows about terminals: the reader and `parley print`.

pub mod action;
pub mod app;
pub mod geometry;
pub mod highlight;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod popup;
pub mod print;
pub mod search;
pub mod session;
pub mod style_row;
pub mod terminal;
pub mod theme;
pub mod view;

use crate::article::{Article, Opening};
use crate::config::Config;
use crate::store::{OpenOptions, Store};
use action::Action;
use anyhow::{Context, Result};
use app::App;
use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers, MouseEventKind};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Duration;

/// How the reader ended, as a process exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exit(pub u8);

/// The exit code after the terminal went away (as for SIGHUP).
const HANGUP: u8 = 128 + 1;

/// Signals that end the reader, with the conventional exit code 128 + number.
const STOP_SIGNALS: [i32; 3] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
];

/// What the worker thread sends the reader.
enum Loaded {
    /// The whole article, when the reader opened on its start.
    Article(Arc<Article>),
    /// The rest of the article could not be read.
    Failed(String),
    /// The store, opened (and, without a file, detected).
    Store(Box<Store>),
}

/// Runs the full-screen reader until the user quits or a signal arrives. The rest of a
/// large article is read, and the store opened (and, without one, the article
/// detected), on a worker thread, so the first screen waits for neither.
pub fn run(opening: Opening, config: Config, options: OpenOptions, color: bool) -> Result<Exit> {
    let article = Arc::new(opening.article);
    let signal = Arc::new(AtomicUsize::new(0));
    for sig in STOP_SIGNALS {
        signal_hook::flag::register_usize(sig, Arc::clone(&signal), sig as usize)
            .context("cannot install signal handlers")?;
    }
    let mouse = config.reader.mouse;
    let place_path = session::default_path();
    let sha = session::fingerprint(&article.text, opening.size);
    let mut terminal = terminal::open().context("cannot take over the terminal")?;
    if mouse {
        let _ = crossterm::execute!(std::io::stdout(), crossterm::event::EnableMouseCapture);
    }
    let result = (|| -> Result<Exit> {
        let size = terminal.size()?;
        let mut app = App::new(
            Arc::clone(&article),
            config,
            (size.width, size.height),
            color,
        );
        app.loading = !opening.complete;
        if let Some(place) = place_path.as_deref().and_then(|p| session::load(p, &sha)) {
            if place.offset < article.text.len() || opening.complete {
                app.scroll_to_offset(place.offset);
            } else {
                app.resume = Some(place.offset);
            }
            for (k, v) in place.marks {
                if let Some(c) = k.chars().next() {
                    app.marks.insert(c, v);
                }
            }
        }
        // the first screen, before any background work competes for the cores
        terminal.draw(|f| f.render_widget(&app, f.area()))?;
        // the worker takes this handle on the start, so that it is gone once the
        // reader has the whole article
        let worker = spawn_worker(
            article,
            opening.complete,
            app.config.limits.max_article_bytes,
            options,
        );
        let exit = event_loop(&mut terminal, &mut app, &worker, &signal, mouse)?;
        if let Some(p) = place_path.as_deref() {
            let marks = app.marks.iter().map(|(k, v)| (k.to_string(), *v)).collect();
            let _ = session::save(
                p,
                &sha,
                session::Place {
                    offset: app.top_offset(),
                    marks,
                    seen: 0,
                },
            );
        }
        Ok(exit)
    })();
    if mouse {
        let _ = crossterm::execute!(std::io::stdout(), crossterm::event::DisableMouseCapture);
    }
    terminal::restore();
    terminal::close(terminal);
    result
}

/// The reader's end of the worker thread.
struct Worker {
    /// What it has loaded.
    loaded: mpsc::Receiver<Loaded>,
    /// How many bytes of the article the detector has done.
    detected: Arc<AtomicUsize>,
}

/// Starts the worker: it reads the rest of the article (unless `complete`), then opens
/// the store, and sends each as it is ready.
fn spawn_worker(
    start: Arc<Article>,
    complete: bool,
    max_bytes: u64,
    options: OpenOptions,
) -> Worker {
    let (tx, rx) = mpsc::channel::<Loaded>();
    let detected = Arc::new(AtomicUsize::new(0));
    let done = Arc::clone(&detected);
    std::thread::spawn(move || {
        background();
        let article = if complete {
            start
        } else {
            match Article::load(start.source.clone(), max_bytes) {
                Ok(whole) => {
                    drop(start);
                    let whole = Arc::new(whole);
                    if tx.send(Loaded::Article(Arc::clone(&whole))).is_err() {
                        return;
                    }
                    whole
                }
                Err(e) => {
                    let why = format!("cannot read the rest of the article: {e}");
                    let _ = tx.send(Loaded::Failed(why));
                    return;
                }
            }
        };
        let mut progress = |bytes: usize| done.store(bytes, Ordering::Relaxed);
        let store = Store::open_with_progress(&article, &options, &mut progress);
        let _ = tx.send(Loaded::Store(Box::new(store)));
    });
    Worker {
        loaded: rx,
        detected,
    }
}

/// The worker's niceness: background work gives way to the reader's own thread, the
/// terminal and whatever else the user is doing, and takes the cores they leave idle.
const WORKER_NICE: i32 = 10;

/// Lowers the calling thread's priority. On Linux niceness belongs to the thread, so the
/// reader's thread keeps its own; elsewhere the call may lower the whole process, which
/// is harmless. A refusal is ignored: the work is the same at any priority.
fn background() {
    let _ = rustix::process::nice(WORKER_NICE);
}

fn event_loop(
    terminal: &mut terminal::Term,
    app: &mut App,
    worker: &Worker,
    signal: &AtomicUsize,
    mouse: bool,
) -> Result<Exit> {
    let mut redraw = true;
    loop {
        if redraw {
            terminal.draw(|f| f.render_widget(&*app, f.area()))?;
            redraw = false;
        }
        if app.quit {
            return Ok(Exit(0));
        }
        let sig = signal.load(Ordering::Relaxed);
        if sig != 0 {
            return Ok(Exit(128 + sig as u8));
        }
        if app.detecting {
            let done = worker.detected.load(Ordering::Relaxed);
            if done != app.detected {
                app.detected = done;
                redraw = true;
            }
            match worker.loaded.try_recv() {
                Ok(Loaded::Article(article)) => {
                    app.update(Action::ArticleReady(article));
                    redraw = true;
                }
                Ok(Loaded::Failed(why)) => {
                    app.update(Action::ArticleFailed(why));
                    redraw = true;
                }
                Ok(Loaded::Store(store)) => {
                    app.update(Action::StoreReady(store));
                    redraw = true;
                }
                Err(mpsc::TryRecvError::Disconnected) => {
                    // the worker died (a bug): keep reading, without annotations
                    app.detecting = false;
                    app.message = Some((
                        "the annotations could not be loaded (internal error); reading only".into(),
                        app::Tone::Warning,
                    ));
                    redraw = true;
                }
                Err(mpsc::TryRecvError::Empty) => {}
            }
        }
        // While the article is still being wrapped, do a slice of it between keys.
        let busy = !app.layout.is_complete();
        let timeout = Duration::from_millis(if busy { 0 } else { 100 });
        // A closed terminal (EOF, EIO) makes poll or read fail, or leaves a terminal
        // whose size cannot be read: quit as on SIGHUP, never spin.
        let Ok(ready) = event::poll(timeout) else {
            return Ok(Exit(HANGUP));
        };
        if !ready {
            // (window_size asks the terminal only; size would fall back to running
            // `tput`, which answers from the terminfo database even with no terminal)
            if crossterm::terminal::window_size().is_err() {
                return Ok(Exit(HANGUP));
            }
            if busy {
                app.update(Action::Idle);
                redraw = true;
            }
            continue;
        }
        let Ok(ev) = event::read() else {
            return Ok(Exit(HANGUP));
        };
        redraw = true;
        let action = match ev {
            Event::Key(k) if k.kind != KeyEventKind::Release => {
                let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
                match k.code {
                    // terminal control keys, as the terminal itself would treat them
                    KeyCode::Char('c') if ctrl => return Ok(Exit(130)),
                    KeyCode::Char('z') if ctrl => {
                        suspend(terminal, mouse)?;
                        continue;
                    }
                    _ => app.action_for_key(k),
                }
            }
            Event::Resize(w, h) => Some(Action::Resize(w, h)),
            Event::Mouse(m) => match m.kind {
                MouseEventKind::ScrollDown => Some(Action::Scroll(3)),
                MouseEventKind::ScrollUp => Some(Action::Scroll(-3)),
                MouseEventKind::Down(_) => Some(Action::Click(m.column, m.row)),
                MouseEventKind::Drag(_) => Some(Action::Drag(m.column, m.row)),
                _ => None,
            },
            _ => None,
        };
        if let Some(a) = action {
            app.update(a);
        }
    }
}

/// Ctrl-Z: give the terminal back, stop, and take it again on SIGCONT.
fn suspend(terminal: &mut terminal::Term, mouse: bool) -> Result<()> {
    if mouse {
        let _ = crossterm::execute!(std::io::stdout(), crossterm::event::DisableMouseCapture);
    }
    terminal::restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP).context("cannot suspend")?;
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(
        std::io::stdout(),
        crossterm::terminal::EnterAlternateScreen,
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
    )?;
    if mouse {
        crossterm::execute!(std::io::stdout(), crossterm::event::EnableMouseCapture)?;
    }
    // A new terminal has no idea what is on screen, so the next frame is drawn whole
    // (Terminal::clear would ask the terminal for the cursor position, which not every
    // terminal answers).
    let before = std::mem::replace(terminal, terminal::fresh()?);
    terminal::close(before);
    Ok(())
}

#[cfg(test)]
mod app_tests;

#[cfg(test)]
mod edit_tests;

#[cfg(all(test, target_os = "linux"))]
mod tests {
    /// The niceness of the calling thread, from its `stat` line (the 19th field, counted
    /// after the command name in parentheses, which may hold spaces).
    fn thread_nice() -> i32 {
        let stat = std::fs::read_to_string("/proc/thread-self/stat").expect("stat");
        let after_name = &stat[stat.rfind(')').expect("name") + 2..];
        after_name
            .split(' ')
            .nth(16)
            .and_then(|n| n.parse().ok())
            .expect("nice field")
    }

    #[test]
    fn background_lowers_only_the_calling_thread() {
        let before = thread_nice();
        let worker = std::thread::spawn(|| {
            super::background();
            thread_nice()
        })
        .join()
        .expect("worker");
        // (a test run already niced past 19 - 10 ends at the ceiling of 19)
        assert_eq!(worker, (before + super::WORKER_NICE).min(19));
        assert_eq!(
            thread_nice(),
            before,
            "the calling thread keeps its priority"
        );
    }
}
