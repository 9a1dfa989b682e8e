// The window may call exactly the commands listed here: tauri-build generates an
// `allow-<command>` permission for each, and `capabilities/main.json` grants them.
const COMMANDS: &[&str] = &[
    "journal_info",
    "list_partnerships",
    "get_partnership",
    "create_partnership",
    "update_partnership",
    "list_sessions",
    "get_session",
    "create_session",
    "update_session",
    "load_sample",
    "export_report",
    "list_backups",
    "backup_now",
    "restore_backup",
    "open_journal",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed");
}
