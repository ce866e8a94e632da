//! The only code that touches `localStorage`. It turns model records into
//! stored entries and back, reports every failure as a [`StoreError`], and
//! never panics: gloo-storage's `LocalStorage` panics when storage is blocked,
//! so it is used only after [`Store::open`] has seen that storage is there.

use crate::model::packed;
use crate::model::{change_from_event, Change, Comment, CommentId, Import, Keys, Kind, Sort, StoredRecord, ThreadId};
use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use leptos::ev;
use leptos::prelude::window_event_listener;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::fmt;
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
    /// Any other failure, with the browser's words.
    Failed(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Unavailable => f.write_str(
                "This browser does not let the page keep data, so comments posted here are \
                 shown during this visit only and will be gone when you leave.",
            ),
            StoreError::Full => f.write_str("this browser's storage for the site is full."),
            StoreError::Failed(detail) => write!(f, "the browser could not save it ({detail})."),
        }
    }
}

impl StoreError {
    /// The reason in the reader's language.
    pub fn describe(&self, text: &crate::model::Text) -> String {
        match self {
            StoreError::Unavailable => text.storage_unavailable().into(),
            StoreError::Full => text.storage_full().into(),
            StoreError::Failed(detail) => text.storage_failed(detail),
        }
    }
}

impl From<StorageError> for StoreError {
    fn from(error: StorageError) -> StoreError {
        match error {
            StorageError::JsError(js)
                if js.name == "QuotaExceededError" || js.name == "NS_ERROR_DOM_QUOTA_REACHED" =>
            {
                StoreError::Full
            }
            StorageError::JsError(js) if js.name == "SecurityError" => StoreError::Unavailable,
            StorageError::JsError(js) => StoreError::Failed(js.message),
            other => StoreError::Failed(other.to_string()),
        }
    }
}

/// What a load found.
#[derive(Debug, Default)]
pub struct Loaded {
    pub comments: Vec<Comment>,
    pub liked: HashSet<CommentId>,
    pub collapsed: HashSet<CommentId>,
    /// Unsent text by draft slot.
    pub drafts: HashMap<String, String>,
    /// Entries that could not be used and were moved aside.
    pub set_aside: usize,
}

/// How a posted comment was kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kept {
    Stored,
    /// Storage is unavailable: shown until the page is left.
    ThisVisitOnly,
}

/// Called with each change to a watched thread.
type OnChange = Rc<dyn Fn(Change)>;

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
fn announce_on_page(origin: u64, keys: &Keys, change: &Change) {
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
    available: bool,
    /// Tells this store's changes from other widgets' on the in-page bus.
    origin: u64,
}

impl Store {
    pub fn open(thread: &ThreadId) -> Store {
        let available = web_sys::window()
            .map(|window| matches!(window.local_storage(), Ok(Some(_))))
            .unwrap_or(false);
        let origin = WATCHERS.with(|watchers| {
            let mut watchers = watchers.borrow_mut();
            watchers.next_id += 1;
            watchers.next_id
        });
        Store { keys: Keys::new(thread), available, origin }
    }

    fn check(&self) -> Result<web_sys::Storage, StoreError> {
        if self.available { Ok(LocalStorage::raw()) } else { Err(StoreError::Unavailable) }
    }

    /// Reads everything stored for the thread in one pass. Comment entries
    /// that do not decode are moved aside so that they cost only themselves
    /// and are never overwritten.
    pub fn load(&self) -> Result<Loaded, StoreError> {
        let storage = self.check()?;
        // One crossing into JavaScript for the whole thread (see model::packed).
        // Entries are moved aside only after reading, as that changes the key order.
        let packed = read_packed(&storage, self.keys.thread_prefix()).map_err(|_| StoreError::Unavailable)?;
        let packed = utf8(&packed).ok_or(StoreError::Unavailable)?;
        let mut loaded = Loaded::default();
        for (key, raw) in packed::entries(&packed) {
            let Some((kind, name)) = self.keys.parse(key) else { continue };
            match kind {
                Kind::Comment => match StoredRecord::decode(name, raw) {
                    Ok(comment) => loaded.comments.push(comment),
                    Err(_) => {
                        self.set_aside(&storage, key, raw);
                        loaded.set_aside += 1;
                    }
                },
                Kind::Like => loaded.liked.extend(CommentId::parse(name)),
                Kind::Collapsed => loaded.collapsed.extend(CommentId::parse(name)),
                Kind::Draft => {
                    if let Ok(text) = serde_json::from_str::<String>(raw) {
                        loaded.drafts.insert(name.to_string(), text);
                    }
                }
                Kind::Aside => {}
            }
        }
        Ok(loaded)
    }

    /// Moves an unusable entry to an aside key that holds nothing else yet.
    /// If even that write fails (storage full) the entry stays where it is:
    /// it is ignored on every load, and still not lost.
    fn set_aside(&self, storage: &web_sys::Storage, key: &str, raw: &str) {
        let base = self.keys.aside(key);
        for attempt in 0..100 {
            let aside = if attempt == 0 { base.clone() } else { format!("{base}~{attempt}") };
            match storage.get_item(&aside) {
                Ok(Some(existing)) if existing != raw => continue,
                Ok(Some(_)) => {}
                Ok(None) => {
                    if storage.set_item(&aside, raw).is_err() {
                        return;
                    }
                }
                Err(_) => return,
            }
            let _ = storage.remove_item(key);
            return;
        }
    }

    /// Keeps a comment, new or changed (an edit, a placeholder, an undo):
    /// writes it under its own key (the same small amount of work however
    /// many comments the thread has) and tells the other widgets of this
    /// thread on the page. When storage is unavailable the change is still
    /// shared on the page, for this visit only.
    pub fn put(&self, comment: &Comment) -> Result<Kept, StoreError> {
        let record = StoredRecord::from_comment(comment)
            .ok_or_else(|| StoreError::Failed("the article's own comments are not stored".into()))?;
        let kept = kept(self.set(&self.keys.comment(&comment.id), &record))?;
        announce_on_page(self.origin, &self.keys, &Change::Upsert(comment.clone()));
        Ok(kept)
    }

    /// Deletes a comment's entry.
    pub fn remove(&self, id: &CommentId) {
        self.delete(&self.keys.comment(id));
        announce_on_page(self.origin, &self.keys, &Change::Removed(id.clone()));
    }

    pub fn set_liked(&self, id: &CommentId, liked: bool) -> Result<Kept, StoreError> {
        let kept = self.set_flag(&self.keys.key(Kind::Like, id.as_str()), liked)?;
        announce_on_page(self.origin, &self.keys, &Change::Liked(id.clone(), liked));
        Ok(kept)
    }

    pub fn set_collapsed(&self, id: &CommentId, collapsed: bool) -> Result<Kept, StoreError> {
        let kept = self.set_flag(&self.keys.key(Kind::Collapsed, id.as_str()), collapsed)?;
        announce_on_page(self.origin, &self.keys, &Change::Collapsed(id.clone(), collapsed));
        Ok(kept)
    }

    /// Keeps unsent text under its slot; empty text removes the draft.
    pub fn save_draft(&self, slot: &str, text: &str) {
        let key = self.keys.key(Kind::Draft, slot);
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
        for comment in &import.comments {
            let Some(record) = StoredRecord::from_comment(comment) else { continue };
            let key = self.keys.comment(&comment.id);
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
            announce_on_page(self.origin, &self.keys, &Change::Upsert(comment.clone()));
        }
        for id in &import.likes {
            announce_on_page(self.origin, &self.keys, &Change::Liked(id.clone(), true));
        }
        result
    }

    pub fn sort(&self) -> Option<Sort> {
        self.check().ok()?;
        LocalStorage::get::<String>(Keys::SORT).ok().and_then(|name| Sort::parse(&name))
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
            Ok(if self.available { Kept::Stored } else { Kept::ThisVisitOnly })
        }
    }

    fn set(&self, key: &str, value: impl serde::Serialize) -> Result<(), StoreError> {
        self.check()?;
        LocalStorage::set(key, value)?;
        Ok(())
    }

    fn delete(&self, key: &str) {
        if self.available {
            LocalStorage::delete(key);
        }
    }

    /// Calls `on_change` for every change to this thread made elsewhere:
    /// by another tab (the `storage` event) or by another widget on this page
    /// (which the `storage` event does not report). Stops when the returned
    /// [`Watch`] is dropped.
    pub fn watch(&self, on_change: impl Fn(Change) + 'static) -> Watch {
        let on_change: OnChange = Rc::new(on_change);
        let id = WATCHERS.with(|watchers| {
            let mut watchers = watchers.borrow_mut();
            watchers.next_id += 1;
            let id = watchers.next_id;
            watchers.list.push(Watcher { id, origin: self.origin, keys: self.keys.clone(), on_change: on_change.clone() });
            id
        });
        let keys = self.keys.clone();
        let available = self.available;
        let listener = window_event_listener(ev::storage, move |event| {
            let key = event.key();
            // What the key holds now, not what the event says was written:
            // when two tabs change one entry at once, each hears of the other's
            // write after making its own, and only the current value converges.
            let value = match (&key, available) {
                (Some(key), true) => LocalStorage::raw().get_item(key).ok().flatten(),
                _ => event.new_value(),
            };
            if let Some(change) = change_from_event(&keys, key.as_deref(), value.as_deref()) {
                on_change(change);
            }
        });
        Watch { id, listener: Some(listener) }
    }

    /// The name this reader posted under last time, in any thread.
    pub fn remembered_name(&self) -> Option<String> {
        self.check().ok()?;
        LocalStorage::get::<String>(Keys::NAME).ok()
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
