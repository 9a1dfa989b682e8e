//! Partner exchange in the store: a partnership's link (`exchange_link`, with this
//! journal's identity for that link only), pairing, gathering what I share into a
//! [`BundlePayload`], and importing the partner's bundle into the `partner_*` tables.
//!
//! What leaves the machine is read here with SQL that names only shared rows and shared
//! columns (`visibility = 'shared'`, not in the trash, my own SWOT side); the payload types
//! have no field for anything private. What comes in is checked entirely before one row is
//! written (keys, link, recipient, sequence, every record as an import), then replaces the
//! link's partner content in one transaction; my own records are never touched.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};
use uuid::Uuid;

use super::{Store, enum_text, parse_col, parse_enum, parse_opt, parse_uuid};
use crate::error::{Error, Result};
use crate::exchange::identity::{parse_verifying_key, verifying_key_text};
use crate::exchange::payload::{
    Acknowledgement, BundleActionItem, BundleAgreement, BundleGoal, BundleMilestone,
    BundleProgress, BundleSession, BundleSwotItem, BundleSwotSnapshot, PAYLOAD_VERSION, Party,
    Perspective,
};
use crate::exchange::{
    Armour, BundlePayload, ExchangeError, FileKind, Fingerprint, Identity, Invite, LinkId,
    PublicKeys,
};
use crate::model::{
    ActionItemDraft, Agreement, AskedOfMe, ExchangeLink, GoalDraft, InviteOut, InvitePreview,
    KindChanges, LinkState, MilestoneDraft, Owner, PartnershipDraft, ProgressDraft, ReceivePreview,
    SessionDraft, ShareCounts, ShareReport, SharedBy, Visibility,
};
use crate::time::{self, date_text, datetime_text, parse_date, parse_datetime, parse_timestamp};
use crate::validate;

/// A link row, secrets included (never leaves this module).
struct LinkRow {
    id: LinkId,
    partnership_id: Uuid,
    identity: String,
    partner_age: Option<String>,
    partner_signing: Option<String>,
    partner_name: String,
    state: LinkState,
    verified_at: Option<DateTime<Utc>>,
    sent_sequence: u64,
    received_sequence: u64,
    received_created_at: Option<DateTime<Utc>>,
    received_payload: Option<Vec<u8>>,
}

const LINK_COLUMNS: &str = "id, partnership_id, identity, partner_age, partner_signing, partner_name, \
     state, verified_at, sent_sequence, received_sequence, received_created_at, received_payload";

fn link_from_row(r: &Row<'_>) -> rusqlite::Result<LinkRow> {
    Ok(LinkRow {
        id: parse_col(r, 0, |s| s.parse().ok())?,
        partnership_id: parse_col(r, 1, parse_uuid)?,
        identity: r.get(2)?,
        partner_age: r.get(3)?,
        partner_signing: r.get(4)?,
        partner_name: r.get(5)?,
        state: parse_col(r, 6, |s| match s {
            "invited" => Some(LinkState::Invited),
            "paired" => Some(LinkState::Paired),
            "unpaired" => Some(LinkState::Unpaired),
            _ => None,
        })?,
        verified_at: parse_opt(r, 7, parse_timestamp)?,
        sent_sequence: r.get::<_, i64>(8)?.max(0) as u64,
        received_sequence: r.get::<_, i64>(9)?.max(0) as u64,
        received_created_at: parse_opt(r, 10, parse_timestamp)?,
        received_payload: r.get(11)?,
    })
}

impl LinkRow {
    fn identity(&self) -> Result<Identity> {
        Ok(Identity::from_secret_text(&self.identity)?)
    }

    fn partner_keys(&self) -> Result<Option<PublicKeys>> {
        match (&self.partner_age, &self.partner_signing) {
            (Some(age), Some(signing)) => PublicKeys::parse(age, signing)
                .map(Some)
                .map_err(|reason| ExchangeError::KeysUnreadable { reason }.into()),
            _ => Ok(None),
        }
    }

    fn view(&self) -> ExchangeLink {
        let fingerprint = (|| {
            let mine = Identity::from_secret_text(&self.identity)
                .ok()?
                .verifying_key();
            let theirs = parse_verifying_key(self.partner_signing.as_deref()?).ok()?;
            let words = Fingerprint::of(&self.id, &mine, &theirs);
            Some(words.words().iter().map(|w| (*w).to_owned()).collect())
        })();
        ExchangeLink {
            id: self.id.to_string(),
            partnership_id: self.partnership_id,
            partner_name: self.partner_name.clone(),
            state: self.state,
            fingerprint,
            verified_at: self.verified_at,
            sent_sequence: self.sent_sequence,
            received_sequence: self.received_sequence,
            received_shared_at: self.received_created_at,
        }
    }
}

fn links(conn: &Connection, filter: &str, p: &[&dyn rusqlite::ToSql]) -> Result<Vec<LinkRow>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {LINK_COLUMNS} FROM exchange_link {filter} ORDER BY created_at, id"
    ))?;
    let rows = stmt
        .query_map(p, link_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The live (not unpaired) link of a partnership.
fn live_link(conn: &Connection, partnership_id: Uuid) -> Result<Option<LinkRow>> {
    Ok(links(
        conn,
        "WHERE partnership_id = ?1 AND state <> 'unpaired'",
        &[&partnership_id.to_string()],
    )?
    .pop())
}

fn link_by_id(conn: &Connection, id: &str) -> Result<LinkRow> {
    links(conn, "WHERE id = ?1", &[&id])?
        .pop()
        .ok_or_else(|| Error::NotFound {
            what: "exchange link",
            id: id.to_owned(),
        })
}

fn already_used() -> Error {
    Error::invalid(
        "invite",
        "This invite was already used in this journal (accepted here, or made here): each invite pairs once.",
    )
}

fn wrong_link(reason: impl Into<String>) -> Error {
    ExchangeError::BundleWrongLink {
        reason: reason.into(),
    }
    .into()
}

/// A bundle, opened and checked, not yet written.
struct Incoming {
    link: LinkRow,
    /// The author's exact payload bytes (kept, to tell the same bundle again).
    bytes: Vec<u8>,
    /// In my words.
    payload: BundlePayload,
    /// The signer, to pin when the link was only invited.
    signer: String,
    unchanged: bool,
}

impl Store {
    /// The live exchange link of a partnership, if it has one.
    pub fn exchange_link(&self, partnership_id: Uuid) -> Result<Option<ExchangeLink>> {
        Ok(live_link(&self.conn, partnership_id)?.map(|l| l.view()))
    }

    /// Starts a link for a partnership: a fresh identity for it alone, and the signed
    /// invite text (public keys, the link id, my name and role, the kind) to send to the
    /// partner. The fingerprint exists once the partner's first bundle came back.
    pub fn invite(&mut self, partnership_id: Uuid) -> Result<InviteOut> {
        let p = self.get_partnership(partnership_id)?;
        if let Some(link) = live_link(&self.conn, partnership_id)? {
            return Err(Error::invalid(
                "partnership",
                format!(
                    "This partnership already has an exchange link with {} ({}); unpair it first to invite again.",
                    link.partner_name,
                    match link.state {
                        LinkState::Invited => "invited, waiting for the answer",
                        _ => "paired",
                    }
                ),
            ));
        }
        if p.my_name.trim().is_empty() {
            return Err(Error::invalid(
                "my_name",
                "Add your own name to the partnership first: the invite tells your partner who it is from.",
            ));
        }
        let identity = Identity::generate()?;
        let invite = Invite::new(&identity, p.my_name.trim(), p.my_role, p.kind)?;
        let text = invite.to_text(&identity)?;
        // The link is made when the invite is: `invite_text` makes the same text again.
        let now = time::timestamp_text(&invite.created_at);
        let tx = self.write()?;
        tx.execute(
            "INSERT INTO exchange_link (id, partnership_id, identity, partner_name, state, \
             created_at, updated_at) VALUES (?1, ?2, ?3, ?4, 'invited', ?5, ?5)",
            params![
                invite.link_id.to_string(),
                partnership_id.to_string(),
                identity.to_secret_text().as_str(),
                p.partner_name,
                now
            ],
        )?;
        let link = link_by_id(&tx, &invite.link_id.to_string())?;
        tx.commit()?;
        Ok(InviteOut {
            link: link.view(),
            text,
        })
    }

    /// The invite of a link still waiting for the partner's answer, made again from the
    /// link's own keys and the partnership as it is now: the same link, so it can be saved
    /// or copied again after it was first shown (it holds only public keys).
    pub fn invite_text(&self, link_id: &str) -> Result<String> {
        let link = link_by_id(&self.conn, link_id)?;
        if link.state != LinkState::Invited {
            return Err(Error::invalid(
                "link",
                match link.state {
                    LinkState::Paired => {
                        "This link is paired already: its invite was answered, and is not needed again."
                    }
                    _ => {
                        "This link was unpaired: its invite can no longer be used. Invite your partner again."
                    }
                },
            ));
        }
        let created: String = self.conn.query_row(
            "SELECT created_at FROM exchange_link WHERE id = ?1",
            [link_id],
            |r| r.get(0),
        )?;
        let created_at = parse_timestamp(&created).ok_or_else(|| {
            Error::invalid(
                "link",
                "This link's date is not readable; unpair it and invite again.",
            )
        })?;
        let p = self.get_partnership(link.partnership_id)?;
        let identity = link.identity()?;
        let invite = Invite {
            link_id: link.id,
            created_at,
            inviter_name: p.my_name.trim().to_owned(),
            inviter_role: p.my_role,
            kind: p.kind,
            keys: identity.public_keys(),
        };
        Ok(invite.to_text(&identity)?)
    }

    /// Reads and checks an invite (its signature, its format) and says what accepting it
    /// would make; writes nothing. An invite this journal made or already accepted is
    /// refused here as accepting it would be.
    pub fn check_invite(&self, text: &str) -> Result<InvitePreview> {
        let invite = Invite::read(text)?;
        let link_id = invite.link_id.to_string();
        if links(&self.conn, "WHERE id = ?1", &[&link_id])?
            .pop()
            .is_some()
        {
            return Err(already_used());
        }
        Ok(InvitePreview {
            text: text.to_owned(),
            link_id,
            inviter_name: invite.inviter_name.clone(),
            inviter_role: invite.inviter_role,
            my_role: invite.accepter_role(),
            kind: invite.kind,
            created_at: invite.created_at,
        })
    }

    /// Accepts a partner's invite: into the partnership `into`, or a new one prefilled from
    /// the invite (partner's name = the inviter's, my role flipped, the same kind). Pins the
    /// inviter's keys, makes this link's own identity, and answers with the first bundle
    /// (which carries my keys) and what it holds.
    pub fn accept(
        &mut self,
        invite_text: &str,
        into: Option<Uuid>,
        armour: Armour,
    ) -> Result<(Vec<u8>, ShareReport)> {
        let invite = Invite::read(invite_text)?;
        let link_id = invite.link_id.to_string();
        if links(&self.conn, "WHERE id = ?1", &[&link_id])?
            .pop()
            .is_some()
        {
            return Err(already_used());
        }
        if let Some(id) = into {
            self.get_partnership(id)?;
            if live_link(&self.conn, id)?.is_some() {
                return Err(Error::invalid(
                    "partnership",
                    "This partnership already has an exchange link; unpair it first to accept another invite into it.",
                ));
            }
        }
        let identity = Identity::generate()?;
        let now = time::now();
        let draft = PartnershipDraft {
            partner_name: invite.inviter_name.clone(),
            partner_org: String::new(),
            my_name: String::new(),
            my_role: invite.accepter_role(),
            kind: invite.kind,
            started_on: crate::api::today(),
            ended_on: None,
            agreement: Agreement::default(),
        };
        if into.is_none() {
            validate::partnership(&draft)?;
        }
        let partnership_id = into;
        let tx = self.write()?;
        let partnership_id = match partnership_id {
            Some(id) => id,
            None => {
                let p = crate::model::Partnership {
                    id: Uuid::new_v4(),
                    partner_name: draft.partner_name.trim().to_owned(),
                    partner_org: draft.partner_org,
                    my_name: draft.my_name,
                    my_role: draft.my_role,
                    kind: draft.kind,
                    started_on: draft.started_on,
                    ended_on: None,
                    agreement: draft.agreement,
                    created_at: now,
                    updated_at: now,
                    deleted_at: None,
                };
                super::partnerships::put(&tx, &p)?;
                p.id
            }
        };
        tx.execute(
            "INSERT INTO exchange_link (id, partnership_id, identity, partner_age, partner_signing, \
             partner_name, state, created_at, updated_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'paired', ?7, ?7)",
            params![
                link_id,
                partnership_id.to_string(),
                identity.to_secret_text().as_str(),
                invite.keys.age_text(),
                invite.keys.signing_text(),
                invite.inviter_name,
                time::timestamp_text(&now)
            ],
        )?;
        let (bytes, report) = share_in(&tx, partnership_id, armour)?;
        tx.commit()?;
        Ok((bytes, report))
    }

    /// Marks a link's fingerprint as compared and found the same.
    pub fn mark_verified(&mut self, link_id: &str) -> Result<ExchangeLink> {
        let tx = self.write()?;
        let link = link_by_id(&tx, link_id)?;
        if link.state != LinkState::Paired {
            return Err(Error::invalid(
                "link",
                "Only a paired link can be verified: its fingerprint exists once both sides' keys are known.",
            ));
        }
        tx.execute(
            "UPDATE exchange_link SET verified_at = ?2, updated_at = ?2 WHERE id = ?1",
            params![link_id, time::timestamp_text(&time::now())],
        )?;
        let link = link_by_id(&tx, link_id)?;
        tx.commit()?;
        Ok(link.view())
    }

    /// Stops a link: nothing is sent or received through it again, and its identity is
    /// forgotten. The partner's content stays (labelled as before) unless `remove_content`.
    /// What was already sent stays with the partner.
    pub fn unpair(&mut self, link_id: &str, remove_content: bool) -> Result<()> {
        let tx = self.write()?;
        link_by_id(&tx, link_id)?;
        tx.execute(
            "DELETE FROM journal_meta WHERE key = ?1",
            [sent_key(link_id)],
        )?;
        if remove_content {
            tx.execute("DELETE FROM exchange_link WHERE id = ?1", [link_id])?;
        } else {
            tx.execute(
                "UPDATE exchange_link SET state = 'unpaired', identity = '', updated_at = ?2 \
                 WHERE id = ?1",
                params![link_id, time::timestamp_text(&time::now())],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Marks an action item of the partner's that was asked of me as done (or not): the
    /// next bundle acknowledges it.
    pub fn set_partner_item_done(
        &mut self,
        link_id: &str,
        action_item_id: Uuid,
        done: bool,
    ) -> Result<()> {
        let tx = self.write()?;
        let session: Option<String> = tx
            .query_row(
                "SELECT session_id FROM partner_action_item WHERE link_id = ?1 AND id = ?2 \
                 AND owner IN ('me', 'both')",
                params![link_id, action_item_id.to_string()],
                |r| r.get(0),
            )
            .optional()?;
        let Some(session) = session else {
            return Err(Error::NotFound {
                what: "action item asked of you",
                id: action_item_id.to_string(),
            });
        };
        if done {
            tx.execute(
                "INSERT OR IGNORE INTO partner_item_done (link_id, session_id, action_item_id, done_at) \
                 VALUES (?1, ?2, ?3, ?4)",
                params![
                    link_id,
                    session,
                    action_item_id.to_string(),
                    time::timestamp_text(&time::now())
                ],
            )?;
        } else {
            tx.execute(
                "DELETE FROM partner_item_done WHERE link_id = ?1 AND action_item_id = ?2",
                params![link_id, action_item_id.to_string()],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// What the next bundle of a partnership would hold (its sequence: the last sent + 1),
    /// without making it.
    pub fn share_payload(&self, partnership_id: Uuid) -> Result<BundlePayload> {
        let link = paired_link(&self.conn, partnership_id)?;
        gather(&self.conn, &link, link.sent_sequence + 1, time::now())
    }

    /// What the next bundle changes against the last one sent: new, changed and no longer
    /// shared records of each kind. `None` when a bundle was sent but what it held is not
    /// known (sent by an earlier version of Tandem).
    pub fn share_changes(&self, partnership_id: Uuid) -> Result<Option<Vec<KindChanges>>> {
        let link = paired_link(&self.conn, partnership_id)?;
        let next = gather(&self.conn, &link, link.sent_sequence + 1, time::now())?;
        if link.sent_sequence == 0 {
            return Ok(Some(changes(None, &next)));
        }
        let last: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM journal_meta WHERE key = ?1",
                [sent_key(&link.id.to_string())],
                |r| r.get(0),
            )
            .optional()?;
        let Some(last) = last.and_then(|t| serde_json::from_str::<Digests>(&t).ok()) else {
            return Ok(None);
        };
        Ok(Some(changes_between(&last, &digests(&next))))
    }

    /// Makes the next bundle of a partnership's link: everything I share in it, sealed to
    /// my partner and me; the sequence is kept.
    pub fn share(
        &mut self,
        partnership_id: Uuid,
        armour: Armour,
    ) -> Result<(Vec<u8>, ShareReport)> {
        let tx = self.write()?;
        let out = share_in(&tx, partnership_id, armour)?;
        tx.commit()?;
        Ok(out)
    }

    /// Opens and checks a bundle and says what importing it would do; writes nothing.
    pub fn receive_preview(&self, bundle: &[u8]) -> Result<ReceivePreview> {
        let incoming = open_incoming(&self.conn, bundle)?;
        preview(&self.conn, &incoming)
    }

    /// Imports a partner's bundle: checked as by [`Store::receive_preview`], then the
    /// link's partner content is replaced in one transaction (the same bundle again
    /// changes nothing).
    pub fn receive(&mut self, bundle: &[u8]) -> Result<ReceivePreview> {
        let tx = self.write()?;
        let incoming = open_incoming(&tx, bundle)?;
        let preview = preview(&tx, &incoming)?;
        if !incoming.unchanged {
            replace_content(&tx, &incoming)?;
        }
        let link = link_by_id(&tx, &incoming.link.id.to_string())?;
        tx.commit()?;
        Ok(ReceivePreview {
            link: link.view(),
            ..preview
        })
    }

    /// The partner's content of a partnership's link, as the last bundle gave it (in my
    /// words), read from the `partner_*` tables. `None` when nothing was received.
    pub fn partner_content(&self, partnership_id: Uuid) -> Result<Option<BundlePayload>> {
        Ok(self.partner_share(partnership_id)?.map(|(_, p)| p))
    }

    /// [`Store::partner_content`] with who shared it, when, and whether the link was
    /// verified (the report labels it so).
    pub(crate) fn partner_share(
        &self,
        partnership_id: Uuid,
    ) -> Result<Option<(SharedBy, BundlePayload)>> {
        received(&self.conn, partnership_id)
    }
}

/// The partner's content of a partnership (as [`Store::partner_content`] reads it) with who
/// shared it and when; `None` when nothing was received.
pub(super) fn received(
    conn: &Connection,
    partnership_id: Uuid,
) -> Result<Option<(SharedBy, BundlePayload)>> {
    let mut all = links(
        conn,
        "WHERE partnership_id = ?1 AND received_sequence > 0",
        &[&partnership_id.to_string()],
    )?;
    let Some(link) = all.pop() else {
        return Ok(None);
    };
    let payload = read_content(conn, &link)?;
    let by = SharedBy {
        link_id: link.id.to_string(),
        name: link.partner_name.clone(),
        shared_at: payload.created_at,
        verified: link.verified_at.is_some(),
    };
    Ok(Some((by, payload)))
}

fn paired_link(conn: &Connection, partnership_id: Uuid) -> Result<LinkRow> {
    match live_link(conn, partnership_id)? {
        Some(l) if l.state == LinkState::Paired => Ok(l),
        Some(_) => Err(Error::invalid(
            "partnership",
            "Your partner has not answered the invite yet: import their first bundle, then share.",
        )),
        None => Err(Error::invalid(
            "partnership",
            "This partnership is not paired with your partner's journal: invite them, or accept their invite, first.",
        )),
    }
}

fn share_in(
    conn: &Connection,
    partnership_id: Uuid,
    armour: Armour,
) -> Result<(Vec<u8>, ShareReport)> {
    let link = paired_link(conn, partnership_id)?;
    let sequence = link.sent_sequence + 1;
    let payload = gather(conn, &link, sequence, time::now())?;
    let identity = link.identity()?;
    let partner = link
        .partner_keys()?
        .ok_or_else(|| Error::invalid("partnership", "The partner's keys are not known yet."))?;
    let bytes = crate::exchange::seal(&payload.to_json(), &identity, &partner, armour)?;
    conn.execute(
        "UPDATE exchange_link SET sent_sequence = ?2, updated_at = ?3 WHERE id = ?1",
        params![
            link.id.to_string(),
            sequence as i64,
            time::timestamp_text(&time::now())
        ],
    )?;
    // What this bundle held (each record's digest, never its text), for the next one's
    // "changed since the last bundle".
    conn.execute(
        "INSERT INTO journal_meta (key, value) VALUES (?1, ?2) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![
            sent_key(&link.id.to_string()),
            serde_json::to_string(&digests(&payload)).unwrap_or_default()
        ],
    )?;
    let link = link_by_id(conn, &link.id.to_string())?;
    Ok((
        bytes.clone(),
        ShareReport {
            link: link.view(),
            sequence,
            bytes: bytes.len() as u64,
            counts: counts(&payload),
        },
    ))
}

/// The `journal_meta` key of the digests of what the last bundle sent through a link held
/// (kept on this computer only, to tell what the next bundle changes).
fn sent_key(link_id: &str) -> String {
    format!("exchange.sent_payload.{link_id}")
}

fn counts(p: &BundlePayload) -> ShareCounts {
    let n = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
    ShareCounts {
        sessions: n(p.sessions.len()),
        action_items: n(p.sessions.iter().map(|s| s.action_items.len()).sum()),
        goals: n(p.goals.len()),
        milestones: n(p.goals.iter().map(|g| g.milestones.len()).sum()),
        progress: n(p.goals.iter().map(|g| g.progress.len()).sum()),
        swot_snapshots: n(p.swot_snapshots.len()),
        swot_items: n(p.swot_snapshots.iter().map(|s| s.items.len()).sum()),
        agreement: u32::from(p.agreement.is_some()),
        acknowledgements: n(p.acknowledgements.len()),
    }
}

fn pos(r: &Row<'_>, idx: usize) -> rusqlite::Result<u32> {
    Ok(u32::try_from(r.get::<_, i64>(idx)?.max(0)).unwrap_or(u32::MAX))
}

/// Everything I share through `link`, in my words. Only shared, live rows of my own, and
/// of them only the columns a bundle carries.
fn gather(
    conn: &Connection,
    link: &LinkRow,
    sequence: u64,
    created_at: DateTime<Utc>,
) -> Result<BundlePayload> {
    let pid = link.partnership_id.to_string();
    let identity = link.identity()?;
    let partner = link
        .partner_signing
        .clone()
        .ok_or_else(|| Error::invalid("partnership", "The partner's keys are not known yet."))?;
    let alive: Option<String> = conn
        .query_row(
            "SELECT agreement_visibility FROM partnership WHERE id = ?1 AND deleted_at IS NULL",
            [&pid],
            |r| r.get(0),
        )
        .optional()?;
    let Some(agreement_visibility) = alive else {
        return Err(Error::invalid(
            "partnership",
            "This partnership is in the trash: restore it to share.",
        ));
    };

    let mut sessions = Vec::new();
    {
        let mut stmt = conn.prepare(
            "SELECT id, held_at, duration_minutes, format, title, agenda, notes, shared, learned \
             FROM session WHERE partnership_id = ?1 AND visibility = 'shared' AND deleted_at IS NULL \
             ORDER BY held_at, id",
        )?;
        let rows = stmt.query_map([&pid], |r| {
            Ok(BundleSession {
                id: parse_col(r, 0, parse_uuid)?,
                held_at: parse_col(r, 1, parse_datetime)?,
                duration_minutes: pos(r, 2)?,
                format: parse_col(r, 3, parse_enum)?,
                title: r.get(4)?,
                agenda: r.get(5)?,
                notes: r.get(6)?,
                shared: r.get(7)?,
                learned: r.get(8)?,
                topics: Vec::new(),
                action_items: Vec::new(),
            })
        })?;
        for s in rows {
            sessions.push(s?);
        }
    }
    for s in &mut sessions {
        s.topics = super::topics::of_session(conn, s.id)?;
        let mut stmt = conn.prepare_cached(
            "SELECT id, position, text, owner, due_on, done FROM action_item \
             WHERE session_id = ?1 AND deleted_at IS NULL ORDER BY position, id",
        )?;
        s.action_items = stmt
            .query_map([s.id.to_string()], |r| {
                Ok(BundleActionItem {
                    id: parse_col(r, 0, parse_uuid)?,
                    position: pos(r, 1)?,
                    text: r.get(2)?,
                    owner: parse_col(r, 3, parse_enum)?,
                    due_on: parse_opt(r, 4, parse_date)?,
                    done: r.get::<_, i64>(5)? != 0,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
    }

    let mut goals: Vec<BundleGoal> = {
        let mut stmt = conn.prepare(
            "SELECT id, title, description, whose, direction, success_criteria, target_on, status \
             FROM goal WHERE partnership_id = ?1 AND visibility = 'shared' AND deleted_at IS NULL \
             ORDER BY created_at, id",
        )?;
        stmt.query_map([&pid], |r| {
            Ok(BundleGoal {
                id: parse_col(r, 0, parse_uuid)?,
                title: r.get(1)?,
                description: r.get(2)?,
                whose: parse_col(r, 3, parse_enum)?,
                direction: parse_col(r, 4, parse_enum)?,
                success_criteria: r.get(5)?,
                target_on: parse_opt(r, 6, parse_date)?,
                status: parse_col(r, 7, parse_enum)?,
                milestones: Vec::new(),
                progress: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?
    };
    for g in &mut goals {
        let gid = g.id.to_string();
        let mut stmt = conn.prepare_cached(
            "SELECT id, position, title, due_on, done FROM milestone \
             WHERE goal_id = ?1 AND deleted_at IS NULL ORDER BY position, id",
        )?;
        g.milestones = stmt
            .query_map([&gid], |r| {
                Ok(BundleMilestone {
                    id: parse_col(r, 0, parse_uuid)?,
                    position: pos(r, 1)?,
                    title: r.get(2)?,
                    due_on: parse_opt(r, 3, parse_date)?,
                    done: r.get::<_, i64>(4)? != 0,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = conn.prepare_cached(
            "SELECT id, recorded_on, value, note FROM goal_progress \
             WHERE goal_id = ?1 AND deleted_at IS NULL ORDER BY recorded_on, id",
        )?;
        g.progress = stmt
            .query_map([&gid], |r| {
                Ok(BundleProgress {
                    id: parse_col(r, 0, parse_uuid)?,
                    recorded_on: parse_col(r, 1, parse_date)?,
                    value: u8::try_from(r.get::<_, i64>(2)?.clamp(0, 100)).unwrap_or(100),
                    note: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
    }

    let mut swot_snapshots: Vec<BundleSwotSnapshot> = {
        let mut stmt = conn.prepare(
            "SELECT id, side, taken_on, reason FROM swot_snapshot \
             WHERE partnership_id = ?1 AND side = 'mine' AND visibility = 'shared' \
             AND deleted_at IS NULL ORDER BY taken_on, id",
        )?;
        stmt.query_map([&pid], |r| {
            Ok(BundleSwotSnapshot {
                id: parse_col(r, 0, parse_uuid)?,
                side: parse_col(r, 1, parse_enum)?,
                taken_on: parse_col(r, 2, parse_date)?,
                reason: r.get(3)?,
                items: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?
    };
    for s in &mut swot_snapshots {
        let mut stmt = conn.prepare_cached(
            "SELECT id, quadrant, position, text, priority FROM swot_item \
             WHERE snapshot_id = ?1 AND deleted_at IS NULL ORDER BY quadrant, position, id",
        )?;
        s.items = stmt
            .query_map([s.id.to_string()], |r| {
                Ok(BundleSwotItem {
                    id: parse_col(r, 0, parse_uuid)?,
                    quadrant: parse_col(r, 1, parse_enum)?,
                    position: pos(r, 2)?,
                    text: r.get(3)?,
                    priority: parse_opt(r, 4, parse_enum)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
    }

    let agreement = if agreement_visibility == "shared" {
        Some(conn.query_row(
            "SELECT objectives, boundaries, cadence_days, session_minutes, ending \
             FROM partnership WHERE id = ?1",
            [&pid],
            |r| {
                Ok(BundleAgreement {
                    objectives: r.get(0)?,
                    boundaries: r.get(1)?,
                    cadence_days: r.get(2)?,
                    session_minutes: r.get(3)?,
                    ending: r.get(4)?,
                })
            },
        )?)
    } else {
        None
    };

    // Done items the partner asked of me, as long as their last bundle still has them.
    let acknowledgements = {
        let mut stmt = conn.prepare(
            "SELECT d.session_id, d.action_item_id FROM partner_item_done d \
             JOIN partner_action_item a ON a.link_id = d.link_id AND a.id = d.action_item_id \
             WHERE d.link_id = ?1 ORDER BY d.session_id, d.action_item_id",
        )?;
        stmt.query_map([link.id.to_string()], |r| {
            Ok(Acknowledgement {
                session_id: parse_col(r, 0, parse_uuid)?,
                action_item_id: parse_col(r, 1, parse_uuid)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?
    };

    Ok(BundlePayload {
        version: PAYLOAD_VERSION,
        perspective: Perspective::Author,
        link_id: link.id,
        from: Party(verifying_key_text(&identity.verifying_key())),
        from_age: identity.public_keys().age_text(),
        to: Party(partner),
        sequence,
        created_at,
        sessions,
        goals,
        swot_snapshots,
        agreement,
        acknowledgements,
    })
}

/// Finds the link a bundle is for (each link has its own identity: the one that decrypts
/// it), and checks everything before a row is written.
fn open_incoming(conn: &Connection, bundle: &[u8]) -> Result<Incoming> {
    let mut found = None;
    for link in links(conn, "WHERE state <> 'unpaired'", &[])? {
        let identity = link.identity()?;
        match crate::exchange::open_unpinned(bundle, &identity) {
            Ok((signer, bytes)) => {
                found = Some((link, identity, signer, bytes));
                break;
            }
            Err(ExchangeError::BundleNotForMe) => continue,
            Err(e) => return Err(e.into()),
        }
    }
    let Some((link, identity, signer, bytes)) = found else {
        // Says "not for me" also when there is no link at all, or a file that is no bundle.
        let nobody = Identity::generate()?;
        crate::exchange::open_unpinned(bundle, &nobody)?;
        return Err(ExchangeError::BundleNotForMe.into());
    };
    let signer_text = verifying_key_text(&signer);
    if signer == identity.verifying_key() {
        return Err(wrong_link(
            "This is a bundle you made yourself, for your partner: it is theirs to import.",
        ));
    }
    match &link.partner_signing {
        Some(pinned) if *pinned != signer_text => {
            return Err(ExchangeError::BundleWrongSigner.into());
        }
        _ => {}
    }
    let payload = BundlePayload::from_json(&bytes)?;
    if payload.link_id != link.id {
        return Err(wrong_link(format!(
            "This bundle belongs to another link ({}) than the one it was encrypted for ({}).",
            payload.link_id, link.id
        )));
    }
    if payload.to.0 != verifying_key_text(&identity.verifying_key()) {
        return Err(wrong_link(
            "This bundle was made for someone else (its recipient is not this journal).",
        ));
    }
    if payload.from.0 != signer_text {
        return Err(wrong_link(
            "This bundle names another author than the key that signed it.",
        ));
    }
    if payload.perspective != Perspective::Author {
        return Err(
            ExchangeError::bundle_damaged("its payload is not in its author's words").into(),
        );
    }
    if let Some(known) = &link.partner_age {
        if *known != payload.from_age {
            return Err(ExchangeError::BundleWrongSigner.into());
        }
    } else if PublicKeys::parse(&payload.from_age, &signer_text).is_err() {
        return Err(ExchangeError::bundle_damaged("its author's age key is not valid").into());
    }
    let mut unchanged = false;
    if link.received_sequence > 0 && payload.sequence <= link.received_sequence {
        if payload.sequence == link.received_sequence
            && link.received_payload.as_deref() == Some(bytes.as_slice())
        {
            unchanged = true;
        } else {
            return Err(ExchangeError::BundleOutdated {
                found: payload.sequence,
                last: link.received_sequence,
                last_shared_on: link
                    .received_created_at
                    .map(|d| d.format("%-d %B %Y").to_string())
                    .unwrap_or_else(|| "before".to_owned()),
            }
            .into());
        }
    }
    check_records(&payload)?;
    Ok(Incoming {
        link,
        bytes,
        payload: payload.flip(),
        signer: signer_text,
        unchanged,
    })
}

/// Every record of a bundle passes the rules an import keeps, and no id is used twice.
fn check_records(p: &BundlePayload) -> Result<()> {
    let bad = |what: &str, e: Error| -> Error {
        ExchangeError::bundle_damaged(format!("{what}: {}", e.user_message())).into()
    };
    // The sequence and the date are kept in the link's row and read back with every link:
    // one it could not hold (an INTEGER is signed: at most 2^63 - 1) or read back (a year
    // beyond 0000-9999 is no RFC 3339) would be taken, then lost or make every link
    // unreadable. Tandem makes sequences from 1, and dates within the years it keeps.
    if p.sequence == 0 || i64::try_from(p.sequence).is_err() {
        return Err(ExchangeError::bundle_damaged(format!(
            "its sequence number {} is not one Tandem makes",
            p.sequence
        ))
        .into());
    }
    validate::optional_timestamp("created_at", Some(&p.created_at))
        .map_err(|e| bad("the date it was shared", e))?;
    let mut ids = std::collections::HashSet::new();
    let mut unique = |id: Uuid| -> Result<()> {
        if ids.insert(id) {
            Ok(())
        } else {
            Err(ExchangeError::bundle_damaged(format!("the id {id} is used twice")).into())
        }
    };
    for s in &p.sessions {
        unique(s.id)?;
        let draft = SessionDraft {
            held_at: s.held_at,
            duration_minutes: s.duration_minutes,
            format: s.format,
            place: String::new(),
            title: s.title.clone(),
            agenda: s.agenda.clone(),
            notes: s.notes.clone(),
            shared: s.shared.clone(),
            learned: s.learned.clone(),
            topics: s.topics.clone(),
            rating: None,
            reflection: String::new(),
            visibility: Visibility::Shared,
        };
        validate::session(&draft).map_err(|e| bad("a session", e))?;
        for a in &s.action_items {
            unique(a.id)?;
            let d = ActionItemDraft {
                text: a.text.clone(),
                owner: a.owner,
                due_on: a.due_on,
                done: a.done,
            };
            validate::action_item(&d, s.held_at.date()).map_err(|e| bad("an action item", e))?;
        }
    }
    for g in &p.goals {
        unique(g.id)?;
        let d = GoalDraft {
            title: g.title.clone(),
            description: g.description.clone(),
            whose: g.whose,
            direction: g.direction,
            success_criteria: g.success_criteria.clone(),
            target_on: g.target_on,
            status: g.status,
            visibility: Visibility::Shared,
        };
        validate::goal(&d).map_err(|e| bad("a goal", e))?;
        for m in &g.milestones {
            unique(m.id)?;
            let d = MilestoneDraft {
                title: m.title.clone(),
                due_on: m.due_on,
                done: m.done,
            };
            validate::milestone(&d).map_err(|e| bad("a milestone", e))?;
        }
        for pr in &g.progress {
            unique(pr.id)?;
            let d = ProgressDraft {
                recorded_on: pr.recorded_on,
                value: pr.value,
                note: pr.note.clone(),
            };
            validate::progress(&d).map_err(|e| bad("a progress entry", e))?;
        }
    }
    for s in &p.swot_snapshots {
        unique(s.id)?;
        if s.side != crate::model::Side::Mine {
            return Err(ExchangeError::bundle_damaged(
                "a SWOT snapshot is not of its author's own side",
            )
            .into());
        }
        validate::check_date("taken_on", s.taken_on).map_err(|e| bad("a SWOT snapshot", e))?;
        validate::check_reason(&s.reason).map_err(|e| bad("a SWOT snapshot", e))?;
        for i in &s.items {
            unique(i.id)?;
            validate::clean_text("text", "A SWOT item", &i.text)
                .map_err(|e| bad("a SWOT item", e))?;
        }
    }
    if let Some(a) = &p.agreement {
        let d = PartnershipDraft {
            partner_name: "partner".into(),
            partner_org: String::new(),
            my_name: String::new(),
            my_role: crate::model::Role::Both,
            kind: crate::model::PartnershipKind::Peer,
            started_on: crate::api::today(),
            ended_on: None,
            agreement: Agreement {
                objectives: a.objectives.clone(),
                boundaries: a.boundaries.clone(),
                cadence_days: a.cadence_days,
                session_minutes: a.session_minutes,
                ending: a.ending.clone(),
                visibility: Visibility::Shared,
            },
        };
        validate::partnership(&d).map_err(|e| bad("the agreement", e))?;
    }
    // Acknowledgements name my own items (kept once each, by item): one named twice would
    // be kept once, not as it came.
    let mut acknowledged = std::collections::HashSet::new();
    for a in &p.acknowledgements {
        if !acknowledged.insert(a.action_item_id) {
            return Err(ExchangeError::bundle_damaged(format!(
                "the action item {} is acknowledged twice",
                a.action_item_id
            ))
            .into());
        }
    }
    Ok(())
}

/// The kinds of records a bundle holds, in the order their changes are told.
const KINDS: [&str; 9] = [
    "sessions",
    "action_items",
    "goals",
    "milestones",
    "progress",
    "swot_snapshots",
    "swot_items",
    "agreement",
    "acknowledgements",
];

/// Every record of a payload, by kind and id, as the SHA-256 of its JSON (its children
/// apart): what telling new, changed and no longer shared records compares. Kept for the
/// last bundle sent instead of its text, so that nothing deleted for good stays behind.
type Digests = BTreeMap<String, BTreeMap<Uuid, String>>;

fn digest_rows<T: serde::Serialize>(out: &mut Digests, kind: &str, rows: Vec<(Uuid, T)>) {
    use sha2::Digest;
    let entry = out.entry(kind.to_owned()).or_default();
    for (id, row) in rows {
        let json = serde_json::to_vec(&row).unwrap_or_default();
        let hash = sha2::Sha256::digest(&json);
        entry.insert(id, hash.iter().map(|b| format!("{b:02x}")).collect());
    }
}

/// New, changed and withdrawn records of each kind, by id.
fn changes_between(old: &Digests, new: &Digests) -> Vec<KindChanges> {
    let none = BTreeMap::new();
    let n = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
    KINDS
        .iter()
        .map(|kind| {
            let old = old.get(*kind).unwrap_or(&none);
            let new = new.get(*kind).unwrap_or(&none);
            KindChanges {
                kind: (*kind).to_owned(),
                new: n(new.keys().filter(|k| !old.contains_key(k)).count()),
                changed: n(new
                    .iter()
                    .filter(|(k, v)| old.get(k).is_some_and(|o| o != *v))
                    .count()),
                withdrawn: n(old.keys().filter(|k| !new.contains_key(k)).count()),
            }
        })
        .collect()
}

fn changes(old: Option<&BundlePayload>, new: &BundlePayload) -> Vec<KindChanges> {
    let old = old.map(digests).unwrap_or_default();
    changes_between(&old, &digests(new))
}

fn digests(p: &BundlePayload) -> Digests {
    let sessions = |p: &BundlePayload| -> Vec<(Uuid, BundleSession)> {
        p.sessions
            .iter()
            .map(|s| {
                (
                    s.id,
                    BundleSession {
                        action_items: Vec::new(),
                        ..s.clone()
                    },
                )
            })
            .collect()
    };
    let items = |p: &BundlePayload| -> Vec<(Uuid, BundleActionItem)> {
        p.sessions
            .iter()
            .flat_map(|s| s.action_items.iter().map(|a| (a.id, a.clone())))
            .collect()
    };
    let goals = |p: &BundlePayload| -> Vec<(Uuid, BundleGoal)> {
        p.goals
            .iter()
            .map(|g| {
                (
                    g.id,
                    BundleGoal {
                        milestones: Vec::new(),
                        progress: Vec::new(),
                        ..g.clone()
                    },
                )
            })
            .collect()
    };
    let milestones = |p: &BundlePayload| -> Vec<(Uuid, BundleMilestone)> {
        p.goals
            .iter()
            .flat_map(|g| g.milestones.iter().map(|m| (m.id, m.clone())))
            .collect()
    };
    let progress = |p: &BundlePayload| -> Vec<(Uuid, BundleProgress)> {
        p.goals
            .iter()
            .flat_map(|g| g.progress.iter().map(|m| (m.id, m.clone())))
            .collect()
    };
    let snapshots = |p: &BundlePayload| -> Vec<(Uuid, BundleSwotSnapshot)> {
        p.swot_snapshots
            .iter()
            .map(|s| {
                (
                    s.id,
                    BundleSwotSnapshot {
                        items: Vec::new(),
                        ..s.clone()
                    },
                )
            })
            .collect()
    };
    let swot_items = |p: &BundlePayload| -> Vec<(Uuid, BundleSwotItem)> {
        p.swot_snapshots
            .iter()
            .flat_map(|s| s.items.iter().map(|i| (i.id, i.clone())))
            .collect()
    };
    let agreement = |p: &BundlePayload| -> Vec<(Uuid, BundleAgreement)> {
        p.agreement
            .iter()
            .map(|a| (Uuid::nil(), a.clone()))
            .collect()
    };
    let acks = |p: &BundlePayload| -> Vec<(Uuid, Acknowledgement)> {
        p.acknowledgements
            .iter()
            .map(|a| (a.action_item_id, a.clone()))
            .collect()
    };
    let mut out = Digests::new();
    digest_rows(&mut out, "sessions", sessions(p));
    digest_rows(&mut out, "action_items", items(p));
    digest_rows(&mut out, "goals", goals(p));
    digest_rows(&mut out, "milestones", milestones(p));
    digest_rows(&mut out, "progress", progress(p));
    digest_rows(&mut out, "swot_snapshots", snapshots(p));
    digest_rows(&mut out, "swot_items", swot_items(p));
    digest_rows(&mut out, "agreement", agreement(p));
    digest_rows(&mut out, "acknowledgements", acks(p));
    out
}

fn preview(conn: &Connection, incoming: &Incoming) -> Result<ReceivePreview> {
    let link = &incoming.link;
    let old = if link.received_sequence > 0 {
        Some(read_content(conn, link)?)
    } else {
        None
    };
    let p = &incoming.payload;
    let asked_of_me = p
        .sessions
        .iter()
        .flat_map(|s| {
            s.action_items
                .iter()
                .filter(|a| matches!(a.owner, Owner::Me | Owner::Both))
                .map(move |a| AskedOfMe {
                    session_id: s.id,
                    session_title: s.title.clone(),
                    session_held_at: s.held_at,
                    action_item_id: a.id,
                    text: a.text.clone(),
                    owner: a.owner,
                    due_on: a.due_on,
                    done: a.done,
                })
        })
        .collect();
    Ok(ReceivePreview {
        link: link.view(),
        partnership_id: link.partnership_id,
        from_name: link.partner_name.clone(),
        verified: link.verified_at.is_some(),
        first: link.partner_signing.is_none() || link.received_sequence == 0,
        sequence: p.sequence,
        shared_at: p.created_at,
        unchanged: incoming.unchanged,
        changes: changes(old.as_ref(), p),
        counts: counts(p),
        asked_of_me,
    })
}

const PARTNER_TABLES: [&str; 10] = [
    "partner_session_topic",
    "partner_action_item",
    "partner_session",
    "partner_milestone",
    "partner_progress",
    "partner_goal",
    "partner_swot_item",
    "partner_swot_snapshot",
    "partner_agreement",
    "partner_acknowledgement",
];

/// Replaces the link's partner content with the bundle's (already checked and flipped),
/// pins the signer on the first bundle, and records the sequence. Inside the caller's
/// transaction.
fn replace_content(conn: &Connection, incoming: &Incoming) -> Result<()> {
    let link = incoming.link.id.to_string();
    let p = &incoming.payload;
    for table in PARTNER_TABLES {
        conn.execute(&format!("DELETE FROM {table} WHERE link_id = ?1"), [&link])?;
    }
    for s in &p.sessions {
        conn.prepare_cached(
            "INSERT INTO partner_session (link_id, id, held_at, duration_minutes, format, title, \
             agenda, notes, shared, learned) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?
        .execute(params![
            link,
            s.id.to_string(),
            datetime_text(&s.held_at),
            s.duration_minutes,
            enum_text(&s.format),
            s.title,
            s.agenda,
            s.notes,
            s.shared,
            s.learned
        ])?;
        for (i, t) in s.topics.iter().enumerate() {
            conn.prepare_cached(
                "INSERT INTO partner_session_topic (link_id, session_id, position, name) \
                 VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![link, s.id.to_string(), i as i64, t])?;
        }
        for a in &s.action_items {
            conn.prepare_cached(
                "INSERT INTO partner_action_item (link_id, id, session_id, position, text, owner, \
                 due_on, done) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![
                link,
                a.id.to_string(),
                s.id.to_string(),
                a.position,
                a.text,
                enum_text(&a.owner),
                a.due_on.as_ref().map(date_text),
                a.done
            ])?;
        }
    }
    for g in &p.goals {
        conn.prepare_cached(
            "INSERT INTO partner_goal (link_id, id, title, description, whose, direction, \
             success_criteria, target_on, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(params![
            link,
            g.id.to_string(),
            g.title,
            g.description,
            enum_text(&g.whose),
            enum_text(&g.direction),
            g.success_criteria,
            g.target_on.as_ref().map(date_text),
            enum_text(&g.status)
        ])?;
        for m in &g.milestones {
            conn.prepare_cached(
                "INSERT INTO partner_milestone (link_id, id, goal_id, position, title, due_on, done) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                link,
                m.id.to_string(),
                g.id.to_string(),
                m.position,
                m.title,
                m.due_on.as_ref().map(date_text),
                m.done
            ])?;
        }
        for pr in &g.progress {
            conn.prepare_cached(
                "INSERT INTO partner_progress (link_id, id, goal_id, recorded_on, value, note) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                link,
                pr.id.to_string(),
                g.id.to_string(),
                date_text(&pr.recorded_on),
                pr.value,
                pr.note
            ])?;
        }
    }
    for s in &p.swot_snapshots {
        conn.prepare_cached(
            "INSERT INTO partner_swot_snapshot (link_id, id, side, taken_on, reason) \
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![
            link,
            s.id.to_string(),
            enum_text(&s.side),
            date_text(&s.taken_on),
            s.reason
        ])?;
        for i in &s.items {
            conn.prepare_cached(
                "INSERT INTO partner_swot_item (link_id, id, snapshot_id, quadrant, position, text, \
                 priority) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                link,
                i.id.to_string(),
                s.id.to_string(),
                enum_text(&i.quadrant),
                i.position,
                i.text,
                i.priority.as_ref().map(enum_text)
            ])?;
        }
    }
    if let Some(a) = &p.agreement {
        conn.execute(
            "INSERT INTO partner_agreement (link_id, objectives, boundaries, cadence_days, \
             session_minutes, ending) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                link,
                a.objectives,
                a.boundaries,
                a.cadence_days,
                a.session_minutes,
                a.ending
            ],
        )?;
    }
    for a in &p.acknowledgements {
        conn.prepare_cached(
            "INSERT OR IGNORE INTO partner_acknowledgement (link_id, session_id, action_item_id) \
             VALUES (?1, ?2, ?3)",
        )?
        .execute(params![
            link,
            a.session_id.to_string(),
            a.action_item_id.to_string()
        ])?;
    }
    conn.execute(
        "UPDATE exchange_link SET state = 'paired', \
         partner_signing = coalesce(partner_signing, ?2), partner_age = coalesce(partner_age, ?3), \
         received_sequence = ?4, received_created_at = ?5, received_payload = ?6, updated_at = ?7 \
         WHERE id = ?1",
        params![
            link,
            incoming.signer,
            p.from_age,
            p.sequence as i64,
            time::timestamp_text(&p.created_at),
            incoming.bytes,
            time::timestamp_text(&time::now())
        ],
    )?;
    Ok(())
}

/// The link's partner content, from the `partner_*` tables, as a payload in my words.
fn read_content(conn: &Connection, link: &LinkRow) -> Result<BundlePayload> {
    let lid = link.id.to_string();
    let mut sessions: Vec<BundleSession> = {
        let mut stmt = conn.prepare(
            "SELECT id, held_at, duration_minutes, format, title, agenda, notes, shared, learned \
             FROM partner_session WHERE link_id = ?1 ORDER BY held_at, id",
        )?;
        stmt.query_map([&lid], |r| {
            Ok(BundleSession {
                id: parse_col(r, 0, parse_uuid)?,
                held_at: parse_col(r, 1, parse_datetime)?,
                duration_minutes: pos(r, 2)?,
                format: parse_col(r, 3, parse_enum)?,
                title: r.get(4)?,
                agenda: r.get(5)?,
                notes: r.get(6)?,
                shared: r.get(7)?,
                learned: r.get(8)?,
                topics: Vec::new(),
                action_items: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?
    };
    for s in &mut sessions {
        let sid = s.id.to_string();
        s.topics = conn
            .prepare_cached(
                "SELECT name FROM partner_session_topic WHERE link_id = ?1 AND session_id = ?2 \
                 ORDER BY position",
            )?
            .query_map([&lid, &sid], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        s.action_items = conn
            .prepare_cached(
                "SELECT id, position, text, owner, due_on, done FROM partner_action_item \
                 WHERE link_id = ?1 AND session_id = ?2 ORDER BY position, id",
            )?
            .query_map([&lid, &sid], |r| {
                Ok(BundleActionItem {
                    id: parse_col(r, 0, parse_uuid)?,
                    position: pos(r, 1)?,
                    text: r.get(2)?,
                    owner: parse_col(r, 3, parse_enum)?,
                    due_on: parse_opt(r, 4, parse_date)?,
                    done: r.get::<_, i64>(5)? != 0,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
    }
    // Goals keep the order the bundle had them in (the author's creation order), which
    // the tables do not record: it is read back from the kept payload when there is one.
    let order: Vec<Uuid> = link
        .received_payload
        .as_deref()
        .and_then(|b| BundlePayload::from_json(b).ok())
        .map(|p| p.goals.iter().map(|g| g.id).collect())
        .unwrap_or_default();
    let mut goals: Vec<BundleGoal> = {
        let mut stmt = conn.prepare(
            "SELECT id, title, description, whose, direction, success_criteria, target_on, status \
             FROM partner_goal WHERE link_id = ?1 ORDER BY id",
        )?;
        stmt.query_map([&lid], |r| {
            Ok(BundleGoal {
                id: parse_col(r, 0, parse_uuid)?,
                title: r.get(1)?,
                description: r.get(2)?,
                whose: parse_col(r, 3, parse_enum)?,
                direction: parse_col(r, 4, parse_enum)?,
                success_criteria: r.get(5)?,
                target_on: parse_opt(r, 6, parse_date)?,
                status: parse_col(r, 7, parse_enum)?,
                milestones: Vec::new(),
                progress: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?
    };
    goals.sort_by_key(|g| {
        order
            .iter()
            .position(|id| *id == g.id)
            .unwrap_or(usize::MAX)
    });
    for g in &mut goals {
        let gid = g.id.to_string();
        g.milestones = conn
            .prepare_cached(
                "SELECT id, position, title, due_on, done FROM partner_milestone \
                 WHERE link_id = ?1 AND goal_id = ?2 ORDER BY position, id",
            )?
            .query_map([&lid, &gid], |r| {
                Ok(BundleMilestone {
                    id: parse_col(r, 0, parse_uuid)?,
                    position: pos(r, 1)?,
                    title: r.get(2)?,
                    due_on: parse_opt(r, 3, parse_date)?,
                    done: r.get::<_, i64>(4)? != 0,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        g.progress = conn
            .prepare_cached(
                "SELECT id, recorded_on, value, note FROM partner_progress \
                 WHERE link_id = ?1 AND goal_id = ?2 ORDER BY recorded_on, id",
            )?
            .query_map([&lid, &gid], |r| {
                Ok(BundleProgress {
                    id: parse_col(r, 0, parse_uuid)?,
                    recorded_on: parse_col(r, 1, parse_date)?,
                    value: u8::try_from(r.get::<_, i64>(2)?.clamp(0, 100)).unwrap_or(100),
                    note: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
    }
    let mut swot_snapshots: Vec<BundleSwotSnapshot> = {
        let mut stmt = conn.prepare(
            "SELECT id, side, taken_on, reason FROM partner_swot_snapshot WHERE link_id = ?1 \
             ORDER BY taken_on, id",
        )?;
        stmt.query_map([&lid], |r| {
            Ok(BundleSwotSnapshot {
                id: parse_col(r, 0, parse_uuid)?,
                side: parse_col(r, 1, parse_enum)?,
                taken_on: parse_col(r, 2, parse_date)?,
                reason: r.get(3)?,
                items: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?
    };
    for s in &mut swot_snapshots {
        let sid = s.id.to_string();
        s.items = conn
            .prepare_cached(
                "SELECT id, quadrant, position, text, priority FROM partner_swot_item \
                 WHERE link_id = ?1 AND snapshot_id = ?2 ORDER BY quadrant, position, id",
            )?
            .query_map([&lid, &sid], |r| {
                Ok(BundleSwotItem {
                    id: parse_col(r, 0, parse_uuid)?,
                    quadrant: parse_col(r, 1, parse_enum)?,
                    position: pos(r, 2)?,
                    text: r.get(3)?,
                    priority: parse_opt(r, 4, parse_enum)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
    }
    let agreement = conn
        .query_row(
            "SELECT objectives, boundaries, cadence_days, session_minutes, ending \
             FROM partner_agreement WHERE link_id = ?1",
            [&lid],
            |r| {
                Ok(BundleAgreement {
                    objectives: r.get(0)?,
                    boundaries: r.get(1)?,
                    cadence_days: r.get(2)?,
                    session_minutes: r.get(3)?,
                    ending: r.get(4)?,
                })
            },
        )
        .optional()?;
    let acknowledgements = conn
        .prepare(
            "SELECT session_id, action_item_id FROM partner_acknowledgement WHERE link_id = ?1 \
             ORDER BY session_id, action_item_id",
        )?
        .query_map([&lid], |r| {
            Ok(Acknowledgement {
                session_id: parse_col(r, 0, parse_uuid)?,
                action_item_id: parse_col(r, 1, parse_uuid)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mine = Identity::from_secret_text(&link.identity)
        .map(|i| verifying_key_text(&i.verifying_key()))
        .unwrap_or_default();
    Ok(BundlePayload {
        version: PAYLOAD_VERSION,
        perspective: Perspective::Receiver,
        link_id: link.id,
        from: Party(link.partner_signing.clone().unwrap_or_default()),
        from_age: link.partner_age.clone().unwrap_or_default(),
        to: Party(mine),
        sequence: link.received_sequence,
        created_at: link.received_created_at.unwrap_or_default(),
        sessions,
        goals,
        swot_snapshots,
        agreement,
        acknowledgements,
    })
}

fn other_file_error(path: &std::path::Path, e: super::files::OtherFile, what: FileKind) -> Error {
    use super::files::OtherFile;
    match e {
        OtherFile::Live => Error::invalid(
            "path",
            format!(
                "{} is a journal Tandem has open, not {}: choose another file.",
                path.display(),
                match what {
                    FileKind::Invite => "an invite",
                    FileKind::Bundle => "a bundle",
                }
            ),
        ),
        OtherFile::TooLarge(size) => ExchangeError::TooLarge {
            what,
            size,
            limit: match what {
                FileKind::Invite => crate::exchange::invite::MAX_INVITE_BYTES as u64,
                FileKind::Bundle => crate::exchange::MAX_BUNDLE_BYTES as u64,
            },
        }
        .into(),
        OtherFile::Io(e) => Error::io(path, e),
    }
}

/// Reads a bundle file, refusing one larger than a bundle can be without reading it all.
fn read_bundle_file(path: &std::path::Path) -> Result<Vec<u8>> {
    super::files::read_other(path, crate::exchange::MAX_BUNDLE_BYTES as u64)
        .map_err(|e| other_file_error(path, e, FileKind::Bundle))
}

fn write_file(path: &std::path::Path, bytes: &[u8], what: FileKind) -> Result<()> {
    super::files::write_other(path, bytes).map_err(|e| other_file_error(path, e, what))
}

/// Reads an invite file (text; at most 64 KiB).
pub fn read_invite_file(path: &std::path::Path) -> Result<String> {
    let bytes = super::files::read_other(path, crate::exchange::invite::MAX_INVITE_BYTES as u64)
        .map_err(|e| other_file_error(path, e, FileKind::Invite))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn armour_of(ascii: bool) -> Armour {
    if ascii { Armour::Ascii } else { Armour::Binary }
}

/// The same operations on files, for the command table and the command line. The journal
/// is written first: a bundle that could not be saved only skips a sequence number, which
/// the partner accepts (any newer bundle is).
impl Store {
    /// [`Store::invite`], writing the invite's text to `out`.
    pub fn invite_to_file(
        &mut self,
        partnership_id: Uuid,
        out: &std::path::Path,
    ) -> Result<InviteOut> {
        let invite = self.invite(partnership_id)?;
        write_file(out, invite.text.as_bytes(), FileKind::Invite)?;
        Ok(invite)
    }

    /// [`Store::invite_text`], written to `out`.
    pub fn save_invite_file(&self, link_id: &str, out: &std::path::Path) -> Result<()> {
        let text = self.invite_text(link_id)?;
        write_file(out, text.as_bytes(), FileKind::Invite)
    }

    /// [`Store::check_invite`] of an invite file.
    pub fn check_invite_file(&self, path: &std::path::Path) -> Result<InvitePreview> {
        self.check_invite(&read_invite_file(path)?)
    }

    pub fn accept_to_file(
        &mut self,
        invite_text: &str,
        into: Option<Uuid>,
        out: &std::path::Path,
        ascii: bool,
    ) -> Result<ShareReport> {
        let (bytes, report) = self.accept(invite_text, into, armour_of(ascii))?;
        write_file(out, &bytes, FileKind::Bundle)?;
        Ok(report)
    }

    pub fn share_to_file(
        &mut self,
        partnership_id: Uuid,
        out: &std::path::Path,
        ascii: bool,
    ) -> Result<ShareReport> {
        let (bytes, report) = self.share(partnership_id, armour_of(ascii))?;
        write_file(out, &bytes, FileKind::Bundle)?;
        Ok(report)
    }

    pub fn receive_preview_file(&self, path: &std::path::Path) -> Result<ReceivePreview> {
        self.receive_preview(&read_bundle_file(path)?)
    }

    pub fn receive_file(&mut self, path: &std::path::Path) -> Result<ReceivePreview> {
        let bytes = read_bundle_file(path)?;
        self.receive(&bytes)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::model::{PartnershipKind, Role};

    fn partnership(store: &mut Store) -> Uuid {
        store
            .create_partnership(&PartnershipDraft {
                partner_name: "Zoë".into(),
                partner_org: String::new(),
                my_name: "Henrik".into(),
                my_role: Role::Mentee,
                kind: PartnershipKind::Reverse,
                started_on: crate::api::today(),
                ended_on: None,
                agreement: Agreement::default(),
            })
            .unwrap()
            .id
    }

    /// A's link row (with its identity) and B's, after pairing.
    fn paired() -> (Store, Store, Uuid, Uuid) {
        let mut a = Store::open_in_memory().unwrap();
        let pa = partnership(&mut a);
        let invite = a.invite(pa).unwrap();
        let mut b = Store::open_in_memory().unwrap();
        let (first, report) = b.accept(&invite.text, None, Armour::Binary).unwrap();
        a.receive(&first).unwrap();
        (a, b, pa, report.link.partnership_id)
    }

    /// A payload A really signed, but edited: only the store's checks can refuse it.
    fn forged(a: &Store, pa: Uuid, edit: impl FnOnce(&mut BundlePayload)) -> Vec<u8> {
        let link = live_link(&a.conn, pa).unwrap().unwrap();
        let mut payload = gather(&a.conn, &link, 5, time::now()).unwrap();
        edit(&mut payload);
        crate::exchange::seal(
            &payload.to_json(),
            &link.identity().unwrap(),
            &link.partner_keys().unwrap().unwrap(),
            Armour::Binary,
        )
        .unwrap()
    }

    #[test]
    fn a_signed_bundle_for_another_link_or_recipient_or_in_the_wrong_words_is_refused() {
        let (a, mut b, pa, pb) = paired();
        type Edit = Box<dyn FnOnce(&mut BundlePayload)>;
        let cases: Vec<(&str, Edit)> = vec![
            (
                "bundle_wrong_link",
                Box::new(|p| p.link_id = LinkId::from_bytes([7; 16])),
            ),
            (
                "bundle_wrong_link",
                Box::new(|p| p.to = Party(p.from.0.clone())),
            ),
            (
                "bundle_wrong_link",
                Box::new(|p| p.from = Party(p.to.0.clone())),
            ),
            (
                "bundle_wrong_signer",
                Box::new(|p| {
                    p.from_age = Identity::generate().unwrap().public_keys().age_text();
                }),
            ),
            (
                "bundle_damaged",
                Box::new(|p| p.perspective = Perspective::Receiver),
            ),
            (
                "bundle_damaged",
                Box::new(|p| {
                    p.agreement = Some(BundleAgreement {
                        objectives: String::new(),
                        boundaries: String::new(),
                        cadence_days: Some(9_999),
                        session_minutes: None,
                        ending: String::new(),
                    });
                }),
            ),
        ];
        for (code, edit) in cases {
            let bundle = forged(&a, pa, edit);
            let e = b.receive(&bundle).unwrap_err();
            assert_eq!(e.code(), code, "{e}");
            assert!(b.partner_content(pb).unwrap().is_none(), "nothing written");
        }
        // The very same, unedited, is taken.
        let bundle = forged(&a, pa, |_| {});
        b.receive(&bundle).unwrap();
        assert!(b.partner_content(pb).unwrap().is_some());
    }
}
