//! What is new to a returning reader: others' comments written since their
//! last visit to the thread, and among them the replies to the reader's own
//! comments. Nothing is new on a first visit, nor is anything the reader
//! wrote.

use crate::model::thread::comment::{Comment, Origin};
use crate::model::thread::{Thread, posted_order};
use std::sync::Arc;

/// When the reader was last on the thread before this page (milliseconds
/// since the Unix epoch); `None` on their first visit.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct LastVisit(pub Option<f64>);

impl LastVisit {
    /// Whether `comment` is marked "New".
    pub fn is_new(self, comment: &Comment) -> bool {
        let Some(since) = self.0 else { return false };
        !comment.deleted
            && !matches!(comment.origin, Origin::Own { .. })
            && comment.posted_at().is_some_and(|at| at > since)
    }

    /// The new comments that answer one of the reader's own, oldest first.
    pub fn replies_to_reader(self, thread: &Thread) -> Vec<Arc<Comment>> {
        let answers_reader = |comment: &Comment| {
            let parent = comment.parent.as_ref().and_then(|parent| thread.get(parent));
            parent.is_some_and(|parent| matches!(parent.origin, Origin::Own { .. }))
        };
        let mut replies: Vec<Arc<Comment>> =
            thread.comments().filter(|c| self.is_new(c) && answers_reader(c)).cloned().collect();
        replies.sort_by(|a, b| posted_order(a, b));
        replies
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::article::test_article;
    use crate::model::{CommentId, Draft, FxHashSet};

    fn id(s: &str) -> CommentId {
        CommentId::parse(s).unwrap()
    }

    fn valid(text: &str) -> crate::model::Valid {
        Draft { name: "Ann".into(), text: text.into() }.check().unwrap()
    }

    fn thread() -> Thread {
        let mut thread = Thread::from_article(&test_article(&[("S1", "seed", 0)]));
        let own = vec![Comment::posted(id("mine"), valid("mine"), 100.0, None)];
        thread.set_posted(own, FxHashSet::default());
        let shared = [
            ("old-reply", 150.0, "mine"),
            ("new-reply", 300.0, "mine"),
            ("newer-reply", 250.0, "mine"),
            ("new-other", 400.0, "seed-1"),
        ]
        .map(|(name, at, parent)| Comment::shared(id(name), valid(name), at, Some(id(parent))));
        thread.set_shared(shared.to_vec(), Vec::new());
        thread
    }

    #[test]
    fn nothing_is_new_on_a_first_visit() {
        let thread = thread();
        assert!(thread.comments().all(|c| !LastVisit(None).is_new(c)));
        assert!(LastVisit(None).replies_to_reader(&thread).is_empty());
    }

    #[test]
    fn others_comments_since_the_last_visit_are_new_and_replies_to_the_reader_listed() {
        let thread = thread();
        let since = LastVisit(Some(200.0));
        let new: Vec<&str> = thread.comments().filter(|c| since.is_new(c)).map(|c| c.id.as_str()).collect();
        assert_eq!(new, ["newer-reply", "new-reply", "new-other"]);
        let replies: Vec<String> = since.replies_to_reader(&thread).iter().map(|c| c.id.to_string()).collect();
        assert_eq!(replies, ["newer-reply", "new-reply"]);
        // The reader's own comment is never new to them, however recent.
        assert!(!LastVisit(Some(0.0)).is_new(thread.get(&id("mine")).unwrap()));
    }
}
