//! The stores a folder's workers have written aside, handed to the one thread that
//! commits them in groups ([`commit_as_they_come`]), and the groups' size and wait.

use super::{Pending, Saved, commit};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

/// The stores written aside and not yet taken by the committer. A worker wakes the
/// committer only for a group's first store, a full group and its own end, not for
/// every store: on a folder of short articles a wake-up per store was hundreds of
/// thread switches.
pub(super) struct Written {
    state: Mutex<Waiting>,
    changed: Condvar,
}

/// What [`Written`] holds.
struct Waiting {
    stores: Vec<Pending>,
    /// Workers still running.
    workers: usize,
    /// Whether the committer has stopped (only by a panic, before the workers).
    committer_gone: bool,
}

impl Written {
    pub(super) fn new(workers: usize) -> Written {
        Written {
            state: Mutex::new(Waiting {
                stores: Vec::new(),
                workers,
                committer_gone: false,
            }),
            changed: Condvar::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Waiting> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Hands a store to the committer, or commits it here if the committer is gone.
    pub(super) fn push(&self, p: Pending, report: &dyn Fn(Saved)) {
        let mut waiting = self.lock();
        if waiting.committer_gone {
            drop(waiting);
            commit(vec![p], report);
            return;
        }
        waiting.stores.push(p);
        if matches!(waiting.stores.len(), 1 | GROUP_STORES) {
            self.changed.notify_one();
        }
    }
}

/// Tells [`Written`] that a worker has ended, when dropped.
pub(super) struct WorkerDone<'a>(pub(super) &'a Written);

impl Drop for WorkerDone<'_> {
    fn drop(&mut self) {
        let mut waiting = self.0.lock();
        waiting.workers -= 1;
        if waiting.workers == 0 {
            self.0.changed.notify_one();
        }
    }
}

/// Tells [`Written`] that the committer has stopped, when dropped: the workers then
/// commit their own stores.
struct CommitterGone<'a>(&'a Written);

impl Drop for CommitterGone<'_> {
    fn drop(&mut self) {
        self.0.lock().committer_gone = true;
    }
}

/// How many stores a group waits for before it is committed, unless the workers finish
/// first or [`GROUP_WAIT`] passes. Every flush costs the kernel and the disk about the
/// same whatever it carries (on a quiet disk a `syncfs` took under 2 ms, so groups
/// taken as they came held two or three stores, and the run made hundreds of flushes).
const GROUP_STORES: usize = 64;

/// How long a group waits for more stores after its first: the most a store's report
/// (and the progress bar) waits for its group to fill.
const GROUP_WAIT: Duration = Duration::from_millis(50);

/// Commits the stores written aside in groups: from the first that comes, all that
/// come within [`GROUP_WAIT`] up to [`GROUP_STORES`], and any waiting then; returns
/// once the workers are done and every store is taken.
pub(super) fn commit_as_they_come(written: &Written, report: &(dyn Fn(Saved) + Sync)) {
    let _gone = CommitterGone(written);
    loop {
        let mut waiting = written.lock();
        while waiting.stores.is_empty() && waiting.workers > 0 {
            waiting = wait(written, waiting, None);
        }
        if waiting.stores.is_empty() {
            return;
        }
        let until = Instant::now() + GROUP_WAIT;
        // (the workers done, or the time up: the group goes as it is)
        while waiting.stores.len() < GROUP_STORES && waiting.workers > 0 {
            let left = until.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            waiting = wait(written, waiting, Some(left));
        }
        let group = std::mem::take(&mut waiting.stores);
        drop(waiting);
        commit(group, report);
    }
}

/// Waits for a change to `written`, for at most `left` if given.
fn wait<'a>(
    written: &'a Written,
    waiting: MutexGuard<'a, Waiting>,
    left: Option<Duration>,
) -> MutexGuard<'a, Waiting> {
    let changed = &written.changed;
    match left {
        None => changed
            .wait(waiting)
            .unwrap_or_else(PoisonError::into_inner),
        Some(left) => {
            let (woken, _) = changed
                .wait_timeout(waiting, left)
                .unwrap_or_else(PoisonError::into_inner);
            woken
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::save::tests::written_aside;
    use crate::store::store_beside;

    #[test]
    fn a_group_short_of_its_size_is_committed_once_the_workers_are_done() {
        let dir = tempfile::tempdir().unwrap();
        let written = Written::new(1);
        let seen = Mutex::new(Vec::new());
        let report = |s| seen.lock().unwrap().push(s);
        for name in ["a.txt", "b.txt", "c.txt"] {
            written.push(written_aside(&dir.path().join(name), name), &report);
        }
        drop(WorkerDone(&written));
        commit_as_they_come(&written, &report);
        let seen = seen.into_inner().unwrap();
        assert_eq!(seen.len(), 3);
        assert!(seen.iter().all(|s| matches!(s, Saved::Written(_))));
        let b = std::fs::read_to_string(store_beside(&dir.path().join("b.txt"))).unwrap();
        assert_eq!(b, "b.txt");
        let left = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(left, 3, "the stores only: no temporary file is left");
    }

    #[test]
    fn a_worker_that_panics_still_lets_the_committer_finish_its_stores() {
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join("a.txt");
        let written = Written::new(1);
        let seen = Mutex::new(Vec::new());
        let report = |s| seen.lock().unwrap().push(s);
        let (written, report, aside) = (&written, &report, &article);
        let ended = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            std::thread::scope(|scope| {
                scope.spawn(move || commit_as_they_come(written, report));
                scope.spawn(move || {
                    let _done = WorkerDone(written);
                    written.push(written_aside(aside, "first"), report);
                    panic!("a worker's bug");
                });
            });
        }));
        assert!(ended.is_err(), "the worker's panic goes on to the caller");
        let seen = seen.into_inner().unwrap();
        assert!(matches!(seen.as_slice(), [Saved::Written(_)]), "{seen:?}");
        assert_eq!(
            std::fs::read_to_string(store_beside(&article)).unwrap(),
            "first"
        );
    }

    #[test]
    fn a_store_written_after_the_committer_stopped_is_committed_by_its_worker() {
        let dir = tempfile::tempdir().unwrap();
        let written = Written::new(1);
        drop(CommitterGone(&written));
        let seen = Mutex::new(Vec::new());
        written.push(written_aside(&dir.path().join("a.txt"), "a"), &|s| {
            seen.lock().unwrap().push(s)
        });
        assert!(matches!(
            seen.into_inner().unwrap().as_slice(),
            [Saved::Written(_)]
        ));
        let left = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(left, 1, "the store only: no temporary file is left");
    }
}
