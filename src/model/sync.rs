//! What a change made by another tab (a `storage` event) means for this
//! thread. Pure, so that every case is covered natively.

use super::comment::{Comment, CommentId};
use super::record::{Keys, StoredRecord};

#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// A comment was written: show it (once).
    Posted(Comment),
    /// A comment's entry was removed (or moved aside): stop showing it.
    Removed(CommentId),
    /// All storage was cleared: reload everything.
    Cleared,
}

/// Interprets one storage event (`key` is `None` when storage was cleared).
/// Keys of other threads, of the host page, and values that cannot be used
/// are ignored here; unusable values are moved aside on the next load.
pub fn change_from_event(keys: &Keys, key: Option<&str>, new_value: Option<&str>) -> Option<Change> {
    let Some(key) = key else {
        return Some(Change::Cleared);
    };
    let suffix = keys.comment_suffix(key)?;
    match new_value {
        Some(raw) => StoredRecord::decode(suffix, raw).ok().map(Change::Posted),
        None => CommentId::parse(suffix).map(Change::Removed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ThreadId;

    fn keys() -> Keys {
        Keys::new(&ThreadId::parse("t").unwrap())
    }

    #[test]
    fn a_post_in_another_tab_is_shown() {
        let raw = r#"{"v":1,"id":"x-1","author":"A","text":"B","at":9}"#;
        let change = change_from_event(&keys(), Some("agora:v1:t:c:x-1"), Some(raw));
        assert!(matches!(change, Some(Change::Posted(c)) if c.id.as_str() == "x-1"));
    }

    #[test]
    fn other_keys_and_garbage_are_ignored() {
        let raw = r#"{"v":1,"id":"x-1","author":"A","text":"B","at":9}"#;
        assert_eq!(change_from_event(&keys(), Some("agora:v1:other:c:x-1"), Some(raw)), None);
        assert_eq!(change_from_event(&keys(), Some("host-key"), Some("1")), None);
        assert_eq!(change_from_event(&keys(), Some("agora:v1:t:c:x-1"), Some("garbage")), None);
    }

    #[test]
    fn removal_and_clearing() {
        assert_eq!(
            change_from_event(&keys(), Some("agora:v1:t:c:x-1"), None),
            Some(Change::Removed(CommentId::parse("x-1").unwrap()))
        );
        assert_eq!(change_from_event(&keys(), None, None), Some(Change::Cleared));
    }
}
