//! The report's fonts: DejaVu Sans (regular, bold, oblique) and DejaVu Sans Mono, shipped in
//! `assets/fonts/` (licence beside them) and compiled into the binary. They cover Latin,
//! Greek, Cyrillic, Hebrew, Arabic (unshaped) and many symbols; the PDF embeds only the
//! glyphs a report uses (printpdf subsets them on save).
//!
//! # Characters the fonts lack
//!
//! Nothing vanishes silently. Text goes through [`Fonts::segments`], which picks for each
//! character the wanted face, else the regular face (bold and oblique cover a little less),
//! else a font installed on the system that has it (CJK, emoji in outline form, other
//! scripts: [`Face::Fallback`]; found with fontdb, which reads fontconfig's directories
//! on Linux, tried regular sans-serif first, parsed on first use, subset like the rest),
//! else a visible substitute, [`MISSING`] ("□", drawn in the wanted face), one per missing
//! character: a CJK word of three characters becomes "□□□" where no installed font has
//! CJK. Emoji sequences count as one character when drawn as a box: skin-tone modifiers,
//! variation selectors and whatever follows a zero-width joiner add no further box.
//! Invisible format characters (zero-width space, joiners, BOM, bidi marks) and control
//! characters are dropped; a tab becomes a space. Colour (bitmap) emoji fonts are not
//! used: a PDF draws outlines.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use printpdf::{ParsedFont, PdfFontParseWarning};

use crate::error::{Error, Result};

/// Drawn in place of each character no font has.
pub const MISSING: char = '\u{25A1}';

const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");
const ITALIC: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Oblique.ttf");
const MONO: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSansMono.ttf");

/// One of the report's four faces, or a system font standing in for characters they lack.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Face {
    Regular,
    Bold,
    Italic,
    Mono,
    /// An installed font with glyphs DejaVu lacks (the n-th system face tried).
    Fallback(u16),
}

impl Face {
    /// The four built-in faces.
    pub const ALL: [Face; 4] = [Face::Regular, Face::Bold, Face::Italic, Face::Mono];
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
        Self::parse_face(bytes, 0, name)
    }

    fn parse_face(bytes: &[u8], index: u32, name: &str) -> std::result::Result<FaceData, String> {
        let mut warnings: Vec<PdfFontParseWarning> = Vec::new();
        let index = usize::try_from(index).map_err(|e| e.to_string())?;
        let font = ParsedFont::from_bytes(bytes, index, &mut warnings)
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

/// The report's four faces, parsed once per process, and the system's fonts for what they
/// lack.
pub struct Fonts {
    faces: [FaceData; 4],
    fallback: OnceLock<Fallback>,
}

/// The installed fonts, in the order they are tried for a character DejaVu lacks.
struct Fallback {
    db: fontdb::Database,
    order: Vec<fontdb::ID>,
    /// Parsed on first use, one slot per entry of `order` (`None`: printpdf cannot read it).
    parsed: Vec<OnceLock<Option<FaceData>>>,
    /// Per character asked for: the first face of `order` that has it, if any.
    found: Mutex<HashMap<char, Option<u16>>>,
}

impl Fallback {
    fn load() -> Fallback {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        let mut faces: Vec<&fontdb::FaceInfo> = db
            .faces()
            .filter(|f| {
                // The built-in faces' own family adds nothing.
                !f.families
                    .iter()
                    .any(|(name, _)| name.starts_with("DejaVu"))
            })
            .collect();
        let sans = |f: &fontdb::FaceInfo| {
            f.families
                .iter()
                .any(|(name, _)| name.contains("Sans") && !name.contains("Mono"))
        };
        faces.sort_by_key(|f| {
            (
                f.style != fontdb::Style::Normal,
                f.weight.0.abs_diff(400),
                !sans(f),
                f.families.first().map(|(n, _)| n.clone()),
                f.index,
            )
        });
        let order: Vec<fontdb::ID> = faces.iter().map(|f| f.id).collect();
        Fallback {
            parsed: order.iter().map(|_| OnceLock::new()).collect(),
            order,
            db,
            found: Mutex::new(HashMap::new()),
        }
    }

    fn face(&self, n: u16) -> Option<&FaceData> {
        let slot = self.parsed.get(usize::from(n))?;
        slot.get_or_init(|| {
            let id = *self.order.get(usize::from(n))?;
            self.db
                .with_face_data(id, |data, index| {
                    FaceData::parse_face(data, index, "a system font").ok()
                })
                .flatten()
        })
        .as_ref()
    }

    /// Whether the n-th face has an outline glyph for `c` (read from its cmap without
    /// parsing the whole font).
    fn has(&self, n: usize, c: char) -> bool {
        let Some(id) = self.order.get(n) else {
            return false;
        };
        self.db
            .with_face_data(*id, |data, index| {
                let Ok(face) = ttf_parser::Face::parse(data, index) else {
                    return false;
                };
                let t = face.tables();
                let outlines = t.glyf.is_some() || t.cff.is_some();
                outlines && face.glyph_index(c).is_some_and(|g| g.0 != 0)
            })
            .unwrap_or(false)
    }

    /// The first face that draws `c`, if any installed font has it.
    fn find(&self, c: char) -> Option<u16> {
        if let Ok(found) = self.found.lock()
            && let Some(n) = found.get(&c)
        {
            return *n;
        }
        // Faces already in use first (a CJK text needs one font, not one per character).
        let used = self
            .parsed
            .iter()
            .enumerate()
            .filter(|(_, slot)| slot.get().is_some_and(Option::is_some))
            .map(|(n, _)| n);
        let n = used
            .chain(0..self.order.len())
            .filter(|&n| self.has(n, c))
            .filter_map(|n| u16::try_from(n).ok())
            .find(|&n| self.face(n).is_some_and(|f| f.advance(c).is_some()));
        if let Ok(mut found) = self.found.lock() {
            found.insert(c, n);
        }
        n
    }
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
                    fallback: OnceLock::new(),
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
        match face {
            Face::Regular => &self.faces[0],
            Face::Bold => &self.faces[1],
            Face::Italic => &self.faces[2],
            Face::Mono => &self.faces[3],
            // Only faces `segments` handed out exist; anything else reads as regular.
            Face::Fallback(n) => self.fallback().face(n).unwrap_or(&self.faces[0]),
        }
    }

    fn fallback(&self) -> &Fallback {
        self.fallback.get_or_init(Fallback::load)
    }

    /// The installed font that draws `c` where DejaVu has no glyph for it, if any.
    pub(crate) fn fallback_for(&self, c: char) -> Option<Face> {
        self.fallback().find(c).map(Face::Fallback)
    }

    /// Whether the report draws `c` itself rather than as [`MISSING`]: DejaVu has it, or
    /// a font installed on this system does.
    pub fn draws(&self, c: char) -> bool {
        self.faces[0].advance(c).is_some() || self.fallback_for(c).is_some()
    }

    /// Splits `text`, wanted in `face`, into runs each drawable by one face, following the
    /// missing-glyph policy of this module.
    pub(crate) fn segments(&self, text: &str, face: Face) -> Vec<Segment> {
        let mut out: Vec<Segment> = Vec::new();
        let mut after_joiner = false;
        // Whether the last visible character was drawn as [`MISSING`].
        let mut boxed = false;
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
                boxed = false;
            } else if self.face(Face::Regular).advance(c).is_some() {
                push(Face::Regular, c, &mut out);
                boxed = false;
            } else if is_emoji_modifier(c) || (joined && boxed) {
                // Part of the previous emoji sequence: a skin tone is not drawn as a
                // swatch of its own, and a sequence shown as a box is one box.
            } else if let Some(fallback) = self.fallback_for(c) {
                push(fallback, c, &mut out);
                boxed = false;
            } else {
                push(face, MISSING, &mut out);
                boxed = true;
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
