//! Markdown (CommonMark with tables, strikethrough and task lists, through pulldown-cmark)
//! to layout blocks: headings, bold, italic, lists, block quotes, inline code and code
//! blocks, links as their text followed by the URL in a muted colour, tables as plain rows.
//! Raw HTML is shown as the text it is, never interpreted; images appear as their
//! description (the report is made offline and never fetches anything). A single newline
//! is a line break, as the user typed it (the UI's preview does the same).

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::fonts::Face;
use super::layout::{Block, Item, Run, Style, TextBlock, palette};

/// The size of body text in notes and the agreement.
pub const BODY_SIZE: f32 = 10.0;
const LIST_INDENT: f32 = 16.0;
const QUOTE_INDENT: f32 = 14.0;
const CODE_PAD: f32 = 6.0;

pub fn body_style() -> Style {
    Style::new(Face::Regular, BODY_SIZE, palette::INK)
}

/// Converts `markdown` into blocks, indented by `indent` points.
pub fn blocks(markdown: &str, indent: f32) -> Vec<Block> {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let mut c = Converter {
        base_indent: indent,
        ..Converter::default()
    };
    for event in Parser::new_ext(markdown, options) {
        c.event(event);
    }
    c.flush();
    if let Some(marker) = c.marker.take() {
        c.push_block(TextBlock::new(vec![]), Some(marker));
    }
    c.blocks
}

#[derive(Default)]
struct Converter {
    base_indent: f32,
    blocks: Vec<Block>,
    runs: Vec<Run>,
    bold: u32,
    italic: u32,
    heading: Option<HeadingLevel>,
    quote: u32,
    /// One entry per open list: the next number of an ordered list, `None` for bullets.
    lists: Vec<Option<u64>>,
    /// The marker of a list item whose first block has not been made yet.
    marker: Option<String>,
    /// Open links: (destination, index of the first run of the link text).
    links: Vec<(String, usize)>,
    code_block: Option<String>,
    html_block: bool,
    /// Table cells of the current row, and whether it is the header row.
    cells: Vec<Vec<Run>>,
    in_cell: bool,
    header_row: bool,
    image: u32,
}

impl Converter {
    fn style(&self) -> Style {
        let (face, size, color) = match self.heading {
            Some(HeadingLevel::H1) => (Face::Bold, 13.0, palette::TEAL),
            Some(HeadingLevel::H2) => (Face::Bold, 11.5, palette::INK),
            Some(_) => (Face::Bold, 10.5, palette::MUTED),
            None => {
                let face = if self.bold > 0 || self.header_row {
                    Face::Bold
                } else if self.italic > 0 || self.quote > 0 {
                    Face::Italic
                } else {
                    Face::Regular
                };
                (face, BODY_SIZE, palette::INK)
            }
        };
        let color = if self.links.is_empty() {
            color
        } else {
            palette::TEAL
        };
        Style::new(face, size, color)
    }

    fn text(&mut self, text: &str, style: Style) {
        match self.runs.last_mut() {
            Some(last) if last.style == style => last.text.push_str(text),
            _ => self.runs.push(Run::new(text, style)),
        }
    }

    fn indent(&self) -> f32 {
        self.base_indent + self.quote as f32 * QUOTE_INDENT + self.lists.len() as f32 * LIST_INDENT
    }

    fn push_block(&mut self, mut block: TextBlock, marker: Option<String>) {
        block.indent = self.indent();
        block.bars = (0..self.quote)
            .map(|q| self.base_indent + q as f32 * QUOTE_INDENT + 2.0)
            .collect();
        if let Some(m) = marker {
            block.marker = Some(Run::new(
                m,
                Style::new(Face::Bold, BODY_SIZE, palette::TEAL),
            ));
        }
        if !self.lists.is_empty() && block.space_after > 3.0 {
            block.space_after = 3.0;
        }
        self.blocks.push(Block::Text(block));
    }

    /// Ends the paragraph (or heading, or tight list item's text) being collected.
    fn flush(&mut self) {
        if self.runs.is_empty() {
            return;
        }
        let runs = std::mem::take(&mut self.runs);
        let block = match self.heading {
            Some(level) => {
                let before = if level == HeadingLevel::H1 { 10.0 } else { 8.0 };
                TextBlock::new(runs)
                    .spacing(before, 3.0)
                    .leading(1.3)
                    .keep()
            }
            None => TextBlock::new(runs),
        };
        let marker = self.marker.take();
        self.push_block(block, marker);
    }

    fn event(&mut self, event: Event<'_>) {
        if let Some(code) = &mut self.code_block {
            match event {
                Event::Text(t) => code.push_str(&t),
                Event::End(TagEnd::CodeBlock) => self.end_code_block(),
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => {
                if self.html_block {
                    let style = Style::new(Face::Mono, 8.8, palette::MUTED);
                    self.text(&t, style);
                } else {
                    let style = self.style();
                    self.text(&t, style);
                }
            }
            Event::Code(t) => {
                let mut style = self.style().with_face(Face::Mono);
                style.size *= 0.9;
                if style.color == palette::INK {
                    style.color = palette::TEAL_DARK;
                }
                self.text(&t, style);
            }
            Event::Html(t) | Event::InlineHtml(t) => {
                let style = Style::new(Face::Mono, self.style().size * 0.88, palette::MUTED);
                self.text(&t, style);
            }
            Event::InlineMath(t) | Event::DisplayMath(t) => {
                let style = self.style();
                self.text(&t, style);
            }
            Event::FootnoteReference(label) => {
                let style = self.style();
                self.text(&format!("[{label}]"), style);
            }
            // A single newline is a line break where the user typed it (as in the UI).
            Event::SoftBreak | Event::HardBreak => {
                let style = self.style();
                self.text("\n", style);
            }
            Event::Rule => {
                self.flush();
                let indent = self.indent();
                let width = (super::layout::BODY.width() - indent).max(40.0);
                let indent = indent.min(super::layout::BODY.width() - width);
                self.blocks.push(Block::Gap(4.0));
                self.blocks.push(Block::Drawing {
                    height: 10.0,
                    items: vec![Item::Rect {
                        x: indent,
                        y: 4.0,
                        width,
                        height: 0.7,
                        color: palette::RULE,
                    }],
                    keep_with_next: false,
                });
            }
            Event::TaskListMarker(done) => {
                let style = self.style();
                self.text(if done { "\u{2611} " } else { "\u{2610} " }, style);
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph => self.flush(),
            Tag::Heading { level, .. } => {
                self.flush();
                self.heading = Some(level);
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.quote += 1;
            }
            Tag::CodeBlock(_) => {
                self.flush();
                self.code_block = Some(String::new());
            }
            Tag::HtmlBlock => {
                self.flush();
                self.html_block = true;
            }
            Tag::List(start) => {
                self.flush();
                self.lists.push(start);
            }
            Tag::Item => {
                self.flush();
                if let Some(m) = self.marker.take() {
                    self.push_block(TextBlock::new(vec![]), Some(m));
                }
                let depth = self.lists.len();
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        let m = format!("{n}.");
                        *n = n.saturating_add(1);
                        m
                    }
                    _ => match depth {
                        0 | 1 => "\u{2022}".to_owned(),
                        2 => "\u{25E6}".to_owned(),
                        _ => "\u{25AA}".to_owned(),
                    },
                };
                self.marker = Some(marker);
            }
            Tag::Table(_) => self.flush(),
            Tag::TableHead => {
                self.cells.clear();
                self.header_row = true;
            }
            Tag::TableRow => self.cells.clear(),
            Tag::TableCell => {
                self.in_cell = true;
                self.runs.clear();
            }
            Tag::Emphasis => self.italic += 1,
            Tag::Strong => self.bold += 1,
            Tag::Link { dest_url, .. } => self.links.push((dest_url.to_string(), self.runs.len())),
            Tag::Image { .. } => {
                self.image += 1;
                let style = self.style().with_color(palette::MUTED);
                self.text("[image: ", style);
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => self.flush(),
            TagEnd::Heading(_) => {
                self.flush();
                self.heading = None;
            }
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quote = self.quote.saturating_sub(1);
            }
            TagEnd::HtmlBlock => {
                self.flush();
                self.html_block = false;
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
                if let Some(Block::Text(last)) = self.blocks.last_mut()
                    && self.lists.is_empty()
                {
                    last.space_after = 6.0;
                }
            }
            TagEnd::Item => {
                self.flush();
                if let Some(m) = self.marker.take() {
                    self.push_block(TextBlock::new(vec![]), Some(m));
                }
            }
            TagEnd::TableCell => {
                self.in_cell = false;
                let runs = std::mem::take(&mut self.runs);
                self.cells.push(runs);
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                let cells = std::mem::take(&mut self.cells);
                let sep = Style::new(Face::Regular, BODY_SIZE, palette::MUTED);
                let mut runs = Vec::new();
                for (i, cell) in cells.into_iter().enumerate() {
                    if i > 0 {
                        runs.push(Run::new("  \u{2502}  ", sep));
                    }
                    runs.extend(cell);
                }
                self.header_row = false;
                let mut block = TextBlock::new(runs).spacing(0.0, 2.0);
                block.leading = 1.5;
                let marker = self.marker.take();
                self.push_block(block, marker);
            }
            TagEnd::Table => {
                if let Some(Block::Text(last)) = self.blocks.last_mut() {
                    last.space_after = 8.0;
                }
            }
            TagEnd::Emphasis => self.italic = self.italic.saturating_sub(1),
            TagEnd::Strong => self.bold = self.bold.saturating_sub(1),
            TagEnd::Link => {
                if let Some((url, first)) = self.links.pop() {
                    let text: String = self.runs[first.min(self.runs.len())..]
                        .iter()
                        .map(|r| r.text.as_str())
                        .collect();
                    let bare = url.strip_prefix("mailto:").unwrap_or(&url);
                    if !url.is_empty() && text.trim() != bare && text.trim() != url {
                        let mut style = self.style().with_face(Face::Regular);
                        style.color = palette::MUTED;
                        style.size *= 0.9;
                        self.text(&format!(" ({url})"), style);
                    }
                }
            }
            TagEnd::Image => {
                self.image = self.image.saturating_sub(1);
                let style = self.style().with_color(palette::MUTED);
                self.text("]", style);
            }
            _ => {}
        }
    }

    fn end_code_block(&mut self) {
        let mut code = self.code_block.take().unwrap_or_default();
        while code.ends_with('\n') {
            code.pop();
        }
        let style = Style::new(Face::Mono, 8.8, palette::INK);
        let mut block = TextBlock::new(vec![Run::new(code, style)]).spacing(4.0, 10.0);
        block.preformatted = true;
        block.leading = 1.4;
        block.background = Some((palette::PAPER, CODE_PAD));
        let marker = self.marker.take();
        self.push_block(block, marker);
        if let Some(Block::Text(b)) = self.blocks.last_mut() {
            b.indent += CODE_PAD;
        }
    }
}
