//! The only code that touches `localStorage`. It turns model records into
//! stored entries and back, reports every failure as a [`StoreError`], and
//! never panics: storage is reached only through the browser's fallible
//! accessor (`window.localStorage` throws in a sandboxed iframe and where
//! the reader blocks site data), and every call on it is checked.
//!
//! gloo-storage's `LocalStorage` is not used: each of its calls goes through
//! `LocalStorage::raw()`, which panics where storage throws, and with
//! `panic = "abort"` one such panic would stop every widget on the page.

use crate::model::nostr::outbox::{OutboxEntry, OutboxSlot};
use crate::model::storage::packed;
use crate::model::{
    Change, Comment, CommentId, DraftSlot, Heard, Import, Keys, Kind, Loaded, Sort, StoredRecord, ThreadId, aside_key,
    heard_from_event, load,
};
use leptos::ev;
use leptos::prelude::window_event_listener;
use std::cell::RefCell;
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
        let name = js_sys::Reflect::get(&error, &JsValue::from_str("name"))
            .ok()
            .and_then(|name| name.as_string())
            .unwrap_or_else(|| "Error".into());
        match name.as_str() {
            "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StoreError::Full,
            "SecurityError" => StoreError::Unavailable,
            _ => StoreError::Failed(name),
        }
    }
}

/// How a posted comment was kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kept {
    Stored,
    /// Storage is unavailable: shown until the page is left.
    ThisVisitOnly,
}

/// Called with each change to a watched thread.
type OnChange = Rc<dyn Fn(Heard)>;

/// A watcher: its id, the store that registered it (a widget hears of its
/// own changes from its own actions, not from the bus), the thread, the callback.
struct Watcher {
    id: u64,
    origin: u64,
    keys: Keys,
    on_change: OnChange,
}

/// The widgets on this page that watch a thread. All widgets of a page share
/// one WebAssembly instance, so a plain list reaches them all.
#[derive(Default)]
struct Watchers {
    next_id: u64,
    list: Vec<Watcher>,
}

thread_local! {
    static WATCHERS: RefCell<Watchers> = RefCell::default();
}

/// Tells the other widgets of the thread on this page; `origin` is the
/// store that made the change, whose widget has applied it already.
fn announce_on_page(origin: u64, keys: &Keys, change: Heard) {
    // Collect first: a watcher may mount or unmount widgets while it runs.
    let targets: Vec<OnChange> = WATCHERS.with(|watchers| {
        watchers
            .borrow()
            .list
            .iter()
            .filter(|w| w.origin != origin && &w.keys == keys)
            .map(|w| w.on_change.clone())
            .collect()
    });
    for target in targets {
        target(change.clone());
    }
}

/// An active [`Store::watch`]; dropping it stops the watching.
pub struct Watch {
    id: u64,
    listener: Option<leptos::prelude::WindowListenerHandle>,
}

impl Drop for Watch {
    fn drop(&mut self) {
        WATCHERS.with(|watchers| watchers.borrow_mut().list.retain(|w| w.id != self.id));
        if let Some(listener) = self.listener.take() {
            listener.remove();
        }
    }
}

/// One thread's storage.
#[derive(Clone, Debug)]
pub struct Store {
    keys: Keys,
    /// `localStorage`, if the browser lets this page use it.
    storage: Option<web_sys::Storage>,
    /// Tells this store's changes from other widgets' on the in-page bus.
    origin: u64,
}

impl Store {
    pub fn open(thread: &ThreadId) -> Store {
        // `local_storage()` is the fallible accessor: Err where the getter
        // throws (SecurityError), Ok(None) where there is no storage.
        let storage = web_sys::window().and_then(|window| window.local_storage().ok().flatten());
        let origin = WATCHERS.with(|watchers| {
            let mut watchers = watchers.borrow_mut();
            watchers.next_id += 1;
            watchers.next_id
        });
        Store { keys: Keys::new(thread), storage, origin }
    }

    /// A store that keeps nothing, where there is no browser: the first
    /// screen written at build time (`crate::first_screen`).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn none(thread: &ThreadId) -> Store {
        Store { keys: Keys::new(thread), storage: None, origin: 0 }
    }

    fn storage(&self) -> Result<&web_sys::Storage, StoreError> {
        self.storage.as_ref().ok_or(StoreError::Unavailable)
    }

    /// Reads everything stored for the thread in one pass (the model's
    /// [`load`]). Comment entries that do not decode are moved aside so that
    /// they cost only themselves and are never overwritten.
    pub fn load(&self) -> Result<Loaded, StoreError> {
        let storage = self.storage()?;
        // One crossing into JavaScript for the whole thread (see model::storage::packed).
        let packed = read_packed(storage, self.keys.thread_prefix()).map_err(StoreError::from_js)?;
        let packed = utf8(&packed).ok_or(StoreError::Unavailable)?;
        let loaded = load(&self.keys, packed::entries(&packed));
        // Moved only after reading, as moving changes the key order.
        for (key, raw) in &loaded.unusable {
            self.set_aside(storage, key, raw);
        }
        Ok(loaded)
    }

    /// Before a comment's key is written or removed: a value there that is
    /// not a comment (another program wrote it) is moved aside first, so it
    /// is never overwritten. One read, however long the thread is.
    fn clear_way(&self, key: &str) {
        let Some(storage) = &self.storage else { return };
        let Some(raw) = storage.get_item(key).ok().flatten() else { return };
        let usable = self.keys.comment_suffix(key).is_some_and(|id| StoredRecord::decode(id, &raw).is_ok());
        if !usable {
            self.set_aside(storage, key, &raw);
        }
    }

    /// Moves an unusable entry to its aside key (see [`aside_key`]). If even
    /// that write fails (storage full) the entry stays where it is: it is
    /// ignored on every load, and still not lost.
    fn set_aside(&self, storage: &web_sys::Storage, key: &str, raw: &str) {
        let current = |key: &str| storage.get_item(key).ok().flatten();
        let Some(aside) = aside_key(&self.keys, key, raw, current) else { return };
        if current(&aside).is_none() && storage.set_item(&aside, raw).is_err() {
            return;
        }
        let _ = storage.remove_item(key);
    }

    /// Keeps one of the reader's comments, new or changed (an edit, a
    /// placeholder, an undo): writes it under its own key (the same small
    /// amount of work however many comments the thread has) and tells the
    /// other widgets of this thread on the page. When storage is unavailable
    /// the change is still shared on the page, for this visit only.
    pub fn put(&self, comment: &Comment) -> Result<Kept, StoreError> {
        let record = StoredRecord::from_comment(comment).ok_or(StoreError::NotOwn)?;
        let key = self.keys.comment(&comment.id);
        self.clear_way(&key);
        let kept = kept(self.set(&key, &record))?;
        announce_on_page(self.origin, &self.keys, Heard::Thread(Change::Upsert(comment.clone())));
        Ok(kept)
    }

    /// Deletes a comment's entry.
    pub fn remove(&self, id: &CommentId) {
        let key = self.keys.comment(id);
        self.clear_way(&key);
        self.delete(&key);
        announce_on_page(self.origin, &self.keys, Heard::Thread(Change::Removed(id.clone())));
    }

    pub fn set_liked(&self, id: &CommentId, liked: bool) -> Result<Kept, StoreError> {
        let kept = self.set_flag(&self.keys.key(Kind::Like, id.as_str()), liked)?;
        announce_on_page(self.origin, &self.keys, Heard::Thread(Change::Liked(id.clone(), liked)));
        Ok(kept)
    }

    pub fn set_collapsed(&self, id: &CommentId, collapsed: bool) -> Result<Kept, StoreError> {
        let kept = self.set_flag(&self.keys.key(Kind::Collapsed, id.as_str()), collapsed)?;
        announce_on_page(self.origin, &self.keys, Heard::Folded(id.clone(), collapsed));
        Ok(kept)
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
    pub fn import(&self, import: &Import) -> Result<Kept, StoreError> {
        let mut written: Vec<String> = Vec::new();
        let mut result = Ok(Kept::Stored);
        let comments =
            import.comments.iter().filter_map(|c| Some((self.keys.comment(&c.id), StoredRecord::from_comment(c)?)));
        for (key, record) in comments {
            self.clear_way(&key);
            result = kept(self.set(&key, &record));
            if result.is_err() {
                break;
            }
            written.push(key);
        }
        if result.is_ok() {
            for id in &import.likes {
                let key = self.keys.key(Kind::Like, id.as_str());
                result = kept(self.set(&key, 1));
                if result.is_err() {
                    break;
                }
                written.push(key);
            }
        }
        if let Err(error) = result {
            written.iter().for_each(|key| self.delete(key));
            return Err(error);
        }
        for comment in &import.comments {
            announce_on_page(self.origin, &self.keys, Heard::Thread(Change::Upsert(comment.clone())));
        }
        for id in &import.likes {
            announce_on_page(self.origin, &self.keys, Heard::Thread(Change::Liked(id.clone(), true)));
        }
        result
    }

    pub fn sort(&self) -> Option<Sort> {
        self.get::<String>(Keys::SORT).and_then(|name| Sort::parse(&name))
    }

    pub fn set_sort(&self, sort: Sort) {
        // Not remembering the order loses nothing the reader wrote.
        let _ = self.set(Keys::SORT, sort.as_str());
    }

    fn set_flag(&self, key: &str, on: bool) -> Result<Kept, StoreError> {
        if on {
            kept(self.set(key, 1))
        } else {
            self.delete(key);
            Ok(if self.storage.is_some() { Kept::Stored } else { Kept::ThisVisitOnly })
        }
    }

    /// A JSON value stored under `key`, if it is there and reads as a `T`.
    fn get<T: serde::de::DeserializeOwned>(&self, key: &str) -> Option<T> {
        let raw = self.storage().ok()?.get_item(key).ok()??;
        serde_json::from_str(&raw).ok()
    }

    fn set(&self, key: &str, value: impl serde::Serialize) -> Result<(), StoreError> {
        // Plain data (records, strings, numbers) always serialises.
        let value = serde_json::to_string(&value).map_err(|_| StoreError::Failed("TypeError".into()))?;
        self.set_raw(key, &value)
    }

    /// Writes a value that is JSON already.
    fn set_raw(&self, key: &str, value: &str) -> Result<(), StoreError> {
        let storage = self.storage()?;
        storage.set_item(key, value).map_err(StoreError::from_js)
    }

    fn delete(&self, key: &str) {
        if let Some(storage) = &self.storage {
            // Removing cannot run out of room; if it still fails, the entry stays.
            let _ = storage.remove_item(key);
        }
    }

    /// Calls `on_change` for every change to this thread made elsewhere:
    /// by another tab (the `storage` event) or by another widget on this page
    /// (which the `storage` event does not report). Stops when the returned
    /// [`Watch`] is dropped.
    pub fn watch(&self, on_change: impl Fn(Heard) + 'static) -> Watch {
        let on_change: OnChange = Rc::new(on_change);
        let id = WATCHERS.with(|watchers| {
            let mut watchers = watchers.borrow_mut();
            watchers.next_id += 1;
            let id = watchers.next_id;
            watchers.list.push(Watcher {
                id,
                origin: self.origin,
                keys: self.keys.clone(),
                on_change: on_change.clone(),
            });
            id
        });
        let keys = self.keys.clone();
        let storage = self.storage.clone();
        let listener = window_event_listener(ev::storage, move |event| {
            let key = event.key();
            // What the key holds now, not what the event says was written:
            // when two tabs change one entry at once, each hears of the other's
            // write after making its own, and only the current value converges.
            let value = match (&key, &storage) {
                (Some(key), Some(storage)) => storage.get_item(key).ok().flatten(),
                _ => event.new_value(),
            };
            if let Some(heard) = heard_from_event(&keys, key.as_deref(), value.as_deref()) {
                on_change(heard);
            }
        });
        Watch { id, listener: Some(listener) }
    }

    /// Keeps an outbox entry (what the shared discussion sends to relays).
    pub fn put_outbox(&self, slot: &OutboxSlot, entry: &OutboxEntry) -> Result<Kept, StoreError> {
        let value = serde_json::to_string(entry).map_err(|_| StoreError::Failed("TypeError".into()))?;
        let result = kept(self.set_raw(&self.keys.key(Kind::Out, &slot.name()), &value));
        if result.is_ok() {
            announce_on_page(self.origin, &self.keys, Heard::Outbox(slot.name(), Some(value)));
        }
        result
    }

    pub fn remove_outbox(&self, slot: &OutboxSlot) {
        self.delete(&self.keys.key(Kind::Out, &slot.name()));
        announce_on_page(self.origin, &self.keys, Heard::Outbox(slot.name(), None));
    }

    /// The reader's Nostr secret key (hex), if this browser made one.
    pub fn nostr_key(&self) -> Option<String> {
        self.get::<String>(Keys::NOSTR_KEY)
    }

    pub fn set_nostr_key(&self, hex: &str) -> Result<Kept, StoreError> {
        kept(self.set(Keys::NOSTR_KEY, hex))
    }

    /// The name this reader posted under last time, in any thread.
    pub fn remembered_name(&self) -> Option<String> {
        self.get::<String>(Keys::NAME)
    }

    pub fn remember_name(&self, name: &str) -> Result<(), StoreError> {
        self.set(Keys::NAME, name)
    }
}

/// A write refused only because storage is unavailable still counts for
/// this visit.
fn kept(result: Result<(), StoreError>) -> Result<Kept, StoreError> {
    match result {
        Ok(()) => Ok(Kept::Stored),
        Err(StoreError::Unavailable) => Ok(Kept::ThisVisitOnly),
        Err(error) => Err(error),
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
