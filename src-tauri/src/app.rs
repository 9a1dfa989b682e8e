//! The desktop window. Opening the journal can fail (a damaged file, one from a newer
//! Tandem): the window still opens and the UI explains, rather than the app vanishing.

use std::path::PathBuf;
use std::sync::Mutex;

use tandem_core::{ErrorPayload, Store};

use crate::commands;
use crate::error::Result;

pub struct AppState {
    pub path: PathBuf,
    pub store: Result<Mutex<Store>, ErrorPayload>,
}

impl AppState {
    /// Runs `f` on the open journal; the error becomes what the UI is shown.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&mut Store) -> tandem_core::Result<T>,
    ) -> Result<T, ErrorPayload> {
        let store = self.store.as_ref().map_err(Clone::clone)?;
        let mut store = store.lock().map_err(|_| ErrorPayload {
            code: "internal".into(),
            message: "Tandem hit an internal error. Restart it; everything already saved is safe."
                .into(),
            field: None,
        })?;
        f(&mut store).map_err(|e| ErrorPayload::from(&e))
    }
}

pub fn run(path: PathBuf) -> Result<()> {
    let store = Store::open(&path)
        .map(Mutex::new)
        .map_err(|e| ErrorPayload::from(&e));
    tauri::Builder::default()
        .manage(AppState { path, store })
        .invoke_handler(tauri::generate_handler![
            commands::journal_info,
            commands::list_partnerships,
            commands::get_partnership,
            commands::create_partnership,
            commands::update_partnership,
            commands::list_sessions,
            commands::get_session,
            commands::create_session,
            commands::update_session,
            commands::load_sample,
        ])
        .run(tauri::generate_context!())?;
    Ok(())
}
