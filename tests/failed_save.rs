//! A save that fails, end to end in a pseudo-terminal: the reader offers to save
//! elsewhere (from the store's own path), to retry, or to keep editing, and nothing
//! typed is lost.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use support::Term;

const ARTICLE: &str = "Harbour talks resume\n\n\
“We will talk again on Monday,” the minister said in a statement.\n";

#[test]
fn a_failed_save_offers_save_elsewhere_retry_and_keep_editing() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("talks.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    let shelf = dir.path().join("shelf");
    std::fs::create_dir(&shelf).unwrap();
    let store = shelf.join("talks.parley.toml");
    let args = [
        "--store",
        store.to_str().unwrap(),
        article.to_str().unwrap(),
    ];
    let mut t = Term::start(&args, 100, 30, dir.path(), &[]);
    t.wait_text("READ");
    t.send("\t");
    t.send("a");
    t.wait_text("[+] unsaved");
    // the store's directory becomes a file: no save can go there now
    std::fs::remove_dir_all(&shelf).unwrap();
    std::fs::write(&shelf, "").unwrap();
    t.send("\x13"); // Ctrl-S
    t.wait_text("Cannot save");
    t.wait_text("save elsewhere");
    t.wait_text("retry");
    t.wait_text("keep editing");
    t.send("r"); // retry: the same failure, the same question
    t.wait_text("Cannot save");
    t.send("k"); // keep editing: nothing lost
    t.wait_text("[+] unsaved");
    t.send("\x13");
    t.wait_text("Cannot save");
    t.send("s");
    t.wait_text("Save the store as");
    t.wait_text("talks.parley.toml"); // starts from the store's own path
    let start = store.display().to_string();
    for _ in 0..start.chars().count() {
        t.send("\x7f");
    }
    let elsewhere = dir.path().join("elsewhere.parley.toml");
    t.send(&format!("{}\r", elsewhere.display()));
    t.wait_text("saved");
    t.send("q");
    assert_eq!(t.wait_exit(), 0, "nothing unsaved: quitting asks nothing");
    let saved = std::fs::read_to_string(&elsewhere).unwrap();
    assert!(saved.contains("status = \"accepted\""), "{saved}");
}

/// Whether this machine lets a test mount a small file system of its own (a tmpfs in
/// a private mount namespace, as root or through a user namespace).
fn can_mount_tmpfs(dir: &std::path::Path) -> bool {
    let script = format!("mount -t tmpfs -o size=64k none '{}'", dir.display());
    std::process::Command::new("unshare")
        .args(["-rm", "sh", "-c", &script])
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn on_a_full_disk_the_reader_never_says_the_journal_keeps_edits_it_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let disk = dir.path().join("disk");
    std::fs::create_dir(&disk).unwrap();
    if !can_mount_tmpfs(&disk) {
        eprintln!("cannot mount a tmpfs here (no unshare, or user namespaces off): skipped");
        return;
    }
    let article = dir.path().join("talks.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    // a disk of its own, filled to the last byte once the article is on it
    let script = format!(
        "mount -t tmpfs -o size=64k none '{disk}' && cp '{article}' '{disk}/' && cd '{disk}' \
         && (dd if=/dev/zero of=fill bs=1k 2>/dev/null; true) && exec '{parley}' talks.txt",
        disk = disk.display(),
        article = article.display(),
        parley = env!("CARGO_BIN_EXE_parley"),
    );
    let mut t = Term::start_program(
        "unshare",
        &["-rm", "sh", "-c", &script],
        120,
        30,
        dir.path(),
        &[],
    );
    t.wait_text("READ");
    t.send("\t");
    t.send("a");
    t.wait_text("[+] unsaved, 1 edit not in the journal");
    t.send("\x13"); // Ctrl-S: no room for the store either
    t.wait_text("Cannot save");
    t.wait_text("1 edit is not in the journal: a crash would lose it");
    assert!(!t.contents().contains("the journal keeps every edit"));
    t.send("k");
    t.send("q");
    t.wait_text("Unsaved changes");
    t.send("d");
    assert_eq!(t.wait_exit(), 0);
}
