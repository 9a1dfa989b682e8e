//! The TypeScript types of everything that crosses IPC, generated from the Rust types so
//! that no type is ever written twice. The generated file is committed
//! (`ui/src/lib/generated/types.ts`); a test fails when it drifts from the Rust types, and
//! `TANDEM_BLESS=1 cargo test -p tandem-core bindings` rewrites it.

use ts_rs::{Config, TS};

use crate::error::{ErrorCode, ErrorPayload};
use crate::journal::ImportReport;
use crate::model::*;
use crate::report::{Progress, ReportOptions};
use crate::store::{BackupInfo, RestoreReport};

/// Where the generated file lives, relative to the workspace root.
pub const TYPES_PATH: &str = "ui/src/lib/generated/types.ts";

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
    decl::<BackupInfo>(&cfg, &mut out);
    decl::<RestoreReport>(&cfg, &mut out);
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    #[test]
    fn generated_typescript_matches_the_rust_types() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("..")
            .join(super::TYPES_PATH);
        let expected = super::typescript();
        if std::env::var_os("TANDEM_BLESS").is_some() {
            std::fs::create_dir_all(path.parent().expect("has a parent")).expect("create dir");
            std::fs::write(&path, &expected).expect("write bindings");
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == expected,
            "{} is out of date with the Rust types: run `TANDEM_BLESS=1 cargo test -p tandem-core bindings` and commit it",
            super::TYPES_PATH
        );
    }
}
