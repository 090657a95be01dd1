//! What a command line clap refused says: clap's message, with the usage line of the
//! command as it is, not as it was typed (clap writes the options used as if they were
//! required: `Usage: parley print --width <N> [ARTICLE]`).

use clap::CommandFactory;

/// The text of a parse error, its usage line replaced by the whole usage of the
/// (sub)command it names.
pub fn error_text(e: &clap::Error) -> String {
    let text = e.render().to_string();
    let mut cmd = super::Cli::command();
    cmd.build();
    // what was typed is echoed: cleaned, as every message of parley's is
    text.lines()
        .map(|line| match line.strip_prefix("Usage: ") {
            Some(used) => usage_of(&mut cmd, used).unwrap_or_else(|| line.to_string()),
            None => crate::article::sanitize_inline(line),
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// The whole usage line of the command a typed usage (`parley print --width <N>`)
/// names: the subcommand's when its second word is one, else the program's.
fn usage_of(cmd: &mut clap::Command, used: &str) -> Option<String> {
    let name = used.split_whitespace().nth(1)?;
    let usage = match cmd.find_subcommand_mut(name) {
        Some(sub) => sub.render_usage(),
        None => cmd.render_usage(),
    };
    Some(usage.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn refused(args: &[&str]) -> String {
        match super::super::Cli::try_parse_from(args) {
            Ok(_) => panic!("{args:?} parsed"),
            Err(e) => error_text(&e),
        }
    }

    #[test]
    fn the_usage_line_shows_options_as_optional() {
        let text = refused(&["parley", "print", "--width", "3", "--nope"]);
        assert!(text.contains("unexpected argument '--nope'"), "{text}");
        assert!(
            text.contains("Usage: parley print [OPTIONS] [ARTICLE]"),
            "{text}"
        );
        assert!(!text.contains("--width <N> [ARTICLE]"), "{text}");
        let text = refused(&["parley", "--color", "never", "--nope"]);
        assert!(
            text.contains("Usage: parley [OPTIONS] [ARTICLE] [COMMAND]"),
            "{text}"
        );
    }
}
