//! The store's one check that this page may use `localStorage`, and the only
//! code that calls gloo-storage. An [`Available`] is the proof of that check:
//! only [`Available::check`] makes one, and every gloo-storage call is a
//! method of it, so no code path reaches gloo-storage without the check.
//!
//! Why the check comes first: gloo-storage reaches storage through
//! `LocalStorage::raw()`, which reads `window.localStorage` and throws (out
//! of the WebAssembly, leaving the widget half-updated) where that getter
//! throws: a sandboxed iframe, blocked site data. The check reads the same
//! getter once with web-sys's fallible accessor instead.
//!
//! Why once is enough: what the getter answers is fixed for the life of a
//! document. Chromium decides it from the document's origin and sandbox
//! flags, which never change, and caches whether the storage area may be
//! used on its first use (`DOMWindowStorage::localStorage`,
//! `StorageArea::CanAccessStorage`); Firefox keeps the cookie settings a
//! document was loaded with. So where the check passed, `raw()`, which each
//! gloo-storage call reads again, does not throw later; nor does `getItem`,
//! which gloo-storage's `get` calls with `expect_throw`.
//!
//! Writes are `setItem` on `LocalStorage::raw()`, not gloo-storage's `set`:
//! `setItem` is the one call that fails in use (a full quota), and web-sys
//! gives what it threw as it is, which `StoreError::from_js` names;
//! gloo-storage's `set` turns a thrown value that is not an `Error` into a
//! panic, and writes only JSON it serialises itself, while a value moved
//! aside must be written exactly as it was.

use super::StoreError;
use gloo_storage::{LocalStorage, Storage as _};
use serde::de::DeserializeOwned;

/// This page may use `localStorage`: the check found it usable. Only
/// [`Available::check`] makes one.
#[derive(Clone, Copy, Debug)]
pub struct Available(());

impl Available {
    /// The one availability check. `local_storage()` is web-sys's fallible
    /// accessor: Err where the getter throws (SecurityError), Ok(None) where
    /// there is no storage.
    pub fn check() -> Option<Available> {
        web_sys::window()?.local_storage().ok()??;
        Some(Available(()))
    }

    /// The JSON value under `key`, if it is there and reads as a `T`.
    pub fn get<T: DeserializeOwned>(self, key: &str) -> Option<T> {
        LocalStorage::get(key).ok()
    }

    /// The text under `key` as it is, JSON or not.
    pub fn get_text(self, key: &str) -> Option<String> {
        LocalStorage::raw().get_item(key).ok().flatten()
    }

    /// Writes `text` under `key` as it is: JSON the store serialised, or a
    /// value moved aside.
    pub fn set_text(self, key: &str, text: &str) -> Result<(), StoreError> {
        LocalStorage::raw().set_item(key, text).map_err(StoreError::from_js)
    }

    /// Removes the entry under `key`, if there is one. Removing cannot run
    /// out of room. Not gloo-storage's `delete`, which would throw out of
    /// the WebAssembly (`expect_throw`) if `removeItem` ever did.
    pub fn delete(self, key: &str) {
        let _ = LocalStorage::raw().remove_item(key);
    }

    /// `localStorage` itself, for the bulk reader in `src/store.js`.
    pub fn storage(self) -> web_sys::Storage {
        LocalStorage::raw()
    }
}
