//! What comes to a discussion from elsewhere: changes made by the reader in
//! another tab or another widget of the page, and what relays send (through
//! [`Arrivals`], the small part of the discussion the relay layer is given).

use super::Discussion;
use crate::model::nostr::settings::{SettingProblem, SharingSettings};
use crate::model::{Comment, CommentId, Heard, Thread};
use crate::relay::Relays;
use leptos::prelude::*;

impl Discussion {
    /// Applies a change made by another tab or another widget of this thread.
    pub fn hear(&self, heard: Heard) {
        match heard {
            Heard::Folded(id, collapsed) => self.set_collapsed(id, collapsed),
            Heard::Sorted(sort) => self.sort.set(sort),
            Heard::Cleared => {
                let loaded = self.store.load().unwrap_or_default();
                self.thread.update(|t| t.set_posted(loaded.comments, loaded.liked));
                self.collapsed.set(loaded.collapsed);
            }
            // Only a real change notifies: the tree is rebuilt from the whole thread.
            Heard::Thread(change) => self.thread.maybe_update(|t| t.apply(change)),
            Heard::Outbox(slot, value) => {
                if let Some(relays) = self.relays.get() {
                    relays.heard_outbox(&slot, value.as_deref());
                }
            }
        }
    }

    /// Shares the discussion on the relays its settings name (the host's
    /// over the article's), if any, until it unmounts. `outbox`: the
    /// reader's events as stored (slot names and values). Returns what is
    /// wrong with the settings (the usual build reads none).
    pub fn share(
        &self,
        host: SharingSettings,
        article: SharingSettings,
        outbox: &[(String, String)],
    ) -> Vec<SettingProblem> {
        let arrivals = Arrivals { thread: self.thread, name: self.name };
        let (relays, problems) = Relays::start(arrivals, &self.store, host, article, outbox);
        if let Some(relays) = relays {
            self.relays.set(relays);
            let slot = self.relays;
            on_cleanup(move || slot.get().iter().for_each(Relays::stop));
        }
        problems
    }
}

#[cfg(all(feature = "relays", not(target_arch = "wasm32")))]
impl super::Discussion {
    /// A shared thread written ahead of time (`crate::prerender`): shown as
    /// shared, with the comments and likes its relays held then.
    pub fn show_written_ahead(&self, comments: Vec<Comment>, likes: Vec<(CommentId, u32)>) {
        self.relays.set_written_ahead();
        Arrivals { thread: self.thread, name: self.name }.show_shared(comments, likes);
    }
}

/// What the relay layer may do with the discussion it shares: read the
/// thread and the reader's name, and show what relays sent.
#[derive(Clone, Copy)]
pub struct Arrivals {
    thread: RwSignal<Thread>,
    name: RwSignal<String>,
}

// The usual build never shares a discussion.
#[cfg_attr(not(feature = "relays"), allow(dead_code))]
impl Arrivals {
    /// Reads the thread as it is now (not tracked).
    pub fn with_thread<R>(&self, read: impl FnOnce(&Thread) -> R) -> Option<R> {
        self.thread.try_with_untracked(read)
    }

    /// The name the reader goes by now.
    pub fn reader_name(&self) -> String {
        self.name.try_get_untracked().unwrap_or_default()
    }

    /// Shows the comments and likes relays hold (the thread's shared part,
    /// as the model's shared view made it). Nothing is redrawn when nothing
    /// changed, nor after the widget is gone.
    pub fn show_shared(&self, comments: Vec<Comment>, likes: Vec<(CommentId, u32)>) {
        let _ = self.thread.try_maybe_update(|t| (t.set_shared(comments, likes), ()));
    }
}
