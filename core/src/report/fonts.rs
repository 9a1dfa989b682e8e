//! The report's fonts: DejaVu Sans (regular, bold, oblique) and DejaVu Sans Mono, shipped in
//! `assets/fonts/` (licence beside them) and compiled into the binary. They cover Latin,
//! Greek, Cyrillic, Hebrew, Arabic (unshaped) and many symbols; the PDF embeds only the
//! glyphs a report uses (printpdf subsets them on save).
//!
//! # Characters the fonts lack
//!
//! Nothing vanishes silently. Text goes through [`Fonts::segments`], which picks for each
//! character the wanted face, else the regular face (bold and oblique cover a little less),
//! else a visible substitute, [`MISSING`] ("□", drawn in the wanted face), one per missing
//! character: a CJK word of three characters becomes "□□□". Emoji sequences count as one
//! character: skin-tone modifiers, variation selectors and whatever follows a zero-width
//! joiner add no further box. Invisible format characters (zero-width space, joiners, BOM,
//! bidi marks) and control characters are dropped; a tab becomes a space.

use std::sync::OnceLock;

use printpdf::{ParsedFont, PdfFontParseWarning};

use crate::error::{Error, Result};

/// Drawn in place of each character no font has.
pub const MISSING: char = '\u{25A1}';

const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");
const ITALIC: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Oblique.ttf");
const MONO: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSansMono.ttf");

/// One of the report's four faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Face {
    Regular,
    Bold,
    Italic,
    Mono,
}

impl Face {
    pub const ALL: [Face; 4] = [Face::Regular, Face::Bold, Face::Italic, Face::Mono];

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

/// A parsed face with its metrics cached for the characters a report uses most.
pub(crate) struct FaceData {
    pub(crate) font: ParsedFont,
    units_per_em: f32,
    /// Advance (in em) of codepoints below `FAST`, `NaN` where the face has no glyph.
    fast: Vec<f32>,
    /// (ascent, descent) in em, descent negative.
    pub(crate) ascent: f32,
    pub(crate) descent: f32,
}

/// Codepoints below this (Latin, Greek, Cyrillic, Hebrew, Arabic, punctuation) have their
/// advances precomputed; others are looked up in the font each time.
const FAST: u32 = 0x2200;

impl FaceData {
    fn parse(bytes: &[u8], name: &str) -> std::result::Result<FaceData, String> {
        let mut warnings: Vec<PdfFontParseWarning> = Vec::new();
        let font = ParsedFont::from_bytes(bytes, 0, &mut warnings)
            .ok_or_else(|| format!("the font {name} could not be read"))?;
        let m = font.pdf_font_metrics;
        let units_per_em = f32::from(m.units_per_em.max(1));
        let mut face = FaceData {
            units_per_em,
            ascent: f32::from(m.ascender) / units_per_em,
            descent: f32::from(m.descender) / units_per_em,
            fast: Vec::new(),
            font,
        };
        face.fast = (0..FAST)
            .map(|cp| face.lookup(cp).unwrap_or(f32::NAN))
            .collect();
        Ok(face)
    }

    fn lookup(&self, cp: u32) -> Option<f32> {
        let gid = self.font.lookup_glyph_index(cp)?;
        if gid == 0 {
            return None;
        }
        Some(f32::from(self.font.get_horizontal_advance(gid)) / self.units_per_em)
    }

    /// The advance of `c` in em, or `None` when this face has no glyph for it.
    pub(crate) fn advance(&self, c: char) -> Option<f32> {
        let cp = c as u32;
        if cp < FAST {
            let a = self.fast[cp as usize];
            (!a.is_nan()).then_some(a)
        } else {
            self.lookup(cp)
        }
    }

    /// The width of `text` (every character of which this face has) at `size` points.
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        text.chars()
            .map(|c| self.advance(c).unwrap_or(0.0))
            .sum::<f32>()
            * size
    }
}

/// The report's four faces, parsed once per process.
pub struct Fonts {
    faces: [FaceData; 4],
}

/// A run of text in one face: what [`Fonts::segments`] returns.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Segment {
    pub(crate) face: Face,
    pub(crate) text: String,
}

static FONTS: OnceLock<std::result::Result<Fonts, String>> = OnceLock::new();

impl Fonts {
    /// The shared, parsed fonts (parsed on first use, ~tens of milliseconds).
    pub fn get() -> Result<&'static Fonts> {
        FONTS
            .get_or_init(|| {
                Ok(Fonts {
                    faces: [
                        FaceData::parse(REGULAR, "DejaVuSans.ttf")?,
                        FaceData::parse(BOLD, "DejaVuSans-Bold.ttf")?,
                        FaceData::parse(ITALIC, "DejaVuSans-Oblique.ttf")?,
                        FaceData::parse(MONO, "DejaVuSansMono.ttf")?,
                    ],
                })
            })
            .as_ref()
            .map_err(|e| {
                Error::invalid(
                    "report",
                    format!("The report could not be made: {e}. Reinstall Tandem."),
                )
            })
    }

    pub(crate) fn face(&self, face: Face) -> &FaceData {
        &self.faces[face.index()]
    }

    /// Splits `text`, wanted in `face`, into runs each drawable by one face, following the
    /// missing-glyph policy of this module.
    pub(crate) fn segments(&self, text: &str, face: Face) -> Vec<Segment> {
        let mut out: Vec<Segment> = Vec::new();
        let mut after_joiner = false;
        let push = |f: Face, c: char, out: &mut Vec<Segment>| match out.last_mut() {
            Some(last) if last.face == f => last.text.push(c),
            _ => out.push(Segment {
                face: f,
                text: c.to_string(),
            }),
        };
        for c in text.chars() {
            let c = if c == '\t' { ' ' } else { c };
            if c == '\u{200D}' {
                after_joiner = true;
                continue;
            }
            let joined = std::mem::take(&mut after_joiner);
            if is_invisible(c) {
                continue;
            }
            if self.face(face).advance(c).is_some() {
                push(face, c, &mut out);
            } else if self.face(Face::Regular).advance(c).is_some() {
                push(Face::Regular, c, &mut out);
            } else if joined || is_emoji_modifier(c) {
                // Part of the previous emoji sequence, already shown as one box.
            } else {
                push(face, MISSING, &mut out);
            }
        }
        out
    }
}

/// Characters with no visible form: controls, zero-width and bidi formatting characters,
/// the byte-order mark, variation selectors, private-use and noncharacters.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}'
        | '\u{AD}'
        | '\u{200B}'..='\u{200F}'
        | '\u{2028}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FEFF}'
        | '\u{FFF0}'..='\u{FFFB}'
        | '\u{E0000}'..='\u{E007F}'
        | '\u{E0100}'..='\u{E01EF}')
}

/// Skin-tone modifiers: part of the emoji before them.
fn is_emoji_modifier(c: char) -> bool {
    matches!(c, '\u{1F3FB}'..='\u{1F3FF}')
}
