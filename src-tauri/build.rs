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
    "list_topics",
    "list_action_items",
    "open_action_items",
    "create_action_item",
    "update_action_item",
    "list_goals",
    "get_goal",
    "create_goal",
    "update_goal",
    "create_milestone",
    "update_milestone",
    "add_progress",
    "update_progress",
    "dashboard",
    "search",
    "move_to_trash",
    "restore_from_trash",
    "list_trash",
    "empty_trash",
    "swot_board",
    "start_snapshot",
    "update_snapshot",
    "add_swot_item",
    "update_swot_item",
    "move_swot_item",
    "link_swot_items",
    "compare_snapshots",
    "list_tows",
    "create_tows",
    "update_tows",
    "tows_to_goal",
    "render_markdown",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed");
}
