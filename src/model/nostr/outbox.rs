//! The outbox: what the reader's actions send to relays, kept in storage
//! until every relay acknowledged it, so nothing is lost offline or across
//! a reload, and nothing is sent twice to a relay that took it.

use super::event::Event;
use crate::model::thread::comment::CommentId;
use serde::{Deserialize, Serialize};

/// What an outbox entry is for.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum OutboxSlot {
    /// One of the reader's comments.
    Comment(CommentId),
    /// The reader's like of a comment.
    Like(CommentId),
    /// A request to delete one of the reader's events (by its id).
    Deletion(String),
    /// The reader's profile (the name they post under).
    Profile,
}

impl OutboxSlot {
    /// The slot's name in its key: `comment-<id>`, `like-<id>`,
    /// `deletion-<event id>`, `profile`.
    pub fn name(&self) -> String {
        match self {
            OutboxSlot::Comment(id) => format!("comment-{id}"),
            OutboxSlot::Like(id) => format!("like-{id}"),
            OutboxSlot::Deletion(event) => format!("deletion-{event}"),
            OutboxSlot::Profile => "profile".into(),
        }
    }

    pub fn parse(name: &str) -> Option<OutboxSlot> {
        if name == "profile" {
            return Some(OutboxSlot::Profile);
        }
        let (kind, rest) = name.split_once('-')?;
        match kind {
            "comment" => CommentId::parse(rest).map(OutboxSlot::Comment),
            "like" => CommentId::parse(rest).map(OutboxSlot::Like),
            "deletion" => super::keys::is_hex(rest, 64).then(|| OutboxSlot::Deletion(rest.into())),
            _ => None,
        }
    }
}

/// One outbox entry: the signed event (none yet while it waits to be
/// signed) and the relays that acknowledged it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OutboxEntry {
    #[serde(default)]
    pub event: Option<Event>,
    #[serde(default)]
    pub acked: Vec<String>,
    /// For a deletion: the kind of the event it deletes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<u32>,
    /// When it was queued (seconds since the Unix epoch): the date of its
    /// event, so that two tabs that both sign it make the same event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<u64>,
    /// For a deletion of an earlier version of one of the reader's comments:
    /// that comment's local id, so that replies to that version still nest
    /// under it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
}

impl OutboxEntry {
    /// A new entry, queued at `at` (seconds).
    pub fn queued(at: u64) -> OutboxEntry {
        OutboxEntry { at: Some(at), ..OutboxEntry::default() }
    }

    /// Whether `relay` still has to get it.
    pub fn due_at(&self, relay: &str) -> bool {
        self.event.is_some() && !self.acked.iter().any(|r| r == relay)
    }
}

/// How far one of the reader's comments got, as its status says it.
#[derive(Clone, Debug, PartialEq)]
pub enum Delivery {
    /// Posted before this thread was shared: only in this browser.
    Local,
    /// Not yet acknowledged by any relay (signing, offline, relays down).
    Waiting,
    /// Acknowledged by `sent` of the `of` relays.
    Sent { sent: usize, of: usize },
    /// A relay refused it, with its reason (and how many took it).
    Refused { relay: String, reason: String, sent: usize, of: usize },
    /// A moderator's mute list hides it from other readers.
    Hidden,
    /// Sent, and shown to others once a moderator approves its author
    /// (approval first).
    Pending,
}

/// The delivery of an entry to `relays`, given the refusals heard (relay,
/// reason) for its event.
pub fn delivery(entry: Option<&OutboxEntry>, relays: &[String], refusals: &[(String, String)]) -> Delivery {
    let Some(entry) = entry else { return Delivery::Local };
    let of = relays.len();
    let sent = relays.iter().filter(|r| entry.acked.contains(r)).count();
    if let Some((relay, reason)) = refusals.iter().find(|(relay, _)| !entry.acked.contains(relay)) {
        return Delivery::Refused { relay: relay.clone(), reason: reason.clone(), sent, of };
    }
    if sent == 0 { Delivery::Waiting } else { Delivery::Sent { sent, of } }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_name_their_keys_and_read_back() {
        let id = CommentId::parse("m3k9-1").unwrap();
        for slot in [
            OutboxSlot::Comment(id.clone()),
            OutboxSlot::Like(id),
            OutboxSlot::Deletion("a".repeat(64)),
            OutboxSlot::Profile,
        ] {
            assert_eq!(OutboxSlot::parse(&slot.name()), Some(slot));
        }
        for bad in ["", "comment-", "deletion-xyz", "like-a b", "other-1"] {
            assert_eq!(OutboxSlot::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn delivery_counts_the_configured_relays_that_took_it() {
        let relays = vec!["wss://a".to_string(), "wss://b".to_string()];
        assert_eq!(delivery(None, &relays, &[]), Delivery::Local);
        let mut entry = OutboxEntry::default();
        assert_eq!(delivery(Some(&entry), &relays, &[]), Delivery::Waiting);
        entry.acked.push("wss://a".into());
        entry.acked.push("wss://gone".into());
        assert_eq!(delivery(Some(&entry), &relays, &[]), Delivery::Sent { sent: 1, of: 2 });
        let refused = [("wss://b".to_string(), "pow: difficulty 8 is less than 16".to_string())];
        assert_eq!(
            delivery(Some(&entry), &relays, &refused),
            Delivery::Refused {
                relay: "wss://b".into(),
                reason: "pow: difficulty 8 is less than 16".into(),
                sent: 1,
                of: 2
            }
        );
        assert!(!entry.due_at("wss://a"), "no event yet, nothing to send");
    }
}
