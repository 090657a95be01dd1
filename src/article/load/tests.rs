//! Loading articles: errors, a large file's start, pages and Markdown left to the
//! worker, empty and binary files.

use super::super::BUNDLED;
use super::*;

#[test]
fn missing_and_directory_errors() {
    let e = Article::load(Source::File("/no/such/file.txt".into()), 10).unwrap_err();
    assert!(matches!(e, LoadError::Read(ReadError::NotFound(_))), "{e}");
    let e = Article::load(Source::File(std::env::temp_dir()), 10).unwrap_err();
    assert!(
        matches!(e, LoadError::Read(ReadError::IsDirectory(_))),
        "{e}"
    );
}

#[test]
fn a_large_file_opens_with_its_start() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("big.txt");
    let mut text = String::from("A headline\n\n");
    let mut n = 0;
    while text.len() < 3 * HEAD_BYTES {
        text.push_str(&format!("Paragraph {n} said “quoted words” here.\r\n\r\n"));
        n += 1;
    }
    text.push_str("Reporting by Someone; Editing by Someone Else\n");
    std::fs::write(&p, &text).unwrap();
    let head = Article::load_head(Source::File(p.clone()), 1 << 30).unwrap();
    assert!(!head.complete);
    assert!(head.rest.is_some());
    assert_eq!(head.size, text.len() as u64);
    assert!(head.article.text.len() <= HEAD_BYTES);
    assert_eq!(head.article.title(), "A headline");
    assert_eq!(head.article.structure.byline, None);
    // the rest comes from the file already open: the name can go meanwhile
    let moved = dir.path().join("moved.txt");
    std::fs::rename(&p, &moved).unwrap();
    std::fs::write(&p, "another file in its place").unwrap();
    let full = head.rest.unwrap().read(1 << 30).unwrap();
    assert_eq!(
        full.source,
        Source::File(p.clone()),
        "still named as opened"
    );
    assert_eq!(
        full.text.len(),
        Article::load(Source::File(moved), 1 << 30)
            .unwrap()
            .text
            .len()
    );
    assert!(full.text.starts_with(head.article.text.as_str()));
    assert!(full.structure.byline.is_some());
    // every paragraph of the start but the last is one of the whole's
    let h = &head.article.structure.paragraphs;
    for (a, b) in h.iter().zip(&full.structure.paragraphs).take(h.len() - 1) {
        assert_eq!(a.range, b.range);
    }
    // too large is refused before anything is read
    let e = Article::load_head(Source::File(p), 10).unwrap_err();
    assert!(matches!(e, LoadError::TooLarge { .. }), "{e}");
}

#[test]
fn a_large_utf16_file_opens_whole() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("wide.txt");
    let text = "A headline\n\n".to_string() + &"Words “said” here.\n\n".repeat(20_000);
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    assert!(bytes.len() > 2 * HEAD_BYTES);
    std::fs::write(&p, &bytes).unwrap();
    let o = Article::load_head(Source::File(p), 1 << 30).unwrap();
    assert!(o.complete);
    assert_eq!(o.article.text.as_str(), text);
}

#[test]
fn a_large_page_is_left_whole_to_the_worker() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("page.txt");
    let para = "<p>Dock workers said the ferries must run again before the summer.</p>\n";
    let html = format!(
        "<!DOCTYPE html><html><head><title>Talks</title></head><body><article>{}</article></body></html>",
        para.repeat(3 * HEAD_BYTES / para.len())
    );
    std::fs::write(&p, &html).unwrap();
    let o = Article::load_head(Source::File(p.clone()), 1 << 30).unwrap();
    assert!(o.is_to_come() && !o.is_empty());
    assert!(o.article.text.is_empty() && o.article.warnings.is_empty());
    let whole = o.rest.expect("the worker's").read(1 << 30).unwrap();
    assert_eq!(whole.kind, super::super::Kind::Html);
    assert!(whole.text.starts_with("Talks\n\nDock workers"));
    assert!(!whole.text.contains("<p>"));
    assert_eq!(
        whole.text,
        Article::load(Source::File(p), 1 << 30).unwrap().text
    );
}

#[test]
fn only_markup_past_the_size_made_at_once_waits_for_the_worker() {
    let dir = tempfile::tempdir().unwrap();
    let filler = "Words said here, and more words.\n\n".repeat(EXTRACT_AT_ONCE_BYTES / 20);
    let cases = [
        ("big.md", format!("# Talks\n\n{filler}"), true),
        ("big.html", format!("<p>Talks</p>\n{filler}"), true),
        (
            "big.txt",
            format!("<!-- saved -->\n<html><body>{filler}"),
            true,
        ),
        ("big.txt", format!("# Talks\n\n{filler}"), false),
        ("small.md", "# Talks\n\nWords.\n".to_string(), false),
    ];
    for (name, text, to_come) in cases {
        let p = dir.path().join(name);
        std::fs::write(&p, &text).unwrap();
        let o = Article::load_head(Source::File(p), 1 << 30).unwrap();
        assert_eq!(o.is_to_come(), to_come, "{name}: {}", &text[..12]);
        assert_eq!(o.rest.is_some(), !o.complete, "{name}");
    }
    // a UTF-16 page too, told from its decoded start
    let page = format!("<!DOCTYPE html><html><body><p>{filler}</p></body></html>");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(page.encode_utf16().flat_map(u16::to_le_bytes));
    let p = dir.path().join("wide.txt");
    std::fs::write(&p, &bytes).unwrap();
    assert!(
        Article::load_head(Source::File(p), 1 << 30)
            .unwrap()
            .is_to_come()
    );
}

#[test]
fn a_small_file_opens_whole() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("small.txt");
    std::fs::write(&p, BUNDLED).unwrap();
    let o = Article::load_head(Source::File(p), 1 << 30).unwrap();
    assert!(o.complete);
    assert!(!o.is_empty());
    assert_eq!(o.article.text.as_str(), BUNDLED);
    assert_eq!(o.size, BUNDLED.len() as u64);
    let o = Article::load_head(Source::Bundled, 1 << 30).unwrap();
    assert!(o.complete);
}

#[test]
fn an_empty_or_blank_file_opens_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [("empty", &b""[..]), ("blank", b" \n\r\n\t\n")] {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        let o = Article::load_head(Source::File(p), 1 << 30).unwrap();
        assert!(o.is_empty(), "{name}");
        assert!(o.article.warnings.contains(&super::super::Warning::Empty));
    }
}

#[test]
fn too_large_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("big.txt");
    std::fs::write(&p, vec![b'a'; 100]).unwrap();
    let e = Article::load(Source::File(p), 99).unwrap_err();
    assert!(matches!(e, LoadError::TooLarge { limit: 99, .. }), "{e}");
}

#[test]
fn binary_is_refused_from_its_start() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("talks.bin");
    // an executable's header: NULs between its fields, then more text-like bytes
    let mut bytes = b"\x7fELF\x02\x01\x01".to_vec();
    bytes.extend(std::iter::repeat_n(b"\0\0\x03\0>\0\x01\0\0\0", 20).flatten());
    bytes.extend(std::iter::repeat_n(b'a', 3 * HEAD_BYTES));
    std::fs::write(&p, &bytes).unwrap();
    for e in [
        Article::load(Source::File(p.clone()), 1 << 30).err(),
        Article::load_head(Source::File(p.clone()), 1 << 30).err(),
    ] {
        let e = e.expect("refused");
        assert!(matches!(e, LoadError::Binary(_)), "{e}");
        assert!(
            e.to_string().contains("talks.bin may be a binary file"),
            "{e}"
        );
    }
    // an endless device is refused at once, well before its limit
    let e = Article::load(Source::File("/dev/zero".into()), u64::MAX).err();
    assert!(matches!(e, Some(LoadError::Binary(_))), "{e:?}");
}
