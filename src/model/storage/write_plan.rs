//! Which entries keeping or removing one of the reader's comments writes and
//! removes, in which order: the one plan that `crate::store::Store` carries
//! out on `localStorage` and the property test (`tests/no_comment_lost.rs`)
//! on its map, so that the test checks the store's real steps.
//!
//! Steps are carried out in order and the first that fails stops the rest:
//! an unusable value is removed from its key only once its copy aside is
//! written, and a comment is written over its key only once what was there
//! has been moved aside.

use crate::model::storage::load::aside_key;
use crate::model::storage::record::{Keys, StoredRecord};
use crate::model::thread::comment::{Comment, CommentId};

/// What a step writes under its key.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// One of the reader's comments, stored as JSON.
    Record(StoredRecord),
    /// A value that could not be used, moved aside exactly as it was (it
    /// need not be JSON: another program may have written it).
    Verbatim(String),
}

/// One write or removal of one entry.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    Write(String, Value),
    Remove(String),
}

/// Keeps one of the reader's comments, new or changed, under its own key;
/// `None` for a comment that is not the reader's (only those are stored).
/// `current` reads what storage holds under a key now.
pub fn put(keys: &Keys, comment: &Comment, current: impl Fn(&str) -> Option<String>) -> Option<Vec<Step>> {
    let record = StoredRecord::from_comment(comment)?;
    let key = keys.comment(&comment.id);
    let mut steps = clear_way(keys, &key, current);
    steps.push(Step::Write(key, Value::Record(record)));
    Some(steps)
}

/// Removes a comment's entry.
pub fn remove(keys: &Keys, id: &CommentId, current: impl Fn(&str) -> Option<String>) -> Vec<Step> {
    let key = keys.comment(id);
    let mut steps = clear_way(keys, &key, current);
    steps.push(Step::Remove(key));
    steps
}

/// Moves the unusable value `raw` from `key` to its aside key (see
/// [`aside_key`]), where it is never shown and never overwritten. Nothing
/// when all the aside keys it may use hold other values: it then stays
/// where it is, ignored on every load.
pub fn set_aside(keys: &Keys, key: &str, raw: &str, current: impl Fn(&str) -> Option<String>) -> Vec<Step> {
    let Some(aside) = aside_key(keys, key, raw, &current) else { return Vec::new() };
    let mut steps = Vec::with_capacity(2);
    // Already there from an earlier move that could not remove the original.
    if current(&aside).is_none() {
        steps.push(Step::Write(aside, Value::Verbatim(raw.to_string())));
    }
    steps.push(Step::Remove(key.to_string()));
    steps
}

/// Before a comment's key is written or removed: a value there that is not
/// a comment (another program wrote it) is moved aside first. One read,
/// however long the thread is.
fn clear_way(keys: &Keys, key: &str, current: impl Fn(&str) -> Option<String>) -> Vec<Step> {
    let Some(raw) = current(key) else { return Vec::new() };
    let usable = keys.comment_suffix(key).is_some_and(|id| StoredRecord::decode(id, &raw).is_ok());
    if usable { Vec::new() } else { set_aside(keys, key, &raw, current) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Draft, ThreadId};
    use std::collections::BTreeMap;

    fn keys() -> Keys {
        Keys::new(&ThreadId::parse("t").unwrap())
    }

    fn own(id: &str) -> Comment {
        let draft = Draft { name: "Ann".into(), text: "Hello".into() };
        Comment::posted(CommentId::parse(id).unwrap(), draft.check().unwrap(), 5.0, None)
    }

    #[test]
    fn a_comment_is_one_write_under_its_own_key() {
        let comment = own("a-1");
        let steps = put(&keys(), &comment, |_| None).unwrap();
        let record = StoredRecord::from_comment(&comment).unwrap();
        assert_eq!(steps, [Step::Write(keys().comment(&comment.id), Value::Record(record))]);
        assert_eq!(remove(&keys(), &comment.id, |_| None), [Step::Remove(keys().comment(&comment.id))]);
    }

    #[test]
    fn only_the_readers_own_comments_are_kept() {
        let mut seed = own("seed-1");
        seed.origin = crate::model::Origin::Seed { at_ms: None };
        assert_eq!(put(&keys(), &seed, |_| None), None);
    }

    #[test]
    fn a_stored_comment_is_written_over_and_garbage_is_moved_aside_first() {
        let comment = own("a-1");
        let key = keys().comment(&comment.id);
        let stored = serde_json::to_string(&StoredRecord::from_comment(&comment).unwrap()).unwrap();
        let holding = |value: &str| {
            let storage = BTreeMap::from([(key.clone(), value.to_string())]);
            move |k: &str| storage.get(k).cloned()
        };
        assert_eq!(put(&keys(), &comment, holding(&stored)).unwrap().len(), 1);
        let aside = keys().aside(&key);
        let steps = put(&keys(), &comment, holding("garbage")).unwrap();
        assert_eq!(steps[..2], [Step::Write(aside, Value::Verbatim("garbage".into())), Step::Remove(key.clone())]);
        assert!(matches!(&steps[2], Step::Write(k, Value::Record(_)) if *k == key));
        let steps = remove(&keys(), &comment.id, holding("garbage"));
        assert_eq!(steps.len(), 3);
        assert_eq!(steps[2], Step::Remove(key));
    }

    #[test]
    fn a_value_already_aside_is_not_written_twice_and_another_is_not_overwritten() {
        let key = keys().comment(&CommentId::parse("a-1").unwrap());
        let aside = keys().aside(&key);
        let same = BTreeMap::from([(aside.clone(), "garbage".to_string())]);
        assert_eq!(set_aside(&keys(), &key, "garbage", |k| same.get(k).cloned()), [Step::Remove(key.clone())]);
        let other = BTreeMap::from([(aside.clone(), "other".to_string())]);
        let steps = set_aside(&keys(), &key, "garbage", |k| other.get(k).cloned());
        assert_eq!(steps[0], Step::Write(format!("{aside}~1"), Value::Verbatim("garbage".into())));
        let full: BTreeMap<String, String> =
            (0..100).map(|i| (if i == 0 { aside.clone() } else { format!("{aside}~{i}") }, "x".into())).collect();
        assert_eq!(set_aside(&keys(), &key, "garbage", |k| full.get(k).cloned()), []);
    }
}
