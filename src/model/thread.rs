//! Everything known about one thread: the article's comments, the comments
//! posted in this browser (including placeholders of deleted ones) and this
//! browser's likes. How it is shown is [`super::tree`]'s business.

use super::article::Article;
use super::comment::{Comment, CommentId, Origin};
use super::order::sorted;
use super::sync::Change;
use std::cmp::Ordering;
use std::collections::HashSet;
use std::sync::Arc;

/// Comments are shared (`Arc`) so that views can hold them without copying
/// every text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Thread {
    seed: Vec<Arc<Comment>>,
    /// Kept sorted by `posted_order`, without duplicate ids.
    posted: Vec<Arc<Comment>>,
    liked: HashSet<CommentId>,
}

/// Oldest first; the id breaks ties so that every tab shows the same order.
pub(crate) fn posted_order(a: &Comment, b: &Comment) -> Ordering {
    let at = |c: &Comment| c.posted_at().unwrap_or(0.0);
    at(a).total_cmp(&at(b)).then_with(|| a.id.cmp(&b.id))
}

impl Thread {
    pub fn from_article(article: &Article) -> Thread {
        let seed = article
            .comments
            .iter()
            .enumerate()
            .map(|(index, c)| {
                Arc::new(Comment {
                    id: CommentId::for_seed(index),
                    author: c.author.clone(),
                    text: c.text.clone(),
                    origin: Origin::Seed,
                    parent: None,
                    edited_at: None,
                    deleted: false,
                    base_likes: c.likes,
                })
            })
            .collect();
        Thread { seed, posted: Vec::new(), liked: HashSet::new() }
    }

    /// Replaces the posted comments and likes (after loading, or when
    /// storage was cleared underneath).
    pub fn set_posted(&mut self, posted: Vec<Comment>, liked: HashSet<CommentId>) {
        let mut posted = sorted(posted, posted_order);
        posted.dedup_by(|a, b| a.id == b.id);
        self.posted = posted.into_iter().map(Arc::new).collect();
        self.liked = liked;
    }

    /// Adds a posted comment in its place, or replaces the one with its id
    /// (an edit, a deletion into a placeholder, an undo). Returns whether
    /// anything changed, so that hearing of one change twice is harmless.
    pub fn upsert(&mut self, comment: Comment) -> bool {
        if comment.posted_at().is_none() {
            return false;
        }
        if let Some(existing) = self.posted.iter_mut().find(|c| c.id == comment.id) {
            if **existing == comment {
                return false;
            }
            let reordered = existing.posted_at() != comment.posted_at();
            *existing = Arc::new(comment);
            if reordered {
                self.posted = sorted(std::mem::take(&mut self.posted), |a, b| posted_order(a, b));
            }
            return true;
        }
        if self.seed.iter().any(|c| c.id == comment.id) {
            return false;
        }
        let at = self.posted.partition_point(|c| posted_order(c, &comment) == Ordering::Less);
        self.posted.insert(at, Arc::new(comment));
        true
    }

    /// Removes a posted comment. Returns whether it was there.
    pub fn remove(&mut self, id: &CommentId) -> bool {
        let before = self.posted.len();
        self.posted.retain(|c| &c.id != id);
        self.posted.len() != before
    }

    pub fn get(&self, id: &CommentId) -> Option<&Arc<Comment>> {
        self.comments().find(|c| &c.id == id)
    }

    pub fn contains(&self, id: &CommentId) -> bool {
        self.get(id).is_some()
    }

    /// Applies a change heard from another tab or widget. Returns whether the
    /// thread changed; changes that are not the thread's (folding, sorting,
    /// a cleared storage that needs a reload) leave it alone.
    pub fn apply(&mut self, change: Change) -> bool {
        match change {
            Change::Upsert(comment) => self.upsert(comment),
            Change::Removed(id) => self.remove(&id),
            Change::Liked(id, liked) => self.set_liked(&id, liked),
            Change::Collapsed(..) | Change::Sorted(_) | Change::Cleared => false,
        }
    }

    /// What deleting a comment leaves: nothing, or a placeholder when it has
    /// replies (so they keep their place). `None` for comments that are not
    /// the reader's own.
    pub fn deletion(&self, id: &CommentId) -> Option<Deletion> {
        let comment = self.get(id).filter(|c| c.is_own())?;
        Some(if self.has_replies(id) { Deletion::Placeholder(comment.tombstone()) } else { Deletion::Remove })
    }

    /// Whether any comment answers this one.
    pub fn has_replies(&self, id: &CommentId) -> bool {
        self.posted.iter().any(|c| c.parent.as_ref() == Some(id))
    }

    /// Every comment, the article's first, then the posted ones oldest first.
    pub fn comments(&self) -> impl Iterator<Item = &Arc<Comment>> {
        self.seed.iter().chain(&self.posted)
    }

    /// The posted comments, oldest first (what an export contains).
    pub fn posted(&self) -> &[Arc<Comment>] {
        &self.posted
    }

    pub fn set_liked(&mut self, id: &CommentId, liked: bool) -> bool {
        if liked { self.liked.insert(id.clone()) } else { self.liked.remove(id) }
    }

    pub fn is_liked(&self, id: &CommentId) -> bool {
        self.liked.contains(id)
    }

    pub fn liked(&self) -> &HashSet<CommentId> {
        &self.liked
    }

    /// What the like button shows: the article's likes plus this browser's.
    pub fn likes(&self, comment: &Comment) -> u32 {
        comment.base_likes.saturating_add(u32::from(self.is_liked(&comment.id)))
    }

    /// The comments a reader sees, placeholders of deleted ones excluded.
    pub fn len(&self) -> usize {
        self.comments().filter(|c| !c.deleted).count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// What a delete writes: see [`Thread::deletion`].
#[derive(Clone, Debug, PartialEq)]
pub enum Deletion {
    Remove,
    Placeholder(Comment),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::article::test_article;

    fn article() -> Article {
        test_article(&[("Zed", "first", 3), ("Amy", "second", 0)])
    }

    fn posted(id: &str, at_ms: f64) -> Comment {
        Comment::posted(CommentId::parse(id).unwrap(), "R".into(), id.into(), at_ms, None)
    }

    fn id(s: &str) -> CommentId {
        CommentId::parse(s).unwrap()
    }

    fn ids(thread: &Thread) -> Vec<&str> {
        thread.comments().map(|c| c.id.as_str()).collect()
    }

    #[test]
    fn seed_comments_keep_the_article_order_then_posted_oldest_first() {
        let mut thread = Thread::from_article(&article());
        thread.set_posted(vec![posted("late", 30.0), posted("early", 10.0)], HashSet::new());
        assert!(thread.upsert(posted("middle", 20.0)));
        assert_eq!(ids(&thread), ["seed-1", "seed-2", "early", "middle", "late"]);
        assert_eq!(thread.len(), 5);
    }

    #[test]
    fn the_same_comment_heard_twice_appears_once() {
        let mut thread = Thread::from_article(&article());
        assert!(thread.upsert(posted("x", 1.0)));
        assert!(!thread.upsert(posted("x", 1.0)));
        thread.set_posted(vec![posted("y", 2.0), posted("y", 2.0)], HashSet::new());
        assert_eq!(ids(&thread), ["seed-1", "seed-2", "y"]);
    }

    #[test]
    fn an_edit_replaces_the_comment_in_place() {
        let mut thread = Thread::default();
        thread.upsert(posted("a", 1.0));
        thread.upsert(posted("b", 2.0));
        let mut edited = posted("a", 1.0);
        edited.text = "changed".into();
        edited.edited_at = Some(3.0);
        assert!(thread.upsert(edited));
        assert_eq!(ids(&thread), ["a", "b"]);
        assert_eq!(thread.get(&id("a")).unwrap().text, "changed");
    }

    #[test]
    fn equal_times_are_ordered_by_id_in_every_tab() {
        let mut one = Thread::default();
        one.upsert(posted("b", 5.0));
        one.upsert(posted("a", 5.0));
        let mut two = Thread::default();
        two.upsert(posted("a", 5.0));
        two.upsert(posted("b", 5.0));
        assert_eq!(ids(&one), ["a", "b"]);
        assert_eq!(ids(&one), ids(&two));
    }

    #[test]
    fn seed_comments_cannot_be_replaced_or_removed() {
        let mut thread = Thread::from_article(&article());
        let mut fake = posted("seed-1", 1.0);
        fake.text = "hijacked".into();
        assert!(!thread.upsert(fake));
        assert!(!thread.remove(&id("seed-1")));
        assert_eq!(thread.get(&id("seed-1")).unwrap().text, "first");
        assert!(!thread.get(&id("seed-1")).unwrap().is_own());
    }

    #[test]
    fn changes_heard_twice_change_the_thread_once() {
        let mut thread = Thread::from_article(&article());
        assert!(thread.apply(Change::Upsert(posted("x", 1.0))));
        assert!(!thread.apply(Change::Upsert(posted("x", 1.0))));
        assert!(thread.apply(Change::Liked(id("x"), true)));
        assert!(!thread.apply(Change::Liked(id("x"), true)));
        assert!(thread.apply(Change::Removed(id("x"))));
        assert!(!thread.apply(Change::Removed(id("x"))));
        assert!(!thread.apply(Change::Collapsed(id("seed-1"), true)));
        assert_eq!(thread.len(), 2);
    }

    #[test]
    fn likes_add_to_the_article_count_once() {
        let mut thread = Thread::from_article(&article());
        let zed = thread.get(&id("seed-1")).unwrap().clone();
        assert_eq!(thread.likes(&zed), 3);
        assert!(thread.set_liked(&zed.id, true));
        assert!(!thread.set_liked(&zed.id, true));
        assert_eq!(thread.likes(&zed), 4);
        thread.set_liked(&zed.id, false);
        assert_eq!(thread.likes(&zed), 3);
    }

    #[test]
    fn placeholders_do_not_count() {
        let mut thread = Thread::from_article(&article());
        let parent = posted("p", 1.0);
        let mut reply = posted("r", 2.0);
        reply.parent = Some(id("p"));
        thread.upsert(parent.clone());
        thread.upsert(reply);
        assert!(thread.has_replies(&id("p")));
        thread.upsert(parent.tombstone());
        assert_eq!(thread.len(), 3);
    }
}
