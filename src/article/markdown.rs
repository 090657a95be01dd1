//! Markdown articles as text: headings, paragraphs, list items and quoted blocks
//! become paragraphs (blank-line separated, as parley reads plain text); emphasis,
//! links and code keep their text and lose their marks; images, raw HTML and a
//! front-matter block are left out.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The text of a Markdown document, a paragraph per block.
pub fn to_text(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut text = Text::default();
    // what is inside these is not read: an image's alt text, a metadata block
    let mut hidden = 0usize;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::Image { .. } | Tag::MetadataBlock(_)) => hidden += 1,
            Event::End(TagEnd::Image | TagEnd::MetadataBlock(_)) => {
                hidden = hidden.saturating_sub(1)
            }
            _ if hidden > 0 => {}
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                text.push(&t)
            }
            Event::SoftBreak | Event::HardBreak => text.push(" "),
            Event::Start(Tag::CodeBlock(_)) => text.in_code = true,
            Event::End(TagEnd::CodeBlock) => {
                text.in_code = false;
                text.end_block();
            }
            Event::End(TagEnd::TableCell) => text.push(" "),
            Event::Start(Tag::Item) => text.end_block(),
            Event::End(end) if ends_block(&end) => text.end_block(),
            _ => {}
        }
    }
    text.end_block();
    text.out.push('\n');
    if text.out.trim().is_empty() {
        return String::new();
    }
    text.out
}

/// Whether the end of this element ends a paragraph of text.
fn ends_block(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::Item
            | TagEnd::BlockQuote(_)
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::FootnoteDefinition
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
    )
}

/// The text being built: paragraphs separated by a blank line.
#[derive(Default)]
struct Text {
    out: String,
    current: String,
    in_code: bool,
}

impl Text {
    fn push(&mut self, s: &str) {
        if self.in_code {
            // a code block keeps its lines: each is a paragraph of its own
            for (i, line) in s.split('\n').enumerate() {
                if i > 0 {
                    self.end_block();
                }
                self.current.push_str(line);
            }
        } else {
            self.current.push_str(s);
        }
    }

    fn end_block(&mut self) {
        let paragraph = self
            .current
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        self.current.clear();
        if paragraph.is_empty() {
            return;
        }
        if !self.out.is_empty() {
            self.out.push_str("\n\n");
        }
        self.out.push_str(&paragraph);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_goes_and_the_text_stays() {
        let md = "# Ferry talks resume\n\nDock workers **met** the *port authority* on \
                  Tuesday, [the union](https://union.example) said.\n\n\
                  > “We came back,” said `Dana Okafor`.\n\n\
                  - first point\n- second\n  point\n\n\
                  ![a crane](crane.jpg)\n\n\
                  Line one  \nline two\n";
        assert_eq!(
            to_text(md),
            "Ferry talks resume\n\n\
             Dock workers met the port authority on Tuesday, the union said.\n\n\
             “We came back,” said Dana Okafor.\n\n\
             first point\n\nsecond point\n\n\
             Line one line two\n"
        );
    }

    #[test]
    fn front_matter_and_html_are_left_out() {
        let md = "---\ntitle: x\n---\n\n## Heading\n\n<div>raw</div>\n\nBody &amp; more.\n";
        assert_eq!(to_text(md), "Heading\n\nBody & more.\n");
    }

    #[test]
    fn code_blocks_keep_their_lines_and_tables_their_cells() {
        let md = "```\nlet a = 1;\nlet b = 2;\n```\n\n| side | votes |\n|---|---|\n| A | 3 |\n";
        assert_eq!(
            to_text(md),
            "let a = 1;\n\nlet b = 2;\n\nside votes\n\nA 3\n"
        );
    }

    #[test]
    fn empty_markdown_is_empty_text() {
        assert_eq!(to_text(""), "");
        assert_eq!(to_text("\n\n---\n"), "");
    }
}
