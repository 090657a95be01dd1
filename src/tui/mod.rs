//! Everything that knows about terminals: the reader and `parley print`.

pub mod action;
pub mod app;
pub mod corpus;
pub mod detection;
pub mod events;
pub mod filter;
pub mod geometry;
pub mod highlight;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod note_editor;
pub mod opening;
pub mod popup;
pub mod print;
pub mod questions;
pub mod reply;
pub mod search;
pub mod session;
pub mod strings;
pub mod style_row;
pub mod terminal;
pub mod theme;
mod threads;
pub mod view;

use crate::article::Opening;
use crate::config::Config;
use crate::keys::Command;
use crate::store::{OpenOptions, Store};
use action::Action;
use anyhow::{Context, Result};
use app::App;
use app::workers::Handle;
use crossterm::event::{Event as CtEvent, KeyEventKind, MouseEventKind};
use events::Event;
use std::sync::Arc;
use std::sync::mpsc;
use threads::{Threads, spawn_counting};

/// How the reader ended, as a process exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exit(pub u8);

/// The exit code after the terminal went away (as for SIGHUP).
const HANGUP: u8 = 128 + 1;

/// Articles up to this size are detected before the first frame, so it has its
/// highlights; larger ones on the worker. (The same size the reader detects again
/// on its own thread.)
const DETECT_BEFORE_FIRST_FRAME: usize = app::redetect::DETECT_ON_THE_SPOT;

/// How the loop ended.
enum End {
    /// With an exit code.
    Exit(Exit),
    /// By a signal whose default action should end the process once the terminal is
    /// given back.
    Fatal(i32),
}

/// Runs the full-screen reader until the user quits or a signal arrives. A small
/// article is detected before the first frame; for a larger one the rest is read,
/// and the store opened (and, without one, the article detected), on a worker
/// thread, so the first screen waits for neither.
pub fn run(
    mut opening: Opening,
    config: Config,
    options: OpenOptions,
    color: bool,
) -> Result<Exit> {
    let rest = opening.rest.take();
    // an article still to come has no text to know its reading place by: the worker
    // looks it up once it has made the text
    let to_come = opening.is_to_come();
    let article = Arc::new(opening.article);
    let mouse = config.reader.mouse;
    let place_path = session::default_path();
    let sha = (!to_come).then(|| session::fingerprint(&article.text, opening.size));
    with_terminal(mouse, |terminal, (tx, rx)| {
        let size = terminal::capped(terminal.size()?);
        let mut app = App::new(
            Arc::clone(&article),
            config,
            (size.width, size.height),
            color,
        );
        if !opening.complete {
            app.update(Action::RestToCome);
        }
        let known = place_path.as_deref().zip(sha.as_deref());
        if let Some(place) = known.and_then(|(p, sha)| session::load(p, sha)) {
            app.update(Action::Resume(place));
        }
        let small = opening.complete && article.text.len() <= DETECT_BEFORE_FIRST_FRAME;
        if small {
            let store = Store::open(&article, &options);
            app.update(Action::StoreReady(Box::new(store)));
        }
        // the first screen, before any background work competes for the cores
        terminal.draw(|f| f.render_widget(&app, f.area()))?;
        let gate = events::InputGate::default();
        events::spawn_input(tx.clone(), gate.clone()).context("cannot read the terminal")?;
        if !small {
            // started once the loop hands the app its workers, after the first screen
            let places = place_path.clone().filter(|_| to_come);
            let job = opening::OpenJob::new(article, rest, options, places);
            app.update(Action::Open(Box::new(job)));
        } else {
            drop(article);
        }
        let end = event_loop(terminal, &mut app, (tx, rx), &gate, mouse)?;
        if let Some(p) = place_path
            .as_deref()
            .filter(|_| app.loading().article_here())
        {
            keep_place(&app, p, sha, opening.size);
        }
        Ok(end)
    })
}

/// Saves where the reader left the article and its marks, under the fingerprint it
/// was opened with (`sha`), else its text's now (an article that came whole from the
/// worker, of `size` bytes), or its new text's when `:detect` read it again.
fn keep_place(app: &App, path: &std::path::Path, sha: Option<String>, size: u64) {
    let sha = match (&app.article().source, sha) {
        (crate::article::Source::File(file), _) if app.was_read_again() => {
            let size = std::fs::metadata(file).map_or(0, |m| m.len());
            session::fingerprint(&app.article().text, size)
        }
        (_, Some(sha)) => sha,
        (_, None) => session::fingerprint(&app.article().text, size),
    };
    let marks = app
        .marks()
        .iter()
        .map(|(k, v)| (k.to_string(), *v))
        .collect();
    let place = session::Place {
        offset: app.top_offset(),
        marks,
        seen: 0,
    };
    let _ = session::save(path, &sha, place);
}

/// Runs the reader over a corpus (`parley DIR`): the list of its articles first, their
/// titles and store counts read on a worker while the user looks at it.
pub fn run_corpus(corpus: corpus::Corpus, config: Config) -> Result<Exit> {
    let mouse = config.reader.mouse;
    let paths: Vec<std::path::PathBuf> = corpus.entries.iter().map(|e| e.path.clone()).collect();
    let max_store = config.limits.max_store_bytes;
    with_terminal(mouse, |terminal, (tx, rx)| {
        let size = terminal::capped(terminal.size()?);
        let mut app = App::over_corpus(corpus, config, (size.width, size.height));
        terminal.draw(|f| f.render_widget(&app, f.area()))?;
        let gate = events::InputGate::default();
        events::spawn_input(tx.clone(), gate.clone()).context("cannot read the terminal")?;
        let count = move |index, path: &std::path::Path| corpus::count(index, path, max_store);
        spawn_counting(paths, count, tx.clone());
        let end = event_loop(terminal, &mut app, (tx, rx), &gate, mouse)?;
        app.keep_place();
        Ok(end)
    })
}

/// Takes over the terminal (and the signals) for `body`, and gives it back however
/// `body` ends; a fatal signal then ends the process as it would have.
fn with_terminal(
    mouse: bool,
    body: impl FnOnce(
        &mut terminal::Term,
        (&mpsc::Sender<Event>, &mpsc::Receiver<Event>),
    ) -> Result<End>,
) -> Result<Exit> {
    let (tx, rx) = events::channel();
    events::spawn_signals(tx.clone()).context("cannot install signal handlers")?;
    // before the size is first measured (opening the terminal measures it)
    events::watch_resizes();
    let mut terminal = terminal::open().context("cannot take over the terminal")?;
    if mouse {
        let _ = crossterm::execute!(std::io::stdout(), crossterm::event::EnableMouseCapture);
    }
    let result = body(&mut terminal, (&tx, &rx));
    if mouse {
        let _ = crossterm::execute!(std::io::stdout(), crossterm::event::DisableMouseCapture);
    }
    terminal::restore();
    terminal::close(terminal);
    match result? {
        End::Exit(exit) => Ok(exit),
        End::Fatal(sig) => {
            // the terminal is given back: now end as the signal would have
            let _ = signal_hook::low_level::emulate_default_handler(sig);
            Ok(Exit(128 + sig as u8))
        }
    }
}

/// Blocks on the event channel, takes in everything queued, starts the detections the
/// app asked for, and draws once. While the article is still being wrapped it does a
/// slice of that work whenever the channel is empty, and blocks again once it is done.
fn event_loop(
    terminal: &mut terminal::Term,
    app: &mut App,
    (tx, rx): (&mpsc::Sender<Event>, &mpsc::Receiver<Event>),
    gate: &events::InputGate,
    mouse: bool,
) -> Result<End> {
    let max_bytes = app.config().limits.max_article_bytes;
    let threads = Threads {
        tx: tx.clone(),
        max_bytes,
    };
    app.update(Action::Workers(Handle(Box::new(threads))));
    loop {
        let first = if app.layout().is_complete() {
            // every sender gone would mean the input thread ended: the terminal is gone
            Some(rx.recv().unwrap_or(Event::HungUp))
        } else {
            rx.try_recv().ok()
        };
        match first {
            None => app.update(Action::Idle),
            Some(event) => {
                let mut next = Some(event);
                while let Some(event) = next {
                    if let Some(end) = handle(event, terminal, app, gate, mouse)? {
                        return Ok(end);
                    }
                    if app.wants_quit() {
                        return Ok(End::Exit(Exit(0)));
                    }
                    next = rx.try_recv().ok();
                }
            }
        }
        terminal.draw(|f| f.render_widget(&*app, f.area()))?;
    }
}

/// Takes in one event; `Some` when the reader should end.
fn handle(
    event: Event,
    terminal: &mut terminal::Term,
    app: &mut App,
    gate: &events::InputGate,
    mouse: bool,
) -> Result<Option<End>> {
    let action = match event {
        Event::Signal(sig) if events::FATAL_SIGNALS.contains(&sig) => {
            return Ok(Some(End::Fatal(sig)));
        }
        Event::Signal(sig) => return Ok(Some(End::Exit(Exit(128 + sig as u8)))),
        Event::HungUp => return Ok(Some(End::Exit(Exit(HANGUP)))),
        Event::ForArticle(ticket, inner) => {
            worker_action(*inner).map(|a| Action::ForArticle(ticket, Box::new(a)))
        }
        Event::Input(input) => match input_action(&input, app) {
            Input::Action(a) => a,
            Input::Interrupt => return Ok(Some(End::Exit(Exit(130)))),
            Input::Suspend => {
                suspend(terminal, gate, mouse)?;
                None
            }
            Input::Resize(w, h) => {
                terminal::resize(terminal, ratatui::layout::Size::new(w, h))?;
                Some(Action::Resize(w, h))
            }
        },
        worker => worker_action(worker),
    };
    if let Some(a) = action {
        app.update(a);
    }
    Ok(None)
}

/// The action for what a worker sent (nothing for any other event).
fn worker_action(event: Event) -> Option<Action> {
    Some(match event {
        Event::Progress(n) => Action::Progress(n),
        Event::ArticleReady(a) => Action::ArticleReady(a),
        Event::ArticleFailed(why) => Action::ArticleFailed(why),
        Event::Resume(place) => Action::Resume(place),
        Event::StoreReady(store) => Action::StoreReady(store),
        Event::WorkerGone(gone) => Action::WorkerGone(gone),
        Event::Detected(done) => Action::Detected(done),
        Event::CorpusCounted(counted) => Action::CorpusCounted(counted),
        Event::CorpusFound(found) => Action::CorpusFound(found),
        _ => return None,
    })
}

/// What a terminal event asks of the loop.
enum Input {
    /// An action for the app (or nothing).
    Action(Option<Action>),
    /// Ctrl-C while reading: end as the terminal's interrupt would.
    Interrupt,
    /// Ctrl-Z: hand the terminal back and stop.
    Suspend,
    /// The terminal has a new size (capped).
    Resize(u16, u16),
}

fn input_action(input: &CtEvent, app: &App) -> Input {
    let action = match *input {
        // suspending and interrupting are the loop's, here only, through the keymap of
        // the layer on top (a prompt binds Ctrl-C to cancel instead); the rest is the
        // layer's to map
        CtEvent::Key(k) if k.kind != KeyEventKind::Release => {
            match app.keymap().command(app.mode().scope(), k) {
                Some(Command::Suspend) => return Input::Suspend,
                Some(Command::Interrupt) => return Input::Interrupt,
                _ => app.action_for_key(k),
            }
        }
        // pasted text is text for a field, whatever keys it holds
        CtEvent::Paste(ref text) => Some(Action::Paste(text.clone())),
        CtEvent::Resize(w, h) => {
            let size = terminal::capped(ratatui::layout::Size::new(w, h));
            return Input::Resize(size.width, size.height);
        }
        CtEvent::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Scroll(3)),
            MouseEventKind::ScrollUp => Some(Action::Scroll(-3)),
            MouseEventKind::Down(_) => Some(Action::Click(m.column, m.row)),
            MouseEventKind::Drag(_) => Some(Action::Drag(m.column, m.row)),
            _ => None,
        },
        _ => None,
    };
    Input::Action(action)
}

/// Ctrl-Z: give the terminal back, stop, and take it again on SIGCONT. The input
/// thread holds off reading until the terminal is the reader's again.
fn suspend(terminal: &mut terminal::Term, gate: &events::InputGate, mouse: bool) -> Result<()> {
    gate.pause();
    if mouse {
        let _ = crossterm::execute!(std::io::stdout(), crossterm::event::DisableMouseCapture);
    }
    terminal::restore();
    let stopped = signal_hook::low_level::raise(signal_hook::consts::SIGTSTP);
    let resumed = resume_terminal(mouse);
    gate.resume();
    stopped.context("cannot suspend")?;
    resumed?;
    // A new terminal has no idea what is on screen, so the next frame is drawn whole
    // (Terminal::clear would ask the terminal for the cursor position, which not every
    // terminal answers).
    let before = std::mem::replace(terminal, terminal::fresh()?);
    terminal::close(before);
    Ok(())
}

/// The terminal (and, if wanted, the mouse) again after a suspend.
fn resume_terminal(mouse: bool) -> Result<()> {
    terminal::retake()?;
    if mouse {
        crossterm::execute!(std::io::stdout(), crossterm::event::EnableMouseCapture)?;
    }
    Ok(())
}

#[cfg(test)]
mod app_tests;
#[cfg(test)]
mod corpus_tests;
#[cfg(test)]
mod opening_tests;
#[cfg(test)]
mod whole_article_tests;

#[cfg(test)]
mod edit_tests;

#[cfg(test)]
mod test_support;

#[cfg(test)]
mod mode_tests;

#[cfg(test)]
mod annotate_tests;

#[cfg(test)]
mod panic_tests;

#[cfg(test)]
mod worker_gone_tests;

#[cfg(test)]
mod sides_editor_tests;

#[cfg(test)]
mod rederive_tests;
#[cfg(test)]
mod redetect_tests;

#[cfg(test)]
mod reread_tests;

#[cfg(test)]
mod speakers_tests;

#[cfg(test)]
mod conflict_tests;

#[cfg(test)]
mod review_tests;

#[cfg(test)]
mod jump_tests;

#[cfg(test)]
mod saving_tests;

#[cfg(test)]
mod legend_tests;

#[cfg(test)]
mod help_tests;

#[cfg(test)]
mod names_tests;
