//! What the thread shows, in which order and at which depth: pure, so that
//! every rule is covered natively.
//!
//! - Replies nest under their parent up to three visible levels. A reply to a
//!   comment on the third level is shown on the third level too, after the
//!   comment it answers, and says whom it answers ("@name").
//! - Top-level comments follow the chosen [`Sort`]; replies are always oldest
//!   first.
//! - A deleted comment stays as a placeholder only while something below it
//!   is still shown.
//! - No comment is ever left out: a reply whose parent is missing (never
//!   arrived from relays, or corrupt data) is shown at the top level, saying
//!   that it answers a comment that is not available; one whose chain of
//!   parents loops is shown at the top level too.

use crate::model::FxHashMap;
use crate::model::thread::comment::{Comment, CommentId};
use crate::model::thread::order::sort_indices;
use crate::model::thread::{Thread, posted_order};
use std::sync::Arc;

/// The order of top-level comments.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    #[default]
    Oldest,
    Newest,
    MostLiked,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Oldest, Sort::Newest, Sort::MostLiked];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Oldest => "oldest",
            Sort::Newest => "newest",
            Sort::MostLiked => "most-liked",
        }
    }

    pub fn parse(name: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|sort| sort.as_str() == name)
    }
}

/// The deepest visible level (0 is the top).
pub const MAX_DEPTH: u8 = 2;

/// One shown comment with what its view needs.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub comment: Arc<Comment>,
    pub depth: u8,
    /// The visible parent (where it is shown), not always the one it answers.
    pub parent: Option<CommentId>,
    /// Whom it answers, when that is not where it is shown.
    pub answers: Option<Answers>,
    /// Shown directly below it, oldest first.
    pub replies: Vec<CommentId>,
    /// Everything shown below it, placeholders excluded ("[+] 3 replies").
    pub reply_total: usize,
    pub likes: u32,
    pub liked: bool,
}

/// Whom a reply answers, said beside its author's name.
#[derive(Clone, Debug, PartialEq)]
pub enum Answers {
    /// Shown flattened below its parent's level: the parent's author ("@name").
    Author(String),
    /// Its parent is not in the thread: shown at the top level.
    Unavailable,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tree {
    top: Vec<CommentId>,
    nodes: FxHashMap<CommentId, Node>,
    count: usize,
}

impl Tree {
    pub fn build(thread: &Thread, sort: Sort) -> Tree {
        let comments: Vec<&Arc<Comment>> = thread.comments().collect();
        let index: FxHashMap<&CommentId, usize> = comments.iter().enumerate().map(|(i, c)| (&c.id, i)).collect();
        let parent_of = |i: usize| comments[i].parent.as_ref().and_then(|p| index.get(p).copied());
        let (depth, anchor) = depths(comments.len(), parent_of);

        // Where each comment is shown: the top, its parent, or (deeper than
        // the visible levels) its ancestor on the second level.
        let shown_under = |i: usize| match depth[i] {
            0 => None,
            1 | 2 => parent_of(i),
            _ => Some(anchor[i]),
        };
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); comments.len()];
        let mut top = Vec::new();
        for i in 0..comments.len() {
            match shown_under(i) {
                Some(parent) => children[parent].push(i),
                None => top.push(i),
            }
        }
        for list in &mut children {
            sort_indices(list, &|a, b| posted_order(comments[a], comments[b]));
        }

        // Totals bottom-up (visible depth is at most 2), dropping placeholders
        // with nothing shown below them.
        let visible_depth = |i: usize| depth[i].min(MAX_DEPTH as usize);
        let mut total = vec![0usize; comments.len()];
        let mut order: Vec<usize> = (0..comments.len()).collect();
        sort_indices(&mut order, &|a, b| visible_depth(b).cmp(&visible_depth(a)));
        for &i in &order {
            children[i].retain(|&c| !comments[c].deleted || total[c] > 0);
            total[i] = children[i].iter().map(|&c| total[c] + usize::from(!comments[c].deleted)).sum();
        }
        top.retain(|&i| !comments[i].deleted || total[i] > 0);
        match sort {
            Sort::Oldest => {}
            Sort::Newest => top.reverse(),
            Sort::MostLiked => {
                sort_indices(&mut top, &|a, b| thread.likes(comments[b]).cmp(&thread.likes(comments[a])))
            }
        }

        let mut tree = Tree { top: top.iter().map(|&i| comments[i].id.clone()).collect(), ..Tree::default() };
        let mut stack: Vec<usize> = top;
        while let Some(i) = stack.pop() {
            let comment = comments[i];
            // A deleted comment has no name left to show.
            let answers = if comment.parent.is_some() && parent_of(i).is_none() {
                Some(Answers::Unavailable)
            } else {
                (depth[i] > MAX_DEPTH as usize)
                    .then(|| parent_of(i).filter(|&p| !comments[p].deleted).map(|p| comments[p].author().to_string()))
                    .flatten()
                    .map(Answers::Author)
            };
            tree.nodes.insert(
                comment.id.clone(),
                Node {
                    comment: Arc::clone(comment),
                    depth: visible_depth(i) as u8,
                    parent: shown_under(i).map(|p| comments[p].id.clone()),
                    answers,
                    replies: children[i].iter().map(|&c| comments[c].id.clone()).collect(),
                    reply_total: total[i],
                    likes: thread.likes(comment),
                    liked: thread.is_liked(&comment.id),
                },
            );
            tree.count += usize::from(!comment.deleted && !comment.withheld);
            stack.extend(&children[i]);
        }
        tree
    }

    /// Top-level comments in the chosen order.
    pub fn top(&self) -> &[CommentId] {
        &self.top
    }

    /// The top-level comments on screen: the first `shown`, then those of
    /// `pinned` (the reader's own, just posted) that lie beyond them, in
    /// order. Paging goes on from `shown` as before; a pinned comment it
    /// reaches appears once, in its place.
    pub fn page(&self, shown: usize, pinned: &[CommentId]) -> Vec<CommentId> {
        let shown = shown.min(self.top.len());
        let mut beyond: Vec<usize> = pinned
            .iter()
            .filter_map(|id| self.top.iter().position(|top| top == id))
            .filter(|&position| position >= shown)
            .collect();
        // The model's one sort (a second would be another copy in the WebAssembly).
        sort_indices(&mut beyond, &|a, b| a.cmp(&b));
        beyond.dedup();
        self.top[..shown].iter().chain(beyond.iter().map(|&i| &self.top[i])).cloned().collect()
    }

    pub fn node(&self, id: &CommentId) -> Option<&Node> {
        self.nodes.get(id)
    }

    /// Comments shown, placeholders and those shown to a moderator only
    /// excluded: the number in the heading, the same for every reader.
    pub fn count(&self) -> usize {
        self.count
    }

    /// The shown ancestors of a comment, from the top-level one down (empty
    /// for a top-level comment; `None` if the comment is not shown).
    pub fn ancestors(&self, id: &CommentId) -> Option<Vec<CommentId>> {
        let mut chain = Vec::new();
        let mut current = self.nodes.get(id)?;
        while let Some(parent) = &current.parent {
            chain.push(parent.clone());
            current = self.nodes.get(parent)?;
        }
        chain.reverse();
        Some(chain)
    }
}

/// True depth of every comment (0 for top level) and, for depth 1 and more,
/// its ancestor on depth 1. Iterative with memoisation: linear however long
/// a chain of replies is, and a loop in the parent links (only possible in
/// corrupt data) is cut where it is found.
fn depths(n: usize, parent_of: impl Fn(usize) -> Option<usize>) -> (Vec<usize>, Vec<usize>) {
    const UNKNOWN: usize = usize::MAX;
    let mut depth = vec![UNKNOWN; n];
    let mut anchor: Vec<usize> = (0..n).collect();
    let mut on_path = vec![false; n];
    let mut path = Vec::new();
    for start in 0..n {
        let mut current = start;
        while depth[current] == UNKNOWN {
            if on_path[current] {
                depth[current] = 0; // a loop: this one becomes a top-level comment
                break;
            }
            on_path[current] = true;
            path.push(current);
            match parent_of(current) {
                Some(parent) => current = parent,
                None => {
                    depth[current] = 0;
                    break;
                }
            }
        }
        while let Some(i) = path.pop() {
            on_path[i] = false;
            if depth[i] != UNKNOWN {
                continue;
            }
            // Its parent was settled before it: it is later on the path.
            let parent = parent_of(i).unwrap_or(i);
            depth[i] = depth[parent] + 1;
            anchor[i] = if depth[i] == 1 { i } else { anchor[parent] };
        }
    }
    (depth, anchor)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FxHashSet;
    use crate::model::article::test_article;

    fn id(s: &str) -> CommentId {
        CommentId::parse(s).unwrap()
    }

    fn comment(name: &str, at: f64, parent: Option<&str>) -> Comment {
        let valid =
            crate::model::Draft { name: format!("{name}-author"), text: format!("{name} text") }.check().unwrap();
        Comment::posted(id(name), valid, at, parent.map(id))
    }

    fn thread(comments: Vec<Comment>) -> Thread {
        let mut thread = Thread::from_article(&test_article(&[("S1", "one", 2), ("S2", "two", 0)]));
        thread.set_posted(comments, FxHashSet::default());
        thread
    }

    fn names(ids: &[CommentId]) -> Vec<&str> {
        ids.iter().map(CommentId::as_str).collect()
    }

    #[test]
    fn replies_nest_oldest_first_under_their_parent() {
        let t = thread(vec![
            comment("a", 1.0, None),
            comment("r2", 5.0, Some("a")),
            comment("r1", 3.0, Some("a")),
            comment("s", 4.0, Some("seed-1")),
        ]);
        let tree = Tree::build(&t, Sort::Oldest);
        assert_eq!(names(tree.top()), ["seed-1", "seed-2", "a"]);
        assert_eq!(names(&tree.node(&id("a")).unwrap().replies), ["r1", "r2"]);
        assert_eq!(names(&tree.node(&id("seed-1")).unwrap().replies), ["s"]);
        assert_eq!(tree.node(&id("r1")).unwrap().depth, 1);
        assert_eq!(tree.count(), 6);
    }

    #[test]
    fn an_articles_imported_comments_are_threaded_and_keep_their_order() {
        let json = r#"{"id":"a","title":"T","paragraphs":["p"],"comments":[
            {"id":"q","author":"A","text":"question","date":"2019-03-04T10:00:00Z"},
            {"author":"B","text":"later answer","parent":"q","date":"2019-03-04T12:00:00Z"},
            {"author":"C","text":"earlier answer","parent":"q","date":"2019-03-04T11:00:00Z"},
            {"author":"D","text":"2"},{"author":"E","text":"3"},{"author":"F","text":"4"},{"author":"G","text":"5"},
            {"id":"k","author":"K","text":"6"},
            {"author":"L","text":"undated answer","parent":"k"},{"author":"M","text":"undated answer","parent":"k"}]}"#;
        let mut t = Thread::from_article(&crate::model::Article::from_json(json).unwrap());
        t.set_posted(vec![comment("mine", 1.0e12 + 5.0, Some("seed-1"))], FxHashSet::default());
        let tree = Tree::build(&t, Sort::Oldest);
        assert_eq!(names(tree.top()), ["seed-1", "seed-4", "seed-5", "seed-6", "seed-7", "seed-8"]);
        // By date, the reader's reply of 2001 after the imported ones of 2019
        // would be wrong: it is older. Dated replies go by their dates.
        assert_eq!(names(&tree.node(&id("seed-1")).unwrap().replies), ["mine", "seed-3", "seed-2"]);
        // Undated ones keep the article's order (seed-9 before seed-10, not by id text).
        assert_eq!(names(&tree.node(&id("seed-8")).unwrap().replies), ["seed-9", "seed-10"]);
        assert_eq!(tree.count(), 11);
    }

    #[test]
    fn deeper_replies_stay_on_the_third_level_and_say_whom_they_answer() {
        let t = thread(vec![
            comment("a", 1.0, None),
            comment("b", 2.0, Some("a")),
            comment("c", 3.0, Some("b")),
            comment("d", 4.0, Some("c")),
            comment("e", 5.0, Some("d")),
        ]);
        let tree = Tree::build(&t, Sort::Oldest);
        let b = tree.node(&id("b")).unwrap();
        assert_eq!(names(&b.replies), ["c", "d", "e"]);
        let d = tree.node(&id("d")).unwrap();
        assert_eq!((d.depth, d.answers.clone()), (2, Some(Answers::Author("c-author".into()))));
        assert_eq!(tree.node(&id("e")).unwrap().answers, Some(Answers::Author("d-author".into())));
        assert_eq!(tree.node(&id("c")).unwrap().answers, None);
        assert_eq!(tree.node(&id("a")).unwrap().reply_total, 4);
        assert_eq!(tree.ancestors(&id("e")), Some(vec![id("a"), id("b")]));
    }

    #[test]
    fn a_reply_to_a_deleted_comment_names_nobody() {
        let t = thread(vec![
            comment("a", 1.0, None),
            comment("b", 2.0, Some("a")),
            comment("c", 3.0, Some("b")).tombstone(),
            comment("d", 4.0, Some("c")),
        ]);
        let tree = Tree::build(&t, Sort::Oldest);
        assert_eq!(tree.node(&id("d")).unwrap().answers, None);
        assert_eq!(tree.count(), 5);
    }

    #[test]
    fn sorting_orders_the_top_level_only() {
        let mut t = thread(vec![
            comment("old", 1.0, None),
            comment("new", 9.0, None),
            comment("r-new", 10.0, Some("old")),
            comment("r-old", 2.0, Some("old")),
        ]);
        t.set_liked(&id("new"), true);
        t.set_liked(&id("new"), true);
        let newest = Tree::build(&t, Sort::Newest);
        assert_eq!(names(newest.top()), ["new", "old", "seed-2", "seed-1"]);
        assert_eq!(names(&newest.node(&id("old")).unwrap().replies), ["r-old", "r-new"]);
        let liked = Tree::build(&t, Sort::MostLiked);
        assert_eq!(names(liked.top()), ["seed-1", "new", "seed-2", "old"]);
        assert_eq!(liked.node(&id("new")).unwrap().likes, 1);
        assert!(liked.node(&id("new")).unwrap().liked);
    }

    #[test]
    fn placeholders_stay_only_while_replies_are_shown() {
        let parent = comment("p", 1.0, None);
        let t = thread(vec![parent.tombstone(), comment("r", 2.0, Some("p"))]);
        let tree = Tree::build(&t, Sort::Oldest);
        assert!(tree.node(&id("p")).unwrap().comment.deleted);
        assert_eq!(tree.count(), 3);

        let t = thread(vec![parent.tombstone(), comment("r", 2.0, Some("p")).tombstone()]);
        let tree = Tree::build(&t, Sort::Oldest);
        assert_eq!(names(tree.top()), ["seed-1", "seed-2"]);
        assert!(tree.node(&id("p")).is_none());
    }

    #[test]
    fn a_pinned_comment_beyond_the_page_is_shown_after_it_once() {
        let comments: Vec<Comment> = (0..120).map(|i| comment(&format!("c{i}"), 1.0 + i as f64, None)).collect();
        let tree = Tree::build(&thread(comments), Sort::Oldest);
        let pinned = [id("c119"), id("c3"), id("c119"), id("gone")];
        let page = tree.page(50, &pinned);
        assert_eq!(page.len(), 51);
        assert_eq!(page[..50], tree.top()[..50]);
        assert_eq!(page[50], id("c119"));
        // Once paging reaches it, it is in its place and only there.
        let all = tree.page(200, &pinned);
        assert_eq!(all, tree.top());
    }

    #[test]
    fn orphans_and_loops_are_still_shown() {
        let t = thread(vec![
            comment("orphan", 1.0, Some("gone")),
            comment("x", 2.0, Some("y")),
            comment("y", 3.0, Some("x")),
        ]);
        let tree = Tree::build(&t, Sort::Oldest);
        assert_eq!(tree.count(), 5);
        assert!(tree.top().contains(&id("orphan")));
        assert_eq!(tree.node(&id("orphan")).unwrap().answers, Some(Answers::Unavailable));
        assert_eq!(tree.node(&id("x")).unwrap().answers, None, "a loop's comments have their parents");
        let shown: usize = tree.top().iter().map(|t| 1 + tree.node(t).unwrap().reply_total).sum();
        assert_eq!(shown, 5);
    }

    #[test]
    fn a_long_chain_of_replies_is_linear_and_complete() {
        let mut comments = vec![comment("c0", 1.0, None)];
        for i in 1..10_000 {
            comments.push(comment(&format!("c{i}"), 1.0 + i as f64, Some(&format!("c{}", i - 1))));
        }
        let tree = Tree::build(&thread(comments), Sort::Oldest);
        assert_eq!(tree.count(), 10_002);
        assert_eq!(tree.node(&id("c1")).unwrap().replies.len(), 9_998);
        assert_eq!(tree.node(&id("c9999")).unwrap().depth, 2);
    }
}
