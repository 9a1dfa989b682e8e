//! The link's fingerprint: six words both partners' apps show, read aloud to each other
//! at a session to mark the link verified. Until then everything received says "not
//! verified": the invite and the first bundle are trusted on first use only.
//!
//! The words are the first 66 bits (6 × 11) of
//! `SHA-256(b"tandem-fingerprint-v1\0" || link id (16 bytes) || key₁ || key₂)`, where key₁
//! and key₂ are the two partners' Ed25519 verifying keys (32 bytes each) in ascending byte
//! order, so both sides compute the same words whoever invited. Each 11 bits pick a word
//! of BIP-39's English list (2,048 words, chosen to be told apart when heard; the `bip39`
//! crate's).
//!
//! What 66 bits buy: someone who swapped the keys in transit must make the two sides'
//! words equal. If the invitee's keys are made when they accept (a new identity per link),
//! the words on one side are fixed before the attacker can choose the key shown on the
//! other, and matching them takes about 2^66 tries, each a new Ed25519 key: out of reach.
//! If the invitee reuses keys the attacker already knows, the attacker chooses both sides
//! and a collision takes about 2^33 tries, within reach: so each link gets its own
//! identity (see `docs/exchange-format.md`, threat model).

use std::fmt;

use ed25519_dalek::VerifyingKey;
use sha2::{Digest, Sha256};

use super::LinkId;

/// How many words a fingerprint has.
pub const WORDS: usize = 6;
/// How many bits of the hash they carry (11 a word).
pub const BITS: usize = WORDS * 11;

const DOMAIN: &[u8] = b"tandem-fingerprint-v1\0";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint([&'static str; WORDS]);

impl Fingerprint {
    /// The fingerprint of the link `link_id` between the holders of `a` and `b` (in either
    /// order).
    pub fn of(link_id: &LinkId, a: &VerifyingKey, b: &VerifyingKey) -> Fingerprint {
        let (lo, hi) = if a.as_bytes() <= b.as_bytes() {
            (a, b)
        } else {
            (b, a)
        };
        let hash = Sha256::new()
            .chain_update(DOMAIN)
            .chain_update(link_id.as_bytes())
            .chain_update(lo.as_bytes())
            .chain_update(hi.as_bytes())
            .finalize();
        // The first 66 bits, 11 at a time, most significant first.
        let mut top = [0u8; 16];
        top.copy_from_slice(&hash[..16]);
        let bits = u128::from_be_bytes(top);
        let list = bip39::Language::English.word_list();
        let mut words = [""; WORDS];
        for (i, word) in words.iter_mut().enumerate() {
            let index = (bits >> (128 - 11 * (i + 1))) & 0x7ff;
            // 11 bits index a list of 2,048.
            *word = list[index as usize];
        }
        Fingerprint(words)
    }

    pub fn words(&self) -> &[&'static str; WORDS] {
        &self.0
    }
}

/// The words separated by spaces: "abandon ability able about above absent".
impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.join(" "))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::exchange::Identity;

    #[test]
    fn the_word_list_is_bip39_english() {
        let list = bip39::Language::English.word_list();
        assert_eq!(list.len(), 2048);
        assert_eq!(list[0], "abandon");
        assert_eq!(list[2047], "zoo");
    }

    #[test]
    fn a_known_fingerprint_stays_the_same() {
        // Pins the hash input and the bit order: changing either changes every link's
        // words, which partners who verified would see as a broken link.
        let link = LinkId::from_bytes([7; 16]);
        let a = ed25519_dalek::SigningKey::from_bytes(&[1; 32]).verifying_key();
        let b = ed25519_dalek::SigningKey::from_bytes(&[2; 32]).verifying_key();
        let fp = Fingerprint::of(&link, &a, &b);
        assert_eq!(fp, Fingerprint::of(&link, &b, &a));
        let expected = {
            let mut input = DOMAIN.to_vec();
            input.extend_from_slice(&[7; 16]);
            let (lo, hi) = if a.as_bytes() < b.as_bytes() {
                (a, b)
            } else {
                (b, a)
            };
            input.extend_from_slice(lo.as_bytes());
            input.extend_from_slice(hi.as_bytes());
            let h = Sha256::digest(&input);
            // Bit by bit, the slow way.
            let bit = |n: usize| (h[n / 8] >> (7 - n % 8)) & 1;
            (0..WORDS)
                .map(|w| {
                    let index = (0..11).fold(0usize, |acc, k| acc << 1 | bit(w * 11 + k) as usize);
                    bip39::Language::English.word_list()[index]
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(fp.to_string(), expected);
        assert_eq!(fp.words().len(), 6);
        assert_eq!(BITS, 66);
    }

    #[test]
    fn the_fingerprint_changes_with_the_link_and_with_either_key() {
        let a = Identity::generate().unwrap().verifying_key();
        let b = Identity::generate().unwrap().verifying_key();
        let c = Identity::generate().unwrap().verifying_key();
        let link = LinkId::generate().unwrap();
        let fp = Fingerprint::of(&link, &a, &b);
        assert_ne!(fp, Fingerprint::of(&LinkId::generate().unwrap(), &a, &b));
        assert_ne!(fp, Fingerprint::of(&link, &a, &c));
        assert_ne!(fp, Fingerprint::of(&link, &c, &b));
    }
}
