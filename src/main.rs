//! The `parley` binary: parse the command line and dispatch.

use clap::Parser;
use std::process::ExitCode;

/// mimalloc rather than glibc's malloc for the whole program: a folder's articles are
/// detected one after another on every core, each making and freeing thousands of
/// small maps, strings and lists, and glibc's malloc and free took about a tenth of
/// the instructions of `detect DIR --save` (a twentieth of one large article's).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    keep_going_past_file_size_limit();
    let cli = match parley::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            if !e.use_stderr() {
                let _ = e.print(); // --help, --version
                return ExitCode::SUCCESS;
            }
            // the usage line as the command is, not as it was typed
            eprint!("{}", parley::cli::error_text(&e));
            return ExitCode::from(parley::cli::EXIT_USAGE);
        }
    };
    parley::cli::run(cli)
}

/// A write past the file-size limit (`ulimit -f`) would end the process with SIGXFSZ
/// before any message, leaving a half-done `detect --save` or export unexplained. With
/// a handler in place the write fails with EFBIG instead, and each command reports it
/// as it reports a full disk. (The reader installs its own handler too.)
fn keep_going_past_file_size_limit() {
    let flag = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    // If the handler cannot be installed the default stays: nothing better to do.
    let _ = signal_hook::flag::register(signal_hook::consts::SIGXFSZ, flag);
}
