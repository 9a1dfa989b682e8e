//! A journal's exchange identity: an age X25519 identity (what partners encrypt bundles
//! to) and an Ed25519 signing key (what bundles and invites are signed with), both made
//! from the operating system's randomness. The secret half is kept in the journal file as
//! one line of text ([`Identity::to_secret_text`]); the public half ([`PublicKeys`]) goes
//! into invites.

use std::fmt;
use std::str::FromStr;

use age::secrecy::ExposeSecret;
use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use zeroize::Zeroizing;

use super::error::{ExchangeError, Result};

/// The first word of an identity's secret text; the number is its format version.
const SECRET_TEXT_TAG: &str = "TANDEM-IDENTITY-1";

/// A journal's secret exchange keys. Both keys are wiped from memory when it is dropped
/// (x25519-dalek's `StaticSecret` and ed25519-dalek's `SigningKey` zeroize themselves);
/// `Debug` shows only the public keys.
#[derive(Clone)]
pub struct Identity {
    age: age::x25519::Identity,
    signing: SigningKey,
}

impl Identity {
    /// New keys from the operating system's random number source.
    pub fn generate() -> Result<Identity> {
        let mut seed = Zeroizing::new([0u8; ed25519_dalek::SECRET_KEY_LENGTH]);
        super::random_bytes(seed.as_mut())?;
        Ok(Identity {
            // age draws its own key from the same source (rand's OsRng).
            age: age::x25519::Identity::generate(),
            signing: SigningKey::from_bytes(&seed),
        })
    }

    pub fn public_keys(&self) -> PublicKeys {
        PublicKeys {
            age: self.age.to_public(),
            signing: self.signing.verifying_key(),
        }
    }

    pub fn verifying_key(&self) -> VerifyingKey {
        self.signing.verifying_key()
    }

    pub(crate) fn age_identity(&self) -> &age::x25519::Identity {
        &self.age
    }

    pub(crate) fn sign(&self, message: &[u8]) -> Signature {
        self.signing.sign(message)
    }

    /// The secret keys as one line of text, for the journal file:
    /// `TANDEM-IDENTITY-1 AGE-SECRET-KEY-1… <Ed25519 seed, 32 bytes in base64>`.
    /// The returned string is wiped when dropped.
    pub fn to_secret_text(&self) -> Zeroizing<String> {
        let age_secret = self.age.to_string();
        let seed = Zeroizing::new(self.signing.to_bytes());
        let seed_text = Zeroizing::new(BASE64.encode(seed.as_ref()));
        let mut out = Zeroizing::new(String::with_capacity(
            SECRET_TEXT_TAG.len() + age_secret.expose_secret().len() + seed_text.len() + 2,
        ));
        out.push_str(SECRET_TEXT_TAG);
        out.push(' ');
        out.push_str(age_secret.expose_secret());
        out.push(' ');
        out.push_str(&seed_text);
        out
    }

    /// Reads back what [`Identity::to_secret_text`] wrote. The error never repeats the
    /// text (it is secret).
    pub fn from_secret_text(text: &str) -> Result<Identity> {
        let unreadable = |reason: &str| ExchangeError::KeysUnreadable {
            reason: reason.to_owned(),
        };
        let mut parts = text.split_ascii_whitespace();
        let tag = parts
            .next()
            .ok_or_else(|| unreadable("the text is empty"))?;
        if tag != SECRET_TEXT_TAG {
            return Err(if tag.starts_with("TANDEM-IDENTITY-") {
                unreadable("they were made by a newer version of Tandem; update Tandem")
            } else {
                unreadable("they are not Tandem exchange keys")
            });
        }
        let (Some(age_text), Some(seed_text), None) = (parts.next(), parts.next(), parts.next())
        else {
            return Err(unreadable(
                "expected an age key and an Ed25519 key, and nothing else",
            ));
        };
        let age = age::x25519::Identity::from_str(age_text)
            .map_err(|_| unreadable("the age key is not a valid AGE-SECRET-KEY"))?;
        let seed = Zeroizing::new(
            BASE64
                .decode(seed_text)
                .map_err(|_| unreadable("the Ed25519 key is not valid base64"))?,
        );
        let seed: &[u8; ed25519_dalek::SECRET_KEY_LENGTH] = seed
            .as_slice()
            .try_into()
            .map_err(|_| unreadable("the Ed25519 key is not 32 bytes long"))?;
        Ok(Identity {
            age,
            signing: SigningKey::from_bytes(seed),
        })
    }
}

impl fmt::Debug for Identity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Identity")
            .field("public", &self.public_keys())
            .finish_non_exhaustive()
    }
}

/// A journal's public exchange keys, as an invite carries them and a link pins them: the
/// age recipient (`age1…`) bundles are encrypted to, and the Ed25519 key (32 bytes, base64)
/// that verifies what the journal signs.
#[derive(Clone, PartialEq, Eq)]
pub struct PublicKeys {
    age: age::x25519::Recipient,
    signing: VerifyingKey,
}

impl PublicKeys {
    /// Reads the two keys from their text forms ([`PublicKeys::age_text`] and
    /// [`PublicKeys::signing_text`]).
    pub fn parse(age_text: &str, signing_text: &str) -> Result<PublicKeys, String> {
        let age = age::x25519::Recipient::from_str(age_text)
            .map_err(|_| "the encryption key is not a valid age1… recipient".to_owned())?;
        Ok(PublicKeys {
            age,
            signing: parse_verifying_key(signing_text)?,
        })
    }

    pub fn age_recipient(&self) -> &age::x25519::Recipient {
        &self.age
    }

    pub fn verifying_key(&self) -> &VerifyingKey {
        &self.signing
    }

    /// The age recipient, `age1…`.
    pub fn age_text(&self) -> String {
        self.age.to_string()
    }

    /// The Ed25519 verifying key in base64.
    pub fn signing_text(&self) -> String {
        verifying_key_text(&self.signing)
    }
}

impl fmt::Debug for PublicKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PublicKeys")
            .field("age", &self.age_text())
            .field("ed25519", &self.signing_text())
            .finish()
    }
}

/// An Ed25519 verifying key in base64 (the text form invites and bundles carry).
pub fn verifying_key_text(key: &VerifyingKey) -> String {
    BASE64.encode(key.as_bytes())
}

/// Reads [`verifying_key_text`]'s form back. Refuses a key that is not a curve point and a
/// weak (small-order) key, which would let anyone make signatures that verify.
pub fn parse_verifying_key(text: &str) -> Result<VerifyingKey, String> {
    let bytes = BASE64
        .decode(text)
        .map_err(|_| "the signing key is not valid base64".to_owned())?;
    let bytes: [u8; ed25519_dalek::PUBLIC_KEY_LENGTH] = bytes
        .as_slice()
        .try_into()
        .map_err(|_| "the signing key is not 32 bytes long".to_owned())?;
    let key = VerifyingKey::from_bytes(&bytes)
        .map_err(|_| "the signing key is not a valid Ed25519 key".to_owned())?;
    if key.is_weak() {
        return Err("the signing key is a weak Ed25519 key".to_owned());
    }
    Ok(key)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn an_identity_survives_its_secret_text() {
        let id = Identity::generate().unwrap();
        let text = id.to_secret_text();
        assert!(text.starts_with("TANDEM-IDENTITY-1 AGE-SECRET-KEY-1"));
        let back = Identity::from_secret_text(&text).unwrap();
        assert_eq!(back.public_keys(), id.public_keys());
        assert_eq!(back.to_secret_text().as_str(), text.as_str());
        // Surrounding whitespace (a pasted line) is fine.
        let padded = format!("  {}\n", text.as_str());
        assert_eq!(
            Identity::from_secret_text(&padded).unwrap().public_keys(),
            id.public_keys()
        );
    }

    #[test]
    fn two_identities_differ() {
        let a = Identity::generate().unwrap().public_keys();
        let b = Identity::generate().unwrap().public_keys();
        assert_ne!(a.age_text(), b.age_text());
        assert_ne!(a.signing_text(), b.signing_text());
    }

    #[test]
    fn debug_never_prints_the_secret_keys() {
        let id = Identity::generate().unwrap();
        let secret = id.to_secret_text();
        let debug = format!("{id:?} {id:#?}");
        for part in secret.split(' ').skip(1) {
            assert!(!debug.contains(part), "Debug printed a secret: {debug}");
            assert!(
                !debug.to_lowercase().contains(&part.to_lowercase()),
                "Debug printed a secret: {debug}"
            );
        }
        let seed = id.signing.to_bytes();
        assert!(!debug.contains(&format!("{seed:?}")));
        assert!(!debug.contains(&format!("{:?}", &seed[..8])));
        // It shows who it is.
        assert!(debug.contains(&id.public_keys().age_text()), "{debug}");
    }

    #[test]
    fn unreadable_secret_texts_are_refused_with_a_reason_and_without_echoing_them() {
        let id = Identity::generate().unwrap();
        let good = id.to_secret_text();
        let parts: Vec<&str> = good.split(' ').collect();
        let cases = [
            String::new(),
            "   ".to_owned(),
            "hello".to_owned(),
            format!("TANDEM-IDENTITY-2 {} {}", parts[1], parts[2]),
            format!("TANDEM-IDENTITY-1 {}", parts[1]),
            format!("TANDEM-IDENTITY-1 {} {} extra", parts[1], parts[2]),
            format!("TANDEM-IDENTITY-1 {} {}", parts[2], parts[1]),
            format!("TANDEM-IDENTITY-1 {} {}", &parts[1][..40], parts[2]),
            format!("TANDEM-IDENTITY-1 {} {}", parts[1], &parts[2][..20]),
            format!("TANDEM-IDENTITY-1 {} {}!", parts[1], &parts[2][..43]),
            format!("TANDEM-IDENTITY-1 {} AAAA", parts[1]),
        ];
        for case in cases {
            let e = Identity::from_secret_text(&case).unwrap_err();
            assert_eq!(e.code(), "exchange_keys_unreadable", "{case}: {e}");
            let message = e.to_string();
            assert!(
                !message.contains(parts[1]) && !message.contains(parts[2]),
                "{message}"
            );
        }
        let e = Identity::from_secret_text(&format!("TANDEM-IDENTITY-2 {} {}", parts[1], parts[2]))
            .unwrap_err();
        assert!(e.to_string().contains("newer version of Tandem"), "{e}");
    }

    #[test]
    fn public_keys_read_back_and_weak_or_malformed_keys_are_refused() {
        let keys = Identity::generate().unwrap().public_keys();
        let back = PublicKeys::parse(&keys.age_text(), &keys.signing_text()).unwrap();
        assert_eq!(back, keys);
        assert!(PublicKeys::parse("age1nope", &keys.signing_text()).is_err());
        assert!(PublicKeys::parse(&keys.age_text(), "AAAA").is_err());
        // The identity point is a weak key.
        let mut identity_point = [0u8; 32];
        identity_point[0] = 1;
        let weak = BASE64.encode(identity_point);
        let e = PublicKeys::parse(&keys.age_text(), &weak).unwrap_err();
        assert!(e.contains("weak"), "{e}");
    }
}
