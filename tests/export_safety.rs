//! `parley export` and `parley detect` against the attacks of issue #16 and the export
//! items of #14, as real processes: outputs that would replace the article, an existing
//! file, a FIFO; hostile text in a store; spreadsheet formulas; offsets that agree.

#![allow(clippy::unwrap_used)]

mod support;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

/// A curly quote after multibyte text, so byte and character offsets differ.
const ARTICLE: &str = "Talks resume in Havana’s old town\n\nHAVANA — \u{201c}We are ready, and \
willing,\u{201d} said Ian Kelly. Cuba said it wanted a new agreement.\n";

const HOSTILE: &str = "\u{1b}]0;PWNTITLE\u{7}\u{1b}]52;c;aGk=\u{7}\u{1b}[2J\u{9b}31m\u{202e}olleh\u{200e}\u{200f}\u{61c}";

fn parley(dir: &Path, args: &[&str]) -> Output {
    support::parley_in(dir, args)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// TOML basic-string spelling of `s` (every non-ASCII-printable as `\uXXXX`).
fn toml_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            ' '..='~' => out.push(c),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push_str(&format!("\\U{:08X}", c as u32)),
        }
    }
    out.push('"');
    out
}

/// The article and a store whose note, speaker, side and title are `hostile`, and
/// whose position note is a spreadsheet formula.
fn setup(hostile: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("talks.txt"), ARTICLE).unwrap();
    let sha = parley::article::sha256_hex(ARTICLE.as_bytes());
    let q = ARTICLE.find('\u{201c}').unwrap();
    let q_end = ARTICLE.find('\u{201d}').unwrap() + '\u{201d}'.len_utf8();
    let p = ARTICLE.find("Cuba said").unwrap();
    let p_end = ARTICLE.len() - 1;
    let h = toml_str(hostile);
    let store = format!(
        "version = 1\n\n[article]\ntitle = {h}\nsha256 = \"{sha}\"\nbytes = {bytes}\n\n\
         [[party]]\nid = \"us\"\nname = {h}\n\n\
         [[speaker]]\nid = \"ian-kelly\"\nname = {h}\nparty = \"us\"\n\n\
         [[quote]]\nid = \"q1\"\nstart = {q}\nend = {q_end}\ntext = {qt}\n\
         speaker = \"ian-kelly\"\nparty = \"us\"\nstatus = \"accepted\"\nnote = {h}\n\n\
         [[position]]\nid = \"p1\"\nstart = {p}\nend = {p_end}\ntext = {pt}\norigin = \"manual\"\n\
         note = \"=HYPERLINK(\\\"http://x\\\")\"\n",
        bytes = ARTICLE.len(),
        qt = toml_str(&ARTICLE[q..q_end]),
        pt = toml_str(&ARTICLE[p..p_end]),
    );
    fs::write(dir.path().join("talks.txt.parley.toml"), store).unwrap();
    dir
}

/// Nothing a terminal would obey: no C0 control but line ends, no DEL, C1, bidi
/// control or line separator.
fn assert_inert(out: &str, what: &str) {
    for c in out.chars() {
        let line_end = c == '\n' || c == '\r';
        assert!(
            line_end
                || !matches!(c, '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2066}'..='\u{2069}'),
            "{what}: raw {c:?} in {out:?}"
        );
    }
}

#[test]
fn every_format_escapes_hostile_text_from_the_store() {
    let dir = setup(HOSTILE);
    for format in ["toml", "json", "csv", "markdown"] {
        let o = parley(dir.path(), &["export", "talks.txt", "--format", format]);
        assert_eq!(o.status.code(), Some(0), "{format}: {}", stderr(&o));
        let out = String::from_utf8(o.stdout).unwrap();
        assert!(
            out.contains("PWNTITLE"),
            "{format}: the text is kept, made inert"
        );
        assert_inert(&out, format);
    }
}

#[test]
fn detect_escapes_hostile_side_names() {
    let dir = setup("x");
    let parties = format!("[[party]]\nid = \"us\"\nname = {}\n", toml_str(HOSTILE));
    fs::write(dir.path().join("sides.toml"), parties).unwrap();
    let o = parley(
        dir.path(),
        &["detect", "talks.txt", "--parties", "sides.toml"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_inert(&String::from_utf8(o.stdout).unwrap(), "detect");
}

#[test]
fn csv_has_origin_and_status_and_no_live_formulas() {
    let dir = setup("Ian Kelly");
    let o = parley(dir.path(), &["export", "talks.txt", "--format", "csv"]);
    let out = String::from_utf8(o.stdout).unwrap();
    let rows: Vec<&str> = out.split("\r\n").collect();
    assert_eq!(
        rows[0],
        "side,speaker,kind,origin,status,text,note,id,start,end"
    );
    assert!(rows[1].contains(",direct,auto,accepted,"), "{}", rows[1]);
    assert!(
        rows[2].contains(",position,manual,suggested,"),
        "{}",
        rows[2]
    );
    assert!(
        rows[2].contains(",\"'=HYPERLINK("),
        "formula made inert: {}",
        rows[2]
    );
}

#[test]
fn markdown_does_not_double_quotation_marks() {
    let dir = setup("Ian Kelly");
    let o = parley(dir.path(), &["export", "talks.txt", "--format", "markdown"]);
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.contains("- \u{201c}We are ready, and willing,\u{201d} —"),
        "{out}"
    );
    assert!(
        !out.contains("\u{201c}\u{201c}") && !out.contains("\u{201d}\u{201d}"),
        "{out}"
    );
    assert!(
        out.contains("- \u{201c}Cuba said"),
        "a position gets marks: {out}"
    );
}

#[test]
fn json_and_csv_give_the_same_character_offsets() {
    let dir = setup("Ian Kelly");
    let o = parley(dir.path(), &["export", "talks.txt", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let o = parley(dir.path(), &["export", "talks.txt", "--format", "csv"]);
    let csv = String::from_utf8(o.stdout).unwrap();
    let q = ARTICLE.find('\u{201c}').unwrap();
    let q_end = ARTICLE.find('\u{201d}').unwrap() + 3;
    let chars = |b: usize| ARTICLE[..b].chars().count() as u64;
    let sel = &v["first"]["items"][0]["target"]["selector"][1];
    assert_eq!(sel["start"], chars(q));
    assert_eq!(sel["end"], chars(q_end));
    let row = csv.split("\r\n").nth(1).unwrap();
    assert!(
        row.ends_with(&format!(",q1,{},{}", chars(q), chars(q_end))),
        "{row}"
    );
    assert_ne!(
        chars(q),
        q as u64,
        "the article makes bytes and characters differ"
    );
}

#[test]
fn export_never_replaces_the_article() {
    let dir = setup("x");
    for args in [
        &["export", "talks.txt", "-o", "talks.txt"][..],
        &["export", "talks.txt", "-o", "talks.txt", "--force"],
    ] {
        let o = parley(dir.path(), args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains("is the article"), "{}", stderr(&o));
        assert_eq!(
            fs::read_to_string(dir.path().join("talks.txt")).unwrap(),
            ARTICLE
        );
    }
}

#[test]
fn export_refuses_an_existing_file_without_force() {
    let dir = setup("x");
    fs::write(dir.path().join("out.csv"), "keep me").unwrap();
    let o = parley(
        dir.path(),
        &["export", "talks.txt", "--format", "csv", "-o", "out.csv"],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("already exists") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("out.csv")).unwrap(),
        "keep me"
    );
    let o = parley(
        dir.path(),
        &[
            "export",
            "talks.txt",
            "--format",
            "csv",
            "-o",
            "out.csv",
            "--force",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        fs::read_to_string(dir.path().join("out.csv"))
            .unwrap()
            .starts_with("side,")
    );
}

#[cfg(unix)]
#[test]
fn export_onto_a_fifo_leaves_the_fifo() {
    use std::os::unix::fs::FileTypeExt;
    let dir = setup("x");
    let fifo = dir.path().join("pipe");
    support::make_fifo(&fifo);
    let o = parley(
        dir.path(),
        &["export", "talks.txt", "-o", "pipe", "--force"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("FIFO"), "{}", stderr(&o));
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
}

/// Runs `parley ARGS` in `dir` from a shell that first plants a symbolic link to
/// `victim` at `NAME.tmpPID` and `NAME.tmpPID-0` for each name given, the process id
/// being the shell's, which `exec` hands on to parley.
fn parley_after_planting(dir: &Path, names: &[&str], victim: &Path, args: &[&str]) -> Output {
    let mut script = String::new();
    for name in names {
        for tail in ["", "-0"] {
            script.push_str(&format!(
                "ln -s '{}' \".{name}.tmp$${tail}\" && ",
                victim.display()
            ));
        }
    }
    script.push_str("exec \"$0\" \"$@\"");
    support::in_dir(Command::new("sh").arg("-c").arg(script), dir)
        .arg(env!("CARGO_BIN_EXE_parley"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn a_link_planted_at_an_export_s_temporary_name_is_passed_over_and_left() {
    let dir = setup("");
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    for name in ["talks.txt", "talks.txt.parley.toml"] {
        fs::copy(dir.path().join(name), corpus.join(name)).unwrap();
    }
    let victim = dir.path().join("victim.txt");
    fs::write(&victim, "someone's draft").unwrap();
    // a folder's table, and one article's export (through the store's writer)
    for (output, input) in [("table.csv", "corpus"), ("one.csv", "talks.txt")] {
        let args = ["export", input, "-o", output];
        let out = parley_after_planting(dir.path(), &[output], &victim, &args);
        assert!(out.status.success(), "{output}: {}", stderr(&out));
        let table = fs::read_to_string(dir.path().join(output)).unwrap();
        assert!(table.contains("We are ready"), "{table}");
    }
    assert_eq!(fs::read_to_string(&victim).unwrap(), "someone's draft");
    let links = fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_type().unwrap().is_symlink())
        .count();
    assert_eq!(links, 4, "the planted links are still there");
}
