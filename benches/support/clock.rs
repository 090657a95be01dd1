//! The clock the criterion suites read: CPU time of the process by default, wall time
//! with `PARLEY_BENCH_CLOCK=wall`.
//!
//! The development machine has two cores shared by several people; wall-clock medians
//! there move by 2–3× with the load, CPU time by a few per cent. The code measured here
//! runs on one thread, so its CPU time is the time it would take on a free core (waits
//! for the disk, as in `store/save`, are not in it: measure those with the wall clock).

use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use rustix::time::{ClockId, clock_gettime};
use std::time::{Duration, Instant};

/// Which clock a run reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// CPU time of the whole process (all threads).
    Cpu,
    /// Elapsed time.
    Wall,
}

/// A criterion measurement reading either clock, in nanoseconds like `WallTime`.
pub struct Clock {
    kind: Kind,
    wall: WallTime,
}

impl Clock {
    /// The clock chosen by `PARLEY_BENCH_CLOCK` (`cpu`, the default, or `wall`).
    pub fn from_env() -> Clock {
        let kind = match std::env::var("PARLEY_BENCH_CLOCK").as_deref() {
            Ok("wall") => Kind::Wall,
            _ => Kind::Cpu,
        };
        Clock {
            kind,
            wall: WallTime,
        }
    }

    /// The clock in use, for the suite's first line of output.
    pub fn describe(&self) -> &'static str {
        match self.kind {
            Kind::Cpu => "process CPU time",
            Kind::Wall => "wall-clock time",
        }
    }
}

/// A reading of either clock.
pub enum Reading {
    /// Process CPU time since some fixed point.
    Cpu(Duration),
    /// A moment.
    Wall(Instant),
}

fn cpu_now() -> Duration {
    let t = clock_gettime(ClockId::ProcessCPUTime);
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

impl Measurement for Clock {
    type Intermediate = Reading;
    type Value = Duration;

    fn start(&self) -> Reading {
        match self.kind {
            Kind::Cpu => Reading::Cpu(cpu_now()),
            Kind::Wall => Reading::Wall(Instant::now()),
        }
    }

    fn end(&self, start: Reading) -> Duration {
        match start {
            Reading::Cpu(t) => cpu_now().saturating_sub(t),
            Reading::Wall(t) => t.elapsed(),
        }
    }

    fn add(&self, a: &Duration, b: &Duration) -> Duration {
        *a + *b
    }

    fn zero(&self) -> Duration {
        Duration::ZERO
    }

    fn to_f64(&self, value: &Duration) -> f64 {
        value.as_nanos() as f64
    }

    fn formatter(&self) -> &dyn ValueFormatter {
        self.wall.formatter()
    }
}
