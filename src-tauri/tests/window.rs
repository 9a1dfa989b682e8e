//! The window's binary as the command line starts it. (Its screens are tested end to end in
//! `tests/e2e/`, through WebDriver.)
#![allow(clippy::unwrap_used)]

use std::process::Command;

#[test]
fn the_window_binary_answers_help_without_a_display_and_points_to_tandem() {
    let out = Command::new(env!("CARGO_BIN_EXE_tandem-window"))
        .arg("--help")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(help.contains("--db"), "{help}");
    assert!(help.contains("tandem --help"), "{help}");
}

#[test]
fn the_window_binary_takes_no_commands() {
    let out = Command::new(env!("CARGO_BIN_EXE_tandem-window"))
        .args(["search", "x"])
        .env_remove("DISPLAY")
        .output()
        .unwrap();
    assert!(!out.status.success());
}

/// `capabilities/main.json` grants the window exactly the commands of the table
/// (`tandem_core::with_commands!`), each once, and the plugin calls the UI makes.
#[test]
fn the_capabilities_grant_exactly_the_commands_of_the_table() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/capabilities/main.json"
    ))
    .unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut granted: Vec<String> = json["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str())
        .filter_map(|p| p.strip_prefix("allow-"))
        .map(|p| p.replace('-', "_"))
        .collect();
    let mut table: Vec<String> = tandem_core::api::commands()
        .into_iter()
        .map(|c| c.name.to_string())
        .collect();
    granted.sort();
    table.sort();
    let before = granted.len();
    granted.dedup();
    assert_eq!(before, granted.len(), "a command is granted twice");
    assert_eq!(
        granted, table,
        "capabilities/main.json and core/src/api/table.rs disagree"
    );
}
