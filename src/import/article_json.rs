//! One imported thread as an agora article: its id (from the URL's slug,
//! unique within the import), its comments in an order where every parent
//! comes before its replies, and its JSON, checked by agora's own article
//! parser before it is written.

use super::{Comment, ImportError, Summary, Thread};
use crate::model::article::Article;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use std::collections::HashMap;

/// An article's longest id (`ThreadId::parse` in `model/storage/record`).
const MAX_ID: usize = 64;

/// The ids given so far, compared without case: two files that differ only
/// in case would be one on a case-insensitive file system.
#[derive(Default)]
pub struct Ids {
    used: FxHashSet<String>,
}

impl Ids {
    /// `wanted` if it is free, else `wanted-2`, `wanted-3`, … (cut to fit 64 characters).
    pub fn unique(&mut self, wanted: &str) -> String {
        let mut candidate = wanted.to_string();
        let mut n = 1u64;
        while self.used.contains(&candidate.to_ascii_lowercase()) {
            n += 1;
            let suffix = format!("-{n}");
            let keep = wanted.len().min(MAX_ID - suffix.len());
            candidate = format!("{}{suffix}", wanted.get(..keep).unwrap_or(wanted));
        }
        self.used.insert(candidate.to_ascii_lowercase());
        candidate
    }
}

/// The last segment of a URL's path as an article id (`hello-world` for
/// `https://example.com/2019/03/hello-world/`): characters other than
/// `A-Z a-z 0-9 . _ -` become `-`. None when the path has no segment with a
/// letter or digit (`https://example.com/?p=12`).
pub fn slug(url: &str) -> Option<String> {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme.split(['?', '#']).next().unwrap_or("");
    let path = path.split_once('/').map(|(_, path)| path)?;
    let segment = path.split('/').rev().find(|segment| !segment.is_empty())?;
    // A page's file name names it without its extension (`post.html` is `post`).
    let segment = [".html", ".htm", ".php", ".aspx", ".asp"]
        .iter()
        .find_map(|extension| segment.strip_suffix(extension))
        .unwrap_or(segment);
    let mut id = String::new();
    for c in segment.chars() {
        let c = if c.is_ascii_alphanumeric() || matches!(c, '.' | '_') { c } else { '-' };
        if !(c == '-' && id.ends_with('-')) {
            id.push(c);
        }
    }
    let id = id.trim_matches(['-', '.']);
    let id = id.get(..id.len().min(MAX_ID)).unwrap_or(id).trim_end_matches(['-', '.']);
    id.bytes().any(|b| b.is_ascii_alphanumeric()).then(|| id.to_string())
}

/// An id made only of the characters article and comment ids may hold.
pub fn safe_id(prefix: &str, raw: &str) -> String {
    let raw: String = raw
        .trim()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') { c } else { '-' })
        .collect();
    let id = format!("{prefix}{raw}");
    id.get(..id.len().min(MAX_ID)).unwrap_or(&id).to_string()
}

/// The kept comments in the order they are written: by date, each after
/// its parent; a reply to a comment left out hangs under its nearest kept
/// ancestor, else at the top level. A second comment with an id already
/// seen is left out (counted).
pub fn order(
    comments: Vec<Comment>,
    left_out: &HashMap<String, Option<String>>,
    summary: &mut Summary,
) -> Vec<Comment> {
    let mut seen = FxHashSet::default();
    let mut comments: Vec<Comment> = comments
        .into_iter()
        .filter(|comment| {
            let first = seen.insert(comment.id.clone());
            summary.duplicates += usize::from(!first);
            first
        })
        .collect();
    for comment in &mut comments {
        comment.parent = kept_ancestor(comment, &seen, left_out);
    }
    // Stable: comments of the same moment (or without one) keep the export's order.
    comments.sort_by(|a, b| a.sort_key.cmp(&b.sort_key));

    let mut slots: Vec<Option<Comment>> = comments.into_iter().map(Some).collect();
    let mut waiting: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    let mut written: FxHashSet<String> = FxHashSet::default();
    let mut ordered = Vec::with_capacity(slots.len());
    for index in 0..slots.len() {
        let parent = slots.get(index).and_then(|slot| slot.as_ref()).and_then(|c| c.parent.clone());
        match parent {
            Some(parent) if !written.contains(&parent) => waiting.entry(parent).or_default().push(index),
            _ => write_with_replies(index, &mut slots, &mut waiting, &mut written, &mut ordered),
        }
    }
    // Left: comments whose ancestors point at each other, so none came first.
    let mut stuck: Vec<usize> = waiting.values().flatten().copied().collect();
    stuck.sort_unstable();
    for index in stuck {
        if let Some(Some(comment)) = slots.get_mut(index) {
            comment.parent = None;
            write_with_replies(index, &mut slots, &mut waiting, &mut written, &mut ordered);
        }
    }
    ordered
}

fn kept_ancestor(
    comment: &Comment,
    kept: &FxHashSet<String>,
    left_out: &HashMap<String, Option<String>>,
) -> Option<String> {
    let mut current = comment.parent.as_deref()?;
    // Each step goes one comment up; more steps than comments left out means a loop.
    for _ in 0..=left_out.len() {
        if current == comment.id {
            return None;
        }
        if kept.contains(current) {
            return Some(current.to_string());
        }
        current = left_out.get(current)?.as_deref()?;
    }
    None
}

fn write_with_replies(
    index: usize,
    slots: &mut [Option<Comment>],
    waiting: &mut FxHashMap<String, Vec<usize>>,
    written: &mut FxHashSet<String>,
    ordered: &mut Vec<Comment>,
) {
    let mut stack = vec![index];
    while let Some(index) = stack.pop() {
        let Some(comment) = slots.get_mut(index).and_then(Option::take) else { continue };
        written.insert(comment.id.clone());
        if let Some(replies) = waiting.remove(&comment.id) {
            stack.extend(replies.into_iter().rev());
        }
        ordered.push(comment);
    }
}

#[derive(Serialize)]
struct ArticleJson<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    paragraphs: &'a [String],
    comments: Vec<CommentJson<'a>>,
}

#[derive(Serialize)]
struct CommentJson<'a> {
    id: &'a str,
    author: &'a str,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    parent: Option<&'a str>,
}

/// One article to write: its id (the file is `<id>.json`) and its JSON.
pub struct Built {
    pub id: String,
    pub json: String,
}

/// The article of `thread`, or None (counted) when no comment of it is kept.
pub fn build(thread: Thread, ids: &mut Ids, summary: &mut Summary) -> Result<Option<Built>, ImportError> {
    let comments = order(thread.comments, &thread.left_out, summary);
    if comments.is_empty() {
        summary.threads_without_comments += 1;
        return Ok(None);
    }
    let url = thread.url.as_deref().map(str::trim).filter(|url| !url.is_empty());
    let wanted = url.and_then(slug).unwrap_or_else(|| thread.fallback_id.clone());
    let id = ids.unique(&wanted);
    let title = match thread.title.trim() {
        "" => url.unwrap_or(&id).to_string(),
        title => title.to_string(),
    };
    let mut paragraphs: Vec<String> = thread.paragraphs.into_iter().filter(|p| !p.trim().is_empty()).collect();
    if paragraphs.is_empty() {
        paragraphs.push(url.unwrap_or(&title).to_string());
    }
    let article = ArticleJson {
        id: &id,
        title: &title,
        url,
        paragraphs: &paragraphs,
        comments: comments
            .iter()
            .map(|c| CommentJson {
                id: &c.id,
                author: &c.author,
                text: &c.text,
                date: c.date.as_deref(),
                parent: c.parent.as_deref(),
            })
            .collect(),
    };
    let json = serde_json::to_string_pretty(&article)
        .map_err(|error| ImportError::Refused { id: id.clone(), why: error.to_string() })?;
    // One rule, one place: what agora reads is what agora's parser accepts.
    Article::from_json(&json).map_err(|why| ImportError::Refused { id: id.clone(), why: format!("{why:?}") })?;
    summary.threads_written += 1;
    summary.comments_written += comments.len();
    Ok(Some(Built { id, json: json + "\n" }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comment(id: &str, parent: Option<&str>, at: &str) -> Comment {
        Comment {
            id: id.into(),
            parent: parent.map(String::from),
            author: "A".into(),
            text: format!("text of {id}"),
            date: Some(at.into()),
            sort_key: at.into(),
        }
    }

    fn ids_and_parents(comments: &[Comment]) -> Vec<(String, Option<String>)> {
        comments.iter().map(|c| (c.id.clone(), c.parent.clone())).collect()
    }

    fn pairs(expected: &[(&str, Option<&str>)]) -> Vec<(String, Option<String>)> {
        expected.iter().map(|(id, parent)| (id.to_string(), parent.map(String::from))).collect()
    }

    #[test]
    fn parents_come_before_their_replies() {
        // The reply's clock was behind its parent's.
        let comments =
            vec![comment("b", Some("a"), "2019-01-01T10:00:00Z"), comment("a", None, "2019-01-01T11:00:00Z")];
        let ordered = order(comments, &HashMap::new(), &mut Summary::default());
        assert_eq!(ids_and_parents(&ordered), pairs(&[("a", None), ("b", Some("a"))]));
    }

    #[test]
    fn comments_are_ordered_by_date() {
        let comments = vec![
            comment("late", None, "2019-01-03T00:00:00Z"),
            comment("early", None, "2019-01-01T00:00:00Z"),
            comment("reply", Some("early"), "2019-01-02T00:00:00Z"),
        ];
        let ordered = order(comments, &HashMap::new(), &mut Summary::default());
        assert_eq!(ids_and_parents(&ordered), pairs(&[("early", None), ("reply", Some("early")), ("late", None)]));
    }

    #[test]
    fn replies_to_left_out_comments_move_up() {
        let left_out: HashMap<String, Option<String>> =
            [("gone".to_string(), Some("kept".to_string())), ("gone-root".to_string(), None)].into_iter().collect();
        let comments = vec![
            comment("kept", None, "2019-01-01T00:00:00Z"),
            comment("grandchild", Some("gone"), "2019-01-02T00:00:00Z"),
            comment("orphan", Some("gone-root"), "2019-01-03T00:00:00Z"),
            comment("unknown-parent", Some("nowhere"), "2019-01-04T00:00:00Z"),
        ];
        let ordered = order(comments, &left_out, &mut Summary::default());
        assert_eq!(
            ids_and_parents(&ordered),
            pairs(&[("kept", None), ("grandchild", Some("kept")), ("orphan", None), ("unknown-parent", None)])
        );
    }

    #[test]
    fn loops_and_duplicates_do_not_hang() {
        let left_out: HashMap<String, Option<String>> =
            [("x".to_string(), Some("y".to_string())), ("y".to_string(), Some("x".to_string()))].into_iter().collect();
        let comments = vec![
            comment("a", Some("b"), "2019-01-01T00:00:00Z"),
            comment("b", Some("a"), "2019-01-02T00:00:00Z"),
            comment("self", Some("self"), "2019-01-03T00:00:00Z"),
            comment("c", Some("x"), "2019-01-04T00:00:00Z"),
            comment("a", None, "2019-01-05T00:00:00Z"),
        ];
        let mut summary = Summary::default();
        let ordered = order(comments, &left_out, &mut summary);
        assert_eq!(
            ids_and_parents(&ordered),
            // The two that point at each other come last, the first of them at the top level.
            pairs(&[("self", None), ("c", None), ("a", None), ("b", Some("a"))])
        );
        assert_eq!(summary.duplicates, 1);
    }

    #[test]
    fn ids_come_from_the_url() {
        assert_eq!(slug("https://example.com/2019/03/hello-world/").as_deref(), Some("hello-world"));
        assert_eq!(slug("https://example.com/news/Big Story!?utm=x#c1").as_deref(), Some("Big-Story"));
        assert_eq!(slug("http://example.com/post.html").as_deref(), Some("post"));
        assert_eq!(slug("http://example.com/v1.2").as_deref(), Some("v1.2"));
        assert_eq!(slug("https://example.com/caf%C3%A9").as_deref(), Some("caf-C3-A9"));
        assert_eq!(slug("https://example.com/"), None);
        assert_eq!(slug("https://example.com/?p=12"), None);
        assert_eq!(slug("https://example.com"), None);
        assert_eq!(slug("https://example.com/---/"), None);
        assert_eq!(slug(&format!("https://example.com/{}", "a".repeat(100))).map(|s| s.len()), Some(64));
    }

    #[test]
    fn ids_are_unique_in_an_import() {
        let mut ids = Ids::default();
        assert_eq!(ids.unique("post"), "post");
        assert_eq!(ids.unique("post"), "post-2");
        assert_eq!(ids.unique("Post"), "Post-3");
        let long = "a".repeat(64);
        assert_eq!(ids.unique(&long), long);
        let second = ids.unique(&long);
        assert_eq!(second.len(), 64);
        assert!(second.ends_with("-2"));
        assert_eq!(safe_id("wp-", " 12 "), "wp-12");
        assert_eq!(safe_id("disqus-", "a/b"), "disqus-a-b");
    }

    #[test]
    fn an_article_is_what_agora_reads() {
        let thread = Thread {
            fallback_id: "wp-7".into(),
            url: Some("https://example.com/?p=7".into()),
            title: " ".into(),
            paragraphs: vec![],
            comments: vec![comment("wp-1", None, "2019-01-01T00:00:00Z")],
            left_out: HashMap::new(),
        };
        let mut summary = Summary::default();
        let built = build(thread, &mut Ids::default(), &mut summary).unwrap().unwrap();
        assert_eq!(built.id, "wp-7");
        let article = Article::from_json(&built.json).unwrap();
        assert_eq!(article.title, "https://example.com/?p=7");
        assert_eq!(article.paragraphs, vec!["https://example.com/?p=7".to_string()]);
        assert_eq!(article.comments.len(), 1);
        assert_eq!((summary.threads_written, summary.comments_written), (1, 1));

        let empty = Thread { fallback_id: "wp-8".into(), ..Thread::default() };
        assert!(build(empty, &mut Ids::default(), &mut summary).unwrap().is_none());
        assert_eq!(summary.threads_without_comments, 1);
    }
}
