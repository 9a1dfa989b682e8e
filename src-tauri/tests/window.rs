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
