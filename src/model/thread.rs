//! The thread under the article: the seed comments in the article's order,
//! then the comments posted in this browser, oldest first.

use super::article::Article;
use super::comment::{Comment, CommentId, Origin};
use std::cmp::Ordering;
use std::sync::Arc;

/// Comments are shared (`Arc`) so that the view can take a snapshot of a large
/// thread without copying every text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Thread {
    seed: Vec<Arc<Comment>>,
    /// Kept sorted by `posted_order`, without duplicate ids.
    posted: Vec<Arc<Comment>>,
}

/// Oldest first; the id breaks ties so that every tab shows the same order.
fn posted_order(a: &Comment, b: &Comment) -> Ordering {
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
                })
            })
            .collect();
        Thread { seed, posted: Vec::new() }
    }

    /// Replaces the posted comments (after loading or a storage reset).
    pub fn set_posted(&mut self, mut posted: Vec<Comment>) {
        posted.sort_by(posted_order);
        posted.dedup_by(|a, b| a.id == b.id);
        self.posted = posted.into_iter().map(Arc::new).collect();
    }

    /// Adds a posted comment in its place. Returns `false` (and changes
    /// nothing) if a comment with that id is already there, so that hearing
    /// of one comment twice (own post, then another tab's event) is harmless.
    pub fn insert(&mut self, comment: Comment) -> bool {
        if comment.posted_at().is_none() || self.contains(&comment.id) {
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

    pub fn contains(&self, id: &CommentId) -> bool {
        self.seed.iter().chain(&self.posted).any(|c| &c.id == id)
    }

    /// Every comment in display order.
    pub fn comments(&self) -> impl Iterator<Item = &Arc<Comment>> {
        self.seed.iter().chain(&self.posted)
    }

    pub fn len(&self) -> usize {
        self.seed.len() + self.posted.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The heading above the thread: "1 Comment", "8 Comments".
pub fn count_heading(count: usize) -> String {
    match count {
        1 => "1 Comment".into(),
        n => format!("{n} Comments"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::article::SeedComment;

    fn article() -> Article {
        Article {
            id: "a".into(),
            title: "T".into(),
            byline: None,
            paragraphs: vec!["p".into()],
            comments: vec![
                SeedComment { author: "Zed".into(), text: "first".into() },
                SeedComment { author: "Amy".into(), text: "second".into() },
            ],
        }
    }

    fn posted(id: &str, at_ms: f64) -> Comment {
        Comment {
            id: CommentId::parse(id).unwrap(),
            author: "R".into(),
            text: id.into(),
            origin: Origin::Posted { at_ms },
        }
    }

    fn ids(thread: &Thread) -> Vec<&str> {
        thread.comments().map(|c| c.id.as_str()).collect()
    }

    #[test]
    fn seed_comments_keep_the_article_order_then_posted_oldest_first() {
        let mut thread = Thread::from_article(&article());
        thread.set_posted(vec![posted("late", 30.0), posted("early", 10.0)]);
        assert!(thread.insert(posted("middle", 20.0)));
        assert_eq!(ids(&thread), ["seed-1", "seed-2", "early", "middle", "late"]);
        assert_eq!(thread.len(), 5);
    }

    #[test]
    fn the_same_comment_heard_twice_appears_once() {
        let mut thread = Thread::from_article(&article());
        assert!(thread.insert(posted("x", 1.0)));
        assert!(!thread.insert(posted("x", 1.0)));
        thread.set_posted(vec![posted("y", 2.0), posted("y", 2.0)]);
        assert_eq!(ids(&thread), ["seed-1", "seed-2", "y"]);
    }

    #[test]
    fn equal_times_are_ordered_by_id_in_every_tab() {
        let mut one = Thread::default();
        one.insert(posted("b", 5.0));
        one.insert(posted("a", 5.0));
        let mut two = Thread::default();
        two.insert(posted("a", 5.0));
        two.insert(posted("b", 5.0));
        assert_eq!(ids(&one), ["a", "b"]);
        assert_eq!(ids(&one), ids(&two));
    }

    #[test]
    fn removing_and_seed_protection() {
        let mut thread = Thread::from_article(&article());
        thread.insert(posted("x", 1.0));
        assert!(thread.remove(&CommentId::parse("x").unwrap()));
        assert!(!thread.remove(&CommentId::parse("seed-1").unwrap()));
        let mut seed_like = posted("z", 1.0);
        seed_like.origin = Origin::Seed;
        assert!(!thread.insert(seed_like));
        assert_eq!(thread.len(), 2);
    }

    #[test]
    fn count_wording() {
        assert_eq!(count_heading(0), "0 Comments");
        assert_eq!(count_heading(1), "1 Comment");
        assert_eq!(count_heading(8), "8 Comments");
    }
}
