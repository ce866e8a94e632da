//! The in-page bus: tells the other widgets of a thread on this page of a
//! change one of them made, which the browser's `storage` event (other tabs
//! only) does not. All widgets of a page share one WebAssembly instance, so
//! a plain list reaches them all.

use crate::model::{Heard, Keys};
use std::cell::RefCell;
use std::rc::Rc;

/// Called with each change to a watched thread.
pub type OnChange = Rc<dyn Fn(Heard)>;

/// A watcher: its id, the store that registered it (a widget hears of its
/// own changes from its own actions, not from the bus), the thread, the callback.
struct Watcher {
    id: u64,
    origin: u64,
    keys: Keys,
    on_change: OnChange,
}

/// The widgets on this page that watch a thread.
#[derive(Default)]
struct Watchers {
    next_id: u64,
    list: Vec<Watcher>,
}

thread_local! {
    static WATCHERS: RefCell<Watchers> = RefCell::default();
}

/// A number no other store or watcher of this page has.
pub fn next_id() -> u64 {
    WATCHERS.with(|watchers| {
        let mut watchers = watchers.borrow_mut();
        watchers.next_id += 1;
        watchers.next_id
    })
}

/// Adds a watcher of `keys`' thread for the store `origin`; its id, for [`leave`].
pub fn join(origin: u64, keys: &Keys, on_change: OnChange) -> u64 {
    let id = next_id();
    WATCHERS.with(|watchers| watchers.borrow_mut().list.push(Watcher { id, origin, keys: keys.clone(), on_change }));
    id
}

pub fn leave(id: u64) {
    WATCHERS.with(|watchers| watchers.borrow_mut().list.retain(|w| w.id != id));
}

/// Tells the other widgets of the thread on this page; `origin` is the
/// store that made the change, whose widget has applied it already.
pub fn announce(origin: u64, keys: &Keys, change: Heard) {
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
    tell_the_page();
}

/// Tells the page's own scripts that this origin's agora entries changed:
/// `<agora-count>` (public/count.js) counts again, as it does on another
/// tab's `storage` event, which the tab that wrote does not get.
fn tell_the_page() {
    #[cfg(target_arch = "wasm32")]
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new("agora:change")) {
        let _ = window.dispatch_event(&event);
    }
}
