//! What the reader does to a discussion: each action is checked by the
//! model, stored, then shown, and told to the relay layer where there is one.

use super::{Action, ActionError, Deleted, Discussion, Highlight, Imported, PAGE_SIZE, UNDO_FOR};
use crate::browser::{entropy, now_ms};
use crate::model::storage::export::read_import;
use crate::model::writing::validate::length;
use crate::model::{Body, Comment, CommentId, Deletion, DraftSlot, Sort, TEXT_LIMITS, Valid};
use leptos::prelude::*;

impl Discussion {
    /// Keeps unsent text for the next visit. Text over the length limit is
    /// not saved (the last version that could be posted stays): a pasted
    /// megabyte would take seconds to store and crowd out real comments.
    pub fn save_draft(&self, slot: &DraftSlot, text: &str) {
        if length(text) <= TEXT_LIMITS.max {
            self.store.save_draft(slot, text);
        }
    }

    /// The reader typed their name (shared by every comment box).
    pub fn set_name(&self, name: String) {
        self.name.set(name);
    }

    /// Posts a new comment or reply that passed the posting rules, and
    /// shows it.
    pub fn post(&self, parent: Option<CommentId>, post: Valid) -> Result<CommentId, ActionError> {
        let at_ms = now_ms();
        let comment = Comment::posted(CommentId::generate(at_ms, entropy()), post, at_ms, parent);
        self.store.put(&comment).map_err(|error| ActionError::NotStored(Action::Post, error))?;
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
        self.tell_relays(|relays| relays.posted(&id));
        Ok(id)
    }

    pub fn start_editing(&self, id: &CommentId) {
        self.editing.set(Some(id.clone()));
    }

    pub fn stop_editing(&self) {
        self.editing.set(None);
    }

    pub fn edit(&self, id: &CommentId, text: Body) -> Result<(), ActionError> {
        let edited = self
            .thread
            .with_untracked(|t| t.edited(id, text, now_ms()))
            .map_err(|_| ActionError::NotOwn(Action::Edit))?;
        self.store.put(&edited).map_err(|error| ActionError::NotStored(Action::Edit, error))?;
        self.thread.update(|t| {
            t.upsert(edited);
        });
        self.tell_relays(|relays| relays.edited(id));
        Ok(())
    }

    /// Deletes one of the reader's comments at once, offering "Undo". A
    /// comment with replies leaves a placeholder so the replies keep their place.
    pub fn delete(&self, id: &CommentId) -> Result<(), ActionError> {
        let Some((original, deletion)) =
            self.thread.with_untracked(|t| Some((t.get(id)?.clone(), t.deletion(id).ok()?)))
        else {
            return Err(ActionError::NotOwn(Action::Delete));
        };
        match deletion {
            Deletion::Placeholder(placeholder) => {
                self.store.put(&placeholder).map_err(|error| ActionError::NotStored(Action::Delete, error))?;
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
        self.tell_relays(|relays| relays.deleted(id));
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
    pub fn undo_delete(&self) -> Result<(), ActionError> {
        let Some(Deleted { comment, .. }) = self.deleted.get_untracked() else {
            return Ok(());
        };
        self.store.put(&comment).map_err(|error| ActionError::NotStored(Action::Restore, error))?;
        let id = comment.id.clone();
        self.thread.update(|t| {
            t.upsert(comment);
        });
        self.deleted.set(None);
        self.tell_relays(|relays| relays.restored(&id));
        self.highlighted.set(Some(Highlight::scrolled_to(&id)));
        Ok(())
    }

    pub fn toggle_like(&self, id: &CommentId) -> Result<(), ActionError> {
        let liked = !self.thread.with_untracked(|t| t.is_liked(id));
        self.store.set_liked(id, liked).map_err(|error| ActionError::NotStored(Action::Like, error))?;
        self.thread.update(|t| {
            t.set_liked(id, liked);
        });
        self.tell_relays(|relays| relays.liked(id, liked));
        Ok(())
    }

    /// Folds or unfolds a comment's replies, and remembers it.
    pub fn toggle_collapsed(&self, id: &CommentId) {
        let collapsed = !self.collapsed.with_untracked(|c| c.contains(id));
        // Folding is a view preference: shown even if it cannot be remembered.
        let _ = self.store.set_collapsed(id, collapsed);
        self.set_collapsed(id.clone(), collapsed);
    }

    pub(super) fn set_collapsed(&self, id: CommentId, collapsed: bool) {
        self.collapsed.update(|c| {
            if collapsed {
                c.insert(id)
            } else {
                c.remove(&id)
            };
        });
    }

    /// Opens the comment's reply box, or closes it.
    pub fn toggle_reply(&self, id: &CommentId) {
        self.replying.update(|r| {
            if !r.remove(id) {
                r.insert(id.clone());
            }
        });
    }

    pub fn close_reply(&self, id: &CommentId) {
        self.replying.update(|r| {
            r.remove(id);
        });
    }

    pub fn set_sort(&self, sort: Sort) {
        self.store.set_sort(sort);
        self.sort.set(sort);
    }

    /// "Show more": the next page of top-level comments.
    pub fn show_more(&self) {
        self.shown.update(|shown| *shown += PAGE_SIZE);
    }

    /// Merges an export file of this thread (read whole and checked first:
    /// a file that is not valid changes nothing).
    pub fn import(&self, raw: &str) -> Result<Imported, ActionError> {
        let import = read_import(&self.thread_id, raw).map_err(ActionError::BadImport)?;
        let new = self.thread.with_untracked(|thread| import.new_to(thread));
        self.store.import(&new).map_err(|error| ActionError::NotStored(Action::Import, error))?;
        self.thread.update(|thread| {
            thread.merge(new.comments.clone());
            new.likes.iter().for_each(|id| {
                thread.set_liked(id, true);
            });
        });
        self.tell_relays(|relays| relays.adopt_identity(&new));
        Ok(Imported { comments: new.comments.len(), likes: new.likes.len() })
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

    /// Tells the relay layer, where the thread is shared, of an action that
    /// is complete in storage.
    fn tell_relays(&self, tell: impl FnOnce(&crate::relay::Relays)) {
        if let Some(relays) = self.relays.get() {
            tell(&relays);
        }
    }
}
