//! The invite: a small signed document that starts a link. It holds only public keys, a
//! random link id, the inviter's name and role, the partnership's kind, a format version
//! and when it was made, so it is safe to send by chat or e-mail.
//!
//! Its text (`docs/exchange-format.md` has it byte by byte):
//!
//! ```text
//! -----BEGIN TANDEM INVITE-----
//! eyJwYXlsb2FkIjoie1wiZm9ybWF0XCI6XCJ0YW5kZW0taW52aXRlXCIsXCJ2ZXJz…   (base64, 64 a line)
//! -----END TANDEM INVITE-----
//! ```
//!
//! The base64 is of the signed document `{"payload":"<payload JSON>","signature":"<b64>"}`,
//! the signature Ed25519 over `b"tandem-invite-v1\0"` followed by the payload JSON's exact
//! bytes, by the key the payload itself names. So it is self-signed: a valid signature
//! proves the invite was not changed after it was made, not who made it; that is what the
//! link's fingerprint, read aloud between the partners, is for.

use std::ops::Deref;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use chrono::{DateTime, Utc};
use ed25519_dalek::Signature;
use serde::{Deserialize, Serialize};

use super::error::{ExchangeError, FileKind, Result};
use super::identity::{Identity, PublicKeys};
use super::payload::Flip;
use super::{LinkId, short};
use crate::model::{PartnershipKind, Role};

/// The invite format this version of Tandem writes and the newest it reads.
pub const INVITE_VERSION: u32 = 1;
/// The text of an invite (with whatever chat text is pasted around it) is refused above
/// this size; an invite itself is about 1 KB.
pub const MAX_INVITE_BYTES: usize = 64 * 1024;

pub const BEGIN_MARKER: &str = "-----BEGIN TANDEM INVITE-----";
pub const END_MARKER: &str = "-----END TANDEM INVITE-----";
/// What an invite's signature is made over, before the payload: an invite's signature can
/// never pass for a bundle's, nor the other way round.
const SIGNING_DOMAIN: &[u8] = b"tandem-invite-v1\0";
const FORMAT: &str = "tandem-invite";

/// What an invite says. Made by [`Invite::new`], written by [`Invite::to_text`], read back
/// (and verified) by [`Invite::read`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invite {
    pub link_id: LinkId,
    pub created_at: DateTime<Utc>,
    /// The inviter's own name, which the accepting partner's journal takes as its
    /// partner's name.
    pub inviter_name: String,
    /// The inviter's role; the accepting partner's is its [`Flip`].
    pub inviter_role: Role,
    pub kind: PartnershipKind,
    /// The inviter's public keys, to pin for the link.
    pub keys: PublicKeys,
}

/// An invite whose signature verified against the keys inside it (self-signed: see the
/// module's documentation). Only [`Invite::read`] makes one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedInvite(Invite);

impl VerifiedInvite {
    pub fn invite(&self) -> &Invite {
        &self.0
    }

    pub fn into_invite(self) -> Invite {
        self.0
    }

    /// The accepting partner's role: the inviter's flipped (mentor ↔ mentee; both stays).
    pub fn accepter_role(&self) -> Role {
        self.0.inviter_role.flip()
    }
}

impl Deref for VerifiedInvite {
    type Target = Invite;

    fn deref(&self) -> &Invite {
        &self.0
    }
}

/// The payload as it is signed: field for field what `Invite` holds, in this order.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Payload {
    format: String,
    version: u32,
    link_id: LinkId,
    created_at: DateTime<Utc>,
    inviter_name: String,
    inviter_role: Role,
    kind: PartnershipKind,
    keys: Keys,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Keys {
    /// The age X25519 recipient, `age1…`.
    age: String,
    /// The Ed25519 verifying key, 32 bytes in base64.
    ed25519: String,
}

/// Only what is needed to decide whether this version can read the rest.
#[derive(Deserialize)]
struct Head {
    format: Option<String>,
    version: Option<u64>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Signed {
    /// The payload JSON, as a string: its UTF-8 bytes are exactly what was signed.
    payload: String,
    signature: String,
}

impl Invite {
    /// A new invite from `identity`'s journal: a fresh random link id, made now.
    pub fn new(
        identity: &Identity,
        inviter_name: &str,
        inviter_role: Role,
        kind: PartnershipKind,
    ) -> Result<Invite> {
        check_name("Your name", inviter_name)
            .map_err(|message| ExchangeError::invalid("inviter_name", message))?;
        Ok(Invite {
            link_id: LinkId::generate()?,
            created_at: crate::time::now(),
            inviter_name: inviter_name.to_owned(),
            inviter_role,
            kind,
            keys: identity.public_keys(),
        })
    }

    /// The invite's text, signed by `identity`, which must be the one whose keys it holds.
    pub fn to_text(&self, identity: &Identity) -> Result<String> {
        if identity.public_keys() != self.keys {
            return Err(ExchangeError::invalid(
                "keys",
                "This invite holds another journal's keys, so this journal cannot sign it.",
            ));
        }
        check_name("Your name", &self.inviter_name)
            .map_err(|message| ExchangeError::invalid("inviter_name", message))?;
        let payload = Payload {
            format: FORMAT.to_owned(),
            version: INVITE_VERSION,
            link_id: self.link_id,
            created_at: self.created_at,
            inviter_name: self.inviter_name.clone(),
            inviter_role: self.inviter_role,
            kind: self.kind,
            keys: Keys {
                age: self.keys.age_text(),
                ed25519: self.keys.signing_text(),
            },
        };
        let payload = serde_json::to_string(&payload)
            .map_err(|e| ExchangeError::invalid("invite", e.to_string()))?;
        Ok(armour(&sign(identity, payload)))
    }

    /// Reads an invite's text (pasted with chat or e-mail text around it, line breaks
    /// changed or joined: only what is between the BEGIN and END lines counts) and checks
    /// its signature against the key it holds.
    pub fn read(text: &str) -> Result<VerifiedInvite> {
        if text.len() > MAX_INVITE_BYTES {
            return Err(ExchangeError::TooLarge {
                what: FileKind::Invite,
                size: text.len() as u64,
                limit: MAX_INVITE_BYTES as u64,
            });
        }
        let start = text.find(BEGIN_MARKER).ok_or(ExchangeError::NotAnInvite)?;
        let body = &text[start + BEGIN_MARKER.len()..];
        let end = body
            .find(END_MARKER)
            .ok_or_else(|| ExchangeError::invite_damaged("its END line is missing"))?;
        let base64: String = body[..end]
            .chars()
            .filter(|c| !c.is_ascii_whitespace())
            .collect();
        let bytes = BASE64.decode(base64.as_bytes()).map_err(|_| {
            ExchangeError::invite_damaged("the text between its lines is not base64")
        })?;
        let signed: Signed = serde_json::from_slice(&bytes)
            .map_err(|_| ExchangeError::invite_damaged("it is not a signed invite"))?;

        let head: Head = serde_json::from_str(&signed.payload)
            .map_err(|_| ExchangeError::invite_damaged("its content is not JSON"))?;
        if head.format.as_deref() != Some(FORMAT) {
            return Err(ExchangeError::invite_damaged(
                "its content is not an invite",
            ));
        }
        match head.version {
            Some(v) if v > u64::from(INVITE_VERSION) => {
                return Err(ExchangeError::InviteTooNew {
                    found: u32::try_from(v).unwrap_or(u32::MAX),
                    known: INVITE_VERSION,
                });
            }
            Some(v) if v == u64::from(INVITE_VERSION) => {}
            _ => {
                return Err(ExchangeError::invite_damaged(
                    "its format version is missing or not one Tandem made",
                ));
            }
        }
        let payload: Payload = {
            let de = &mut serde_json::Deserializer::from_str(&signed.payload);
            serde_path_to_error::deserialize(de).map_err(|e| {
                ExchangeError::invite_damaged(format!("its field {} is not valid", e.path()))
            })?
        };
        let keys = PublicKeys::parse(&payload.keys.age, &payload.keys.ed25519)
            .map_err(ExchangeError::invite_damaged)?;
        let signature = BASE64
            .decode(signed.signature.as_bytes())
            .ok()
            .and_then(|b| Signature::from_slice(&b).ok())
            .ok_or_else(|| {
                ExchangeError::invite_damaged("its signature is not 64 bytes of base64")
            })?;
        let message = [SIGNING_DOMAIN, signed.payload.as_bytes()].concat();
        keys.verifying_key()
            .verify_strict(&message, &signature)
            .map_err(|_| ExchangeError::InviteTampered)?;

        // Signed, but by a program that does not keep the rules this one does.
        check_name("the inviter's name", &payload.inviter_name)
            .map_err(|m| ExchangeError::invite_damaged(m.trim_end_matches('.')))?;
        Ok(VerifiedInvite(Invite {
            link_id: payload.link_id,
            created_at: payload.created_at,
            inviter_name: payload.inviter_name,
            inviter_role: payload.inviter_role,
            kind: payload.kind,
            keys,
        }))
    }
}

fn check_name(label: &str, name: &str) -> std::result::Result<(), String> {
    crate::validate::required("inviter_name", label, name).map_err(|e| e.to_string())
}

fn sign(identity: &Identity, payload: String) -> Signed {
    let message = [SIGNING_DOMAIN, payload.as_bytes()].concat();
    let signature = identity.sign(&message);
    Signed {
        payload,
        signature: BASE64.encode(signature.to_bytes()),
    }
}

/// The signed document as the invite's text: markers around base64 in lines of 64.
fn armour(signed: &Signed) -> String {
    // A struct of two strings always serialises.
    let json = serde_json::to_vec(signed).unwrap_or_default();
    let b64 = BASE64.encode(json);
    let mut out = String::with_capacity(b64.len() + b64.len() / 64 + 80);
    out.push_str(BEGIN_MARKER);
    out.push('\n');
    for line in b64.as_bytes().chunks(64) {
        // Base64 is ASCII.
        out.push_str(std::str::from_utf8(line).unwrap_or_default());
        out.push('\n');
    }
    out.push_str(END_MARKER);
    out.push('\n');
    out
}

impl std::fmt::Display for VerifiedInvite {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "an invite from {} (link {}, made {})",
            short(&self.0.inviter_name),
            self.0.link_id,
            self.0.created_at.format("%Y-%m-%d %H:%M UTC")
        )
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// An invite whose payload is `edit`ed JSON, signed properly by `id`.
    pub(crate) fn signed_text(id: &Identity, edit: impl FnOnce(&mut serde_json::Value)) -> String {
        let invite = Invite::new(id, "Zoë", Role::Mentor, PartnershipKind::Reverse).unwrap();
        let text = invite.to_text(id).unwrap();
        let body: String = text.lines().filter(|l| !l.starts_with("-----")).collect();
        let signed: Signed = serde_json::from_slice(&BASE64.decode(body).unwrap()).unwrap();
        let mut payload: serde_json::Value = serde_json::from_str(&signed.payload).unwrap();
        edit(&mut payload);
        armour(&sign(id, payload.to_string()))
    }

    #[test]
    fn an_invite_from_a_newer_tandem_says_update() {
        let id = Identity::generate().unwrap();
        let text = signed_text(&id, |p| {
            p["version"] = 2.into();
            p["something_new"] = "x".into();
        });
        let e = Invite::read(&text).unwrap_err();
        assert_eq!(e.code(), "invite_too_new", "{e}");
        assert!(e.to_string().contains("Update Tandem"), "{e}");
    }

    #[test]
    fn a_signed_invite_with_an_unknown_field_or_a_bad_name_is_damaged_not_trusted() {
        let id = Identity::generate().unwrap();
        for edit in [
            (|p: &mut serde_json::Value| p["extra"] = 1.into()) as fn(&mut serde_json::Value),
            |p| p["inviter_name"] = "  ".into(),
            |p| p["inviter_name"] = "x".repeat(301).into(),
            |p| p["inviter_role"] = "boss".into(),
            |p| p["version"] = 0.into(),
            |p| p["format"] = "tandem-bundle".into(),
            |p| p["link_id"] = "xyz".into(),
            |p| p["keys"]["age"] = "age1".into(),
        ] {
            let e = Invite::read(&signed_text(&id, edit)).unwrap_err();
            assert_eq!(e.code(), "invite_damaged", "{e}");
        }
    }

    #[test]
    fn an_invite_signed_by_another_key_than_the_one_inside_is_tampered() {
        let id = Identity::generate().unwrap();
        let other = Identity::generate().unwrap().public_keys();
        // The payload names `other`'s keys, but `id` signed it.
        let text = signed_text(&id, |p| {
            p["keys"]["ed25519"] = other.signing_text().into();
        });
        assert_eq!(Invite::read(&text).unwrap_err().code(), "invite_tampered");
    }
}
