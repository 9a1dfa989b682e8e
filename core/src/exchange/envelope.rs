//! The `.tandem` bundle's envelope, whatever its payload: an age file (binary, or ASCII
//! armoured for pasting) encrypted to the partner and to the author, holding one JSON
//! frame:
//!
//! ```text
//! {"format":"tandem-bundle","version":1,"signer":"<Ed25519 key, b64>",
//!  "signature":"<64 bytes, b64>","payload":"<payload bytes, b64>"}
//! ```
//!
//! The signature is Ed25519 over `b"tandem-bundle-v1\0"` followed by the payload's exact
//! bytes (so an invite's signature can never pass for a bundle's). [`open`] checks, in
//! order: the size; that it is an age file; that it is encrypted to me; that it decrypts
//! whole (age authenticates every chunk and the header); the frame's version; that the
//! signer is the key pinned for the link; the signature. Each failure has its own error;
//! nothing is returned until all passed. Format and threat model: `docs/exchange-format.md`.

use std::io::{Read, Write};

use age::armor::{ArmoredReader, ArmoredWriter, Format};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use ed25519_dalek::{Signature, VerifyingKey};
use serde::{Deserialize, Serialize};

use super::error::{ExchangeError, FileKind, Result};
use super::identity::{Identity, PublicKeys, parse_verifying_key, verifying_key_text};

/// The envelope (frame) format this version writes and the newest it reads.
pub const ENVELOPE_VERSION: u32 = 1;
/// A bundle file larger than this is refused before anything is decrypted, and none is
/// made larger: 64 MiB, thousands of times what a partnership's shared records take.
pub const MAX_BUNDLE_BYTES: usize = 64 * 1024 * 1024;

const FORMAT: &str = "tandem-bundle";
/// What a bundle's signature is made over, before the payload.
const SIGNING_DOMAIN: &[u8] = b"tandem-bundle-v1\0";
const AGE_BINARY_MAGIC: &[u8] = b"age-encryption.org/";
const AGE_ARMOUR_BEGIN: &[u8] = b"-----BEGIN AGE ENCRYPTED FILE-----";

/// How [`seal`] writes the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Armour {
    /// The age binary format (a `.tandem` file).
    Binary,
    /// age's ASCII armour (`-----BEGIN AGE ENCRYPTED FILE-----`, base64 lines): text
    /// that can be pasted into an e-mail or a chat.
    Ascii,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Frame {
    format: String,
    version: u32,
    signer: String,
    signature: String,
    payload: String,
}

/// Only what is needed to decide whether this version can read the rest.
#[derive(Deserialize)]
struct Head {
    format: Option<String>,
    version: Option<u64>,
}

/// Seals `payload` (the canonical JSON of a bundle payload) from `signer` for `partner`:
/// signed by `signer`, encrypted to `partner`'s age recipient and to `signer`'s own (so
/// the author can reopen what they sent).
pub fn seal(
    payload: &[u8],
    signer: &Identity,
    partner: &PublicKeys,
    armour: Armour,
) -> Result<Vec<u8>> {
    let too_large = |size: usize| ExchangeError::ShareTooLarge {
        size: size as u64,
        limit: MAX_BUNDLE_BYTES as u64,
    };
    if payload.len() > MAX_BUNDLE_BYTES {
        return Err(too_large(payload.len()));
    }
    let message = [SIGNING_DOMAIN, payload].concat();
    let frame = Frame {
        format: FORMAT.to_owned(),
        version: ENVELOPE_VERSION,
        signer: verifying_key_text(&signer.verifying_key()),
        signature: BASE64.encode(signer.sign(&message).to_bytes()),
        payload: BASE64.encode(payload),
    };
    let frame = serde_json::to_vec(&frame).map_err(|e| ExchangeError::Seal(e.to_string()))?;
    let me = signer.public_keys();
    let sealed = encrypt(
        &frame,
        &[partner.age_recipient(), me.age_recipient()],
        armour,
    )?;
    if sealed.len() > MAX_BUNDLE_BYTES {
        return Err(too_large(sealed.len()));
    }
    Ok(sealed)
}

/// age-encrypts `plaintext` to `recipients`.
pub(crate) fn encrypt(
    plaintext: &[u8],
    recipients: &[&age::x25519::Recipient],
    armour: Armour,
) -> Result<Vec<u8>> {
    let seal_error = |e: &dyn std::fmt::Display| ExchangeError::Seal(e.to_string());
    let encryptor =
        age::Encryptor::with_recipients(recipients.iter().map(|r| *r as &dyn age::Recipient))
            .map_err(|e| seal_error(&e))?;
    let format = match armour {
        Armour::Binary => Format::Binary,
        Armour::Ascii => Format::AsciiArmor,
    };
    let mut out = Vec::with_capacity(plaintext.len() * 4 / 3 + 1024);
    let armoured = ArmoredWriter::wrap_output(&mut out, format).map_err(|e| seal_error(&e))?;
    let mut writer = encryptor
        .wrap_output(armoured)
        .map_err(|e| seal_error(&e))?;
    writer.write_all(plaintext).map_err(|e| seal_error(&e))?;
    writer
        .finish()
        .and_then(|armoured| armoured.finish())
        .map_err(|e| seal_error(&e))?;
    Ok(out)
}

/// Opens a bundle (binary or armoured) with `me`'s keys and returns its payload's bytes,
/// once it decrypted whole and its signature verified against `expected_signer`, the key
/// pinned for the link (my own, to reopen what I sent).
pub fn open(bytes: &[u8], me: &Identity, expected_signer: &VerifyingKey) -> Result<Vec<u8>> {
    let frame = decrypt(bytes, me)?;
    let frame = read_frame(&frame)?;
    let signer = parse_verifying_key(&frame.signer).map_err(ExchangeError::bundle_damaged)?;
    let signature = BASE64
        .decode(frame.signature.as_bytes())
        .ok()
        .and_then(|b| Signature::from_slice(&b).ok())
        .ok_or_else(|| ExchangeError::bundle_damaged("its signature is not 64 bytes of base64"))?;
    let payload = BASE64
        .decode(frame.payload.as_bytes())
        .map_err(|_| ExchangeError::bundle_damaged("its content is not base64"))?;
    if signer != *expected_signer {
        return Err(ExchangeError::BundleWrongSigner);
    }
    let message = [SIGNING_DOMAIN, &payload].concat();
    expected_signer
        .verify_strict(&message, &signature)
        .map_err(|_| ExchangeError::BundleBadSignature)?;
    Ok(payload)
}

/// The age layer of [`open`]: size, format, recipient, integrity.
/// Like [`open`] for a bundle whose signer is not pinned yet (the first of a link, or
/// while the right link is not known): the signature is checked against the key the frame
/// names, which is returned with the payload for the caller to pin (trust on first use) or
/// to compare with the pinned one ([`ExchangeError::BundleWrongSigner`]).
pub fn open_unpinned(bytes: &[u8], me: &Identity) -> Result<(VerifyingKey, Vec<u8>)> {
    let frame = decrypt(bytes, me)?;
    let frame = read_frame(&frame)?;
    let signer = parse_verifying_key(&frame.signer).map_err(ExchangeError::bundle_damaged)?;
    let signature = BASE64
        .decode(frame.signature.as_bytes())
        .ok()
        .and_then(|b| Signature::from_slice(&b).ok())
        .ok_or_else(|| ExchangeError::bundle_damaged("its signature is not 64 bytes of base64"))?;
    let payload = BASE64
        .decode(frame.payload.as_bytes())
        .map_err(|_| ExchangeError::bundle_damaged("its content is not base64"))?;
    let message = [SIGNING_DOMAIN, &payload].concat();
    signer
        .verify_strict(&message, &signature)
        .map_err(|_| ExchangeError::BundleBadSignature)?;
    Ok((signer, payload))
}

pub(crate) fn decrypt(bytes: &[u8], me: &Identity) -> Result<Vec<u8>> {
    if bytes.len() > MAX_BUNDLE_BYTES {
        return Err(ExchangeError::TooLarge {
            what: FileKind::Bundle,
            size: bytes.len() as u64,
            limit: MAX_BUNDLE_BYTES as u64,
        });
    }
    // Armour pasted from a mail or a chat may come with blank lines or spaces around it;
    // inside it, age's own reader is strict. A binary file is taken as it is.
    let trimmed = bytes.trim_ascii();
    let input = if trimmed.starts_with(AGE_ARMOUR_BEGIN) {
        trimmed
    } else if bytes.starts_with(AGE_BINARY_MAGIC) {
        bytes
    } else {
        return Err(ExchangeError::NotABundle);
    };
    let decryptor = age::Decryptor::new_buffered(ArmoredReader::new(input)).map_err(age_error)?;
    let mut reader = decryptor
        .decrypt(std::iter::once(me.age_identity() as &dyn age::Identity))
        .map_err(age_error)?;
    let mut plain = Vec::new();
    (&mut reader)
        .take(MAX_BUNDLE_BYTES as u64 + 1)
        .read_to_end(&mut plain)
        .map_err(|e| ExchangeError::bundle_damaged(io_reason(&e)))?;
    if plain.len() > MAX_BUNDLE_BYTES {
        return Err(ExchangeError::TooLarge {
            what: FileKind::Bundle,
            size: plain.len() as u64,
            limit: MAX_BUNDLE_BYTES as u64,
        });
    }
    Ok(plain)
}

fn read_frame(bytes: &[u8]) -> Result<Frame> {
    let head: Head = serde_json::from_slice(bytes)
        .map_err(|_| ExchangeError::bundle_damaged("its content is not a Tandem bundle"))?;
    if head.format.as_deref() != Some(FORMAT) {
        return Err(ExchangeError::bundle_damaged(
            "its content is not a Tandem bundle",
        ));
    }
    match head.version {
        Some(v) if v > u64::from(ENVELOPE_VERSION) => {
            return Err(ExchangeError::BundleTooNew {
                what: "envelope",
                found: v,
                known: u64::from(ENVELOPE_VERSION),
            });
        }
        Some(v) if v == u64::from(ENVELOPE_VERSION) => {}
        _ => {
            return Err(ExchangeError::bundle_damaged(
                "its format version is missing or not one Tandem made",
            ));
        }
    }
    serde_json::from_slice(bytes)
        .map_err(|_| ExchangeError::bundle_damaged("its frame has missing or unknown fields"))
}

fn age_error(e: age::DecryptError) -> ExchangeError {
    use age::DecryptError as E;
    match e {
        E::NoMatchingKeys | E::KeyDecryptionFailed => ExchangeError::BundleNotForMe,
        E::InvalidMac => ExchangeError::bundle_damaged("its header was changed"),
        E::DecryptionFailed => ExchangeError::bundle_damaged("it does not decrypt"),
        E::InvalidHeader => ExchangeError::bundle_damaged("its header is not valid"),
        E::UnknownFormat => {
            ExchangeError::bundle_damaged("it is in an age format this version cannot read")
        }
        E::ExcessiveWork { .. } => ExchangeError::BundleNotForMe,
        E::Io(e) => ExchangeError::bundle_damaged(io_reason(&e)),
        // Only with age's plugin feature, which Tandem does not use.
        #[allow(unreachable_patterns)]
        _ => ExchangeError::bundle_damaged("it could not be decrypted"),
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::UnexpectedEof => "it ends too early: it was cut short".to_owned(),
        _ => format!("it could not be decrypted whole: {e}"),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn frame_json(version: serde_json::Value) -> Vec<u8> {
        serde_json::to_vec(&serde_json::json!({
            "format": "tandem-bundle",
            "version": version,
            "signer": "x",
            "signature": "x",
            "payload": "x",
            "from_the_future": true,
        }))
        .unwrap()
    }

    #[test]
    fn a_bundle_from_a_newer_tandem_says_update_before_anything_else() {
        let me = Identity::generate().unwrap();
        let sealed = encrypt(
            &frame_json(2.into()),
            &[me.public_keys().age_recipient()],
            Armour::Binary,
        )
        .unwrap();
        let e = open(&sealed, &me, &me.verifying_key()).unwrap_err();
        assert_eq!(e.code(), "bundle_too_new", "{e}");
        assert!(e.to_string().contains("Update Tandem"), "{e}");
        assert!(e.to_string().contains("envelope format 2"), "{e}");
    }

    #[test]
    fn a_frame_of_version_zero_or_none_is_damaged() {
        let me = Identity::generate().unwrap();
        for v in [
            serde_json::json!(0),
            serde_json::json!(null),
            serde_json::json!("1"),
        ] {
            let sealed = encrypt(
                &frame_json(v),
                &[me.public_keys().age_recipient()],
                Armour::Binary,
            )
            .unwrap();
            let e = open(&sealed, &me, &me.verifying_key()).unwrap_err();
            assert_eq!(e.code(), "bundle_damaged", "{e}");
        }
    }
}
