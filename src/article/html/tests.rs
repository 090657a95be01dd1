use super::*;

/// A news page as sites build them: a menu, a share bar, the story with a figure
/// and a dateline stamp, a related list and a footer. Written for these tests.
const PAGE: &str = r##"<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Harbour talks resume after strike | The Coastal Ledger</title>
<meta property="og:site_name" content="The Coastal Ledger">
<meta property="og:url" content="https://ledger.example/harbour-talks">
<meta name="author" content="Mara Quinlan">
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
<script>var tracking = "lang=\"en\"";</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<div class="share-bar"><a href="#">Share on social</a></div>
<article>
<h1>Harbour talks resume after strike</h1>
<p class="timestamp">Posted: Tue 5 March 2024</p>
<p>Dock workers and the port authority met again on Tuesday, a week after the
strike that closed the harbour &amp; its ferry line.</p>
<figure><img src="a.jpg"><figcaption>Cranes stood idle. Photo: Ledger staff</figcaption></figure>
<p>&ldquo;We came back because the ferries must run,&rdquo; said union leader
Dana Okafor, who spoke to reporters outside the hall.</p>
<p>The authority said in a statement that it wanted &ldquo;a fair settlement&rdquo;<br>
before the summer season.</p>
<p>Both sides will meet again on Friday, when a mediator is expected to join the
talks and set out a timetable for an agreement on pay and hours.</p>
<p>Copyright © 2024 The Coastal Ledger. All rights reserved.</p>
</article>
<aside><h2>Related</h2><ul><li><a href="/x">Ferry fares rise</a></li></ul></aside>
<footer><p>About us · Contact</p></footer>
</body></html>"##;

#[test]
fn a_page_gives_its_article_with_the_headline_first() {
    let page = extract(PAGE);
    assert!(page.found);
    let lines: Vec<&str> = page.text.lines().collect();
    assert_eq!(lines[0], "Harbour talks resume after strike");
    assert_eq!(lines[1], "", "a blank line after the headline");
    let paragraphs: Vec<&str> = page.text.split("\n\n").collect();
    assert_eq!(
        paragraphs,
        [
            "Harbour talks resume after strike",
            "Dock workers and the port authority met again on Tuesday, a week after the strike that closed the harbour & its ferry line.",
            "“We came back because the ferries must run,” said union leader Dana Okafor, who spoke to reporters outside the hall.",
            "The authority said in a statement that it wanted “a fair settlement” before the summer season.",
            "Both sides will meet again on Friday, when a mediator is expected to join the talks and set out a timetable for an agreement on pay and hours.\n",
        ]
    );
}

#[test]
fn the_metadata_is_kept() {
    let meta = extract(PAGE).meta;
    assert_eq!(
        meta,
        PageMeta {
            title: Some("Harbour talks resume after strike".into()),
            byline: Some("Mara Quinlan".into()),
            published: Some("2024-03-05T09:30:00Z".into()),
            site_name: Some("The Coastal Ledger".into()),
            url: Some("https://ledger.example/harbour-talks".into()),
        }
    );
}

#[test]
fn nothing_of_the_page_furniture_or_script_remains() {
    let text = extract(PAGE).text;
    for furniture in [
        "tracking",
        "Home",
        "Share",
        "Cranes",
        "Posted",
        "Related",
        "Ferry fares",
        "About us",
        "Copyright",
        "&ldquo;",
        "&amp;",
        "<",
    ] {
        assert!(!text.contains(furniture), "{furniture:?} in {text}");
    }
}

#[test]
fn a_page_without_an_article_gives_its_whole_text() {
    let page =
        extract("<html><head><title>Notice</title></head><body><p>Closed today.</p></body></html>");
    assert!(page.text.starts_with("Notice\n\n"), "{}", page.text);
    assert!(page.text.contains("Closed today."));
}

#[test]
fn broken_and_empty_markup_is_read_safely() {
    for html in [
        "",
        "<",
        "<html><body><p>unclosed <b>bold <i>both</p>",
        "<p>a</p><br><br><br><p>b</p>",
        "<!-- only a comment -->",
        "<table><tr><td>cell</td></tr></table></tr></td>",
    ] {
        let page = extract(html);
        for tag in ["<b", "<p", "<i", "<t", "<!", "</"] {
            assert!(!page.text.contains(tag), "{html:?}: {}", page.text);
        }
    }
}

#[test]
fn two_line_breaks_end_a_paragraph_and_one_does_not() {
    let page = extract(
        "<html><body><div>First line<br>same paragraph<br><br>Second paragraph</div></body></html>",
    );
    assert!(
        page.text
            .contains("First line same paragraph\n\nSecond paragraph"),
        "{}",
        page.text
    );
}

#[test]
fn the_site_name_leaves_the_headline() {
    assert_eq!(
        headline("Talks resume - Ledger", Some("Ledger")),
        "Talks resume"
    );
    assert_eq!(headline("Talks | Ledger", None), "Talks | Ledger");
    assert_eq!(headline("Ledger", Some("Ledger")), "Ledger");
}

#[test]
fn a_heading_that_carries_the_title_further_is_the_headline_once() {
    let page = PAGE.replace(
        "<h1>Harbour talks resume after strike</h1>",
        "<h1>Harbour talks resume after strike at the ferry port</h1>",
    );
    let page = extract(&page);
    let title = "Harbour talks resume after strike at the ferry port";
    assert_eq!(page.meta.title.as_deref(), Some(title));
    assert!(page.text.starts_with(&format!("{title}\n\nDock workers")));
    assert_eq!(
        page.text.matches("Harbour talks").count(),
        1,
        "{}",
        page.text
    );
    // a lead sentence that opens with the title's words stays a paragraph
    let lead = PAGE.replace(
        "<h1>Harbour talks resume after strike</h1>",
        "<p>Harbour talks resume after strike action ends, both sides said.</p>",
    );
    let text = extract(&lead).text;
    assert!(
        text.starts_with(
            "Harbour talks resume after strike\n\nHarbour talks resume after strike action"
        ),
        "{text}"
    );
}

#[test]
fn stamps_are_short_lines_only() {
    assert!(blocks_is_stamp("Updated: 10:43, Tue, Nov 19"));
    assert!(blocks_is_stamp("(Image: © Agency)"));
    assert!(!blocks_is_stamp(
        "Updated figures released on Monday showed that the harbour handled more cargo than in any year before"
    ));
    assert!(!blocks_is_stamp("Postedness is not a word"));
}

#[test]
fn date_lines_and_bylines_are_stamps_and_sentences_are_not() {
    for line in [
        "Mar. 4, 2024, 10:15 AM GMT",
        "4 March 2024Updated: 5 March 2024 8:02 p.m.",
        "Tuesday, March 5th, 2024 at 9:30",
        "By Ana Ruiz",
        "By Ana Ruiz and Tom Hale on Monday, March 4th, 2024 at 11:08 a.m.",
        "BY THE LEDGER STAFF",
    ] {
        assert!(blocks_is_stamp(line), "{line}");
    }
    for line in [
        "By Tuesday, officials had counted every vote.",
        "By then the harbour was closed.",
        "March 4 was the day the strike began.",
        "12",
        "2024 3 17",
        "Bylines matter",
    ] {
        assert!(!blocks_is_stamp(line), "{line}");
    }
}

fn blocks_is_stamp(s: &str) -> bool {
    let root = Document::from(format!("<p>{s}</p>").as_str());
    blocks::paragraphs(&root.root()).is_empty()
}

/// A story on `ledger.example` written for these tests, with `inside` between its
/// paragraphs.
fn story_with(inside: &str) -> String {
    let html = format!(
        "<html><head><title>Ferry fares to rise in spring</title>\
         <link rel=\"canonical\" href=\"https://www.ledger.example/news/fares\"></head>\
         <body><article><h1>Ferry fares to rise in spring</h1>\
         <p>The harbour board agreed on Monday to raise ferry fares by a tenth from April, \
         the first rise in six years, after fuel costs doubled over the winter.</p>{inside}\
         <p>Passengers who cross daily will keep their season tickets at the old price \
         until the summer, the board said, while it looks at cheaper fuel.</p></article></body></html>"
    );
    extract(&html).text
}

#[test]
fn a_paragraph_that_is_all_link_to_the_site_is_left_out() {
    for href in [
        "/news/pier",
        "https://ledger.example/news/pier",
        "https://video.ledger.example/pier",
        "https://Ledger.Example/news/pier",
    ] {
        let text = story_with(&format!(
            "<p><strong><a href=\"{href}\">PIER TO CLOSE FOR REPAIRS</a></strong></p>"
        ));
        assert!(!text.contains("PIER"), "{href}: {text}");
    }
}

#[test]
fn a_paragraph_that_is_all_link_out_of_the_site_is_kept() {
    let text =
        story_with("<p><a href=\"https://shop.example/pass\">Buy a pass at the kiosk</a></p>");
    assert!(text.contains("Buy a pass at the kiosk"), "{text}");
    let text = story_with("<p>The board's <a href=\"/report\">report</a> gives the costs.</p>");
    assert!(
        text.contains("The board's report gives the costs."),
        "{text}"
    );
}

#[test]
fn a_list_of_links_to_the_site_is_left_out_and_other_lists_kept() {
    let more = "<ul><li><a href=\"/a\">Pier to close</a></li><li>Bus lane, <a href=\"/b\">now open all day</a></li></ul>";
    let text = story_with(more);
    assert!(
        !text.contains("Pier to close") && !text.contains("Bus lane"),
        "{text}"
    );
    let out = "<ul><li><a href=\"https://shop.example/1\">Day pass at the kiosk</a></li></ul>";
    assert!(story_with(out).contains("Day pass at the kiosk"));
    let told = "<ul><li>Single tickets rise to four pounds, says the <a href=\"/board\">board</a>.</li></ul>";
    assert!(story_with(told).contains("Single tickets rise to four pounds"));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("<p>".to_string()),
            Just("</p>".to_string()),
            Just("<div class=\"caption\">".to_string()),
            Just("</div>".to_string()),
            Just("<br>".to_string()),
            Just("<article>".to_string()),
            Just("<script>".to_string()),
            Just("&ldquo;".to_string()),
            Just("&#x1b;".to_string()),
            Just("<title>".to_string()),
            Just("<!--".to_string()),
            "[a-zA-Z “”.,]{0,40}",
            any::<String>(),
        ]
    }

    proptest! {
        /// Any markup, however broken, is read without a panic into text that ends
        /// its last line.
        #[test]
        fn any_markup_is_read_without_failing(pieces in proptest::collection::vec(piece(), 0..40)) {
            let html = pieces.concat();
            let page = extract(&html);
            prop_assert!(page.text.ends_with('\n'));
        }
    }
}
