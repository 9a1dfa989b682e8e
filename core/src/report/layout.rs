//! Pages, a cursor, line wrapping with the fonts' real advances, page breaks and
//! keep-with-next. Produces [`Page`]s of positioned [`Item`]s in PDF points (origin at the
//! bottom left), which `render` turns into printpdf operations. Nothing here knows about
//! partnerships or Markdown: sections and the Markdown converter hand it [`Block`]s.
//!
//! Guarantees, checked by the property test in `core/tests/it/report.rs`: every text item
//! lies inside [`PRINTABLE`] (a word wider than a line is broken between characters, and a
//! line is never split across pages), and a block marked `keep_with_next` starts a new page
//! rather than being left at the bottom of one without the first lines of what follows
//! (three lines, where there are that many).

use super::fonts::{Face, Fonts};

/// A4 portrait, in points.
pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;
/// 20 mm on every side.
pub const MARGIN: f32 = 56.69;

/// A rectangle in page coordinates (points, origin bottom left).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Area {
    pub left: f32,
    pub bottom: f32,
    pub right: f32,
    pub top: f32,
}

impl Area {
    pub fn width(&self) -> f32 {
        self.right - self.left
    }

    pub fn height(&self) -> f32 {
        self.top - self.bottom
    }

    /// Whether `other` lies inside this area (with a hair of tolerance for rounding).
    pub fn contains(&self, other: &Area) -> bool {
        const EPS: f32 = 0.01;
        other.left >= self.left - EPS
            && other.right <= self.right + EPS
            && other.bottom >= self.bottom - EPS
            && other.top <= self.top + EPS
    }
}

/// Inside the margins: where every word of the report is.
pub const PRINTABLE: Area = Area {
    left: MARGIN,
    bottom: MARGIN,
    right: PAGE_WIDTH - MARGIN,
    top: PAGE_HEIGHT - MARGIN,
};

/// Room kept at the top of the printable area for the running header, and at its bottom
/// for the footer.
const HEADER_BAND: f32 = 30.0;
const FOOTER_BAND: f32 = 26.0;

/// Where the flowing content goes.
pub const BODY: Area = Area {
    left: PRINTABLE.left,
    bottom: PRINTABLE.bottom + FOOTER_BAND,
    right: PRINTABLE.right,
    top: PRINTABLE.top - HEADER_BAND,
};

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Color(pub u8, pub u8, pub u8);

/// The app's palette: primary teal, accent amber, warm neutral greys.
pub mod palette {
    use super::Color;
    pub const TEAL: Color = Color(0x0f, 0x5f, 0x59);
    pub const TEAL_DARK: Color = Color(0x0a, 0x45, 0x40);
    pub const TEAL_TINT: Color = Color(0xe7, 0xf1, 0xef);
    pub const AMBER: Color = Color(0xf6, 0xc4, 0x53);
    pub const AMBER_TINT: Color = Color(0xfd, 0xf3, 0xdc);
    pub const INK: Color = Color(0x2a, 0x27, 0x24);
    pub const MUTED: Color = Color(0x76, 0x6f, 0x67);
    pub const RULE: Color = Color(0xdd, 0xd7, 0xcf);
    pub const PAPER: Color = Color(0xf6, 0xf3, 0xee);
    pub const WHITE: Color = Color(0xff, 0xff, 0xff);
    /// Overdue things: a brick red that stays legible in grey print.
    pub const ALERT: Color = Color(0xa8, 0x32, 0x2d);
    /// The SWOT quadrants: four hues apart in colour and in lightness, each with a tint
    /// for backgrounds (strengths green, weaknesses orange, opportunities blue, threats red).
    pub const STRENGTHS: Color = Color(0x2f, 0x7a, 0x3b);
    pub const STRENGTHS_TINT: Color = Color(0xe9, 0xf3, 0xea);
    pub const WEAKNESSES: Color = Color(0xa8, 0x5a, 0x00);
    pub const WEAKNESSES_TINT: Color = Color(0xfc, 0xf0, 0xe0);
    pub const OPPORTUNITIES: Color = Color(0x1f, 0x5a, 0xa0);
    pub const OPPORTUNITIES_TINT: Color = Color(0xe8, 0xef, 0xf8);
    pub const THREATS: Color = Color(0x9c, 0x2a, 0x4a);
    pub const THREATS_TINT: Color = Color(0xf8, 0xe8, 0xed);
}

/// How a run of text looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub face: Face,
    pub size: f32,
    pub color: Color,
}

impl Style {
    pub const fn new(face: Face, size: f32, color: Color) -> Style {
        Style { face, size, color }
    }

    pub fn with_face(self, face: Face) -> Style {
        Style { face, ..self }
    }

    pub fn with_color(self, color: Color) -> Style {
        Style { color, ..self }
    }
}

/// Text in one style. A `'\n'` in `text` is a hard line break.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub text: String,
    pub style: Style,
}

impl Run {
    pub fn new(text: impl Into<String>, style: Style) -> Run {
        Run {
            text: text.into(),
            style,
        }
    }
}

/// Something drawn on a page, in page coordinates.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// Text on a baseline at `y`, starting at `x`; `ascent`/`descent` (negative) bound it.
    Text {
        x: f32,
        y: f32,
        width: f32,
        ascent: f32,
        descent: f32,
        face: Face,
        size: f32,
        color: Color,
        text: String,
    },
    /// A filled rectangle.
    Rect {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        color: Color,
    },
    /// A filled circle.
    Circle {
        x: f32,
        y: f32,
        radius: f32,
        color: Color,
    },
}

impl Item {
    /// The box the item covers.
    pub fn bounds(&self) -> Area {
        match *self {
            Item::Text {
                x,
                y,
                width,
                ascent,
                descent,
                ..
            } => Area {
                left: x,
                right: x + width,
                bottom: y + descent,
                top: y + ascent,
            },
            Item::Rect {
                x,
                y,
                width,
                height,
                ..
            } => Area {
                left: x,
                right: x + width,
                bottom: y,
                top: y + height,
            },
            Item::Circle { x, y, radius, .. } => Area {
                left: x - radius,
                right: x + radius,
                bottom: y - radius,
                top: y + radius,
            },
        }
    }
}

/// One page of positioned items.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub items: Vec<Item>,
}

/// A unit of flowing content.
#[derive(Debug, Clone)]
pub enum Block {
    Text(TextBlock),
    /// A fixed drawing `height` points tall, never split. Its items are placed relative to
    /// the body's left edge and the block's top (`y` measured downwards from the top).
    Drawing {
        height: f32,
        items: Vec<Item>,
        keep_with_next: bool,
    },
    /// Vertical space, dropped at the top of a page.
    Gap(f32),
    /// Continue on a new page (unless already at the top of one).
    PageBreak,
    /// A thin full-width rule between two items, left out at the top of a page.
    Separator,
    /// A bookmark in the outline, pointing at the page where the next content lands.
    Anchor(String),
    /// From here on, a page started because content ran over begins with this drawing
    /// (`height` points tall, items as in [`Block::Drawing`]), such as a table's heading
    /// marked "continued"; `None` stops it. A [`Block::PageBreak`] stops it too.
    Continued(Option<(f32, Vec<Item>)>),
}

/// A paragraph-like block: runs wrapped into lines.
#[derive(Debug, Clone)]
pub struct TextBlock {
    pub runs: Vec<Run>,
    /// Left indent from the body's edge.
    pub indent: f32,
    /// A list marker, drawn in the indent on the first line.
    pub marker: Option<Run>,
    /// Line height as a multiple of the largest font size on the line.
    pub leading: f32,
    pub space_before: f32,
    pub space_after: f32,
    pub keep_with_next: bool,
    /// Code: spaces are kept and lines break only where the text has newlines (or where a
    /// line is too long for the width).
    pub preformatted: bool,
    /// A background behind every line (code blocks), as (colour, horizontal padding).
    pub background: Option<(Color, f32)>,
    /// Vertical bars left of the text, one per level of block quote (x from body left).
    pub bars: Vec<f32>,
}

impl TextBlock {
    pub fn new(runs: Vec<Run>) -> TextBlock {
        TextBlock {
            runs,
            indent: 0.0,
            marker: None,
            leading: 1.45,
            space_before: 0.0,
            space_after: 6.0,
            keep_with_next: false,
            preformatted: false,
            background: None,
            bars: Vec::new(),
        }
    }

    pub fn spacing(mut self, before: f32, after: f32) -> TextBlock {
        self.space_before = before;
        self.space_after = after;
        self
    }

    pub fn keep(mut self) -> TextBlock {
        self.keep_with_next = true;
        self
    }

    pub fn leading(mut self, leading: f32) -> TextBlock {
        self.leading = leading;
        self
    }
}

/// A wrapped line, positioned relative to the body's left edge.
#[derive(Debug, Clone)]
struct Line {
    height: f32,
    ascent: f32,
    descent: f32,
    /// (x from body left, width, style, text)
    pieces: Vec<(f32, f32, Style, String)>,
    /// Background rectangle: (x, width, colour).
    background: Option<(f32, f32, Color)>,
    bars: Vec<f32>,
}

/// A block after wrapping.
enum Laid {
    Text {
        lines: Vec<Line>,
        space_before: f32,
        space_after: f32,
        keep_with_next: bool,
    },
    Drawing {
        height: f32,
        items: Vec<Item>,
        keep_with_next: bool,
    },
    Gap(f32),
    PageBreak,
    Separator,
    Anchor(String),
    Continued(Option<(f32, Vec<Item>)>),
}

/// How many lines of what follows a keep-with-next block (a heading) must fit with it on
/// its page: fewer, and the heading moves to the next page.
const KEPT_LINES: usize = 3;

/// The narrowest a block's text may get, however deeply it is indented.
const MIN_TEXT_WIDTH: f32 = 160.0;

/// Wraps a text block to `width` points (the body's width).
fn wrap(fonts: &Fonts, block: &TextBlock, width: f32) -> Vec<Line> {
    let indent = block.indent.clamp(0.0, (width - MIN_TEXT_WIDTH).max(0.0));
    let scale = if block.indent > 0.0 {
        indent / block.indent
    } else {
        1.0
    };
    let avail = width - indent;
    let mut w = Wrapper {
        fonts,
        avail,
        indent,
        leading: block.leading.max(1.2),
        lines: Vec::new(),
        pieces: Vec::new(),
        x: 0.0,
        pending_space: None,
        word: Vec::new(),
        word_width: 0.0,
        last_style: block.runs.first().map(|r| r.style),
    };
    for run in &block.runs {
        w.last_style = Some(run.style);
        if block.preformatted {
            for (i, part) in run.text.split('\n').enumerate() {
                if i > 0 {
                    w.flush_word();
                    w.end_line();
                }
                w.add_word_text(part, run.style);
            }
        } else {
            let mut rest = run.text.as_str();
            while let Some(c) = rest.chars().next() {
                if c == '\n' {
                    w.flush_word();
                    w.end_line();
                    w.pending_space = None;
                    rest = &rest[1..];
                } else if c.is_whitespace() {
                    w.flush_word();
                    if !w.pieces.is_empty() {
                        w.pending_space = Some(run.style);
                    }
                    rest = &rest[c.len_utf8()..];
                } else {
                    let end = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
                    w.add_word_text(&rest[..end], run.style);
                    rest = &rest[end..];
                }
            }
        }
    }
    w.flush_word();
    if !w.pieces.is_empty() || w.lines.is_empty() {
        w.end_line();
    }
    let mut lines = w.lines;
    // Decorations: scaled with the indent so they stay inside the body.
    let bars: Vec<f32> = block.bars.iter().map(|b| (b * scale).max(0.0)).collect();
    for line in &mut lines {
        if let Some((color, pad)) = block.background {
            let pad = pad.min(indent);
            line.background = Some((indent - pad, avail + 2.0 * pad, color));
            if indent - pad + avail + 2.0 * pad > width {
                line.background = Some((indent - pad, avail + pad, color));
            }
        }
        line.bars = bars.clone();
    }
    if let (Some(marker), Some(first)) = (&block.marker, lines.first_mut()) {
        let segs = fonts.segments(&marker.text, marker.style.face);
        let mw: f32 = segs
            .iter()
            .map(|s| fonts.face(s.face).width(&s.text, marker.style.size))
            .sum();
        let mut x = (indent - mw - 5.0).max(0.0);
        for s in segs {
            let sw = fonts.face(s.face).width(&s.text, marker.style.size);
            let st = marker.style.with_face(s.face);
            first.pieces.push((x, sw, st, s.text));
            x += sw;
        }
        let (a, d) = metrics(fonts, &marker.style);
        first.ascent = first.ascent.max(a);
        first.descent = first.descent.min(d);
        first.height = first.height.max(first.ascent - first.descent);
    }
    lines
}

fn metrics(fonts: &Fonts, style: &Style) -> (f32, f32) {
    let f = fonts.face(style.face);
    (f.ascent * style.size, f.descent * style.size)
}

struct Wrapper<'a> {
    fonts: &'a Fonts,
    avail: f32,
    indent: f32,
    leading: f32,
    lines: Vec<Line>,
    /// Pieces of the current line: (x from text start, width, style, text).
    pieces: Vec<(f32, f32, Style, String)>,
    x: f32,
    pending_space: Option<Style>,
    /// The word being built (it may span runs): (width, style, text) per face segment.
    word: Vec<(f32, Style, String)>,
    word_width: f32,
    last_style: Option<Style>,
}

impl Wrapper<'_> {
    fn add_word_text(&mut self, text: &str, style: Style) {
        for seg in self.fonts.segments(text, style.face) {
            let st = style.with_face(seg.face);
            let w = self.fonts.face(seg.face).width(&seg.text, st.size);
            self.word_width += w;
            self.word.push((w, st, seg.text));
        }
    }

    fn space_width(&self, style: &Style) -> f32 {
        self.fonts.face(style.face).advance(' ').unwrap_or(0.3) * style.size
    }

    fn flush_word(&mut self) {
        if self.word.is_empty() {
            return;
        }
        let word = std::mem::take(&mut self.word);
        let width = std::mem::take(&mut self.word_width);
        let space = self
            .pending_space
            .take()
            .filter(|_| !self.pieces.is_empty());
        let space_w = space.map_or(0.0, |s| self.space_width(&s));
        if self.x + space_w + width <= self.avail {
            if let Some(s) = space {
                self.push(space_w, s, " ".to_owned());
            }
            for (w, st, t) in word {
                self.push(w, st, t);
            }
            return;
        }
        if !self.pieces.is_empty() {
            self.end_line();
        }
        if width <= self.avail {
            for (w, st, t) in word {
                self.push(w, st, t);
            }
            return;
        }
        // Longer than a whole line: break between characters.
        for (_, st, t) in word {
            let face = self.fonts.face(st.face);
            let mut chunk = String::new();
            let mut chunk_w = 0.0;
            for c in t.chars() {
                let cw = face.advance(c).unwrap_or(0.0) * st.size;
                if self.x + chunk_w + cw > self.avail && (self.x > 0.0 || !chunk.is_empty()) {
                    if !chunk.is_empty() {
                        self.push(chunk_w, st, std::mem::take(&mut chunk));
                        chunk_w = 0.0;
                    }
                    self.end_line();
                }
                chunk.push(c);
                chunk_w += cw;
            }
            if !chunk.is_empty() {
                self.push(chunk_w, st, chunk);
            }
        }
    }

    fn push(&mut self, w: f32, style: Style, text: String) {
        if let Some(last) = self.pieces.last_mut()
            && last.2 == style
        {
            last.1 += w;
            last.3.push_str(&text);
            self.x += w;
            return;
        }
        self.pieces.push((self.x, w, style, text));
        self.x += w;
    }

    fn end_line(&mut self) {
        let pieces = std::mem::take(&mut self.pieces);
        self.x = 0.0;
        self.pending_space = None;
        let mut ascent: f32 = 0.0;
        let mut descent: f32 = 0.0;
        let mut size: f32 = 0.0;
        let styles = pieces
            .iter()
            .map(|p| p.2)
            .chain(pieces.is_empty().then_some(self.last_style).flatten());
        for st in styles {
            let (a, d) = metrics(self.fonts, &st);
            ascent = ascent.max(a);
            descent = descent.min(d);
            size = size.max(st.size);
        }
        let size = if size > 0.0 { size } else { 10.0 };
        let height = (size * self.leading).max(ascent - descent);
        let indent = self.indent;
        self.lines.push(Line {
            height,
            ascent,
            descent,
            pieces: pieces
                .into_iter()
                .map(|(x, w, st, t)| (x + indent, w, st, t))
                .collect(),
            background: None,
            bars: Vec::new(),
        });
    }
}

/// Lays blocks out on pages. The first page is started on the first content.
pub struct Layouter<'f> {
    fonts: &'f Fonts,
    pages: Vec<Page>,
    y: f32,
    at_top: bool,
    pending_anchors: Vec<String>,
    anchors: Vec<(String, usize)>,
    /// Drawn at the top of a page started by running over (see [`Block::Continued`]).
    continued: Option<(f32, Vec<Item>)>,
}

impl<'f> Layouter<'f> {
    pub fn new(fonts: &'f Fonts) -> Layouter<'f> {
        Layouter {
            fonts,
            pages: Vec::new(),
            y: BODY.top,
            at_top: true,
            pending_anchors: Vec::new(),
            anchors: Vec::new(),
            continued: None,
        }
    }

    pub fn fonts(&self) -> &'f Fonts {
        self.fonts
    }

    fn start_page(&mut self) {
        self.pages.push(Page::default());
        self.y = BODY.top;
        self.at_top = true;
        if let Some((height, items)) = self.continued.clone() {
            // Never more than half the page, so what it heads still fits below it.
            let height = height.min(BODY.height() / 2.0);
            self.place_drawing(height, &items);
            // Still "at the top": gaps are dropped and nothing starts another page for
            // the sake of keeping blocks together.
            self.at_top = true;
        }
    }

    fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.start_page();
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Makes room for `h` points, starting a new page if they do not fit on this one.
    fn ensure(&mut self, h: f32) {
        if self.pages.is_empty() || (h > self.y - BODY.bottom && !self.at_top) {
            self.start_page();
        }
        let page = self.pages.len() - 1;
        for name in self.pending_anchors.drain(..) {
            self.anchors.push((name, page));
        }
    }

    fn gap(&mut self, h: f32) {
        if !self.at_top {
            self.y -= h;
            if self.y < BODY.bottom {
                self.start_page();
            }
        }
    }

    fn place_line(&mut self, line: &Line) {
        self.ensure(line.height);
        let top = self.y;
        let baseline = top - (line.height - (line.ascent - line.descent)) / 2.0 - line.ascent;
        let fonts = self.fonts;
        let page = self.page();
        if let Some((x, w, color)) = line.background {
            page.items.push(Item::Rect {
                x: BODY.left + x,
                y: top - line.height,
                width: w,
                height: line.height,
                color,
            });
        }
        for bar in &line.bars {
            page.items.push(Item::Rect {
                x: BODY.left + bar,
                y: top - line.height,
                width: 2.0,
                height: line.height,
                color: palette::AMBER,
            });
        }
        for (x, w, style, text) in &line.pieces {
            if text.trim().is_empty() {
                continue;
            }
            let f = fonts.face(style.face);
            page.items.push(Item::Text {
                x: BODY.left + x,
                y: baseline,
                width: *w,
                ascent: f.ascent * style.size,
                descent: f.descent * style.size,
                face: style.face,
                size: style.size,
                color: style.color,
                text: text.clone(),
            });
        }
        self.y -= line.height;
        self.at_top = false;
    }

    fn place_drawing(&mut self, height: f32, items: &[Item]) {
        self.ensure(height.min(BODY.height()));
        let top = self.y;
        let page = self.page();
        for item in items {
            let mut item = item.clone();
            match &mut item {
                Item::Text { x, y, .. } | Item::Rect { x, y, .. } | Item::Circle { x, y, .. } => {
                    *x += BODY.left;
                    *y = top - *y;
                }
            }
            if let Item::Rect { y, height, .. } = &mut item {
                *y -= *height;
            }
            page.items.push(item);
        }
        self.y -= height;
        self.at_top = false;
    }

    /// Lays out `blocks` after what is already there.
    pub fn blocks(&mut self, blocks: &[Block]) {
        let laid: Vec<Laid> = blocks
            .iter()
            .map(|b| match b {
                Block::Text(t) => Laid::Text {
                    lines: wrap(self.fonts, t, BODY.width()),
                    space_before: t.space_before,
                    space_after: t.space_after,
                    keep_with_next: t.keep_with_next,
                },
                Block::Drawing {
                    height,
                    items,
                    keep_with_next,
                } => Laid::Drawing {
                    height: *height,
                    items: items.clone(),
                    keep_with_next: *keep_with_next,
                },
                Block::Gap(h) => Laid::Gap(*h),
                Block::PageBreak => Laid::PageBreak,
                Block::Separator => Laid::Separator,
                Block::Anchor(name) => Laid::Anchor(name.clone()),
                Block::Continued(c) => Laid::Continued(c.clone()),
            })
            .collect();
        for (i, block) in laid.iter().enumerate() {
            // A separator goes with what follows it, never alone at the bottom of a page.
            let keeps = matches!(
                block,
                Laid::Text {
                    keep_with_next: true,
                    ..
                } | Laid::Drawing {
                    keep_with_next: true,
                    ..
                } | Laid::Separator
            );
            if keeps && !self.at_top && !self.pages.is_empty() {
                // The block's own space before it is added first (we are not at a top).
                let own_gap = match block {
                    Laid::Text { space_before, .. } => *space_before,
                    _ => 0.0,
                };
                let need = own_gap + self.keep_height(&laid[i..]);
                if need > self.y - BODY.bottom && need <= BODY.height() {
                    self.start_page();
                }
            }
            match block {
                Laid::Text {
                    lines,
                    space_before,
                    space_after,
                    ..
                } => {
                    self.gap(*space_before);
                    for line in lines {
                        self.place_line(line);
                    }
                    self.gap(*space_after);
                }
                Laid::Drawing { height, items, .. } => self.place_drawing(*height, items),
                Laid::Gap(h) => self.gap(*h),
                Laid::PageBreak => {
                    self.continued = None;
                    if !self.at_top || self.pages.is_empty() {
                        self.start_page();
                    }
                }
                Laid::Separator => {
                    if !self.at_top {
                        let rule = Item::Rect {
                            x: 0.0,
                            y: 0.0,
                            width: BODY.width(),
                            height: 0.6,
                            color: palette::RULE,
                        };
                        self.place_drawing(1.0, &[rule]);
                    }
                }
                Laid::Anchor(name) => self.pending_anchors.push(name.clone()),
                Laid::Continued(c) => self.continued = c.clone(),
            }
        }
    }

    /// The height a run of keep-with-next blocks needs with the first lines of what
    /// follows ([`KEPT_LINES`]).
    fn keep_height(&self, laid: &[Laid]) -> f32 {
        let mut need = 0.0;
        let mut lines_wanted = KEPT_LINES;
        let mut first = true;
        for block in laid {
            match block {
                Laid::Text {
                    lines,
                    space_before,
                    space_after,
                    keep_with_next,
                } => {
                    if !first {
                        need += space_before;
                    }
                    if *keep_with_next {
                        need += lines.iter().map(|l| l.height).sum::<f32>() + space_after;
                    } else {
                        for l in lines.iter().take(lines_wanted) {
                            need += l.height;
                            lines_wanted -= 1;
                        }
                        if lines_wanted == 0 {
                            break;
                        }
                        need += space_after;
                    }
                }
                Laid::Drawing {
                    height,
                    keep_with_next,
                    ..
                } => {
                    need += height;
                    if !keep_with_next {
                        break;
                    }
                }
                Laid::Gap(h) => need += h,
                Laid::Separator => need += 1.0,
                Laid::PageBreak => break,
                Laid::Anchor(_) | Laid::Continued(_) => {}
            }
            first = false;
        }
        need
    }

    /// The pages so far and the outline entries (name, page index from 0).
    pub fn finish(mut self) -> (Vec<Page>, Vec<(String, usize)>) {
        if self.pages.is_empty() {
            self.start_page();
        }
        let last = self.pages.len() - 1;
        for name in self.pending_anchors.drain(..) {
            self.anchors.push((name, last));
        }
        (self.pages, self.anchors)
    }
}

/// `text` in `style`, shortened with "…" to fit `max_width`, as positioned items starting
/// at (x, baseline y). Returns the items and their total width.
pub fn text_line(
    fonts: &Fonts,
    text: &str,
    style: Style,
    x: f32,
    y: f32,
    max_width: f32,
) -> (Vec<Item>, f32) {
    let mut segs = fonts.segments(text, style.face);
    let measure = |segs: &[super::fonts::Segment]| -> f32 {
        segs.iter()
            .map(|s| fonts.face(s.face).width(&s.text, style.size))
            .sum()
    };
    if measure(&segs) > max_width {
        let ellipsis = fonts.face(style.face).width("…", style.size);
        let mut kept = Vec::new();
        let mut w = 0.0;
        'outer: for s in segs {
            let face = fonts.face(s.face);
            let mut t = String::new();
            for c in s.text.chars() {
                let cw = face.advance(c).unwrap_or(0.0) * style.size;
                if w + cw + ellipsis > max_width {
                    if !t.is_empty() {
                        kept.push(super::fonts::Segment {
                            face: s.face,
                            text: t,
                        });
                    }
                    break 'outer;
                }
                w += cw;
                t.push(c);
            }
            kept.push(super::fonts::Segment {
                face: s.face,
                text: t,
            });
        }
        kept.push(super::fonts::Segment {
            face: style.face,
            text: "…".to_owned(),
        });
        segs = kept;
    }
    let mut items = Vec::new();
    let mut cx = x;
    for s in segs {
        let f = fonts.face(s.face);
        let w = f.width(&s.text, style.size);
        if !s.text.is_empty() {
            items.push(Item::Text {
                x: cx,
                y,
                width: w,
                ascent: f.ascent * style.size,
                descent: f.descent * style.size,
                face: s.face,
                size: style.size,
                color: style.color,
                text: s.text,
            });
        }
        cx += w;
    }
    (items, cx - x)
}

/// `block` wrapped to `width` points as positioned items for a [`Block::Drawing`]: x from
/// `x`, baselines measured downwards from `top` (the drawing's convention). Returns the
/// items and the height the lines take (without the block's spacing). The block's indent
/// and marker apply; its background and bars are left out.
pub fn text_box(
    fonts: &Fonts,
    block: &TextBlock,
    x: f32,
    top: f32,
    width: f32,
) -> (Vec<Item>, f32) {
    let mut items = Vec::new();
    let mut y = top;
    for line in wrap(fonts, block, width.max(1.0)) {
        let baseline = y + (line.height - (line.ascent - line.descent)) / 2.0 + line.ascent;
        for (px, w, style, text) in line.pieces {
            if text.trim().is_empty() {
                continue;
            }
            let f = fonts.face(style.face);
            items.push(Item::Text {
                x: x + px,
                y: baseline,
                width: w,
                ascent: f.ascent * style.size,
                descent: f.descent * style.size,
                face: style.face,
                size: style.size,
                color: style.color,
                text,
            });
        }
        y += line.height;
    }
    (items, y - top)
}

/// The width of `text` in `style`.
pub fn text_width(fonts: &Fonts, text: &str, style: Style) -> f32 {
    fonts
        .segments(text, style.face)
        .iter()
        .map(|s| fonts.face(s.face).width(&s.text, style.size))
        .sum()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn para(text: &str) -> Block {
        Block::Text(TextBlock::new(vec![Run::new(
            text,
            Style::new(Face::Regular, 10.0, palette::INK),
        )]))
    }

    fn heading(text: &str) -> Block {
        Block::Text(
            TextBlock::new(vec![Run::new(
                text,
                Style::new(Face::Bold, 12.0, palette::TEAL),
            )])
            .keep(),
        )
    }

    fn page_of(pages: &[Page], needle: &str) -> usize {
        pages
            .iter()
            .position(|p| {
                p.items
                    .iter()
                    .any(|i| matches!(i, Item::Text { text, .. } if text.contains(needle)))
            })
            .unwrap()
    }

    /// Fills the first page but for `room` points, then a heading and three lines: the
    /// heading goes with its lines when they do not all fit, and stays when they do.
    fn heading_after_filler(lines_left: usize) -> Vec<Page> {
        let fonts = Fonts::get().unwrap();
        let mut l = Layouter::new(fonts);
        // One line of 10 pt text is 14.5 pt high, plus 6 pt after each paragraph.
        let filler: Vec<Block> = (0..200).map(|i| para(&format!("filler {i}"))).collect();
        l.blocks(&filler[..1]);
        let line = 14.5 + 6.0;
        let room = BODY.height() - line;
        let fit = (room / line) as usize;
        l.blocks(&filler[1..fit.saturating_sub(lines_left)]);
        l.blocks(&[
            heading("HEADING"),
            para("first line"),
            para("second line"),
            para("third line"),
            para("fourth line"),
        ]);
        l.finish().0
    }

    #[test]
    fn a_heading_never_ends_a_page_and_takes_its_first_lines_along() {
        for lines_left in 0..6 {
            let pages = heading_after_filler(lines_left);
            let heading = page_of(&pages, "HEADING");
            let first = page_of(&pages, "first line");
            let third = page_of(&pages, "third line");
            assert_eq!(heading, first, "{lines_left} lines left");
            assert_eq!(heading, third, "{lines_left} lines left");
        }
        // With room to spare, the heading stays on the first page.
        assert_eq!(page_of(&heading_after_filler(8), "HEADING"), 0);
    }
}
