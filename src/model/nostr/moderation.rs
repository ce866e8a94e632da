//! A moderator's mute list (NIP-51, kind 10000) as agora changes it: the
//! newest list found on the relays with one public tag added (hide) or
//! removed (unhide), every other tag and the `content` (entries other
//! clients keep encrypted) exactly as they were. There is no change without
//! a current list: a list agora cannot see is never replaced by a new one.

use crate::model::nostr::event::FOLLOW_SET;
use crate::model::nostr::{Event, Unsigned};

/// The `d` tag of the follow set (NIP-51, kind 30000) in which a moderator
/// approves authors, where a thread is approval first.
pub const APPROVED: &str = "agora-approved";

/// What a moderator hides: one comment (its event id, an `e` tag) or every
/// comment of an author (their key, a `p` tag).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Comment(String),
    Author(String),
}

impl Target {
    fn tag(&self) -> (&'static str, &str) {
        match self {
            Target::Comment(id) => ("e", id),
            Target::Author(key) => ("p", key),
        }
    }

    /// Whether `list` names this target in its public tags.
    pub fn is_in(&self, list: &Event) -> bool {
        let (name, value) = self.tag();
        list.tags.iter().any(|tag| is_tag(tag, name, value))
    }
}

fn is_tag(tag: &[String], name: &str, value: &str) -> bool {
    tag.first().is_some_and(|n| n == name) && tag.get(1).is_some_and(|v| v == value)
}

/// Why a moderator's change was not made (nothing was published).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The relays have not all answered yet: the newest list may still come.
    NotLoaded,
    /// The relays answered, and none has the moderator's list.
    NoList,
    /// The signer declined, or no key could sign.
    Declined,
}

/// The moderator's next list: `current` with `target` hidden or not,
/// dated `at` (seconds) or just after `current`, so that it replaces it
/// even where clocks differ.
pub fn changed_list(current: &Event, target: &Target, hidden: bool, at: u64) -> Unsigned {
    let (name, value) = target.tag();
    let mut tags = current.tags.clone();
    if hidden {
        if !target.is_in(current) {
            tags.push(vec![name.to_string(), value.to_string()]);
        }
    } else {
        tags.retain(|tag| !is_tag(tag, name, value));
    }
    Unsigned {
        pubkey: current.pubkey.clone(),
        created_at: at.max(current.created_at.saturating_add(1)),
        kind: current.kind,
        tags,
        content: current.content.clone(),
    }
}

/// The moderator's next set of approved authors: `current` with `author`
/// added (every other entry kept), or, where the relays answered and have
/// none, a new set. Agora's own set: no other app keeps entries in it.
pub fn approved_set(pubkey: &str, current: Option<&Event>, author: &str, at: u64) -> Unsigned {
    match current {
        Some(current) => changed_list(current, &Target::Author(author.to_string()), true, at),
        None => Unsigned {
            pubkey: pubkey.to_string(),
            created_at: at,
            kind: FOLLOW_SET,
            tags: vec![vec!["d".into(), APPROVED.into()], vec!["p".into(), author.to_string()]],
            content: String::new(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::nostr::event::MUTE_LIST;

    fn list(tags: &[&[&str]], content: &str) -> Event {
        let key = crate::model::nostr::keys::SecretKey::from_bytes(&[7; 32]).unwrap();
        Unsigned {
            pubkey: key.public_hex(),
            created_at: 1_000,
            kind: MUTE_LIST,
            tags: tags.iter().map(|t| t.iter().map(|s| s.to_string()).collect()).collect(),
            content: content.into(),
        }
        .sign(&key, &[1; 32])
        .unwrap()
    }

    #[test]
    fn hiding_adds_one_tag_and_keeps_every_other_entry_and_the_private_content() {
        let current = list(&[&["p", "aa"], &["t", "nsfw"], &["word", "spam"]], "encrypted?iv=xyz");
        let next = changed_list(&current, &Target::Comment("ee".into()), true, 2_000);
        assert_eq!(next.kind, MUTE_LIST);
        assert_eq!(next.pubkey, current.pubkey);
        assert_eq!(next.content, "encrypted?iv=xyz");
        assert_eq!(next.created_at, 2_000);
        let tags: Vec<String> = next.tags.iter().map(|t| t.join(":")).collect();
        assert_eq!(tags, ["p:aa", "t:nsfw", "word:spam", "e:ee"]);
        // Hiding twice adds nothing twice.
        let again = changed_list(&list(&[&["e", "ee"]], ""), &Target::Comment("ee".into()), true, 2_000);
        assert_eq!(again.tags.len(), 1);
    }

    #[test]
    fn approving_adds_the_author_to_the_set_or_starts_agoras_own() {
        let first = approved_set("mm", None, "aa", 5);
        assert_eq!((first.kind, first.pubkey.as_str(), first.created_at), (FOLLOW_SET, "mm", 5));
        assert_eq!(first.tags, [["d", APPROVED], ["p", "aa"]]);
        let mut current = list(&[&["d", APPROVED], &["p", "aa"]], "");
        current.kind = FOLLOW_SET;
        let next = approved_set(&current.pubkey.clone(), Some(&current), "bb", 2_000);
        assert_eq!(next.kind, FOLLOW_SET);
        assert_eq!(next.tags, [["d", APPROVED], ["p", "aa"], ["p", "bb"]]);
    }

    #[test]
    fn unhiding_removes_only_that_tag_and_a_new_list_always_replaces_the_old() {
        let current = list(&[&["p", "aa"], &["e", "ee", "wss://r"], &["p", "bb"]], "x");
        let next = changed_list(&current, &Target::Author("aa".into()), false, 10);
        let tags: Vec<String> = next.tags.iter().map(|t| t.join(":")).collect();
        assert_eq!(tags, ["e:ee:wss://r", "p:bb"]);
        // A clock behind the list's date still dates the new one after it.
        assert_eq!(next.created_at, 1_001);
        assert!(Target::Comment("ee".into()).is_in(&current));
        assert!(!Target::Author("ee".into()).is_in(&current));
    }
}
