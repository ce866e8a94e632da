//! What a thread's stored entries mean, read in one pass: the one place
//! that turns entries into comments, likes, folds and drafts, and decides
//! which entries cannot be used. `Store::load` runs it on what
//! `localStorage` holds; the property and fixture tests run it on theirs.

use crate::model::FxHashSet;
use crate::model::nostr::outbox::{OutboxEntry, OutboxSlot};
use crate::model::storage::record::{DraftSlot, Keys, Kind, StoredRecord};
use crate::model::thread::comment::{Comment, CommentId};
use crate::model::thread::news::LastVisit;

/// Everything a thread's entries hold.
#[derive(Debug, Default, PartialEq)]
pub struct Loaded {
    pub comments: Vec<Comment>,
    pub liked: FxHashSet<CommentId>,
    pub collapsed: FxHashSet<CommentId>,
    /// Unsent text by slot (a handful: a list is enough).
    pub drafts: Vec<(DraftSlot, String)>,
    /// What waits for relays or was sent to them, by slot name, as stored:
    /// only the relay build reads it ([`outbox_entries`]), so the usual
    /// build carries no code for events.
    pub outbox: Vec<(String, String)>,
    /// Comment entries that cannot be used, by key, with their values: they
    /// are to be moved aside (see [`aside_key`]), never shown, never lost.
    pub unusable: Vec<(String, String)>,
    /// When the reader was last on the thread (the store reads it once per
    /// page: see `crate::store`).
    pub last_visit: LastVisit,
}

/// Reads a thread's entries (key, value); keys of other threads and of the
/// host are skipped.
pub fn load<'a>(keys: &Keys, entries: impl IntoIterator<Item = (&'a str, &'a str)>) -> Loaded {
    let mut loaded = Loaded::default();
    for (key, raw) in entries {
        let Some((kind, name)) = keys.parse(key) else { continue };
        match kind {
            Kind::Comment => match StoredRecord::decode(name, raw) {
                Ok(comment) => loaded.comments.push(comment),
                Err(_) => loaded.unusable.push((key.to_string(), raw.to_string())),
            },
            Kind::Like => loaded.liked.extend(CommentId::parse(name)),
            Kind::Collapsed => loaded.collapsed.extend(CommentId::parse(name)),
            Kind::Draft => {
                let text = serde_json::from_str::<String>(raw).ok();
                if let (Some(slot), Some(text)) = (DraftSlot::parse(name), text) {
                    loaded.drafts.push((slot, text));
                }
            }
            Kind::Out => loaded.outbox.push((name.to_string(), raw.to_string())),
            Kind::Aside | Kind::Visit => {}
        }
    }
    loaded
}

/// The outbox entries that read as such; others are left alone.
pub fn outbox_entries(stored: &[(String, String)]) -> Vec<(OutboxSlot, OutboxEntry)> {
    stored
        .iter()
        .filter_map(|(name, raw)| Some((OutboxSlot::parse(name)?, serde_json::from_str::<OutboxEntry>(raw).ok()?)))
        .collect()
}

/// How many numbered aside keys an unusable entry may try.
const ASIDE_ATTEMPTS: usize = 100;

/// Where an unusable entry under `key` is kept: the first aside key that is
/// free or already holds this very value (`stored` reads what a key holds).
/// An aside key holding something else is never overwritten; `None` when
/// every candidate is taken, and then the entry stays where it is (ignored
/// on every load, and still not lost).
pub fn aside_key(keys: &Keys, key: &str, raw: &str, stored: impl Fn(&str) -> Option<String>) -> Option<String> {
    let base = keys.aside(key);
    (0..ASIDE_ATTEMPTS)
        .map(|attempt| if attempt == 0 { base.clone() } else { format!("{base}~{attempt}") })
        .find(|candidate| stored(candidate).is_none_or(|existing| existing == raw))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ThreadId;
    use std::collections::BTreeMap;

    fn keys() -> Keys {
        Keys::new(&ThreadId::parse("t").unwrap())
    }

    #[test]
    fn every_kind_of_entry_is_read_and_others_are_skipped() {
        let entries = [
            ("agora:v1:t:c:a-1", r#"{"v":1,"id":"a-1","author":"Ann","text":"Hi","at":5}"#),
            ("agora:v1:t:c:b-2", "garbage"),
            ("agora:v1:t:like:seed-1", "1"),
            ("agora:v1:t:collapsed:a-1", "1"),
            ("agora:v1:t:draft:new", "\"Half a thought\""),
            ("agora:v1:t:draft:reply-a-1", "\"A reply\""),
            ("agora:v1:t:draft:bogus", "\"ignored\""),
            ("agora:v1:t:aside:c-3", "kept aside"),
            ("agora:v1:other:c:d-4", r#"{"v":1,"id":"d-4","author":"D","text":"D","at":5}"#),
            ("host-key", "1"),
        ];
        let loaded = load(&keys(), entries);
        let id = |s: &str| CommentId::parse(s).unwrap();
        assert_eq!(loaded.comments.len(), 1);
        assert_eq!(loaded.comments[0].author(), "Ann");
        assert_eq!(loaded.unusable, [("agora:v1:t:c:b-2".to_string(), "garbage".to_string())]);
        assert_eq!(loaded.liked, FxHashSet::from_iter([id("seed-1")]));
        assert_eq!(loaded.collapsed, FxHashSet::from_iter([id("a-1")]));
        assert_eq!(
            loaded.drafts,
            [(DraftSlot::New, "Half a thought".into()), (DraftSlot::Reply(id("a-1")), "A reply".into())]
        );
    }

    #[test]
    fn an_aside_key_holding_something_else_is_never_overwritten() {
        let mut stored = BTreeMap::new();
        let key = "agora:v1:t:c:b-2";
        let at = |stored: &BTreeMap<String, String>| aside_key(&keys(), key, "garbage", |k| stored.get(k).cloned());
        assert_eq!(at(&stored).as_deref(), Some("agora:v1:t:aside:b-2"));
        stored.insert("agora:v1:t:aside:b-2".to_string(), "older garbage".to_string());
        assert_eq!(at(&stored).as_deref(), Some("agora:v1:t:aside:b-2~1"));
        stored.insert("agora:v1:t:aside:b-2~1".to_string(), "garbage".to_string());
        assert_eq!(at(&stored).as_deref(), Some("agora:v1:t:aside:b-2~1"), "the same value is kept once");
        for attempt in 1..ASIDE_ATTEMPTS {
            stored.insert(format!("agora:v1:t:aside:b-2~{attempt}"), "other".into());
        }
        assert_eq!(at(&stored), None);
    }
}
