//! What a change made by another tab (a `storage` event) or another widget on
//! the page means for this thread. Pure, so that every case is covered
//! natively.

use crate::model::storage::record::{Keys, Kind, StoredRecord};
use crate::model::thread::Change;
use crate::model::thread::comment::CommentId;
use crate::model::thread::tree::Sort;

/// What one widget hears of a change made elsewhere: to the thread, or to
/// the reader's view of it.
#[derive(Clone, Debug, PartialEq)]
pub enum Heard {
    Thread(Change),
    /// A comment's replies were folded or unfolded.
    Folded(CommentId, bool),
    /// The reader chose another order (shared by every thread).
    Sorted(Sort),
    /// All storage was cleared: reload everything.
    Cleared,
    /// An outbox entry (its slot's name, and its stored value, `None` when
    /// removed): another tab or widget signed, sent or retracted one of the
    /// reader's events, so that this one knows the event as the reader's
    /// own and does not sign it again. Read by the relay build only.
    Outbox(String, Option<String>),
}

/// Interprets one storage event (`key` is `None` when storage was cleared).
/// Keys of other threads, of the host page, drafts, and values that cannot be
/// used are ignored here; unusable values are moved aside on the next load.
pub fn heard_from_event(keys: &Keys, key: Option<&str>, new_value: Option<&str>) -> Option<Heard> {
    let Some(key) = key else {
        return Some(Heard::Cleared);
    };
    if key == Keys::SORT {
        return new_value
            .and_then(|raw| serde_json::from_str::<String>(raw).ok())
            .and_then(|name| Sort::parse(&name))
            .map(Heard::Sorted);
    }
    let (kind, name) = keys.parse(key)?;
    let change = match (kind, new_value) {
        (Kind::Comment, Some(raw)) => Change::Upsert(StoredRecord::decode(name, raw).ok()?),
        (Kind::Comment, None) => Change::Removed(CommentId::parse(name)?),
        (Kind::Like, value) => Change::Liked(CommentId::parse(name)?, value.is_some()),
        (Kind::Collapsed, value) => return Some(Heard::Folded(CommentId::parse(name)?, value.is_some())),
        #[cfg(any(feature = "relays", test))]
        (Kind::Out, value) => return Some(Heard::Outbox(name.to_string(), value.map(str::to_string))),
        #[cfg(not(any(feature = "relays", test)))]
        (Kind::Out, _) => return None,
        (Kind::Draft | Kind::Aside | Kind::Visit, _) => return None,
    };
    Some(Heard::Thread(change))
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
        let change = heard_from_event(&keys(), Some("agora:v1:t:c:x-1"), Some(raw));
        assert!(matches!(change, Some(Heard::Thread(Change::Upsert(c))) if c.id.as_str() == "x-1"));
    }

    #[test]
    fn other_keys_drafts_and_garbage_are_ignored() {
        let raw = r#"{"v":1,"id":"x-1","author":"A","text":"B","at":9}"#;
        assert_eq!(heard_from_event(&keys(), Some("agora:v1:other:c:x-1"), Some(raw)), None);
        assert_eq!(heard_from_event(&keys(), Some("host-key"), Some("1")), None);
        assert_eq!(heard_from_event(&keys(), Some("agora:v1:t:c:x-1"), Some("garbage")), None);
        assert_eq!(heard_from_event(&keys(), Some("agora:v1:t:draft:new"), Some("\"hi\"")), None);
        assert_eq!(heard_from_event(&keys(), Some("agora:v1:t:like:bad id"), Some("1")), None);
    }

    #[test]
    fn another_tab_s_outbox_entries_reach_the_relay_layer() {
        let raw = r#"{"event":null,"acked":[]}"#;
        assert_eq!(
            heard_from_event(&keys(), Some("agora:v1:t:out:comment-x-1"), Some(raw)),
            Some(Heard::Outbox("comment-x-1".into(), Some(raw.into())))
        );
        assert_eq!(
            heard_from_event(&keys(), Some("agora:v1:t:out:profile"), None),
            Some(Heard::Outbox("profile".into(), None))
        );
        assert_eq!(heard_from_event(&keys(), Some("agora:v1:other:out:profile"), None), None);
    }

    #[test]
    fn removal_likes_folding_and_clearing() {
        assert_eq!(
            heard_from_event(&keys(), Some("agora:v1:t:c:x-1"), None),
            Some(Heard::Thread(Change::Removed(id("x-1"))))
        );
        assert_eq!(
            heard_from_event(&keys(), Some("agora:v1:t:like:seed-2"), Some("1")),
            Some(Heard::Thread(Change::Liked(id("seed-2"), true)))
        );
        assert_eq!(
            heard_from_event(&keys(), Some("agora:v1:t:like:seed-2"), None),
            Some(Heard::Thread(Change::Liked(id("seed-2"), false)))
        );
        assert_eq!(
            heard_from_event(&keys(), Some("agora:v1:t:collapsed:x-1"), Some("1")),
            Some(Heard::Folded(id("x-1"), true))
        );
        assert_eq!(heard_from_event(&keys(), None, None), Some(Heard::Cleared));
        assert_eq!(
            heard_from_event(&keys(), Some("agora:v1:sort"), Some("\"newest\"")),
            Some(Heard::Sorted(Sort::Newest))
        );
        assert_eq!(heard_from_event(&keys(), Some("agora:v1:sort"), Some("nonsense")), None);
    }
}
