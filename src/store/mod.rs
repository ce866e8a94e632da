//! The only code that touches `localStorage`. It turns model records into
//! stored entries and back, carries out the model's write plans
//! (`model::storage::write_plan`), reports every failure as a [`StoreError`], and
//! never panics: storage is used only once the one availability check has
//! passed (`available.rs`, the only caller of gloo-storage), and every call
//! on it is checked.

mod available;
mod bus;
mod visits;

use crate::model::nostr::outbox::{OutboxEntry, OutboxSlot};
use crate::model::storage::packed;
use crate::model::storage::write_plan::{self, Step, Value};
use crate::model::{
    Change, Comment, CommentId, DraftSlot, Heard, Import, Keys, Kind, Loaded, Sort, ThreadId, heard_from_event, load,
};
use available::Available;
use leptos::ev;
use leptos::prelude::window_event_listener;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/store.js")]
extern "C" {
    /// Every entry under `prefix` (and, when read ahead, other threads'
    /// entries too), packed into one string (src/store.js).
    #[wasm_bindgen(catch, js_name = readPacked)]
    fn read_packed(storage: &web_sys::Storage, prefix: &str) -> Result<js_sys::JsString, JsValue>;

    /// Writes `text` as UTF-8 into `bytes`; the number of bytes written, or
    /// -1 if they did not all fit.
    #[wasm_bindgen(js_name = encodeInto)]
    fn encode_into(text: &js_sys::JsString, bytes: &mut [u8]) -> i32;
}

#[derive(Clone, Debug, PartialEq)]
pub enum StoreError {
    /// The browser does not let this page use storage (blocked site data,
    /// a sandboxed iframe).
    Unavailable,
    /// The origin's storage quota is used up.
    Full,
    /// Only the reader's own comments are stored (the model checks this
    /// before any write; the store refuses too).
    NotOwn,
    /// Any other failure, with the name the browser gives it.
    Failed(String),
}

impl StoreError {
    /// The reason in the reader's language.
    pub fn describe(&self, text: &crate::model::Text) -> String {
        match self {
            StoreError::Unavailable => text.storage_unavailable.into(),
            StoreError::Full => text.storage_full.into(),
            StoreError::NotOwn => text.only_own.into(),
            StoreError::Failed(name) => text.storage_failed(name),
        }
    }

    /// What a failed call on `localStorage` threw.
    fn from_js(error: JsValue) -> StoreError {
        let name = js_sys::Reflect::get(&error, &JsValue::from_str("name")).ok().and_then(|name| name.as_string());
        StoreError::named(name.as_deref().unwrap_or("Error"))
    }

    /// The error a browser names so.
    fn named(name: &str) -> StoreError {
        match name {
            "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StoreError::Full,
            "SecurityError" => StoreError::Unavailable,
            _ => StoreError::Failed(name.into()),
        }
    }
}

/// An active [`Store::watch`]; dropping it stops the watching.
pub struct Watch {
    id: u64,
    listener: Option<leptos::prelude::WindowListenerHandle>,
}

impl Drop for Watch {
    fn drop(&mut self) {
        bus::leave(self.id);
        if let Some(listener) = self.listener.take() {
            listener.remove();
        }
    }
}

/// One thread's storage.
#[derive(Clone, Debug)]
pub struct Store {
    keys: Keys,
    /// `Some` once the check found that this page may use `localStorage`.
    storage: Option<Available>,
    /// Tells this store's changes from other widgets' on the in-page bus.
    origin: u64,
}

impl Store {
    pub fn open(thread: &ThreadId) -> Store {
        Store { keys: Keys::new(thread), storage: Available::check(), origin: bus::next_id() }
    }

    /// A store that keeps nothing, where there is no browser: the first
    /// screen written at build time (`crate::prerender::first_screen`).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn none(thread: &ThreadId) -> Store {
        Store { keys: Keys::new(thread), storage: None, origin: 0 }
    }

    fn storage(&self) -> Result<Available, StoreError> {
        self.storage.ok_or(StoreError::Unavailable)
    }

    /// What storage holds under a key now, as the write plans read it.
    fn current(&self) -> impl Fn(&str) -> Option<String> + '_ {
        |key: &str| self.storage?.get_text(key)
    }

    /// Carries out a write plan: its steps in order, stopping at the first
    /// that fails (see `model::storage::write_plan`).
    fn carry_out(&self, plan: &[Step]) -> Result<(), StoreError> {
        let storage = self.storage()?;
        for step in plan {
            match step {
                Step::Write(key, Value::Record(record)) => storage.set_text(key, &json(record)?)?,
                Step::Write(key, Value::Verbatim(text)) => storage.set_text(key, text)?,
                Step::Remove(key) => storage.delete(key),
            }
        }
        Ok(())
    }

    /// Reads everything stored for the thread in one pass (the model's
    /// [`load`]). Comment entries that do not decode are moved aside so that
    /// they cost only themselves and are never overwritten.
    pub fn load(&self) -> Result<Loaded, StoreError> {
        let storage = self.storage()?;
        // One crossing into JavaScript for the whole thread (see model::storage::packed).
        let packed = read_packed(&storage.storage(), self.keys.thread_prefix()).map_err(StoreError::from_js)?;
        let packed = utf8(&packed).ok_or(StoreError::Unavailable)?;
        let mut loaded = load(&self.keys, packed::entries(&packed));
        loaded.last_visit = self.previous_visit();
        // Moved only after reading, as moving changes the key order. If even
        // that fails (storage full) the entry stays where it is: ignored on
        // every load, and still not lost.
        for (key, raw) in &loaded.unusable {
            let _ = self.carry_out(&write_plan::set_aside(&self.keys, key, raw, self.current()));
        }
        Ok(loaded)
    }

    /// Keeps one of the reader's comments, new or changed (an edit, a
    /// placeholder, an undo): writes it under its own key (the same small
    /// amount of work however many comments the thread has) and tells the
    /// other widgets of this thread on the page. When storage is unavailable
    /// the change is still shared on the page, for this visit only.
    pub fn put(&self, comment: &Comment) -> Result<(), StoreError> {
        let plan = write_plan::put(&self.keys, comment, self.current()).ok_or(StoreError::NotOwn)?;
        for_this_visit(self.carry_out(&plan))?;
        bus::announce(self.origin, &self.keys, Heard::Thread(Change::Upsert(comment.clone())));
        Ok(())
    }

    /// Deletes a comment's entry.
    pub fn remove(&self, id: &CommentId) {
        // Removing cannot run out of room; if it still fails, the entry stays.
        let _ = self.carry_out(&write_plan::remove(&self.keys, id, self.current()));
        bus::announce(self.origin, &self.keys, Heard::Thread(Change::Removed(id.clone())));
    }

    pub fn set_liked(&self, id: &CommentId, liked: bool) -> Result<(), StoreError> {
        self.set_flag(&self.keys.key(Kind::Like, id.as_str()), liked)?;
        bus::announce(self.origin, &self.keys, Heard::Thread(Change::Liked(id.clone(), liked)));
        Ok(())
    }

    pub fn set_collapsed(&self, id: &CommentId, collapsed: bool) -> Result<(), StoreError> {
        self.set_flag(&self.keys.key(Kind::Collapsed, id.as_str()), collapsed)?;
        bus::announce(self.origin, &self.keys, Heard::Folded(id.clone(), collapsed));
        Ok(())
    }

    /// Keeps unsent text under its slot; empty text removes the draft.
    pub fn save_draft(&self, slot: &DraftSlot, text: &str) {
        let key = self.keys.draft(slot);
        if text.trim().is_empty() {
            self.delete(&key);
        } else {
            // A draft that cannot be kept costs nothing: the text is still on screen.
            let _ = self.set(&key, text);
        }
    }

    /// Writes an import whole or not at all: if one write fails (storage
    /// full) the entries already written are removed again.
    pub fn import(&self, import: &Import) -> Result<(), StoreError> {
        let mut written: Vec<String> = Vec::new();
        let mut result = Ok(());
        for comment in &import.comments {
            let Some(plan) = write_plan::put(&self.keys, comment, self.current()) else { continue };
            result = self.carry_out(&plan);
            if result.is_err() {
                break;
            }
            written.push(self.keys.comment(&comment.id));
        }
        if result.is_ok() {
            for id in &import.likes {
                let key = self.keys.key(Kind::Like, id.as_str());
                result = self.set(&key, 1);
                if result.is_err() {
                    break;
                }
                written.push(key);
            }
        }
        if let Err(error) = for_this_visit(result) {
            written.iter().for_each(|key| self.delete(key));
            return Err(error);
        }
        for comment in &import.comments {
            bus::announce(self.origin, &self.keys, Heard::Thread(Change::Upsert(comment.clone())));
        }
        for id in &import.likes {
            bus::announce(self.origin, &self.keys, Heard::Thread(Change::Liked(id.clone(), true)));
        }
        Ok(())
    }

    pub fn sort(&self) -> Option<Sort> {
        self.get::<String>(Keys::SORT).and_then(|name| Sort::parse(&name))
    }

    pub fn set_sort(&self, sort: Sort) {
        // Not remembering the order loses nothing the reader wrote.
        let _ = self.set(Keys::SORT, sort.as_str());
    }

    fn set_flag(&self, key: &str, on: bool) -> Result<(), StoreError> {
        if on {
            for_this_visit(self.set(key, 1))
        } else {
            self.delete(key);
            Ok(())
        }
    }

    /// A JSON value stored under `key`, if it is there and reads as a `T`.
    fn get<T: serde::de::DeserializeOwned>(&self, key: &str) -> Option<T> {
        self.storage?.get(key)
    }

    fn set(&self, key: &str, value: impl serde::Serialize) -> Result<(), StoreError> {
        self.storage()?.set_text(key, &json(value)?)
    }

    fn delete(&self, key: &str) {
        if let Some(storage) = self.storage {
            storage.delete(key);
        }
    }

    /// Calls `on_change` for every change to this thread made elsewhere:
    /// by another tab (the `storage` event) or by another widget on this page
    /// (which the `storage` event does not report). Stops when the returned
    /// [`Watch`] is dropped.
    pub fn watch(&self, on_change: impl Fn(Heard) + 'static) -> Watch {
        let on_change: bus::OnChange = Rc::new(on_change);
        let id = bus::join(self.origin, &self.keys, on_change.clone());
        let keys = self.keys.clone();
        let storage = self.storage;
        let listener = window_event_listener(ev::storage, move |event| {
            let key = event.key();
            // What the key holds now, not what the event says was written:
            // when two tabs change one entry at once, each hears of the other's
            // write after making its own, and only the current value converges.
            let value = match (&key, storage) {
                (Some(key), Some(storage)) => storage.get_text(key),
                _ => event.new_value(),
            };
            if let Some(heard) = heard_from_event(&keys, key.as_deref(), value.as_deref()) {
                on_change(heard);
            }
        });
        Watch { id, listener: Some(listener) }
    }

    /// Keeps an outbox entry (what the shared discussion sends to relays).
    pub fn put_outbox(&self, slot: &OutboxSlot, entry: &OutboxEntry) -> Result<(), StoreError> {
        let value = json(entry)?;
        for_this_visit(
            self.storage().and_then(|storage| storage.set_text(&self.keys.key(Kind::Out, &slot.name()), &value)),
        )?;
        bus::announce(self.origin, &self.keys, Heard::Outbox(slot.name(), Some(value)));
        Ok(())
    }

    pub fn remove_outbox(&self, slot: &OutboxSlot) {
        self.delete(&self.keys.key(Kind::Out, &slot.name()));
        bus::announce(self.origin, &self.keys, Heard::Outbox(slot.name(), None));
    }

    /// The reader's Nostr secret key (hex), if this browser made one.
    pub fn nostr_key(&self) -> Option<String> {
        self.get::<String>(Keys::NOSTR_KEY)
    }

    pub fn set_nostr_key(&self, hex: &str) -> Result<(), StoreError> {
        for_this_visit(self.set(Keys::NOSTR_KEY, hex))
    }

    /// The name this reader posted under last time, in any thread.
    pub fn remembered_name(&self) -> Option<String> {
        self.get::<String>(Keys::NAME)
    }

    pub fn remember_name(&self, name: &str) -> Result<(), StoreError> {
        self.set(Keys::NAME, name)
    }
}

/// A value as the store writes it: JSON.
fn json(value: impl serde::Serialize) -> Result<String, StoreError> {
    // Plain data (records, strings, numbers) always serialises.
    serde_json::to_string(&value).map_err(|_| StoreError::Failed("TypeError".into()))
}

/// A write refused only because storage is unavailable still counts for
/// this visit: the change is shown and shared on the page until it is left.
fn for_this_visit(result: Result<(), StoreError>) -> Result<(), StoreError> {
    match result {
        Err(StoreError::Unavailable) => Ok(()),
        other => other,
    }
}

/// A JavaScript string as Rust's UTF-8, encoded straight into the buffer.
/// Stored comments are mostly ASCII, so a quarter more than the UTF-16
/// length nearly always fits at once and keeps the buffer (and so the
/// WebAssembly memory, which never shrinks) small; text that needs more is
/// encoded again into room for the worst case, three bytes per unit. The
/// encoder writes valid UTF-8 (a lone surrogate becomes U+FFFD, one UTF-16
/// unit either way, so the packed lengths still hold).
fn utf8(text: &js_sys::JsString) -> Option<String> {
    let units = text.length() as usize;
    for room in [units + units / 4 + 16, units * 3] {
        let mut bytes = vec![0u8; room];
        if let Ok(written) = usize::try_from(encode_into(text, &mut bytes)) {
            bytes.truncate(written);
            return String::from_utf8(bytes).ok();
        }
    }
    None
}

#[cfg(test)]
mod tests {
    /// `src/store.js` reads ahead before the WebAssembly has started, so it
    /// cannot ask Rust for the namespace: it spells it, and this holds the
    /// spelling to the model's.
    #[test]
    fn the_read_ahead_reads_the_models_namespace() {
        let namespace = crate::model::storage::record::NAMESPACE;
        let js = include_str!("../store.js");
        assert!(
            js.contains(&format!("const NAMESPACE = '{namespace}';")),
            "src/store.js must read ahead under {namespace}"
        );
    }
}
