//! The TypeScript types of everything that crosses IPC, generated from the Rust types so
//! that no type is ever written twice. The generated file is committed
//! (`ui/src/lib/generated/types.ts`); a test fails when it drifts from the Rust types, and
//! `TANDEM_BLESS=1 cargo test -p tandem-core bindings` rewrites it. The limits the rules
//! check are generated the same way (`ui/src/lib/generated/limits.ts`), so the UI states
//! and enforces the core's numbers, not copies of them.

use ts_rs::{Config, TS};

use crate::error::{ErrorCode, ErrorPayload};
use crate::exchange::BundlePayload;
use crate::exchange::payload::{
    Acknowledgement, BundleActionItem, BundleAgreement, BundleGoal, BundleMilestone,
    BundleProgress, BundleSession, BundleSwotItem, BundleSwotSnapshot, Party, Perspective,
};
use crate::journal::ImportReport;
use crate::model::*;
use crate::report::{Progress, ReportOptions, ReportPreview, SectionPreview};
use crate::store::{BackupInfo, RestoreReport};

/// Where the generated file lives, relative to the workspace root.
pub const TYPES_PATH: &str = "ui/src/lib/generated/types.ts";

/// Where the generated limits live, relative to the workspace root.
pub const LIMITS_PATH: &str = "ui/src/lib/generated/limits.ts";

/// The generated TypeScript constants of the length limits (all in characters, as
/// `[...text].length` counts them).
pub fn limits_typescript() -> String {
    use crate::validate as v;
    let limits: [(&str, &str, usize); 7] = [
        (
            "MAX_SHORT_CHARS",
            "Short fields: names, titles, places.",
            v::MAX_SHORT_CHARS,
        ),
        (
            "MAX_LONG_CHARS",
            "Long fields: notes, agreement texts, progress notes.",
            v::MAX_LONG_CHARS,
        ),
        ("MAX_TOPIC_CHARS", "One topic.", v::MAX_TOPIC_CHARS),
        (
            "MAX_TOPICS",
            "Topics of one session (a count).",
            v::MAX_TOPICS,
        ),
        ("MAX_ACTION_CHARS", "One action item.", v::MAX_ACTION_CHARS),
        (
            "MAX_ITEM_CHARS",
            "One SWOT item or strategy.",
            v::MAX_ITEM_CHARS,
        ),
        (
            "MAX_REASON_CHARS",
            "The reason for a SWOT snapshot.",
            v::MAX_REASON_CHARS,
        ),
    ];
    let mut out = String::from(
        "// Generated from the limits in core/src/validate.rs by `tandem_core::bindings`. Do not\n\
         // edit: run `TANDEM_BLESS=1 cargo test -p tandem-core bindings` after changing them.\n\
         // Lengths are in characters (Unicode code points: `[...text].length`).\n",
    );
    for (name, doc, value) in limits {
        out.push_str(&format!("\n/** {doc} */\nexport const {name} = {value}\n"));
    }
    out
}

fn decl<T: TS>(cfg: &Config, out: &mut String) {
    out.push_str("export ");
    out.push_str(&T::decl(cfg));
    out.push_str("\n\n");
}

/// The whole generated TypeScript file.
pub fn typescript() -> String {
    let cfg = Config::new();
    let mut out = String::from(
        "// Generated from the Rust types in core/src by `tandem_core::bindings`. Do not edit:\n\
         // run `TANDEM_BLESS=1 cargo test -p tandem-core bindings` after changing them.\n\n",
    );
    decl::<Role>(&cfg, &mut out);
    decl::<PartnershipKind>(&cfg, &mut out);
    decl::<SessionFormat>(&cfg, &mut out);
    decl::<Visibility>(&cfg, &mut out);
    decl::<Agreement>(&cfg, &mut out);
    decl::<PartnershipDraft>(&cfg, &mut out);
    decl::<Partnership>(&cfg, &mut out);
    decl::<PartnershipOverview>(&cfg, &mut out);
    decl::<SessionDraft>(&cfg, &mut out);
    decl::<Session>(&cfg, &mut out);
    decl::<SessionSummary>(&cfg, &mut out);
    decl::<SessionPage>(&cfg, &mut out);
    decl::<Owner>(&cfg, &mut out);
    decl::<ActionItemDraft>(&cfg, &mut out);
    decl::<ActionItem>(&cfg, &mut out);
    decl::<ActionItemView>(&cfg, &mut out);
    decl::<TopicCount>(&cfg, &mut out);
    decl::<Whose>(&cfg, &mut out);
    decl::<LearningDirection>(&cfg, &mut out);
    decl::<GoalStatus>(&cfg, &mut out);
    decl::<GoalDraft>(&cfg, &mut out);
    decl::<Goal>(&cfg, &mut out);
    decl::<MilestoneDraft>(&cfg, &mut out);
    decl::<Milestone>(&cfg, &mut out);
    decl::<ProgressDraft>(&cfg, &mut out);
    decl::<ProgressEntry>(&cfg, &mut out);
    decl::<GoalSummary>(&cfg, &mut out);
    decl::<GoalDetail>(&cfg, &mut out);
    decl::<MonthCount>(&cfg, &mut out);
    decl::<Dashboard>(&cfg, &mut out);
    decl::<ItemKind>(&cfg, &mut out);
    decl::<TextSpan>(&cfg, &mut out);
    decl::<SearchHit>(&cfg, &mut out);
    decl::<TrashEntry>(&cfg, &mut out);
    decl::<Side>(&cfg, &mut out);
    decl::<Quadrant>(&cfg, &mut out);
    decl::<Priority>(&cfg, &mut out);
    decl::<SwotSnapshot>(&cfg, &mut out);
    decl::<SwotItemDraft>(&cfg, &mut out);
    decl::<SwotItem>(&cfg, &mut out);
    decl::<SwotView>(&cfg, &mut out);
    decl::<Match>(&cfg, &mut out);
    decl::<SharedPair>(&cfg, &mut out);
    decl::<SwotBoard>(&cfg, &mut out);
    decl::<MovedItem>(&cfg, &mut out);
    decl::<SwotComparison>(&cfg, &mut out);
    decl::<TowsKind>(&cfg, &mut out);
    decl::<TowsDraft>(&cfg, &mut out);
    decl::<TowsStrategy>(&cfg, &mut out);
    decl::<ImportReport>(&cfg, &mut out);
    decl::<ErrorCode>(&cfg, &mut out);
    decl::<ErrorPayload>(&cfg, &mut out);
    decl::<JournalInfo>(&cfg, &mut out);
    decl::<FirstScreen>(&cfg, &mut out);
    decl::<ReportOptions>(&cfg, &mut out);
    decl::<Progress>(&cfg, &mut out);
    decl::<ReportFile>(&cfg, &mut out);
    decl::<SectionPreview>(&cfg, &mut out);
    decl::<ReportPreview>(&cfg, &mut out);
    decl::<BackupInfo>(&cfg, &mut out);
    decl::<RestoreReport>(&cfg, &mut out);
    decl::<LinkState>(&cfg, &mut out);
    decl::<ExchangeLink>(&cfg, &mut out);
    decl::<InviteOut>(&cfg, &mut out);
    decl::<InvitePreview>(&cfg, &mut out);
    decl::<ShareCounts>(&cfg, &mut out);
    decl::<ShareReport>(&cfg, &mut out);
    decl::<KindChanges>(&cfg, &mut out);
    decl::<AskedOfMe>(&cfg, &mut out);
    decl::<ReceivePreview>(&cfg, &mut out);
    decl::<Perspective>(&cfg, &mut out);
    decl::<Party>(&cfg, &mut out);
    decl::<BundleActionItem>(&cfg, &mut out);
    decl::<BundleSession>(&cfg, &mut out);
    decl::<BundleMilestone>(&cfg, &mut out);
    decl::<BundleProgress>(&cfg, &mut out);
    decl::<BundleGoal>(&cfg, &mut out);
    decl::<BundleSwotItem>(&cfg, &mut out);
    decl::<BundleSwotSnapshot>(&cfg, &mut out);
    decl::<BundleAgreement>(&cfg, &mut out);
    decl::<Acknowledgement>(&cfg, &mut out);
    decl::<BundlePayload>(&cfg, &mut out);
    decl::<SharedBy>(&cfg, &mut out);
    decl::<SharedSwot>(&cfg, &mut out);
    decl::<PartnerSession>(&cfg, &mut out);
    decl::<PartnerSessions>(&cfg, &mut out);
    decl::<PartnerGoal>(&cfg, &mut out);
    decl::<PartnerGoals>(&cfg, &mut out);
    decl::<PartnerOpenItems>(&cfg, &mut out);
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// Fails when the committed file at `relative` differs from `expected`; with
    /// `TANDEM_BLESS` set, writes it first.
    fn check(relative: &str, expected: &str) {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("..")
            .join(relative);
        if std::env::var_os("TANDEM_BLESS").is_some() {
            std::fs::create_dir_all(path.parent().expect("has a parent")).expect("create dir");
            std::fs::write(&path, expected).expect("write bindings");
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == expected,
            "{relative} is out of date with the Rust code: run `TANDEM_BLESS=1 cargo test -p tandem-core bindings` and commit it",
        );
    }

    #[test]
    fn generated_typescript_matches_the_rust_types() {
        check(super::TYPES_PATH, &super::typescript());
    }

    #[test]
    fn generated_command_client_matches_the_table() {
        let client = crate::api::typescript();
        assert!(
            client.contains("  getPartnership: (id) => send('get_partnership', { id }) as Promise<Partnership>,\n"),
            "{client}"
        );
        check(crate::api::CLIENT_PATH, &client);
    }

    #[test]
    fn generated_limits_match_the_rules() {
        let limits = super::limits_typescript();
        assert!(
            limits.contains("export const MAX_SHORT_CHARS = 300\n"),
            "{limits}"
        );
        check(super::LIMITS_PATH, &limits);
    }
}
