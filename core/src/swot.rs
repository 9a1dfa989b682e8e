//! The pure logic of SWOT analyses, with no database: the text normalisation and
//! similarity behind "items both sides share", the detection of shared pairs, the
//! comparison of two snapshots of one side, and the TOWS pairing rules. The rules an
//! item's text must meet are in `validate`, with every other rule.

use std::collections::{HashMap, HashSet};

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
use uuid::Uuid;

use crate::model::{
    Match, MovedItem, Quadrant, SharedPair, SwotComparison, SwotItem, SwotSnapshot, TowsKind,
};

/// The longest item (or strategy) text, in characters (the rule is in `validate`).
pub use crate::validate::MAX_ITEM_CHARS;
/// Token-set Jaccard similarity from which two wordings count as nearly the same.
const JACCARD_SIMILAR: f64 = 0.6;
/// Edit-distance similarity (1 - distance / longer length) from which two short wordings
/// count as nearly the same (a typo or two).
const EDIT_SIMILAR: f64 = 0.85;
/// Edit distance is only computed for wordings up to this many characters: longer texts
/// are judged by their words alone (and a 200 × 200 board stays instant).
const EDIT_MAX_CHARS: usize = 80;

/// The quadrant the internal (`true`) or external (`false`) item of a strategy of `kind`
/// must come from.
pub fn tows_quadrant(kind: TowsKind, internal: bool) -> Quadrant {
    use Quadrant::*;
    use TowsKind::*;
    match (kind, internal) {
        (So | St, true) => Strengths,
        (Wo | Wt, true) => Weaknesses,
        (So | Wo, false) => Opportunities,
        (St | Wt, false) => Threats,
    }
}

/// A quadrant's name for people, singular ("Strength").
pub fn quadrant_label(q: Quadrant) -> &'static str {
    match q {
        Quadrant::Strengths => "Strength",
        Quadrant::Weaknesses => "Weakness",
        Quadrant::Opportunities => "Opportunity",
        Quadrant::Threats => "Threat",
    }
}

/// Text as compared: lower case, accents and punctuation (and emoji) removed, runs of
/// spaces collapsed. Letters and digits of every script are kept.
pub fn normalise(text: &str) -> String {
    let folded = fold(text);
    let mut out = String::with_capacity(folded.len());
    let mut space = true;
    for c in folded.chars() {
        // A mark left after folding (a virama, a nukta) belongs to the letter before it.
        if c.is_alphanumeric() || (!space && is_combining_mark(c)) {
            out.push(c);
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Lower case without accents: compatibility forms decomposed (NFKD), the combining
/// accents (U+0300–U+036F) and the zero-width joiners dropped, the rest composed again
/// (NFC) and lowered; letters that carry their mark without decomposing (ø, ł, ß, æ…) go
/// through [`plain_letter`], before decomposing (ŀ would leave its dot) and after (ǿ
/// decomposes to ø).
fn fold(text: &str) -> String {
    let mut lower = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        push_plain(&mut lower, c);
    }
    if lower.is_ascii() {
        return lower;
    }
    let composed: String = lower
        .nfkd()
        .filter(|&c| !is_accent(c) && c != '\u{200d}' && c != '\u{200c}')
        .nfc()
        .collect();
    let mut out = String::with_capacity(composed.len());
    for c in composed.chars().flat_map(char::to_lowercase) {
        push_plain(&mut out, c);
    }
    out
}

/// The combining accents of Latin, Greek and Cyrillic letters (the block
/// "Combining Diacritical Marks"); the marks of other scripts are part of their letters.
fn is_accent(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

fn push_plain(out: &mut String, c: char) {
    match plain_letter(c) {
        Some(s) => out.push_str(s),
        None => out.push(c),
    }
}

/// The plain form of a lower-case letter whose mark is not a combining accent, so that
/// Unicode decomposition leaves it as it is.
fn plain_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'ø' => "o",
        'ł' | 'ŀ' => "l",
        'đ' | 'ð' => "d",
        'ħ' => "h",
        'ŧ' => "t",
        'ı' => "i",
        'æ' => "ae",
        'œ' => "oe",
        'ß' => "ss",
        'þ' => "th",
        _ => return None,
    })
}

/// One item's wording, prepared once for many comparisons.
struct Wording {
    norm: String,
    chars: Vec<char>,
    /// Distinct words, a plural "s" dropped, sorted.
    words: Vec<String>,
    /// How many characters fall in each of 32 buckets (only with `chars`): a cheap lower
    /// bound of the edit distance.
    bag: [u8; 32],
}

impl Wording {
    fn new(text: &str) -> Wording {
        let norm = normalise(text);
        let mut words: Vec<String> = norm
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(stem)
            .collect();
        words.sort_unstable();
        words.dedup();
        let chars = if norm.chars().count() <= EDIT_MAX_CHARS {
            norm.chars().collect()
        } else {
            Vec::new()
        };
        let mut bag = [0u8; 32];
        for c in &chars {
            let slot = &mut bag[(*c as usize) % 32];
            *slot = slot.saturating_add(1);
        }
        Wording {
            norm,
            chars,
            words,
            bag,
        }
    }
}

fn stem(word: &str) -> String {
    match word.strip_suffix('s') {
        Some(rest) if rest.chars().count() >= 3 && !rest.ends_with('s') => rest.to_owned(),
        _ => word.to_owned(),
    }
}

/// How alike two wordings are, from 0 (nothing in common) to 1 (the same once normalised).
pub fn similarity(a: &str, b: &str) -> f64 {
    score(&Wording::new(a), &Wording::new(b))
}

/// Whether two wordings are the same or nearly the same, by the rule the board pairs SWOT
/// items with (and a partner's goal is linked to mine by its title).
pub fn near_same(a: &str, b: &str) -> bool {
    similarity(a, b) >= JACCARD_SIMILAR
}

fn score(a: &Wording, b: &Wording) -> f64 {
    if a.norm.is_empty() || b.norm.is_empty() {
        return 0.0;
    }
    if a.norm == b.norm {
        return 1.0;
    }
    let jaccard = jaccard(&a.words, &b.words);
    let edit = if a.chars.is_empty() || b.chars.is_empty() || !bags_close(a, b) {
        0.0
    } else {
        edit_similarity(&a.chars, &b.chars)
    };
    jaccard.max(edit)
}

/// Whether the bag distance (characters one has more of than the other) allows an edit
/// distance similar enough. Counts never exceed [`EDIT_MAX_CHARS`], so they are exact.
fn bags_close(a: &Wording, b: &Wording) -> bool {
    let longer = a.chars.len().max(b.chars.len());
    let k = ((1.0 - EDIT_SIMILAR) * longer as f64).floor() as usize;
    let (mut more, mut fewer) = (0usize, 0usize);
    for (x, y) in a.bag.iter().zip(&b.bag) {
        if x > y {
            more += usize::from(x - y);
        } else {
            fewer += usize::from(y - x);
        }
    }
    more.max(fewer) <= k
}

fn jaccard(a: &[String], b: &[String]) -> f64 {
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - common;
    if union == 0 {
        0.0
    } else {
        common as f64 / union as f64
    }
}

/// 1 - Levenshtein distance / longer length; 0 when that is below [`EDIT_SIMILAR`] (or a
/// wording is longer than [`EDIT_MAX_CHARS`]). Only the diagonal band a similar pair can
/// stay in is computed, on the stack, and it gives up as soon as a row leaves the band.
fn edit_similarity(a: &[char], b: &[char]) -> f64 {
    const INF: usize = usize::MAX / 2;
    let (n, m) = (a.len(), b.len());
    let longer = n.max(m);
    if longer == 0 || longer > EDIT_MAX_CHARS {
        return 0.0;
    }
    let k = ((1.0 - EDIT_SIMILAR) * longer as f64).floor() as usize;
    if n.abs_diff(m) > k {
        return 0.0;
    }
    let mut prev = [INF; EDIT_MAX_CHARS + 2];
    let mut cur = [INF; EDIT_MAX_CHARS + 2];
    for (j, cell) in prev.iter_mut().enumerate().take(k.min(m) + 1) {
        *cell = j;
    }
    for i in 1..=n {
        let lo = i.saturating_sub(k).max(1);
        let hi = (i + k).min(m);
        cur[lo - 1] = if lo == 1 && i <= k { i } else { INF };
        let mut row_min = cur[lo - 1];
        for j in lo..=hi {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let v = (prev[j - 1] + cost).min(prev[j] + 1).min(cur[j - 1] + 1);
            cur[j] = v;
            row_min = row_min.min(v);
        }
        cur[hi + 1] = INF;
        if row_min > k {
            return 0.0;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let dist = prev[m];
    if dist > k {
        0.0
    } else {
        1.0 - dist as f64 / longer as f64
    }
}

/// The items both sides share: pairs of one item of `mine` and one of `partner`. A pair the
/// user linked always counts (whatever the quadrants); otherwise two items of the same
/// quadrant pair up when their wording is the same or nearly the same, unless the user said
/// they are not the same (`dismissed`: (mine, partner) ids), in which case each item stays
/// free to pair with another. Each item is in at most one pair, the best matches chosen
/// first. Pairs come in the order of `mine`.
pub fn shared_pairs(
    mine: &[SwotItem],
    partner: &[SwotItem],
    dismissed: &HashSet<(Uuid, Uuid)>,
) -> Vec<SharedPair> {
    let mut used_mine: HashSet<Uuid> = HashSet::new();
    let mut used_partner: HashSet<Uuid> = HashSet::new();
    let mut pairs: Vec<(usize, SharedPair)> = Vec::new();

    let partner_index: HashMap<Uuid, usize> =
        partner.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
    for (i, m) in mine.iter().enumerate() {
        // A link is recorded on both items; either direction is enough.
        let linked = m
            .link_id
            .and_then(|l| partner_index.get(&l).copied())
            .or_else(|| partner.iter().position(|p| p.link_id == Some(m.id)));
        if let Some(j) = linked {
            let p = &partner[j];
            if !used_partner.contains(&p.id) && !used_mine.contains(&m.id) {
                used_mine.insert(m.id);
                used_partner.insert(p.id);
                pairs.push((
                    i,
                    SharedPair {
                        mine: m.id,
                        partner: p.id,
                        by: Match::Linked,
                    },
                ));
            }
        }
    }

    let mine_w: Vec<Wording> = mine.iter().map(|m| Wording::new(&m.text)).collect();
    let partner_w: Vec<Wording> = partner.iter().map(|p| Wording::new(&p.text)).collect();
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (i, m) in mine.iter().enumerate() {
        if used_mine.contains(&m.id) {
            continue;
        }
        for (j, p) in partner.iter().enumerate() {
            if p.quadrant != m.quadrant
                || used_partner.contains(&p.id)
                || dismissed.contains(&(m.id, p.id))
            {
                continue;
            }
            let s = score(&mine_w[i], &partner_w[j]);
            // `score` is the best of the two measures, each 0 below its own threshold.
            if s >= JACCARD_SIMILAR {
                candidates.push((s, i, j));
            }
        }
    }
    // Best first; ties in the order of the items, so the result is stable.
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (s, i, j) in candidates {
        let (m, p) = (&mine[i], &partner[j]);
        if used_mine.contains(&m.id) || used_partner.contains(&p.id) {
            continue;
        }
        used_mine.insert(m.id);
        used_partner.insert(p.id);
        let by = if s >= 1.0 {
            Match::Same
        } else {
            Match::Similar
        };
        pairs.push((
            i,
            SharedPair {
                mine: m.id,
                partner: p.id,
                by,
            },
        ));
    }
    pairs.sort_by_key(|(i, _)| *i);
    pairs.into_iter().map(|(_, p)| p).collect()
}

/// Compares two snapshots of one side. Items are matched first by their copy history
/// (`origin`: every item of that side, trashed ones included, to the item it was copied
/// from), then by their normalised wording. A matched item is kept when it stayed in its
/// quadrant, moved otherwise. `before` and `after` are each snapshot's live items in order.
pub fn compare(
    before: SwotSnapshot,
    after: SwotSnapshot,
    before_items: Vec<SwotItem>,
    after_items: Vec<SwotItem>,
    origin: &HashMap<Uuid, Uuid>,
) -> SwotComparison {
    let before_index: HashMap<Uuid, usize> = before_items
        .iter()
        .enumerate()
        .map(|(i, b)| (b.id, i))
        .collect();
    let after_index: HashMap<Uuid, usize> = after_items
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id, i))
        .collect();
    // after index -> before index
    let mut matched: HashMap<usize, usize> = HashMap::new();
    let mut before_used: HashSet<usize> = HashSet::new();

    // 1. Copy history, usually from the later item back to the earlier one; also the other
    //    way, in case the two were given the other way round.
    for (ai, a) in after_items.iter().enumerate() {
        if let Some(bi) = ancestor_in(a.id, origin, &before_index)
            && before_used.insert(bi)
        {
            matched.insert(ai, bi);
        }
    }
    for (bi, b) in before_items.iter().enumerate() {
        if before_used.contains(&bi) {
            continue;
        }
        if let Some(ai) = ancestor_in(b.id, origin, &after_index)
            && let std::collections::hash_map::Entry::Vacant(e) = matched.entry(ai)
        {
            e.insert(bi);
            before_used.insert(bi);
        }
    }

    // 2. The same wording: first within the same quadrant, then anywhere.
    let key = |item: &SwotItem| {
        let n = normalise(&item.text);
        if n.is_empty() {
            item.text.trim().to_owned()
        } else {
            n
        }
    };
    let before_keys: Vec<String> = before_items.iter().map(key).collect();
    let after_keys: Vec<String> = after_items.iter().map(key).collect();
    for same_quadrant in [true, false] {
        for (ai, a) in after_items.iter().enumerate() {
            if matched.contains_key(&ai) {
                continue;
            }
            let found = before_items.iter().enumerate().find(|(bi, b)| {
                !before_used.contains(bi)
                    && (!same_quadrant || b.quadrant == a.quadrant)
                    && before_keys[*bi] == after_keys[ai]
            });
            if let Some((bi, _)) = found {
                before_used.insert(bi);
                matched.insert(ai, bi);
            }
        }
    }

    let mut out = SwotComparison {
        before,
        after,
        added: Vec::new(),
        removed: Vec::new(),
        kept: Vec::new(),
        moved: Vec::new(),
    };
    for (bi, b) in before_items.iter().enumerate() {
        if !before_used.contains(&bi) {
            out.removed.push(b.clone());
        }
    }
    for (ai, a) in after_items.into_iter().enumerate() {
        match matched.get(&ai) {
            None => out.added.push(a),
            Some(&bi) if before_items[bi].quadrant == a.quadrant => out.kept.push(a),
            Some(&bi) => out.moved.push(MovedItem {
                before: before_items[bi].clone(),
                after: a,
            }),
        }
    }
    out
}

/// Follows `origin` from `id` (not counting `id` itself) to the first item in `targets`.
fn ancestor_in(
    id: Uuid,
    origin: &HashMap<Uuid, Uuid>,
    targets: &HashMap<Uuid, usize>,
) -> Option<usize> {
    let mut seen = HashSet::from([id]);
    let mut cur = id;
    while let Some(&next) = origin.get(&cur) {
        if let Some(&i) = targets.get(&next) {
            return Some(i);
        }
        if !seen.insert(next) {
            return None; // a loop in a hand-edited file
        }
        cur = next;
    }
    None
}

/// `text` cut to at most `max` bytes (and characters) on a word boundary, with "…" when
/// something was cut.
pub(crate) fn cut_on_word(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.len() <= max {
        return text.to_owned();
    }
    let budget = max.saturating_sub('…'.len_utf8());
    let mut end = 0;
    for (i, c) in text.char_indices() {
        if i + c.len_utf8() > budget {
            break;
        }
        end = i + c.len_utf8();
    }
    let head = &text[..end];
    // Back to the last space, unless that would leave too little (one enormous word).
    let head = match head.rfind(char::is_whitespace) {
        Some(i) if i >= end / 2 => &head[..i],
        _ => head,
    };
    format!("{}…", head.trim_end())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::{Side, SwotItem};
    use chrono::{NaiveDate, TimeZone, Utc};

    fn item(q: Quadrant, text: &str) -> SwotItem {
        let t = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        SwotItem {
            id: Uuid::new_v4(),
            snapshot_id: Uuid::nil(),
            quadrant: q,
            position: 0,
            text: text.to_owned(),
            priority: None,
            origin_id: None,
            link_id: None,
            created_at: t,
            updated_at: t,
            deleted_at: None,
        }
    }

    fn snapshot() -> SwotSnapshot {
        let t = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        SwotSnapshot {
            id: Uuid::new_v4(),
            partnership_id: Uuid::nil(),
            side: Side::Mine,
            taken_on: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            reason: String::new(),
            visibility: crate::model::Visibility::Private,
            created_at: t,
            updated_at: t,
            deleted_at: None,
        }
    }

    #[test]
    fn normalise_folds_case_accents_punctuation_and_spaces() {
        assert_eq!(normalise("  Café   Ström!! "), "cafe strom");
        assert_eq!(normalise("e\u{301}lan, Ærø"), "elan aero");
        assert_eq!(normalise("Straße—GRÜN"), "strasse grun");
        assert_eq!(
            normalise("Data-driven 🎉 decisions"),
            "data driven decisions"
        );
        assert_eq!(normalise("שלום עולם"), "שלום עולם");
        assert_eq!(normalise("中文。日本語"), "中文 日本語");
        assert_eq!(normalise("🎉🎉"), "");
        assert_eq!(normalise(""), "");
    }

    #[test]
    fn normalise_folds_any_decomposable_accent_and_the_letters_that_do_not_decompose() {
        // Every letter of the table, in either case.
        assert_eq!(
            normalise("ØøŁłĐđÐðĦħŦŧıÆæŒœßÞþĿŀ"),
            "oollddddhhttiaeaeoeoessththll"
        );
        // Decomposed or precomposed, an accent goes; a stroke stays folded under one.
        assert_eq!(normalise("Ǿ ǿ"), "o o");
        assert_eq!(normalise("coŀlecció"), "colleccio");
        assert_eq!(normalise("Tiếng Việt"), "tieng viet");
        assert_eq!(normalise("Άθήνα"), "αθηνα");
        // Compatibility forms: ligatures, full-width letters, superscripts.
        assert_eq!(normalise("ﬁnance ＡＢＣ x²"), "finance abc x2");
        // Joiners go; the marks of other scripts stay with their letters.
        assert_eq!(normalise("a\u{200d}b\u{200c}c"), "abc");
        assert_eq!(normalise("नमस्ते"), "नमस्ते");
        assert_eq!(normalise("\u{958}"), normalise("\u{915}\u{93c}"));
        assert_eq!(normalise("\u{958}").chars().count(), 2);
    }

    #[test]
    fn similarity_scores() {
        assert_eq!(similarity("Public speaking", "public SPEAKING."), 1.0);
        // A typo.
        assert!(similarity("Good listener", "Good listner") >= EDIT_SIMILAR);
        // The same words in another order, and a plural.
        assert!(
            similarity(
                "network inside the company",
                "the company's networks inside"
            ) >= 0.6
        );
        assert!(similarity("Public speaking", "Fear of heights") < 0.3);
        assert_eq!(similarity("", "anything"), 0.0);
        assert_eq!(similarity("🎉", "🎉"), 0.0);
    }

    #[test]
    fn edit_similarity_gives_up_early_but_agrees_with_the_full_distance() {
        let a: Vec<char> = "kitten sitting".chars().collect();
        let b: Vec<char> = "kitten sittin".chars().collect();
        let s = edit_similarity(&a, &b);
        assert!((s - (1.0 - 1.0 / 14.0)).abs() < 1e-9, "{s}");
        let c: Vec<char> = "completely different".chars().collect();
        assert_eq!(edit_similarity(&a, &c), 0.0);

        // The banded distance agrees with the full one wherever it answers.
        fn full(a: &[char], b: &[char]) -> usize {
            let mut prev: Vec<usize> = (0..=b.len()).collect();
            for (i, ca) in a.iter().enumerate() {
                let mut cur = vec![i + 1; b.len() + 1];
                for (j, cb) in b.iter().enumerate() {
                    cur[j + 1] = (prev[j] + usize::from(ca != cb))
                        .min(prev[j + 1] + 1)
                        .min(cur[j] + 1);
                }
                prev = cur;
            }
            prev[b.len()]
        }
        let base: Vec<char> = "the quick brown fox jumps over the lazy dog"
            .chars()
            .collect();
        let mut seed = 7u32;
        for _ in 0..2000 {
            let mut s = base.clone();
            for _ in 0..(seed % 9) {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                let at = (seed as usize / 7) % (s.len() + 1);
                match seed % 3 {
                    0 if at < s.len() => {
                        s.remove(at);
                    }
                    1 => s.insert(at, 'x'),
                    _ if at < s.len() => s[at] = 'q',
                    _ => {}
                }
            }
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let d = full(&base, &s);
            let longer = base.len().max(s.len());
            let expected = 1.0 - d as f64 / longer as f64;
            let got = edit_similarity(&base, &s);
            if expected >= EDIT_SIMILAR {
                assert!((got - expected).abs() < 1e-9, "{s:?}: {got} vs {expected}");
            } else {
                assert_eq!(got, 0.0, "{s:?}");
            }
        }
    }

    #[test]
    fn shared_pairs_same_similar_linked_and_never_across_quadrants() {
        use Quadrant::*;
        let mine = vec![
            item(Strengths, "Public speaking"),
            item(Strengths, "Good listener"),
            item(Weaknesses, "AI tools"),
            item(Threats, "Reorganisation"),
            item(Opportunities, "Budget"),
        ];
        let mut partner = vec![
            item(Strengths, "public speaking!"),
            item(Strengths, "Good listner"),
            item(Strengths, "AI tools"), // same words, other quadrant: not shared
            item(Opportunities, "Something else entirely"),
        ];
        // The user links the threat with the opportunity (a link counts across quadrants).
        partner[3].link_id = Some(mine[3].id);
        let pairs = shared_pairs(&mine, &partner, &HashSet::new());
        assert_eq!(
            pairs,
            vec![
                SharedPair {
                    mine: mine[0].id,
                    partner: partner[0].id,
                    by: Match::Same
                },
                SharedPair {
                    mine: mine[1].id,
                    partner: partner[1].id,
                    by: Match::Similar
                },
                SharedPair {
                    mine: mine[3].id,
                    partner: partner[3].id,
                    by: Match::Linked
                },
            ]
        );
    }

    #[test]
    fn each_item_is_in_one_pair_best_match_first_and_links_win() {
        use Quadrant::*;
        let mut mine = vec![
            item(Strengths, "Good listener"),
            item(Strengths, "good listener"),
        ];
        let partner = vec![
            item(Strengths, "Good listner"),
            item(Strengths, "Good listener"),
        ];
        let pairs = shared_pairs(&mine, &partner, &HashSet::new());
        // The exact match goes first; the other two pair up as similar.
        assert_eq!(pairs.len(), 2);
        assert_eq!(
            pairs[0],
            SharedPair {
                mine: mine[0].id,
                partner: partner[1].id,
                by: Match::Same
            }
        );
        assert_eq!(
            pairs[1],
            SharedPair {
                mine: mine[1].id,
                partner: partner[0].id,
                by: Match::Similar
            }
        );
        // A link beats an exact match.
        mine[1].link_id = Some(partner[1].id);
        let pairs = shared_pairs(&mine, &partner, &HashSet::new());
        assert_eq!(
            pairs[1],
            SharedPair {
                mine: mine[1].id,
                partner: partner[1].id,
                by: Match::Linked
            }
        );
        assert_eq!(
            pairs[0],
            SharedPair {
                mine: mine[0].id,
                partner: partner[0].id,
                by: Match::Similar
            }
        );
    }

    #[test]
    fn a_pair_said_not_the_same_is_left_out_and_its_items_may_pair_elsewhere() {
        use Quadrant::*;
        let mine = vec![
            item(Strengths, "Good listener"),
            item(Weaknesses, "Public speaking"),
        ];
        let mut partner = vec![
            item(Strengths, "Good listener"),
            item(Strengths, "Good listner"),
            item(Weaknesses, "Public speaking"),
        ];
        let all = shared_pairs(&mine, &partner, &HashSet::new());
        assert_eq!(all.len(), 2);
        assert_eq!((all[0].mine, all[0].partner), (mine[0].id, partner[0].id));

        // "Not the same" on the exact match: the listener pairs with the typo instead.
        let dismissed = HashSet::from([(mine[0].id, partner[0].id)]);
        let pairs = shared_pairs(&mine, &partner, &dismissed);
        assert_eq!(
            pairs,
            vec![
                SharedPair {
                    mine: mine[0].id,
                    partner: partner[1].id,
                    by: Match::Similar
                },
                SharedPair {
                    mine: mine[1].id,
                    partner: partner[2].id,
                    by: Match::Same
                },
            ]
        );
        // Both candidates dismissed: no pair for it at all.
        let both = HashSet::from([(mine[0].id, partner[0].id), (mine[0].id, partner[1].id)]);
        let pairs = shared_pairs(&mine, &partner, &both);
        assert_eq!(pairs.len(), 1);
        assert_eq!(pairs[0].mine, mine[1].id);
        // Only the (mine, partner) order counts, as the store keeps it.
        let reversed = HashSet::from([(partner[2].id, mine[1].id)]);
        assert_eq!(shared_pairs(&mine, &partner, &reversed), all);
        // A link the user made is never left out.
        partner[0].link_id = Some(mine[0].id);
        let pairs = shared_pairs(&mine, &partner, &dismissed);
        assert_eq!(pairs[0].by, Match::Linked);
        assert_eq!(pairs[0].partner, partner[0].id);
    }

    #[test]
    fn two_hundred_by_two_hundred_is_instant() {
        let words = [
            "data", "team", "budget", "prompt", "network", "speaking", "ai", "chat",
        ];
        let make = |seed: usize| -> Vec<SwotItem> {
            (0..200)
                .map(|i| {
                    let text: Vec<&str> = (0..6)
                        .map(|k| words[(i * 7 + k * seed + k * k) % words.len()])
                        .collect();
                    item(Quadrant::Strengths, &format!("{} {i}", text.join(" ")))
                })
                .collect()
        };
        let (mine, partner) = (make(3), make(5));
        let start = std::time::Instant::now();
        let pairs = shared_pairs(&mine, &partner, &HashSet::new());
        assert!(
            // Far less in a release build; a debug build on a busy machine is slower.
            start.elapsed() < std::time::Duration::from_millis(1500),
            "{:?}",
            start.elapsed()
        );
        let mut seen = HashSet::new();
        for p in &pairs {
            assert!(seen.insert(p.mine) && seen.insert(p.partner));
        }
        // Long items (1000 characters) too.
        let long: Vec<SwotItem> = (0..200)
            .map(|i| item(Quadrant::Threats, &format!("{i} {}", "word ".repeat(199))))
            .collect();
        let start = std::time::Instant::now();
        let pairs = shared_pairs(&long, &long.clone(), &HashSet::new());
        assert!(
            start.elapsed() < std::time::Duration::from_secs(1),
            "{:?}",
            start.elapsed()
        );
        assert_eq!(pairs.len(), 200);
    }

    #[test]
    fn compare_by_history_then_by_wording() {
        use Quadrant::*;
        let before = vec![
            item(Strengths, "Kept"),
            item(Weaknesses, "Will move"),
            item(Threats, "Will go"),
            item(Opportunities, "Retyped"),
        ];
        let mut after = vec![
            item(Strengths, "Kept, reworded"),
            item(Opportunities, "Will move"),
            item(Strengths, "New"),
            item(Opportunities, "retyped!"),
        ];
        after[0].origin_id = Some(before[0].id);
        // Copied through a snapshot in between.
        let middle = Uuid::new_v4();
        after[1].origin_id = Some(middle);
        let mut origin: HashMap<Uuid, Uuid> = after
            .iter()
            .filter_map(|a| a.origin_id.map(|o| (a.id, o)))
            .collect();
        origin.insert(middle, before[1].id);
        let c = compare(
            snapshot(),
            snapshot(),
            before.clone(),
            after.clone(),
            &origin,
        );
        assert_eq!(c.kept, vec![after[0].clone(), after[3].clone()]);
        assert_eq!(
            c.moved,
            vec![MovedItem {
                before: before[1].clone(),
                after: after[1].clone()
            }]
        );
        assert_eq!(c.added, vec![after[2].clone()]);
        assert_eq!(c.removed, vec![before[2].clone()]);

        // The other way round: what was added is now removed.
        let c = compare(
            snapshot(),
            snapshot(),
            after.clone(),
            before.clone(),
            &origin,
        );
        assert_eq!(c.removed, vec![after[2].clone()]);
        assert_eq!(c.added, vec![before[2].clone()]);
        assert_eq!(c.moved.len(), 1);
    }

    #[test]
    fn a_loop_in_the_history_ends() {
        let a = item(Quadrant::Strengths, "a");
        let b = item(Quadrant::Strengths, "b");
        let origin = HashMap::from([(a.id, b.id), (b.id, a.id)]);
        let c = compare(snapshot(), snapshot(), vec![], vec![a.clone()], &origin);
        assert_eq!(c.added, vec![a]);
    }

    #[test]
    fn cut_on_word_boundary() {
        assert_eq!(cut_on_word("short", 300), "short");
        let long = "word ".repeat(100);
        let cut = cut_on_word(&long, 300);
        assert!(cut.len() <= 300 && cut.ends_with("word…"), "{cut}");
        let emoji = "🎉".repeat(200);
        let cut = cut_on_word(&emoji, 300);
        assert!(cut.len() <= 300 && cut.ends_with('…'));
    }

    #[test]
    fn tows_quadrants() {
        assert_eq!(tows_quadrant(TowsKind::So, true), Quadrant::Strengths);
        assert_eq!(tows_quadrant(TowsKind::So, false), Quadrant::Opportunities);
        assert_eq!(tows_quadrant(TowsKind::Wt, true), Quadrant::Weaknesses);
        assert_eq!(tows_quadrant(TowsKind::Wt, false), Quadrant::Threats);
        assert_eq!(tows_quadrant(TowsKind::St, false), Quadrant::Threats);
        assert_eq!(tows_quadrant(TowsKind::Wo, true), Quadrant::Weaknesses);
    }
}
