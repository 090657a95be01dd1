//! Tests of the event channel, the input gate and the worker guard.

use super::*;

#[test]
fn a_worker_that_panics_is_reported() {
    let (tx, rx) = channel();
    let worker = std::thread::spawn(move || {
        let guard = WorkerGuard::new(tx, Work::Opening);
        guard.send(Event::Progress(1));
        panic!("a bug in the worker");
    });
    assert!(worker.join().is_err());
    assert!(matches!(rx.recv(), Ok(Event::Progress(1))));
    assert!(matches!(
        rx.recv(),
        Ok(Event::WorkerGone(Gone {
            work: Work::Opening,
            ..
        }))
    ));
}

#[test]
fn a_guard_sends_what_its_worker_was_doing_and_the_kept_report() {
    let (tx, rx) = channel();
    let worker = std::thread::spawn(move || {
        let _guard = WorkerGuard::new(tx, Work::Search(3));
        // what the reader's panic hook does on a worker's thread
        crate::tui::terminal::keep_worker_panic("a bug at here.rs:1".into());
        panic!("a bug");
    });
    assert!(worker.join().is_err());
    let Ok(Event::WorkerGone(gone)) = rx.recv() else {
        panic!("no WorkerGone");
    };
    assert_eq!(gone.work, Work::Search(3));
    assert_eq!(gone.why.as_deref(), Some("a bug at here.rs:1"));
}

#[test]
fn an_input_thread_that_panics_ends_the_reader_as_a_hang_up() {
    let (tx, rx) = channel();
    let input = std::thread::spawn(move || {
        let _ends_the_reader = HangUpOnPanic(tx);
        panic!("a bug in the input thread");
    });
    assert!(input.join().is_err());
    assert!(matches!(rx.recv(), Ok(Event::HungUp)));
    // and an input thread that simply returns sends nothing more
    let (tx, rx) = channel();
    drop(HangUpOnPanic(tx));
    assert!(rx.recv().is_err());
}

/// Signals from a watcher with a bug: the first `panics` reads panic, then
/// SIGTERM comes, then nothing more.
fn buggy_signals(panics: usize) -> impl Iterator<Item = i32> {
    let mut reads = 0;
    std::iter::from_fn(move || {
        reads += 1;
        if reads <= panics {
            panic!("a bug in the signal watcher");
        }
        (reads == panics + 1).then_some(signal_hook::consts::SIGTERM)
    })
}

#[test]
fn a_panic_on_the_signal_watcher_leaves_it_watching_and_says_so() {
    let (tx, rx) = channel();
    let watcher = std::thread::spawn(move || watch_signals(buggy_signals(1), &tx));
    assert!(watcher.join().is_ok(), "the watcher outlives its panic");
    let Ok(Event::WorkerGone(gone)) = rx.recv() else {
        panic!("the panic is not reported");
    };
    assert_eq!(gone.work, Work::Signals { again: true });
    // the signal after the panic still reaches the reader, so it can end cleanly
    assert!(matches!(
        rx.recv(),
        Ok(Event::Signal(signal_hook::consts::SIGTERM))
    ));
    assert!(rx.recv().is_err());
}

#[test]
fn a_signal_watcher_that_keeps_panicking_gives_up_and_says_so() {
    let (tx, rx) = channel();
    let panics = SIGNAL_WATCH_RETRIES + 1;
    let watcher = std::thread::spawn(move || watch_signals(buggy_signals(panics), &tx));
    assert!(watcher.join().is_ok());
    let works: Vec<Work> = rx
        .iter()
        .map(|e| match e {
            Event::WorkerGone(gone) => gone.work,
            other => panic!("{other:?}"),
        })
        .collect();
    let mut expected = vec![Work::Signals { again: true }; SIGNAL_WATCH_RETRIES];
    expected.push(Work::Signals { again: false });
    assert_eq!(works, expected);
}

#[test]
fn a_worker_that_finishes_says_nothing_more() {
    let (tx, rx) = channel();
    let guard = WorkerGuard::new(tx, Work::Counting);
    guard.send(Event::Progress(7));
    guard.finish();
    assert!(matches!(rx.recv(), Ok(Event::Progress(7))));
    assert!(rx.recv().is_err(), "no WorkerGone after finish");
}

#[test]
fn a_worker_for_an_article_sends_under_its_ticket() {
    let (tx, rx) = channel();
    drop(WorkerGuard::for_article(tx, 7));
    let Ok(Event::ForArticle(7, inner)) = rx.recv() else {
        panic!("not under the ticket");
    };
    assert!(matches!(*inner, Event::WorkerGone(_)));
}

/// Waits (at most a generous minute) until a thread waits at the gate.
fn until_one_waits(gate: &InputGate) -> bool {
    let limit = std::time::Duration::from_secs(60);
    let (held, timeout) = gate
        .0
        .1
        .wait_timeout_while(gate.state(), limit, |g| g.waiting == 0)
        .unwrap_or_else(|e| e.into_inner());
    drop(held);
    !timeout.timed_out()
}

#[test]
fn a_paused_gate_holds_until_resumed() {
    let gate = InputGate::default();
    gate.pause();
    let resumed = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let waiter = {
        let (gate, resumed) = (gate.clone(), Arc::clone(&resumed));
        std::thread::spawn(move || {
            gate.wait_open();
            resumed.load(std::sync::atomic::Ordering::SeqCst)
        })
    };
    assert!(until_one_waits(&gate), "the thread reaches the gate");
    // it is inside the gate's wait now, and the gate is paused: it can only come
    // out after this
    resumed.store(true, std::sync::atomic::Ordering::SeqCst);
    gate.resume();
    assert!(
        waiter.join().expect("the waiter ends"),
        "it went through only once resumed"
    );
}
