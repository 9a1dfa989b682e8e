//! Partner exchange, the cryptographic core: what passes between two partners' journals
//! without a server. Nothing here touches the store or the UI; later parts build on it.
//!
//! - [`identity`]: a journal's keys (age X25519 to encrypt to, Ed25519 to sign with).
//! - [`invite`]: the signed invite file that starts a link (public keys only).
//! - [`envelope`]: the `.tandem` bundle: age-encrypted to the partner and to myself,
//!   holding a signed frame around the payload bytes.
//! - [`fingerprint`]: the link's fingerprint as six words the partners read to each other.
//! - [`payload`]: the bundle payload's own types, in the author's words, and `flip`.
//!
//! The formats and the threat model: `docs/exchange-format.md`. Every cryptographic
//! operation is the `age` or `ed25519-dalek` crate's; nothing here is a cipher of its own.

pub mod envelope;
mod error;
pub mod fingerprint;
pub mod identity;
pub mod invite;
pub mod payload;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use envelope::{Armour, MAX_BUNDLE_BYTES, open, open_unpinned, seal};
pub use error::{ExchangeError, FileKind, Result};
pub use fingerprint::Fingerprint;
pub use identity::{Identity, PublicKeys};
pub use invite::{Invite, VerifiedInvite};
pub use payload::{BundlePayload, Flip};

/// Fills `buf` from the operating system's random number source.
pub(crate) fn random_bytes(buf: &mut [u8]) -> Result<()> {
    getrandom::fill(buf).map_err(|e| ExchangeError::Random(e.to_string()))
}

/// A link's id: 128 random bits, made by the inviter, carried by the invite and by every
/// bundle of the link. Written as 32 lowercase hex digits.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LinkId([u8; 16]);

impl LinkId {
    pub fn generate() -> Result<LinkId> {
        let mut bytes = [0u8; 16];
        random_bytes(&mut bytes)?;
        Ok(LinkId(bytes))
    }

    pub fn from_bytes(bytes: [u8; 16]) -> LinkId {
        LinkId(bytes)
    }

    pub fn as_bytes(&self) -> &[u8; 16] {
        &self.0
    }
}

impl fmt::Display for LinkId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for b in self.0 {
            write!(f, "{b:02x}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for LinkId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "LinkId({self})")
    }
}

impl FromStr for LinkId {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<LinkId, String> {
        let bad = || format!("a link id is 32 lowercase hex digits, not {:?}", short(s));
        if s.len() != 32 || !s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
            return Err(bad());
        }
        let mut out = [0u8; 16];
        for (i, byte) in out.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).map_err(|_| bad())?;
        }
        Ok(LinkId(out))
    }
}

impl Serialize for LinkId {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for LinkId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<LinkId, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// At most 40 characters of a text, for an error message about it.
fn short(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_link_id_reads_back_and_only_its_own_form_is_accepted() {
        let id = LinkId::generate().unwrap();
        let text = id.to_string();
        assert_eq!(text.len(), 32);
        assert_eq!(text.parse::<LinkId>().unwrap(), id);
        assert_ne!(LinkId::generate().unwrap(), id);
        for bad in [
            "",
            "00",
            &text.to_uppercase(),
            &format!("{text}0"),
            &text[..31],
            "g0000000000000000000000000000000",
            "+0000000000000000000000000000000",
            "é000000000000000000000000000000",
        ] {
            if bad == text {
                continue;
            }
            assert!(bad.parse::<LinkId>().is_err(), "{bad:?} accepted");
        }
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(json, format!("\"{text}\""));
        assert_eq!(serde_json::from_str::<LinkId>(&json).unwrap(), id);
    }
}
