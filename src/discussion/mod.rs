//! One mounted discussion's state, shared with its components through
//! context. This module is its only writer: components read it through the
//! accessors below and change it only by calling its methods (`actions`:
//! what the reader does; `arrivals`: what other tabs and the relay layer
//! bring). Rules come from the model, and every change is stored first.

mod actions;
mod arrivals;
mod error;

pub use arrivals::Arrivals;
pub use error::{Action, ActionError, Imported};

use crate::model::storage::export::{Identity, export};
use crate::model::{
    Article, Comment, CommentId, DraftSlot, FxHashSet, LastVisit, Loaded, Sort, Text, Thread, ThreadId, Tree,
};
use crate::relay;
use crate::store::Store;
use leptos::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// How long "Undo" stays offered after a delete.
pub const UNDO_FOR: Duration = Duration::from_secs(10);
/// Top-level comments shown at first and added by "Show more".
pub const PAGE_SIZE: usize = 50;

/// The comment shown highlighted (a permalink's, or the reader's newest).
#[derive(Clone, Debug, PartialEq)]
pub struct Highlight {
    pub id: CommentId,
    /// Whether to bring it into view: not when the browser already showed it
    /// where the reader may have scrolled from since (the first screen).
    pub scroll: bool,
}

impl Highlight {
    fn scrolled_to(id: &CommentId) -> Highlight {
        Highlight { id: id.clone(), scroll: true }
    }
}

/// A deleted comment that can still be brought back.
#[derive(Clone, Debug, PartialEq)]
struct Deleted {
    comment: crate::model::Comment,
    /// Tells one delete from the next, so an old timer never hides a newer "Undo".
    serial: u64,
}

/// One discussion's state. Its fields are private: what components may
/// read has an accessor, and what may change it is a method.
#[derive(Clone)]
pub struct Discussion {
    text: Text,
    thread_id: ThreadId,
    store: Store,
    id_prefix: String,
    thread: RwSignal<Thread>,
    sort: RwSignal<Sort>,
    tree: Memo<Tree>,
    collapsed: RwSignal<FxHashSet<CommentId>>,
    /// Comments whose reply box is open.
    replying: RwSignal<FxHashSet<CommentId>>,
    editing: RwSignal<Option<CommentId>>,
    highlighted: RwSignal<Option<Highlight>>,
    deleted: RwSignal<Option<Deleted>>,
    /// How many top-level comments are shown.
    shown: RwSignal<usize>,
    /// Top-level comments the reader posted (or replied under) during this
    /// visit that lie beyond the shown pages: shown after them, so what
    /// the reader wrote is always on screen (see `Tree::page`).
    pinned: RwSignal<Vec<CommentId>>,
    /// The reader's name, shared by the composer and every reply box.
    name: RwSignal<String>,
    /// The name as stored for the next visit.
    remembered_name: StoredValue<String>,
    /// Unsent text found at load, by slot.
    drafts: StoredValue<Vec<(DraftSlot, String)>>,
    /// The relay layer, while the thread is shared on relays (never, in the
    /// usual build: see `crate::relay`).
    relays: relay::Slot,
    /// The reader's visit before this page: what is new to them.
    last_visit: LastVisit,
}

/// Element ids must be unique on a page that embeds several widgets.
fn next_id_prefix() -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(1);
    format!("agora-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

impl Discussion {
    /// The discussion of `article` with what the reader stored for it
    /// (`loaded`; its outbox is the relay layer's), the sort and the name
    /// they chose last. Nothing here touches the browser: the first screen
    /// written at build time is this with nothing stored.
    pub fn new(
        text: Text,
        thread_id: ThreadId,
        store: Store,
        article: &Article,
        loaded: Loaded,
        sort: Sort,
        remembered_name: String,
    ) -> Discussion {
        let Loaded { comments, liked, collapsed, drafts, last_visit, .. } = loaded;
        let mut thread = Thread::from_article(article);
        thread.set_posted(comments, liked);
        // Reply boxes with unsent text open again.
        let replying: FxHashSet<CommentId> = drafts
            .iter()
            .filter_map(|(slot, _)| match slot {
                DraftSlot::Reply(parent) if thread.contains(parent) => Some(parent.clone()),
                _ => None,
            })
            .collect();
        let thread = RwSignal::new(thread);
        let sort = RwSignal::new(sort);
        Discussion {
            text,
            thread_id,
            store,
            id_prefix: next_id_prefix(),
            thread,
            sort,
            tree: Memo::new(move |_| thread.with(|thread| Tree::build(thread, sort.get()))),
            collapsed: RwSignal::new(collapsed),
            replying: RwSignal::new(replying),
            editing: RwSignal::new(None),
            highlighted: RwSignal::new(None),
            deleted: RwSignal::new(None),
            shown: RwSignal::new(PAGE_SIZE),
            pinned: RwSignal::new(Vec::new()),
            name: RwSignal::new(remembered_name.clone()),
            remembered_name: StoredValue::new(remembered_name),
            drafts: StoredValue::new(drafts),
            relays: relay::Slot::new(),
            last_visit,
        }
    }

    /// The interface text in the reader's language.
    pub fn text(&self) -> Text {
        self.text
    }

    /// The start of every element id of this widget (unique on the page).
    pub fn id_prefix(&self) -> &str {
        &self.id_prefix
    }

    /// The thread as shown: ordered, nested and counted.
    pub fn tree(&self) -> Memo<Tree> {
        self.tree
    }

    pub fn sort(&self) -> Sort {
        self.sort.get()
    }

    pub fn is_collapsed(&self, id: &CommentId) -> bool {
        self.collapsed.with(|c| c.contains(id))
    }

    /// Whether the comment's reply box is open.
    pub fn is_replying(&self, id: &CommentId) -> bool {
        self.replying.with(|r| r.contains(id))
    }

    pub fn is_editing(&self, id: &CommentId) -> bool {
        self.editing.with(|e| e.as_ref() == Some(id))
    }

    /// The highlighted comment, if it is `id`: with whether to scroll to it.
    pub fn highlight_of(&self, id: &CommentId) -> Option<Highlight> {
        self.highlighted.with(|h| h.as_ref().filter(|h| h.id == *id).cloned())
    }

    /// Whether the comment is marked "New": others' comments since the
    /// reader's last visit.
    pub fn is_new(&self, comment: &Comment) -> bool {
        self.last_visit.is_new(comment)
    }

    /// The new replies to the reader's own comments, oldest first (only
    /// relays bring other readers' replies: the usual build never asks).
    #[cfg_attr(not(feature = "relays"), allow(dead_code))]
    pub fn new_replies_to_reader(&self) -> Vec<std::sync::Arc<Comment>> {
        self.thread.with(|thread| self.last_visit.replies_to_reader(thread))
    }

    /// Whether "Undo" is offered for a delete.
    pub fn can_undo(&self) -> bool {
        self.deleted.with(Option::is_some)
    }

    /// The top-level comments on the shown pages (at most `limit` of them,
    /// where given), then those the reader wrote beyond them.
    pub fn shown_top_level(&self, limit: Option<usize>) -> Vec<CommentId> {
        let shown = self.shown.get();
        let limit = limit.map_or(shown, |limit| limit.min(shown));
        self.pinned.with(|pinned| self.tree.with(|tree| tree.page(limit, pinned)))
    }

    /// How many top-level comments lie beyond the shown pages.
    pub fn not_shown(&self) -> usize {
        self.tree.with(|tree| tree.top().len()).saturating_sub(self.shown.get())
    }

    /// The reader's name as typed (shared by every comment box).
    pub fn name(&self) -> Signal<String> {
        self.name.into()
    }

    /// Unsent text kept for `slot` when the page loaded.
    pub fn draft(&self, slot: &DraftSlot) -> String {
        self.drafts
            .with_value(|drafts| drafts.iter().find(|(s, _)| s == slot).map(|(_, text)| text.clone()))
            .unwrap_or_default()
    }

    /// Where the relay layer is, for the views that show it (see
    /// `crate::relay::views`); empty unless the thread is shared.
    pub fn relays(&self) -> relay::Slot {
        self.relays
    }

    /// The export of the reader's comments and likes: the file's name and
    /// its text. `identity`: their signing key and events, where they asked
    /// for them (see `crate::relay::views::key_choice`).
    pub fn export(&self, at_ms: f64, identity: Option<Identity>) -> (String, String) {
        let json = self.thread.with_untracked(|thread| export(&self.thread_id, thread, at_ms, identity));
        (format!("agora-{}-comments.json", self.thread_id.as_str()), json)
    }
}

/// The discussion state of the component tree below, if any.
pub fn use_discussion() -> Option<Discussion> {
    use_context::<Discussion>()
}
