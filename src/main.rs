//! The `parley` binary: parse the command line and dispatch.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
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
