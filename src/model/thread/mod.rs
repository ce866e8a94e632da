//! Everything known about one thread: the article's comments, the comments
//! posted in this browser (including placeholders of deleted ones), other
//! readers' comments from relays, and the likes; and the changes it takes.
//! Here: [`Thread`] and [`Change`]; `comment` is one comment, `tree` how the
//! thread is shown (order, nesting, counts), `order` the one sort routine,
//! `news` what is new to a returning reader.

pub mod comment;
pub mod news;
pub mod order;
pub mod tree;

use crate::model::article::Article;
use crate::model::thread::comment::{Comment, CommentId, Origin};
use crate::model::thread::order::sorted;
use crate::model::writing::validate::Body;
use crate::model::{FxHashMap, FxHashSet};
use std::cmp::Ordering;
use std::sync::Arc;

/// A change to the thread's comments and likes, made in this widget, in
/// another widget of the page or in another tab.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// A comment was posted, edited, deleted into a placeholder or restored.
    Upsert(Comment),
    /// A comment's entry was removed (deleted, or moved aside).
    Removed(CommentId),
    Liked(CommentId, bool),
}

/// Comments are shared (`Arc`) so that views can hold them without copying
/// every text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Thread {
    /// The article's comments; the `i`th has the id `seed-<i+1>`.
    seed: Vec<Arc<Comment>>,
    /// The reader's own comments and others' from relays, kept sorted by
    /// `posted_order`, without duplicate ids.
    posted: Vec<Arc<Comment>>,
    liked: FxHashSet<CommentId>,
    /// Likes from other readers' keys (relays), sorted by id.
    shared_likes: Vec<(CommentId, u32)>,
}

fn is_own_record(comment: &Comment) -> bool {
    matches!(comment.origin, Origin::Own { .. })
}

/// Oldest first; the article's own comments without a date keep the
/// article's order, and the id breaks other ties so that every tab shows
/// the same order.
pub(crate) fn posted_order(a: &Comment, b: &Comment) -> Ordering {
    let at = |c: &Comment| c.posted_at().unwrap_or(0.0);
    at(a).total_cmp(&at(b)).then_with(|| a.id.seed_index().cmp(&b.id.seed_index())).then_with(|| a.id.cmp(&b.id))
}

/// Why a change to a comment was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotOwn;

impl Thread {
    pub fn from_article(article: &Article) -> Thread {
        let seed = article.comments.iter().enumerate().map(|(index, c)| Arc::new(Comment::seed(index, c))).collect();
        Thread { seed, ..Thread::default() }
    }

    /// Replaces the reader's own comments and likes (after loading, or when
    /// storage was cleared underneath); others' comments from relays stay.
    pub fn set_posted(&mut self, mut own: Vec<Comment>, liked: FxHashSet<CommentId>) {
        own.extend(self.posted.iter().filter(|c| !is_own_record(c)).map(|c| Comment::clone(c)));
        self.arrange(own);
        self.liked = liked;
    }

    /// Sorts comments into `posted`: duplicates by id (the first kept; the
    /// sort is stable and the id breaks ties of time, so they are neighbours
    /// unless their times differ) and comments posing as the article's are
    /// left out.
    fn arrange(&mut self, comments: Vec<Comment>) {
        let mut sorted = sorted(comments, posted_order);
        sorted.dedup_by(|a, b| a.id == b.id);
        self.posted = sorted.into_iter().filter(|c| self.seed_comment(&c.id).is_none()).map(Arc::new).collect();
    }

    /// Where a posted comment is (or would go) in `posted`.
    fn position(&self, comment: &Comment) -> usize {
        self.posted.partition_point(|c| posted_order(c, comment) == Ordering::Less)
    }

    fn seed_comment(&self, id: &CommentId) -> Option<&Arc<Comment>> {
        self.seed.get(id.seed_index()?).filter(|c| &c.id == id)
    }

    /// Adds a posted comment in its place, or replaces the one with its id
    /// (an edit, a deletion into a placeholder, an undo). Returns whether
    /// anything changed, so that hearing of one change twice is harmless.
    pub fn upsert(&mut self, comment: Comment) -> bool {
        if !is_own_record(&comment) || self.seed_comment(&comment.id).is_some() {
            return false;
        }
        if let Some(at) = self.posted.iter().position(|c| c.id == comment.id) {
            if *self.posted[at] == comment {
                return false;
            }
            self.posted.remove(at);
        }
        let at = self.position(&comment);
        self.posted.insert(at, Arc::new(comment));
        true
    }

    /// Adds many comments at once, keeping those it has: an import costs
    /// one sort however many it brings. Returns how many were new.
    pub fn merge(&mut self, comments: Vec<Comment>) -> usize {
        let mut known = self.ids();
        let new: Vec<Comment> =
            comments.into_iter().filter(|c| is_own_record(c) && known.insert(c.id.clone())).collect();
        let added = new.len();
        let mut all: Vec<Comment> = self.posted.iter().map(|c| Comment::clone(c)).collect();
        all.extend(new);
        self.arrange(all);
        added
    }

    /// Replaces what relays say: others' comments and their likes. The
    /// reader's own comments stay as they are. Returns whether anything changed.
    pub fn set_shared(&mut self, comments: Vec<Comment>, likes: Vec<(CommentId, u32)>) -> bool {
        let before: FxHashMap<&CommentId, &Comment> =
            self.posted.iter().filter(|c| !is_own_record(c)).map(|c| (&c.id, c.as_ref())).collect();
        let unchanged = likes == self.shared_likes
            && before.len() == comments.len()
            && comments.iter().all(|c| before.get(&c.id).is_some_and(|b| *b == c));
        if unchanged {
            return false;
        }
        // A shared comment with the id of one of the reader's own is left out.
        let own: Vec<Comment> = self.posted.iter().filter(|c| is_own_record(c)).map(|c| Comment::clone(c)).collect();
        let own_ids: FxHashSet<&CommentId> = own.iter().map(|c| &c.id).collect();
        let shared: Vec<Comment> =
            comments.into_iter().filter(|c| !is_own_record(c) && !own_ids.contains(&c.id)).collect();
        self.arrange(own.into_iter().chain(shared).collect());
        self.shared_likes = likes;
        true
    }

    /// Removes a posted comment. Returns whether it was there.
    pub fn remove(&mut self, id: &CommentId) -> bool {
        let before = self.posted.len();
        self.posted.retain(|c| &c.id != id);
        self.posted.len() != before
    }

    /// One comment; a look through the thread, for one reader action at a time.
    pub fn get(&self, id: &CommentId) -> Option<&Arc<Comment>> {
        self.seed_comment(id).or_else(|| self.posted.iter().find(|c| &c.id == id))
    }

    /// The ids of every comment, for work on many comments at once.
    pub fn ids(&self) -> FxHashSet<CommentId> {
        self.comments().map(|c| c.id.clone()).collect()
    }

    pub fn contains(&self, id: &CommentId) -> bool {
        self.get(id).is_some()
    }

    /// Applies a change made here or heard from another tab or widget.
    /// Returns whether the thread changed.
    pub fn apply(&mut self, change: Change) -> bool {
        match change {
            Change::Upsert(comment) => self.upsert(comment),
            Change::Removed(id) => self.remove(&id),
            Change::Liked(id, liked) => self.set_liked(&id, liked),
        }
    }

    /// The comment with its text changed, if it is the reader's own to change.
    pub fn edited(&self, id: &CommentId, text: Body, at_ms: f64) -> Result<Comment, NotOwn> {
        self.get(id).and_then(|c| c.edited(text, at_ms)).ok_or(NotOwn)
    }

    /// What deleting a comment leaves: nothing, or a placeholder when it has
    /// replies (so they keep their place). Only the reader's own comments
    /// can be deleted.
    pub fn deletion(&self, id: &CommentId) -> Result<Deletion, NotOwn> {
        let comment = self.get(id).filter(|c| c.is_own()).ok_or(NotOwn)?;
        Ok(if self.has_replies(id) { Deletion::Placeholder(comment.tombstone()) } else { Deletion::Remove })
    }

    /// Whether any comment answers this one.
    pub fn has_replies(&self, id: &CommentId) -> bool {
        self.posted.iter().any(|c| c.parent.as_ref() == Some(id))
    }

    /// Every comment, the article's first, then the posted ones oldest first.
    pub fn comments(&self) -> impl Iterator<Item = &Arc<Comment>> {
        self.seed.iter().chain(&self.posted)
    }

    /// The posted comments, the reader's own and others' from relays,
    /// oldest first.
    pub fn posted(&self) -> &[Arc<Comment>] {
        &self.posted
    }

    pub fn set_liked(&mut self, id: &CommentId, liked: bool) -> bool {
        if liked { self.liked.insert(id.clone()) } else { self.liked.remove(id) }
    }

    pub fn is_liked(&self, id: &CommentId) -> bool {
        self.liked.contains(id)
    }

    pub fn liked(&self) -> &FxHashSet<CommentId> {
        &self.liked
    }

    /// What the like button shows: the article's likes, other readers'
    /// from relays, and this browser's.
    pub fn likes(&self, comment: &Comment) -> u32 {
        let shared = match self.shared_likes.binary_search_by(|(id, _)| id.cmp(&comment.id)) {
            Ok(at) => self.shared_likes[at].1,
            Err(_) => 0,
        };
        comment.base_likes.saturating_add(shared).saturating_add(u32::from(self.is_liked(&comment.id)))
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
        let valid = crate::model::Draft { name: "R".into(), text: id.into() }.check().unwrap();
        Comment::posted(CommentId::parse(id).unwrap(), valid, at_ms, None)
    }

    fn body(text: &str) -> Body {
        Body::check(text).unwrap()
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
        thread.set_posted(vec![posted("late", 30.0), posted("early", 10.0)], FxHashSet::default());
        assert!(thread.upsert(posted("middle", 20.0)));
        assert_eq!(ids(&thread), ["seed-1", "seed-2", "early", "middle", "late"]);
        assert_eq!(thread.len(), 5);
    }

    fn shared(id: &str, at_ms: f64) -> Comment {
        let valid = crate::model::Draft { name: "Other".into(), text: id.into() }.check().unwrap();
        Comment::shared(CommentId::parse(id).unwrap(), valid, at_ms, None)
    }

    #[test]
    fn others_comments_from_relays_interleave_with_own_and_stay_when_own_reload() {
        let mut thread = Thread::from_article(&article());
        thread.set_posted(vec![posted("mine", 20.0)], FxHashSet::from_iter([id("seed-1")]));
        let likes = vec![(id("mine"), 2), (id("seed-1"), 1)];
        assert!(thread.set_shared(vec![shared("theirs", 10.0), shared("later", 30.0)], likes.clone()));
        assert!(!thread.set_shared(vec![shared("later", 30.0), shared("theirs", 10.0)], likes.clone()), "nothing new");
        assert_eq!(ids(&thread), ["seed-1", "seed-2", "theirs", "mine", "later"]);
        let mine = thread.get(&id("mine")).unwrap().clone();
        let first = thread.get(&id("seed-1")).unwrap().clone();
        assert_eq!((thread.likes(&mine), thread.likes(&first)), (2, 3 + 1 + 1), "relays' likes add to the rest");
        // Storage reloaded (another tab cleared it): others' comments stay.
        thread.set_posted(vec![], FxHashSet::default());
        assert_eq!(ids(&thread), ["seed-1", "seed-2", "theirs", "later"]);
        // A relay's comment cannot replace the reader's own, nor pose as the article's.
        thread.set_posted(vec![posted("mine", 20.0)], FxHashSet::default());
        assert!(thread.set_shared(vec![shared("mine", 5.0), shared("seed-2", 1.0)], vec![]));
        assert_eq!(ids(&thread), ["seed-1", "seed-2", "mine"]);
        assert!(thread.get(&id("mine")).unwrap().is_own());
        // Nor can a relay's comment be edited or deleted here.
        assert!(!thread.upsert(shared("x", 1.0)));
    }

    #[test]
    fn the_same_comment_heard_twice_appears_once() {
        let mut thread = Thread::from_article(&article());
        assert!(thread.upsert(posted("x", 1.0)));
        assert!(!thread.upsert(posted("x", 1.0)));
        thread.set_posted(vec![posted("y", 2.0), posted("y", 2.0)], FxHashSet::default());
        assert_eq!(ids(&thread), ["seed-1", "seed-2", "y"]);
    }

    #[test]
    fn an_edit_replaces_the_comment_in_place() {
        let mut thread = Thread::default();
        thread.upsert(posted("a", 1.0));
        thread.upsert(posted("b", 2.0));
        let edited = thread.edited(&id("a"), body("changed"), 3.0).unwrap();
        assert!(thread.upsert(edited));
        assert_eq!(ids(&thread), ["a", "b"]);
        assert_eq!(thread.get(&id("a")).unwrap().text(), "changed");
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
        assert!(!thread.upsert(posted("seed-1", 1.0)));
        assert!(!thread.remove(&id("seed-1")));
        assert_eq!(thread.get(&id("seed-1")).unwrap().text(), "first");
        assert_eq!(thread.edited(&id("seed-1"), body("hijacked"), 2.0), Err(NotOwn));
        assert_eq!(thread.deletion(&id("seed-1")), Err(NotOwn));
        thread.set_posted(vec![posted("seed-2", 1.0)], FxHashSet::default());
        assert_eq!(thread.get(&id("seed-2")).unwrap().text(), "second", "a stored record cannot pose as the article's");
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

    #[test]
    fn a_merge_adds_only_what_is_new_in_order() {
        let mut thread = Thread::from_article(&article());
        thread.upsert(posted("b", 2.0));
        let added = thread.merge(vec![posted("c", 3.0), posted("b", 2.0), posted("a", 1.0), posted("seed-1", 0.5)]);
        assert_eq!(added, 2);
        assert_eq!(ids(&thread), ["seed-1", "seed-2", "a", "b", "c"]);
        assert!(thread.contains(&id("a")));
    }

    #[test]
    fn an_edit_that_moves_in_time_keeps_the_order() {
        let mut thread = Thread::default();
        for (name, at) in [("a", 1.0), ("b", 2.0), ("c", 3.0)] {
            thread.upsert(posted(name, at));
        }
        // Another tab's record of "a" with a later posting time (hand-edited storage).
        assert!(thread.upsert(posted("a", 4.0)));
        assert_eq!(ids(&thread), ["b", "c", "a"]);
        assert!(thread.remove(&id("a")));
        assert_eq!(ids(&thread), ["b", "c"]);
        assert!(!thread.contains(&id("a")));
    }
}
