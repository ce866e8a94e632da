//! One mounted discussion's state, shared with its components through
//! context, and the reader's actions on it. Rules come from the model and
//! every change goes through the store; components only call these.

use crate::browser::{entropy, now_ms};
use crate::model::validate::length;
use crate::model::{
    Article, Body, Comment, CommentId, Deletion, DraftSlot, FxHashSet, Loaded, Sort, TEXT_LIMITS, Text, Thread,
    ThreadId, Tree, Valid,
};
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
pub struct Deleted {
    pub comment: Comment,
    /// Tells one delete from the next, so an old timer never hides a newer "Undo".
    pub serial: u64,
}

#[derive(Clone)]
pub struct Discussion {
    /// The interface text in the reader's language.
    pub text: Text,
    pub thread_id: ThreadId,
    pub store: Store,
    pub id_prefix: String,
    pub thread: RwSignal<Thread>,
    pub sort: RwSignal<Sort>,
    pub tree: Memo<Tree>,
    pub collapsed: RwSignal<FxHashSet<CommentId>>,
    /// Comments whose reply box is open.
    pub replying: RwSignal<FxHashSet<CommentId>>,
    pub editing: RwSignal<Option<CommentId>>,
    pub highlighted: RwSignal<Option<Highlight>>,
    pub deleted: RwSignal<Option<Deleted>>,
    /// How many top-level comments are shown.
    pub shown: RwSignal<usize>,
    /// Top-level comments the reader posted (or replied under) during this
    /// visit that lie beyond the shown pages: shown after them, so what
    /// the reader wrote is always on screen (see `Tree::page`).
    pub pinned: RwSignal<Vec<CommentId>>,
    /// The reader's name, shared by the composer and every reply box.
    pub name: RwSignal<String>,
    /// The name as stored for the next visit.
    pub remembered_name: StoredValue<String>,
    /// Unsent text found at load, by slot.
    pub drafts: StoredValue<Vec<(DraftSlot, String)>>,
    /// The relay layer, while the thread is shared on relays.
    #[cfg(feature = "relays")]
    pub relays: StoredValue<Option<crate::relay::Relays>, LocalStorage>,
    /// How far each of the reader's comments got on its way to relays.
    #[cfg(feature = "relays")]
    pub delivery: RwSignal<Vec<(CommentId, crate::model::nostr::outbox::Delivery)>>,
    /// Whether relays are still sending older comments of the thread.
    #[cfg(feature = "relays")]
    pub loading_older: RwSignal<bool>,
}

/// What the relay layer hears of the reader's actions.
#[cfg_attr(not(feature = "relays"), allow(dead_code))]
enum Action<'a> {
    Posted(&'a CommentId),
    /// Brought back by Undo.
    Restored(&'a CommentId),
    Edited(&'a CommentId),
    Deleted(&'a CommentId),
    Liked(&'a CommentId, bool),
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
        let Loaded { comments, liked, collapsed, drafts, .. } = loaded;
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
            #[cfg(feature = "relays")]
            relays: StoredValue::new_local(None),
            #[cfg(feature = "relays")]
            delivery: RwSignal::new(Vec::new()),
            #[cfg(feature = "relays")]
            loading_older: RwSignal::new(false),
        }
    }

    /// Whether the thread is shared on relays (the composer, the edit box and
    /// the export say so).
    #[cfg(feature = "relays")]
    pub fn is_shared(&self) -> bool {
        self.relays.try_with_value(Option::is_some).unwrap_or(false)
    }

    /// Tells the relay layer (in the build that has one) of an action that
    /// is complete in storage.
    fn share(&self, action: Action) {
        #[cfg(feature = "relays")]
        self.relays.with_value(|relays| {
            if let Some(relays) = relays {
                match action {
                    Action::Posted(id) => relays.posted(id),
                    Action::Restored(id) => relays.restored(id),
                    Action::Edited(id) => relays.edited(id),
                    Action::Deleted(id) => relays.deleted(id),
                    Action::Liked(id, liked) => relays.liked(id, liked),
                }
            }
        });
        #[cfg(not(feature = "relays"))]
        let _ = action;
    }

    pub fn draft(&self, slot: &DraftSlot) -> String {
        self.drafts
            .with_value(|drafts| drafts.iter().find(|(s, _)| s == slot).map(|(_, text)| text.clone()))
            .unwrap_or_default()
    }

    /// Keeps unsent text for the next visit. Text over the length limit is
    /// not saved (the last version that could be posted stays): a pasted
    /// megabyte would take seconds to store and crowd out real comments.
    pub fn save_draft(&self, slot: &DraftSlot, text: &str) {
        if length(text) <= TEXT_LIMITS.max {
            self.store.save_draft(slot, text);
        }
    }

    /// Posts a new comment or reply that passed the posting rules, and
    /// shows it; `Err` says why nothing was posted.
    pub fn post(&self, parent: Option<CommentId>, post: Valid) -> Result<CommentId, String> {
        let at_ms = now_ms();
        let comment = Comment::posted(CommentId::generate(at_ms, entropy()), post, at_ms, parent);
        self.store.put(&comment).map_err(|error| self.text.not_posted(&error.describe(&self.text)))?;
        let author = comment.author().to_string();
        // Written only when it changes: posting stays one storage write.
        if self.remembered_name.with_value(|name| *name != author) && self.store.remember_name(&author).is_ok() {
            self.remembered_name.set_value(author.clone());
        }
        self.name.set(author);
        let id = comment.id.clone();
        self.thread.update(|t| {
            t.upsert(comment);
        });
        self.show_posted(&id);
        self.share(Action::Posted(&id));
        Ok(id)
    }

    pub fn edit(&self, id: &CommentId, text: Body) -> Result<(), String> {
        let edited = self
            .thread
            .with_untracked(|t| t.edited(id, text, now_ms()))
            .map_err(|_| self.text.not_edited(self.text.only_own))?;
        self.store.put(&edited).map_err(|error| self.text.not_edited(&error.describe(&self.text)))?;
        self.thread.update(|t| {
            t.upsert(edited);
        });
        self.share(Action::Edited(id));
        Ok(())
    }

    /// Deletes one of the reader's comments at once, offering "Undo". A
    /// comment with replies leaves a placeholder so the replies keep their place.
    pub fn delete(&self, id: &CommentId) -> Result<(), String> {
        let Some((original, deletion)) =
            self.thread.with_untracked(|t| Some((t.get(id)?.clone(), t.deletion(id).ok()?)))
        else {
            return Err(self.text.not_deleted(self.text.only_own));
        };
        match deletion {
            Deletion::Placeholder(placeholder) => {
                self.store.put(&placeholder).map_err(|error| self.text.not_deleted(&error.describe(&self.text)))?;
                self.thread.update(|t| {
                    t.upsert(placeholder);
                });
            }
            Deletion::Remove => {
                self.store.remove(id);
                self.thread.update(|t| {
                    t.remove(id);
                });
            }
        }
        self.share(Action::Deleted(id));
        self.editing.update(|editing| {
            if editing.as_ref() == Some(id) {
                *editing = None;
            }
        });
        let serial = self.deleted.with_untracked(|d| d.as_ref().map_or(0, |d| d.serial + 1));
        self.deleted.set(Some(Deleted { comment: (*original).clone(), serial }));
        let deleted = self.deleted;
        set_timeout(
            move || {
                if deleted.with_untracked(|d| d.as_ref().is_some_and(|d| d.serial == serial)) {
                    let _ = deleted.try_set(None);
                }
            },
            UNDO_FOR,
        );
        Ok(())
    }

    /// Brings back the comment deleted last, text and all.
    pub fn undo_delete(&self) -> Result<(), String> {
        let Some(Deleted { comment, .. }) = self.deleted.get_untracked() else {
            return Ok(());
        };
        self.store.put(&comment).map_err(|error| self.text.not_restored(&error.describe(&self.text)))?;
        let id = comment.id.clone();
        self.thread.update(|t| {
            t.upsert(comment);
        });
        self.deleted.set(None);
        self.share(Action::Restored(&id));
        self.highlighted.set(Some(Highlight::scrolled_to(&id)));
        Ok(())
    }

    pub fn toggle_like(&self, id: &CommentId) -> Result<(), String> {
        let liked = !self.thread.with_untracked(|t| t.is_liked(id));
        self.store.set_liked(id, liked).map_err(|error| self.text.like_not_saved(&error.describe(&self.text)))?;
        self.thread.update(|t| {
            t.set_liked(id, liked);
        });
        self.share(Action::Liked(id, liked));
        Ok(())
    }

    pub fn toggle_collapsed(&self, id: &CommentId) {
        let collapsed = !self.collapsed.with_untracked(|c| c.contains(id));
        // Folding is a view preference: shown even if it cannot be remembered.
        let _ = self.store.set_collapsed(id, collapsed);
        self.collapsed.update(|c| {
            if collapsed {
                c.insert(id.clone())
            } else {
                c.remove(id)
            };
        });
    }

    pub fn set_sort(&self, sort: Sort) {
        self.store.set_sort(sort);
        self.sort.set(sort);
    }

    /// Where a shown comment is: its shown ancestors from the top-level one
    /// down, and that top-level comment's position.
    fn place(&self, id: &CommentId) -> Option<(Vec<CommentId>, CommentId, usize)> {
        self.tree.with_untracked(|tree| {
            let ancestors = tree.ancestors(id)?;
            let top = ancestors.first().unwrap_or(id).clone();
            let position = tree.top().iter().position(|t| *t == top)?;
            Some((ancestors, top, position))
        })
    }

    fn unfold(&self, ancestors: &[CommentId]) {
        if self.collapsed.with_untracked(|c| ancestors.iter().any(|a| c.contains(a))) {
            self.collapsed.update(|c| {
                ancestors.iter().for_each(|a| {
                    c.remove(a);
                })
            });
        }
    }

    /// Shows a comment (a permalink): unfolds what hides it, shows the page
    /// of top-level comments it is on, and highlights it. Returns whether it
    /// exists.
    pub fn reveal(&self, id: &CommentId, scroll: bool) -> bool {
        let Some((ancestors, _, position)) = self.place(id) else { return false };
        self.unfold(&ancestors);
        let needed = (position / PAGE_SIZE + 1) * PAGE_SIZE;
        self.shown.update(|shown| *shown = (*shown).max(needed));
        self.highlighted.set(Some(Highlight { id: id.clone(), scroll }));
        true
    }

    /// Shows the reader what they just posted, in view and highlighted,
    /// whatever the order and the page: unfolds what hides it and, when it
    /// lies beyond the shown pages, pins it after them without paging on.
    fn show_posted(&self, id: &CommentId) {
        let Some((ancestors, top, position)) = self.place(id) else { return };
        self.unfold(&ancestors);
        if position >= self.shown.get_untracked() && !self.pinned.with_untracked(|p| p.contains(&top)) {
            self.pinned.update(|pinned| pinned.push(top));
        }
        self.highlighted.set(Some(Highlight::scrolled_to(id)));
    }
}

/// The discussion state of the component tree below, if any.
pub fn use_discussion() -> Option<Discussion> {
    use_context::<Discussion>()
}
