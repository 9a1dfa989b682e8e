// The window may call exactly the commands of the table (core/src/api/table.rs, read here
// for its names only): tauri-build generates an `allow-<command>` permission for each, and
// `capabilities/main.json` grants them (a test checks the two agree).
include!("../core/src/api/table.rs");

macro_rules! names {
    (
        store { $( $(#[doc = $sd:literal])* $sn:ident ( $($sa:ident : $st:ty),* ) -> $sr:ty = $sb:expr ; )* }
        journal { $( $(#[doc = $jd:literal])* $jn:ident ( $($ja:ident : $jt:ty),* ) -> $jr:ty = $jb:expr ; )* }
        pure { $( $(#[doc = $pd:literal])* $pn:ident ( $($pa:ident : $pt:ty),* ) -> $pr:ty = $pb:expr ; )* }
        host { $( $(#[doc = $hd:literal])* $hn:ident ( $($ha:ident : $ht:ty),* ) -> $hr:ty ; )* }
        window { $( $wn:ident ; )* }
    ) => {
        &[$(stringify!($sn),)* $(stringify!($jn),)* $(stringify!($pn),)* $(stringify!($hn),)* $(stringify!($wn),)*]
    };
}

const COMMANDS: &[&str] = with_commands!(names);

fn main() {
    println!("cargo:rerun-if-changed=../core/src/api/table.rs");
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed");
}
