//! Partner exchange's cryptographic core (`tandem_core::exchange`): the bundle envelope
//! round trip and every way a bundle or an invite must be refused, the fingerprint, and
//! the hostile corpus through both readers. Forged files are made here with the `age` and
//! `ed25519-dalek` crates directly, the way an attacker with the format document would.

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::str::FromStr;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use ed25519_dalek::{Signer, SigningKey};
use tandem_core::exchange::envelope::{Armour, MAX_BUNDLE_BYTES, open, seal};
use tandem_core::exchange::invite::{BEGIN_MARKER, END_MARKER, MAX_INVITE_BYTES};
use tandem_core::exchange::payload::{BundleSession, Party, Perspective};
use tandem_core::exchange::{BundlePayload, ExchangeError, Fingerprint, Identity, Invite, LinkId};
use tandem_core::model::{PartnershipKind, Role};

use crate::hostile;

/// A payload of the kind the store will write (the envelope takes any bytes).
fn payload() -> Vec<u8> {
    br#"{"version":1,"notes":"Zo\u00eb taught me prompts; \u0395\u03bb\u03bb\u03b7\u03bd\u03b9\u03ba\u03ac"}"#
        .to_vec()
}

/// What an attacker who holds `id`'s secret text can do with the crates themselves.
fn age_identity(id: &Identity) -> age::x25519::Identity {
    let text = id.to_secret_text();
    age::x25519::Identity::from_str(text.split(' ').nth(1).unwrap()).unwrap()
}

fn signing_key(id: &Identity) -> SigningKey {
    let text = id.to_secret_text();
    let seed = BASE64.decode(text.split(' ').nth(2).unwrap()).unwrap();
    SigningKey::from_bytes(&seed.try_into().unwrap())
}

fn age_encrypt(plain: &[u8], to: &[&Identity], armour: bool) -> Vec<u8> {
    let recipients: Vec<_> = to
        .iter()
        .map(|i| i.public_keys().age_recipient().clone())
        .collect();
    let encryptor =
        age::Encryptor::with_recipients(recipients.iter().map(|r| r as &dyn age::Recipient))
            .unwrap();
    let mut out = Vec::new();
    let format = if armour {
        age::armor::Format::AsciiArmor
    } else {
        age::armor::Format::Binary
    };
    let armoured = age::armor::ArmoredWriter::wrap_output(&mut out, format).unwrap();
    let mut w = encryptor.wrap_output(armoured).unwrap();
    std::io::Write::write_all(&mut w, plain).unwrap();
    w.finish().unwrap().finish().unwrap();
    out
}

fn age_decrypt(bytes: &[u8], me: &Identity) -> Vec<u8> {
    let d = age::Decryptor::new_buffered(age::armor::ArmoredReader::new(bytes)).unwrap();
    let key = age_identity(me);
    let mut r = d
        .decrypt(std::iter::once(&key as &dyn age::Identity))
        .unwrap();
    let mut out = Vec::new();
    std::io::Read::read_to_end(&mut r, &mut out).unwrap();
    out
}

/// A frame as `docs/exchange-format.md` describes it.
fn frame(version: u64, signer: &SigningKey, signature: &[u8], payload: &[u8]) -> Vec<u8> {
    serde_json::to_vec(&serde_json::json!({
        "format": "tandem-bundle",
        "version": version,
        "signer": BASE64.encode(signer.verifying_key().as_bytes()),
        "signature": BASE64.encode(signature),
        "payload": BASE64.encode(payload),
    }))
    .unwrap()
}

fn bundle_signature(key: &SigningKey, payload: &[u8]) -> Vec<u8> {
    key.sign(&[b"tandem-bundle-v1\0".as_slice(), payload].concat())
        .to_bytes()
        .to_vec()
}

struct Pair {
    zoe: Identity,
    henrik: Identity,
}

fn pair() -> Pair {
    Pair {
        zoe: Identity::generate().unwrap(),
        henrik: Identity::generate().unwrap(),
    }
}

#[track_caller]
fn refused(result: Result<Vec<u8>, ExchangeError>, code: &str) -> ExchangeError {
    let e = result.expect_err("expected the bundle to be refused");
    assert_eq!(e.code(), code, "wrong code for: {e}");
    assert!(e.to_string().ends_with('.'), "{e}");
    e
}

#[test]
fn a_bundle_opens_for_the_partner_and_for_its_author() {
    let Pair { zoe, henrik } = pair();
    let sealed = seal(&payload(), &zoe, &henrik.public_keys(), Armour::Binary).unwrap();
    assert!(sealed.starts_with(b"age-encryption.org/v1\n"));
    // The partner, with Zoë's key pinned.
    assert_eq!(
        open(&sealed, &henrik, &zoe.verifying_key()).unwrap(),
        payload()
    );
    // Zoë herself, reopening what she sent.
    assert_eq!(
        open(&sealed, &zoe, &zoe.verifying_key()).unwrap(),
        payload()
    );
    // Nothing of the payload is in the file in clear.
    assert!(!sealed.windows(6).any(|w| w == b"prompt"));
    // Both recipients are in its header, and no more.
    let mac_line = sealed.windows(5).position(|w| w == b"\n--- ").unwrap();
    let header = String::from_utf8_lossy(&sealed[..mac_line]);
    assert_eq!(header.matches("-> X25519 ").count(), 2, "{header}");
}

#[test]
fn an_armoured_bundle_round_trips_and_survives_a_paste() {
    let Pair { zoe, henrik } = pair();
    let sealed = seal(&payload(), &zoe, &henrik.public_keys(), Armour::Ascii).unwrap();
    let text = std::str::from_utf8(&sealed).expect("armour is text");
    assert!(
        text.starts_with("-----BEGIN AGE ENCRYPTED FILE-----\n"),
        "{text}"
    );
    assert!(
        text.trim_end()
            .ends_with("-----END AGE ENCRYPTED FILE-----")
    );
    assert!(text.lines().all(|l| l.len() <= 64 && l.is_ascii()));
    assert_eq!(
        open(&sealed, &henrik, &zoe.verifying_key()).unwrap(),
        payload()
    );
    // Pasted with blank lines around it, and with a mail program's CRLF line breaks.
    let pasted = format!("\n\n  {text}\n\n");
    assert_eq!(
        open(pasted.as_bytes(), &henrik, &zoe.verifying_key()).unwrap(),
        payload()
    );
    let crlf = text.replace('\n', "\r\n");
    assert_eq!(
        open(crlf.as_bytes(), &henrik, &zoe.verifying_key()).unwrap(),
        payload()
    );
    // The binary form of the same content opens the same way (armour is only transport).
    let binary = seal(&payload(), &zoe, &henrik.public_keys(), Armour::Binary).unwrap();
    assert_eq!(
        open(&binary, &henrik, &zoe.verifying_key()).unwrap(),
        payload()
    );
}

#[test]
fn a_flipped_byte_anywhere_in_a_bundle_is_refused() {
    let Pair { zoe, henrik } = pair();
    for armour in [Armour::Binary, Armour::Ascii] {
        let sealed = seal(&payload(), &zoe, &henrik.public_keys(), armour).unwrap();
        let mut codes: BTreeMap<&'static str, usize> = BTreeMap::new();
        for i in 0..sealed.len() {
            for mask in [0x01u8, 0x80] {
                let mut bad = sealed.clone();
                bad[i] ^= mask;
                let e = open(&bad, &henrik, &zoe.verifying_key())
                    .expect_err(&format!("{armour:?}: byte {i} ^ {mask:#x} was accepted"));
                *codes.entry(e.code()).or_default() += 1;
            }
        }
        let allowed = ["bundle_damaged", "bundle_not_for_me", "not_a_bundle"];
        assert!(
            codes.keys().all(|c| allowed.contains(c)),
            "{armour:?}: unexpected codes {codes:?}"
        );
        assert!(
            codes["bundle_damaged"] > sealed.len(),
            "{armour:?}: {codes:?}"
        );
        println!(
            "{armour:?}: {} bytes, {} flips refused: {codes:?}",
            sealed.len(),
            2 * sealed.len()
        );
    }
}

#[test]
fn a_truncated_bundle_is_refused_at_every_length() {
    let Pair { zoe, henrik } = pair();
    for armour in [Armour::Binary, Armour::Ascii] {
        let sealed = seal(&payload(), &zoe, &henrik.public_keys(), armour).unwrap();
        // Armour's final line break is whitespace: without it, the text is the same.
        let whole = sealed.trim_ascii_end().len();
        assert!(whole >= sealed.len() - 1);
        for len in 0..whole {
            let cut = &sealed[..len];
            let e = open(cut, &henrik, &zoe.verifying_key())
                .expect_err(&format!("{armour:?} cut to {len} bytes was accepted"));
            assert!(
                ["bundle_damaged", "not_a_bundle"].contains(&e.code()),
                "{armour:?} cut to {len}: {e}"
            );
        }
        // And with anything appended.
        let mut longer = sealed.clone();
        longer.extend_from_slice(b"x");
        refused(
            open(&longer, &henrik, &zoe.verifying_key()),
            "bundle_damaged",
        );
    }
    let e = refused(open(b"", &henrik, &zoe.verifying_key()), "not_a_bundle");
    assert!(e.to_string().contains("not a Tandem bundle"), "{e}");
}

#[test]
fn a_payload_re_encrypted_without_a_valid_signature_is_refused() {
    let Pair { zoe, henrik } = pair();
    let sealed = seal(&payload(), &zoe, &henrik.public_keys(), Armour::Binary).unwrap();
    // Someone holding Henrik's key (or any sender: his age key is public) opens the frame,
    // changes the payload, keeps Zoë's signature and encrypts it to Henrik again.
    let mut frame_json: serde_json::Value =
        serde_json::from_slice(&age_decrypt(&sealed, &henrik)).unwrap();
    assert_eq!(frame_json["format"], "tandem-bundle");
    frame_json["payload"] = BASE64.encode(br#"{"version":1,"notes":"forged"}"#).into();
    let forged = age_encrypt(&serde_json::to_vec(&frame_json).unwrap(), &[&henrik], false);
    let e = refused(
        open(&forged, &henrik, &zoe.verifying_key()),
        "bundle_bad_signature",
    );
    assert!(e.to_string().contains("changed after it was made"), "{e}");

    // A signature of zeros, or one by another key, under Zoë's name.
    let zoe_key = signing_key(&zoe);
    let mallory = SigningKey::from_bytes(&[42; 32]);
    for signature in [vec![0u8; 64], bundle_signature(&mallory, &payload())] {
        let forged = age_encrypt(
            &frame(1, &zoe_key, &signature, &payload()),
            &[&henrik],
            false,
        );
        refused(
            open(&forged, &henrik, &zoe.verifying_key()),
            "bundle_bad_signature",
        );
    }
    // A correct signature passes through the same hand-made frame (the test is fair).
    let honest = age_encrypt(
        &frame(
            1,
            &zoe_key,
            &bundle_signature(&zoe_key, &payload()),
            &payload(),
        ),
        &[&henrik],
        true,
    );
    assert_eq!(
        open(&honest, &henrik, &zoe.verifying_key()).unwrap(),
        payload()
    );
}

#[test]
fn an_invite_signature_never_passes_for_a_bundle_signature() {
    let Pair { zoe, henrik } = pair();
    let zoe_key = signing_key(&zoe);
    let invite_signature = zoe_key
        .sign(&[b"tandem-invite-v1\0".as_slice(), &payload()].concat())
        .to_bytes();
    let plain_signature = zoe_key.sign(&payload()).to_bytes();
    for signature in [invite_signature, plain_signature] {
        let forged = age_encrypt(
            &frame(1, &zoe_key, &signature, &payload()),
            &[&henrik],
            false,
        );
        refused(
            open(&forged, &henrik, &zoe.verifying_key()),
            "bundle_bad_signature",
        );
    }
}

#[test]
fn a_bundle_signed_by_another_key_than_the_pinned_one_is_refused() {
    let Pair { zoe, henrik } = pair();
    let mallory = Identity::generate().unwrap();
    // Mallory can encrypt to Henrik (his age key is in his invite) and sign as herself.
    let sealed = seal(&payload(), &mallory, &henrik.public_keys(), Armour::Binary).unwrap();
    let e = refused(
        open(&sealed, &henrik, &zoe.verifying_key()),
        "bundle_wrong_signer",
    );
    assert!(e.to_string().contains("another key"), "{e}");
    // Henrik's own bundle for Zoë, sent back to him as if from her.
    let own = seal(&payload(), &henrik, &zoe.public_keys(), Armour::Binary).unwrap();
    refused(
        open(&own, &henrik, &zoe.verifying_key()),
        "bundle_wrong_signer",
    );
}

#[test]
fn a_bundle_encrypted_to_someone_else_is_refused() {
    let Pair { zoe, henrik } = pair();
    let carol = Identity::generate().unwrap();
    let sealed = seal(&payload(), &zoe, &carol.public_keys(), Armour::Binary).unwrap();
    let e = refused(
        open(&sealed, &henrik, &zoe.verifying_key()),
        "bundle_not_for_me",
    );
    assert!(e.to_string().contains("made for someone else"), "{e}");
    // Carol and Zoë can open it.
    assert_eq!(
        open(&sealed, &carol, &zoe.verifying_key()).unwrap(),
        payload()
    );
    // A passphrase-encrypted age file is not for anyone's keys either.
    let passphrase = {
        let e = age::Encryptor::with_user_passphrase(age::secrecy::SecretString::from(
            "correct horse".to_owned(),
        ));
        let mut out = Vec::new();
        let mut w = e.wrap_output(&mut out).unwrap();
        std::io::Write::write_all(&mut w, b"{}").unwrap();
        w.finish().unwrap();
        out
    };
    refused(
        open(&passphrase, &henrik, &zoe.verifying_key()),
        "bundle_not_for_me",
    );
}

#[test]
fn a_bundle_from_a_newer_tandem_asks_to_update() {
    let Pair { zoe, henrik } = pair();
    let zoe_key = signing_key(&zoe);
    let newer = age_encrypt(
        &frame(
            2,
            &zoe_key,
            &bundle_signature(&zoe_key, &payload()),
            &payload(),
        ),
        &[&henrik],
        false,
    );
    let e = refused(
        open(&newer, &henrik, &zoe.verifying_key()),
        "bundle_too_new",
    );
    assert!(e.to_string().contains("Update Tandem"), "{e}");
}

#[test]
fn a_bundle_over_the_size_limit_is_refused_before_decrypting() {
    let Pair { zoe, henrik } = pair();
    let mut huge = b"age-encryption.org/v1\n".to_vec();
    huge.resize(MAX_BUNDLE_BYTES + 1, b'x');
    let e = refused(
        open(&huge, &henrik, &zoe.verifying_key()),
        "exchange_file_too_large",
    );
    assert!(e.to_string().contains("67,108,865 bytes"), "{e}");
    assert!(e.to_string().contains("64 MiB"), "{e}");
    let too_much = vec![b' '; MAX_BUNDLE_BYTES + 1];
    let e = seal(&too_much, &zoe, &henrik.public_keys(), Armour::Binary).unwrap_err();
    assert_eq!(e.code(), "share_too_large", "{e}");
}

#[test]
fn an_invite_round_trips_through_a_chat_and_is_verified() {
    let zoe = Identity::generate().unwrap();
    let invite = Invite::new(&zoe, "Zoë Okafor", Role::Mentor, PartnershipKind::Reverse).unwrap();
    let text = invite.to_text(&zoe).unwrap();
    assert!(text.starts_with(BEGIN_MARKER) && text.trim_end().ends_with(END_MARKER));
    assert!(
        text.is_ascii() && text.lines().all(|l| l.len() <= 64),
        "{text}"
    );
    assert!(
        text.len() < 2048,
        "an invite is small: {} bytes",
        text.len()
    );
    let read = Invite::read(&text).unwrap();
    assert_eq!(read.invite(), &invite);
    assert_eq!(read.keys, zoe.public_keys());
    assert_eq!(read.accepter_role(), Role::Mentee);
    assert_eq!(read.kind, PartnershipKind::Reverse);

    // Pasted into a chat: text around it, CRLF, lines joined with spaces, indented.
    let chat = format!(
        "Hi Henrik! Here it is:\r\n{}\r\nSee you Tuesday.",
        text.replace('\n', "\r\n  ")
    );
    assert_eq!(Invite::read(&chat).unwrap().invite(), &invite);
    let joined = text.replace('\n', " ");
    assert_eq!(Invite::read(&joined).unwrap().invite(), &invite);

    // Only public keys are in it.
    let decoded = String::from_utf8(
        BASE64
            .decode(
                text.lines()
                    .filter(|l| !l.starts_with("-----"))
                    .collect::<String>(),
            )
            .unwrap(),
    )
    .unwrap();
    let secret = zoe.to_secret_text();
    for part in secret.split(' ').skip(1) {
        assert!(!decoded.contains(part) && !text.contains(part));
    }
    assert!(decoded.contains(&zoe.public_keys().age_text()), "{decoded}");
}

#[test]
fn a_tampered_invite_is_refused() {
    let zoe = Identity::generate().unwrap();
    let invite = Invite::new(&zoe, "Zoë", Role::Mentee, PartnershipKind::TwoWay).unwrap();
    let text = invite.to_text(&zoe).unwrap();
    let body: String = text.lines().filter(|l| !l.starts_with("-----")).collect();
    let mut signed: serde_json::Value =
        serde_json::from_slice(&BASE64.decode(&body).unwrap()).unwrap();

    // Mallory puts her keys (or her name) in, keeping Zoë's signature.
    let mallory = Identity::generate().unwrap().public_keys();
    let original = signed["payload"].as_str().unwrap().to_owned();
    for changed in [
        original.replace(&zoe.public_keys().age_text(), &mallory.age_text()),
        original.replace("Zoë", "Zoe"),
        original.replace("mentee", "mentor"),
    ] {
        assert_ne!(changed, original);
        signed["payload"] = changed.into();
        let forged = format!(
            "{BEGIN_MARKER}\n{}\n{END_MARKER}\n",
            BASE64.encode(serde_json::to_vec(&signed).unwrap())
        );
        let e = Invite::read(&forged).unwrap_err();
        assert_eq!(e.code(), "invite_tampered", "{e}");
        assert!(e.to_string().contains("changed after it was made"), "{e}");
    }

    // Any flipped byte of the text is refused or (whitespace only) reads the same invite.
    for i in 0..text.len() {
        let mut bad = text.as_bytes().to_vec();
        bad[i] ^= 0x01;
        let Ok(bad) = String::from_utf8(bad) else {
            continue;
        };
        match Invite::read(&bad) {
            Ok(read) => {
                assert_eq!(
                    read.invite(),
                    &invite,
                    "byte {i} changed what the invite says"
                );
                assert!(
                    text.as_bytes()[i].is_ascii_whitespace(),
                    "byte {i} was accepted"
                );
            }
            Err(e) => assert!(
                ["invite_damaged", "invite_tampered", "not_an_invite"].contains(&e.code()),
                "byte {i}: {e}"
            ),
        }
    }

    let e = Invite::read("Hi, no invite here").unwrap_err();
    assert_eq!(e.code(), "not_an_invite");
    let e = Invite::read(&text[..text.len() / 2]).unwrap_err();
    assert_eq!(e.code(), "invite_damaged");
    assert!(e.to_string().contains("END line"), "{e}");
    let huge = format!("{text}{}", " ".repeat(MAX_INVITE_BYTES));
    assert_eq!(
        Invite::read(&huge).unwrap_err().code(),
        "exchange_file_too_large"
    );
}

#[test]
fn an_invite_cannot_be_made_with_an_empty_name_or_signed_by_another_journal() {
    let zoe = Identity::generate().unwrap();
    let e = Invite::new(&zoe, "  ", Role::Mentor, PartnershipKind::Peer).unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("invalid_input", Some("inviter_name"))
    );
    assert!(e.to_string().contains("cannot be empty"), "{e}");
    let e = Invite::new(&zoe, &"x".repeat(301), Role::Mentor, PartnershipKind::Peer).unwrap_err();
    assert!(
        e.to_string()
            .contains("301 characters long; the limit is 300"),
        "{e}"
    );
    let invite = Invite::new(&zoe, "Zoë", Role::Mentor, PartnershipKind::Peer).unwrap();
    let other = Identity::generate().unwrap();
    assert_eq!(invite.to_text(&other).unwrap_err().code(), "invalid_input");
    // The core's error carries the same code and field.
    let core: tandem_core::Error = invite.to_text(&other).unwrap_err().into();
    assert_eq!((core.code(), core.field()), ("invalid_input", Some("keys")));
}

#[test]
fn both_partners_see_the_same_fingerprint_and_another_link_another() {
    let Pair { zoe, henrik } = pair();
    let invite = Invite::new(&zoe, "Zoë", Role::Mentor, PartnershipKind::Reverse).unwrap();
    let received = Invite::read(&invite.to_text(&zoe).unwrap()).unwrap();
    // Zoë's app, with Henrik's key from his first bundle; Henrik's, with the invite's.
    let on_zoes = Fingerprint::of(
        &invite.link_id,
        &zoe.verifying_key(),
        &henrik.verifying_key(),
    );
    let on_henriks = Fingerprint::of(
        &received.link_id,
        &henrik.verifying_key(),
        received.keys.verifying_key(),
    );
    assert_eq!(on_zoes, on_henriks);
    assert_eq!(on_zoes.to_string().split(' ').count(), 6);
    let list = bip39::Language::English.word_list();
    assert!(on_zoes.words().iter().all(|w| list.contains(w)));
    let another = LinkId::generate().unwrap();
    assert_ne!(
        on_zoes,
        Fingerprint::of(&another, &zoe.verifying_key(), &henrik.verifying_key())
    );
    // A key swapped in transit shows other words.
    let mallory = Identity::generate().unwrap();
    assert_ne!(
        on_zoes,
        Fingerprint::of(
            &invite.link_id,
            &zoe.verifying_key(),
            &mallory.verifying_key()
        )
    );
}

#[test]
fn hostile_input_through_the_bundle_and_invite_readers() {
    let Pair { zoe, henrik } = pair();
    let mut inputs: Vec<Vec<u8>> = hostile::texts()
        .into_iter()
        .map(String::into_bytes)
        .collect();
    // Files that look like the real thing for a while.
    inputs.extend(
        [
            "age-encryption.org/v1\n",
            "age-encryption.org/v1\n-> X25519 \n",
            "age-encryption.org/v2\n--- AAAA\n",
            "age-encryption.org/v1\n--- \n",
            "-----BEGIN AGE ENCRYPTED FILE-----\n",
            "-----BEGIN AGE ENCRYPTED FILE-----\n-----END AGE ENCRYPTED FILE-----\n",
            "-----BEGIN AGE ENCRYPTED FILE-----\n!!!!\n-----END AGE ENCRYPTED FILE-----\n",
            "-----BEGIN TANDEM INVITE-----\n-----END TANDEM INVITE-----",
            "-----BEGIN TANDEM INVITE-----\ne30=\n-----END TANDEM INVITE-----",
            "-----BEGIN TANDEM INVITE-----\nbnVsbA==\n-----END TANDEM INVITE-----",
            "-----BEGIN TANDEM INVITE-----\n-----BEGIN TANDEM INVITE-----\n-----END TANDEM INVITE-----",
            "-----END TANDEM INVITE-----\n-----BEGIN TANDEM INVITE-----",
        ]
        .iter()
        .map(|s| s.as_bytes().to_vec()),
    );
    inputs.push((0..=255u8).collect());
    inputs.push(vec![0; 4096]);
    for huge in hostile::huge_texts() {
        inputs.push(huge.into_bytes());
    }
    let mut bundles = BTreeMap::<&'static str, usize>::new();
    let mut invites = BTreeMap::<&'static str, usize>::new();
    for input in &inputs {
        let run = catch_unwind(AssertUnwindSafe(|| {
            let b = open(input, &henrik, &zoe.verifying_key())
                .expect_err("a hostile bundle was accepted");
            let i = match std::str::from_utf8(input) {
                Ok(text) => Some(Invite::read(text).expect_err("a hostile invite was accepted")),
                Err(_) => None,
            };
            (b.code(), i.map(|e| e.code()))
        }));
        let (b, i) = run.unwrap_or_else(|_| {
            panic!(
                "a reader panicked on {:?}",
                String::from_utf8_lossy(&input[..input.len().min(80)])
            )
        });
        *bundles.entry(b).or_default() += 1;
        if let Some(i) = i {
            *invites.entry(i).or_default() += 1;
        }
    }
    println!(
        "{} hostile inputs: bundles {bundles:?}; invites {invites:?}",
        inputs.len()
    );
    assert!(
        bundles
            .keys()
            .all(|c| ["not_a_bundle", "bundle_damaged", "exchange_file_too_large"].contains(c)),
        "{bundles:?}"
    );
    assert!(
        invites
            .keys()
            .all(|c| ["not_an_invite", "invite_damaged", "exchange_file_too_large"].contains(c)),
        "{invites:?}"
    );

    // Every hostile text as a payload comes back byte for byte, and as an inviter's name
    // is either refused when the invite is made or read back exactly.
    let mut names = (0usize, 0usize);
    for text in hostile::texts() {
        let sealed = seal(text.as_bytes(), &zoe, &henrik.public_keys(), Armour::Ascii).unwrap();
        assert_eq!(
            open(&sealed, &henrik, &zoe.verifying_key()).unwrap(),
            text.as_bytes()
        );
        match Invite::new(&zoe, &text, Role::Both, PartnershipKind::Peer) {
            Ok(invite) => {
                let read = Invite::read(&invite.to_text(&zoe).unwrap()).unwrap();
                assert_eq!(read.inviter_name, text);
                names.0 += 1;
            }
            Err(e) => {
                assert_eq!(e.code(), "invalid_input", "{e}");
                names.1 += 1;
            }
        }
    }
    println!("hostile names: {} accepted, {} refused", names.0, names.1);
    assert!(names.0 > 0 && names.1 > 0);
}

#[test]
fn hostile_input_through_the_payload_reader() {
    let empty = BundlePayload {
        version: 1,
        perspective: Perspective::Author,
        link_id: LinkId::from_bytes([1; 16]),
        from: Party("a".into()),
        from_age: "age1a".into(),
        to: Party("b".into()),
        sequence: 1,
        created_at: chrono::DateTime::from_timestamp(1_780_000_000, 0).unwrap(),
        sessions: Vec::new(),
        goals: Vec::new(),
        swot_snapshots: Vec::new(),
        agreement: None,
        acknowledgements: Vec::new(),
    };
    let mut refused = 0;
    for text in hostile::texts() {
        // As the whole input: refused (or, for the few texts that are JSON, refused too:
        // none is a payload), never a panic.
        let e =
            BundlePayload::from_json(text.as_bytes()).expect_err("a hostile payload was accepted");
        assert!(["bundle_damaged"].contains(&e.code()), "{e}");
        refused += 1;
        // As a text field: back byte for byte.
        let mut p = empty.clone();
        p.sessions.push(BundleSession {
            id: uuid::Uuid::from_u128(1),
            held_at: crate::datetime("2026-03-03T16:15"),
            duration_minutes: 45,
            format: tandem_core::model::SessionFormat::Video,
            title: text.clone(),
            agenda: text.clone(),
            notes: text.clone(),
            shared: String::new(),
            learned: String::new(),
            topics: vec![text.clone()],
            action_items: Vec::new(),
        });
        let back = BundlePayload::from_json(&p.to_json()).unwrap();
        assert_eq!(back, p);
    }
    assert!(refused > 50);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    /// Random bytes behind each of the two beginnings the reader takes for an age file:
    /// refused, never a panic.
    #[test]
    fn random_bytes_after_an_age_beginning_are_refused(
        tail in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..600),
        armoured in proptest::prelude::any::<bool>(),
    ) {
        let me = Identity::generate().unwrap();
        let mut input = if armoured {
            b"-----BEGIN AGE ENCRYPTED FILE-----\n".to_vec()
        } else {
            b"age-encryption.org/v1\n-> X25519 ".to_vec()
        };
        input.extend_from_slice(&tail);
        proptest::prop_assert!(open(&input, &me, &me.verifying_key()).is_err());
    }
}
