//! What a change made by another tab (a `storage` event) or another widget on
//! the page means for this thread. Pure, so that every case is covered
//! natively.

use super::comment::{Comment, CommentId};
use super::record::{Keys, Kind, StoredRecord};
use super::tree::Sort;

#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// A comment was posted, edited, deleted into a placeholder or restored.
    Upsert(Comment),
    /// A comment's entry was removed (deleted, or moved aside).
    Removed(CommentId),
    Liked(CommentId, bool),
    Collapsed(CommentId, bool),
    /// The reader chose another order (shared by every thread).
    Sorted(Sort),
    /// All storage was cleared: reload everything.
    Cleared,
}

/// Interprets one storage event (`key` is `None` when storage was cleared).
/// Keys of other threads, of the host page, drafts, and values that cannot be
/// used are ignored here; unusable values are moved aside on the next load.
pub fn change_from_event(keys: &Keys, key: Option<&str>, new_value: Option<&str>) -> Option<Change> {
    let Some(key) = key else {
        return Some(Change::Cleared);
    };
    if key == Keys::SORT {
        return new_value.and_then(|raw| serde_json::from_str::<String>(raw).ok()).and_then(|name| Sort::parse(&name)).map(Change::Sorted);
    }
    let (kind, name) = keys.parse(key)?;
    match (kind, new_value) {
        (Kind::Comment, Some(raw)) => StoredRecord::decode(name, raw).ok().map(Change::Upsert),
        (Kind::Comment, None) => CommentId::parse(name).map(Change::Removed),
        (Kind::Like, value) => CommentId::parse(name).map(|id| Change::Liked(id, value.is_some())),
        (Kind::Collapsed, value) => CommentId::parse(name).map(|id| Change::Collapsed(id, value.is_some())),
        (Kind::Draft | Kind::Aside, _) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ThreadId;

    fn keys() -> Keys {
        Keys::new(&ThreadId::parse("t").unwrap())
    }

    fn id(s: &str) -> CommentId {
        CommentId::parse(s).unwrap()
    }

    #[test]
    fn a_post_or_edit_in_another_tab_is_shown() {
        let raw = r#"{"v":1,"id":"x-1","author":"A","text":"B","at":9}"#;
        let change = change_from_event(&keys(), Some("agora:v1:t:c:x-1"), Some(raw));
        assert!(matches!(change, Some(Change::Upsert(c)) if c.id.as_str() == "x-1"));
    }

    #[test]
    fn other_keys_drafts_and_garbage_are_ignored() {
        let raw = r#"{"v":1,"id":"x-1","author":"A","text":"B","at":9}"#;
        assert_eq!(change_from_event(&keys(), Some("agora:v1:other:c:x-1"), Some(raw)), None);
        assert_eq!(change_from_event(&keys(), Some("host-key"), Some("1")), None);
        assert_eq!(change_from_event(&keys(), Some("agora:v1:t:c:x-1"), Some("garbage")), None);
        assert_eq!(change_from_event(&keys(), Some("agora:v1:t:draft:new"), Some("\"hi\"")), None);
        assert_eq!(change_from_event(&keys(), Some("agora:v1:t:like:bad id"), Some("1")), None);
    }

    #[test]
    fn removal_likes_folding_and_clearing() {
        assert_eq!(change_from_event(&keys(), Some("agora:v1:t:c:x-1"), None), Some(Change::Removed(id("x-1"))));
        assert_eq!(
            change_from_event(&keys(), Some("agora:v1:t:like:seed-2"), Some("1")),
            Some(Change::Liked(id("seed-2"), true))
        );
        assert_eq!(
            change_from_event(&keys(), Some("agora:v1:t:like:seed-2"), None),
            Some(Change::Liked(id("seed-2"), false))
        );
        assert_eq!(
            change_from_event(&keys(), Some("agora:v1:t:collapsed:x-1"), Some("1")),
            Some(Change::Collapsed(id("x-1"), true))
        );
        assert_eq!(change_from_event(&keys(), None, None), Some(Change::Cleared));
        assert_eq!(
            change_from_event(&keys(), Some("agora:v1:sort"), Some("\"newest\"")),
            Some(Change::Sorted(Sort::Newest))
        );
        assert_eq!(change_from_event(&keys(), Some("agora:v1:sort"), Some("nonsense")), None);
    }
}
